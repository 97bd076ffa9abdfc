/**
 * What the output folder holds now, file by file, each read at most once per run. A file whose
 * stat stamp still vouches for it (stamps.ts) is known by the digest the manifest records, without
 * reading it: after a one-operation edit, the hand-edit plan, the diff against the new output and
 * the API report then compare 2,400 files by digest and read a handful.
 */
import { join } from 'node:path';
import { hash, readIfExists, readManifest } from './index.js';
import type { OutputStamps } from './stamps.js';

export class OnDisk {
  /** What lathe last wrote, as its manifest records it: path -> digest (of the merged content, for merged files). */
  readonly recorded: Readonly<Record<string, string>>;
  private readonly trusted: (path: string) => boolean;
  private readonly contents = new Map<string, string | undefined>();
  private readonly digests = new Map<string, string | undefined>();

  constructor(private readonly outDir: string, stamps?: OutputStamps) {
    const found = readManifest(outDir);
    this.recorded = found?.manifest.files ?? {};
    this.trusted = found && stamps ? stamps.trusted(found.digest) : () => false;
  }

  /** The file's content, or undefined if there is none. */
  content(path: string): string | undefined {
    if (!this.contents.has(path)) this.contents.set(path, readIfExists(join(this.outDir, path)));
    return this.contents.get(path);
  }

  /** The sha256 of the file's content, or undefined if there is none. */
  digest(path: string): string | undefined {
    if (!this.digests.has(path)) {
      const recorded = this.recorded[path];
      let digest: string | undefined;
      if (recorded !== undefined && this.trusted(path)) digest = recorded;
      else {
        // Not kept: most files are only compared, and holding the output's text costs memory.
        const content = this.contents.get(path) ?? readIfExists(join(this.outDir, path));
        digest = content === undefined ? undefined : hash(content);
      }
      this.digests.set(path, digest);
    }
    return this.digests.get(path);
  }
}

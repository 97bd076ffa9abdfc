/**
 * What the wire stage reuses from the last run: the text of each member of the `src/openapi.ts` it
 * printed, by the member's key (wire/index.ts). The entry, in lathe's one disk cache, holds only
 * where each member is in that file; the file itself is in the output's pristine store, which keeps
 * every file of the last run by digest anyway. An entry whose file is gone or changed is a miss.
 */
import type { BlobStore } from '../emit/cache.js';
import { cacheKey, DiskCache } from '../emit/disk-cache.js';
import { digestOf, type OutputFile } from '../emit/output.js';
import type { PrintedWire } from './index.js';

interface Entry {
  readonly digest: string;
  readonly bytes: number;
  readonly members: PrintedWire['members'];
}

export class WireCache {
  private readonly disk: DiskCache;
  private readonly key: string;

  /**
   * @param codeHash identifies lathe's code (a new version reuses nothing).
   * @param outDir the output folder whose pristine store `blobs` is: one entry per output.
   */
  constructor(root: string, codeHash: string, outDir: string, private readonly blobs: BlobStore) {
    this.disk = new DiskCache(root, 'wire');
    this.key = cacheKey(codeHash, outDir);
  }

  /** The member texts of the last run's file by key, or undefined if there is none to reuse. */
  earlier(): Map<string, string> | undefined {
    const entry = this.entry();
    if (!entry || this.blobs.size(entry.digest) !== entry.bytes) return undefined;
    const text = this.blobs.read(entry.digest);
    if (text === undefined) return undefined;
    const texts = new Map<string, string>();
    for (const [key, start, end] of entry.members) {
      if (typeof key !== 'string' || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) return undefined;
      texts.set(key, text.slice(start, end));
    }
    return texts;
  }

  /** Records where `printed`'s members are in `file`, the file it became. */
  save(file: OutputFile, printed: PrintedWire): void {
    const entry: Entry = { digest: digestOf(file), bytes: Buffer.byteLength(file.content), members: printed.members };
    this.disk.set(this.key, JSON.stringify(entry));
  }

  private entry(): Entry | undefined {
    const text = this.disk.get(this.key);
    if (text === undefined) return undefined;
    try {
      const entry = JSON.parse(text) as Partial<Entry>;
      return typeof entry.digest === 'string' && typeof entry.bytes === 'number' && Array.isArray(entry.members) ? (entry as Entry) : undefined;
    } catch {
      return undefined;
    }
  }
}

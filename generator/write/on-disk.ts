/**
 * What the output folder holds now, for one run: every piece that asks whether a file is still
 * what lathe wrote (the hand-edit plan, the diff against the new output, the API report, the
 * up-to-date fast path) asks here, so each file is stat'ed once and read at most once per run.
 * A file whose stat stamp still vouches for it (stamps.ts) is known by the digest the manifest
 * records, without reading it: after a one-operation edit, 2,400 files are compared by digest and
 * a handful read.
 *
 * What a run leaves, `Known` (the manifest and the pristine index it wrote or found, the stamps
 * that vouch for the files, the texts it wrote), is what the next one starts from: `--watch` keeps
 * it in memory; the stamps also go to the disk cache, for the next process. Each piece of it is
 * taken only where the folder confirms it: the manifest and the index while their text on disk is
 * the same, a file's digest or text while its stamp is.
 */
import { join } from 'node:path';
import { detached, digestOf, type OutputFile } from '../emit/output.js';
import { hash, readIfExists } from './content.js';
import { readManifest, type FoundManifest } from './manifest.js';
import { findPristine, type FoundPristine } from './pristine.js';
import { clockOf, settled, stampOf, type OutputStamps, type Stamp, type Stamps } from './stamps.js';

export interface Known {
  readonly manifest?: FoundManifest;
  /** The stat stamps of the files known to hold what `manifest` records. */
  readonly stamps?: Stamps;
  readonly pristine?: FoundPristine;
  /**
   * The files the last run wrote, with their text: the next edit most often changes them again,
   * and the API report compares their old text with the new (4.4 MB of src/openapi.ts, read back
   * from disk otherwise). The run memory (run-memory.ts) holds most of these texts as well.
   */
  readonly written?: ReadonlyMap<string, { readonly digest: string; readonly file: OutputFile }>;
}

export class OnDisk {
  readonly manifest: FoundManifest | undefined;
  /** What lathe last wrote, as its manifest records it: path -> digest (of the merged content, for merged files). */
  readonly recorded: Readonly<Record<string, string>>;
  /** The clock before any file of this run was stat'ed (stamps.ts). */
  private readonly clock: bigint | undefined;
  private vouchers: Stamps | undefined;
  private readonly stamps = new Map<string, Stamp | undefined>();
  private readonly contents = new Map<string, string | undefined>();
  private readonly digests = new Map<string, string | undefined>();
  private pristineFound: { value: FoundPristine | undefined } | undefined;
  /** Files read this run: each is one the stamps did not vouch for. */
  private reads = 0;

  /** Whether this run read a file (the stamps did not vouch for all it looked at). */
  get readAny(): boolean {
    return this.reads > 0;
  }

  /** `known`: what an earlier run of this process left, or found, in this folder. */
  constructor(
    private readonly outDir: string,
    private readonly options: { readonly stamps?: OutputStamps; readonly known?: Known } = {},
  ) {
    this.clock = clockOf(outDir);
    const { known } = options;
    this.manifest = readManifest(outDir, known?.manifest);
    this.recorded = this.manifest?.manifest.files ?? {};
    if (this.manifest && known?.manifest?.digest === this.manifest.digest) this.vouchers = known.stamps;
  }

  /** The stamps recorded for this manifest: what the last run left, else the disk cache's, read when first asked for. */
  private get vouched(): Stamps {
    const digest = this.manifest?.digest;
    return (this.vouchers ??= (digest === undefined ? undefined : this.options.stamps?.load(digest)) ?? {});
  }

  /** The file's stamp, taken once this run; undefined if it is not a regular file. */
  private stamp(path: string): Stamp | undefined {
    if (!this.stamps.has(path)) this.stamps.set(path, stampOf(join(this.outDir, path)));
    return this.stamps.get(path);
  }

  /** The file's content, or undefined if there is none, kept for the rest of the run (the merge asks for it twice). */
  content(path: string): string | undefined {
    if (!this.contents.has(path)) this.contents.set(path, this.text(path));
    return this.contents.get(path);
  }

  /** The file's content, not kept: the text this process wrote there while its stamp vouches for it, else read. */
  text(path: string): string | undefined {
    const written = this.options.known?.written?.get(path);
    return written && this.vouches(path) && this.recorded[path] === written.digest ? written.file.content : this.read(path);
  }

  /** Whether the file's stamp is one recorded when it held what the manifest says. */
  private vouches(path: string): boolean {
    const stamp = this.stamp(path);
    return this.recorded[path] !== undefined && stamp !== undefined && this.vouched[path] === stamp.stamp;
  }

  /** The sha256 of the file's content, or undefined if there is none. */
  digest(path: string): string | undefined {
    if (!this.digests.has(path)) {
      let digest: string | undefined;
      if (this.vouches(path)) digest = this.recorded[path];
      else {
        // Not kept: most files are only compared, and holding the output's text costs memory.
        const content = this.contents.get(path) ?? this.read(path);
        digest = content === undefined ? undefined : hash(content);
      }
      this.digests.set(path, digest);
    }
    return this.digests.get(path);
  }

  /** Stamped first: a write landing between the stat and the read leaves a stamp that no longer matches. */
  private read(path: string): string | undefined {
    this.stamp(path);
    this.reads++;
    return readIfExists(join(this.outDir, path));
  }

  /** The pristine store's index (pristine.ts), read once. */
  pristine(): FoundPristine | undefined {
    this.pristineFound ??= { value: findPristine(this.outDir, this.options.known?.pristine) };
    return this.pristineFound.value;
  }

  /** What this run found, before anything is written: for a later look at the folder in the same run. */
  known(): Known {
    const pristine = this.pristineFound ? this.pristineFound.value : this.options.known?.pristine;
    const written = this.options.known?.written;
    const stamps = this.vouchers;
    return { ...(this.manifest ? { manifest: this.manifest, ...(stamps ? { stamps } : {}) } : {}), ...(pristine ? { pristine } : {}), ...(written ? { written } : {}) };
  }

  /**
   * What the folder holds once this run is done with it: `manifest` lists its files, those in
   * `written` as this run just wrote them (stat'ed again here), the others as found by `digest`
   * this run. The stamps that vouch for them are saved to the disk cache when they changed.
   */
  settle(manifest: FoundManifest, written: readonly OutputFile[] = [], pristine?: FoundPristine): Known {
    // After the writes: stamps of written files older than this cannot have been taken before a later write.
    const after = written.length ? clockOf(this.outDir) : undefined;
    const fresh = new Set(written.map((f) => f.path));
    // No prototype: a file may be named __proto__.
    const stamps = Object.create(null) as Record<string, string>;
    for (const [path, digest] of Object.entries(manifest.manifest.files)) {
      if (fresh.has(path)) {
        const stamp = stampOf(join(this.outDir, path));
        if (stamp && settled(stamp, after)) stamps[path] = stamp.stamp;
      } else {
        const stamp = this.stamps.get(path);
        if (stamp && this.digests.get(path) === digest && settled(stamp, this.clock)) stamps[path] = stamp.stamp;
      }
    }
    if (manifest.digest !== this.manifest?.digest || this.reads || written.length) this.options.stamps?.save(manifest.digest, stamps);
    const texts = new Map(written.map((f) => [f.path, { digest: digestOf(f), file: detached(f) }]));
    return { manifest, stamps, ...(pristine ? { pristine } : {}), ...(texts.size ? { written: texts } : {}) };
  }
}

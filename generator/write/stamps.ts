/**
 * Stat stamps: a file whose inode, size and change time are those it had when lathe last knew its
 * content still holds that content, and need not be read again (Cloudflare: 2,418 files, most of
 * an up-to-date `check` and of a `--watch` run's write step). A file's change time moves on every
 * write and cannot be set back, unlike its mtime.
 *
 * The change time comes from a clock that ticks coarsely (a few ms; a second on some file
 * systems): a write in the same tick as the stat that took a stamp would leave the stamp as it
 * was. So, as git does with its index, a stamp is kept only when it is older than the file
 * system's clock before the stat: any later write then moves the change time past it. That clock
 * is read from the output folder's own change time (`clockOf`), which every run moves (its lock
 * and its staging folder are made and removed there).
 *
 * The stamps of an output are kept in the one disk cache (emit/disk-cache.ts), keyed by the
 * folder, for the manifest they were taken with; `--watch` keeps them in memory as well (on-disk.ts).
 */
import { lstatSync } from 'node:fs';
import { cacheKey, DiskCache } from '../emit/disk-cache.js';

export interface Stamp {
  /** Inode, size and change time (ns). */
  readonly stamp: string;
  /** The change time (ns), for the comparison with the clock. */
  readonly changed: bigint;
}

/** The stamp of a regular file; undefined for anything else (a link, a folder) or nothing. */
export function stampOf(file: string): Stamp | undefined {
  try {
    // Missing is the common failure (a file not written yet): no exception made for it.
    const st = lstatSync(file, { bigint: true, throwIfNoEntry: false });
    return st?.isFile() ? { stamp: `${st.ino}:${st.size}:${st.ctimeNs}`, changed: st.ctimeNs } : undefined;
  } catch {
    return undefined; // a file where a folder of the path should be, a folder lathe may not read
  }
}

/**
 * The file system's clock at about now, no later: the change time (ns) of `dir`. Stamps taken
 * after this call are kept if they are older than it (see above).
 */
export function clockOf(dir: string): bigint | undefined {
  try {
    return lstatSync(dir, { bigint: true }).ctimeNs;
  } catch {
    return undefined;
  }
}

/** Whether a stamp taken after reading `clock` can vouch for the file's content from now on. */
export function settled(stamp: Stamp, clock: bigint | undefined): boolean {
  return clock !== undefined && stamp.changed < clock;
}

/**
 * path -> stamp of the files known to hold what a manifest says. Looked up only for a stamp just
 * taken, a string: a name that is no key (`constructor`) never gives one back.
 */
export type Stamps = Readonly<Record<string, unknown>>;

interface StampRecord {
  /** sha256 of the manifest the stamps were taken for: another manifest, another output. */
  readonly manifest: string;
  readonly files: Stamps;
}

/** The stamps of an output folder in the disk cache. */
export class OutputStamps {
  private readonly disk: DiskCache;
  private readonly key: string;

  constructor(cacheRoot: string, outDir: string) {
    this.disk = new DiskCache(cacheRoot, 'stamps');
    // `settled`: records of an earlier lathe kept stamps this clock rule would not have; they are not read.
    this.key = cacheKey('stamps', 'settled', outDir);
  }

  /** The stamps recorded for the manifest whose sha256 is `manifest`. */
  load(manifest: string): Stamps | undefined {
    const text = this.disk.get(this.key);
    let record: StampRecord | undefined;
    try {
      record = text === undefined ? undefined : (JSON.parse(text) as StampRecord);
    } catch {
      record = undefined;
    }
    return record?.manifest === manifest && typeof record.files === 'object' && record.files !== null ? record.files : undefined;
  }

  save(manifest: string, stamps: Stamps): void {
    this.disk.set(this.key, JSON.stringify({ manifest, files: stamps } satisfies StampRecord));
  }
}

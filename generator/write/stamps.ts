/**
 * Stat stamps of the files an output folder's manifest lists, so that the up-to-date fast path can
 * trust a file whose inode, size and change time are those it had when lathe last knew its content,
 * instead of reading and hashing it (Cloudflare: 2,418 files, most of an up-to-date `check`).
 * A file's change time moves on every write and cannot be set back, unlike its mtime. As git does
 * with its index, a stamp no older than the record is not trusted: a write in the same clock tick
 * as the record would leave it unchanged. Kept in the one disk cache (emit/disk-cache.ts), keyed by
 * the folder; no cache, no stamps (every file is read).
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { cacheKey, DiskCache } from '../emit/disk-cache.js';

interface StampRecord {
  /** sha256 of the manifest the stamps were taken for: another manifest, another output. */
  readonly manifest: string;
  readonly files: { readonly [path: string]: string };
}

function stampOf(file: string): { stamp: string; changed: bigint } | undefined {
  try {
    const st = lstatSync(file, { bigint: true });
    return st.isFile() ? { stamp: `${st.ino}:${st.size}:${st.ctimeNs}`, changed: st.ctimeNs } : undefined;
  } catch {
    return undefined;
  }
}

export class OutputStamps {
  private readonly disk: DiskCache;
  private readonly key: string;

  constructor(cacheRoot: string, private readonly outDir: string) {
    this.disk = new DiskCache(cacheRoot, 'stamps');
    this.key = cacheKey('stamps', outDir);
  }

  /** The paths whose content is known from their stamps, for the manifest whose hash is `manifest`. */
  trusted(manifest: string): (path: string) => boolean {
    const entry = this.disk.entry(this.key);
    let record: StampRecord | undefined;
    try {
      record = entry ? (JSON.parse(entry.text) as StampRecord) : undefined;
    } catch {
      record = undefined;
    }
    if (!entry || record?.manifest !== manifest || typeof record.files !== 'object') return () => false;
    const files = record.files;
    return (path) => {
      const now = stampOf(join(this.outDir, path));
      return now !== undefined && now.stamp === files[path] && now.changed < entry.changed;
    };
  }

  /** Records the stamps of `paths` as they are now, known to hold what the manifest says. */
  save(manifest: string, paths: readonly string[]): void {
    const files: { [path: string]: string } = {};
    for (const path of paths) {
      const now = stampOf(join(this.outDir, path));
      if (now) files[path] = now.stamp;
    }
    this.disk.set(this.key, JSON.stringify({ manifest, files } satisfies StampRecord));
  }
}

/**
 * lathe's disk cache: entries addressed by `cacheKey` of everything that made them, in
 * `node_modules/.cache/lathe/<namespace>/` of the project (never elsewhere: a project without
 * node_modules gets no cache). An entry is written whole and renamed into place, so a concurrent or
 * interrupted run never reads half of one; one that cannot be read or written is a miss.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The key of an entry: a hash of its parts. Strings go in as they are, anything else as JSON
 * without source positions (`loc`), which no output depends on.
 */
export function cacheKey(...parts: readonly unknown[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(typeof p === 'string' ? p : JSON.stringify(p, withoutLoc) ?? 'undefined').update('\0');
  return h.digest('hex');
}

const withoutLoc = (key: string, value: unknown): unknown => (key === 'loc' ? undefined : value);

export class DiskCache {
  private readonly dir: string;

  /** @param root the project's `node_modules/.cache/lathe` */
  constructor(root: string, namespace: string) {
    this.dir = join(root, namespace);
  }

  get(key: string): string | undefined {
    try {
      return readFileSync(join(this.dir, key.slice(0, 2), key), 'utf8');
    } catch {
      return undefined;
    }
  }

  set(key: string, content: string): void {
    try {
      const shard = join(this.dir, key.slice(0, 2));
      mkdirSync(shard, { recursive: true });
      const tmp = join(shard, `${key}.${process.pid}.tmp`);
      writeFileSync(tmp, content);
      renameSync(tmp, join(shard, key));
    } catch {
      // A cache that cannot be written only costs time next run.
    }
  }
}

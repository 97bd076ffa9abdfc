/**
 * lathe's disk cache: entries addressed by `cacheKey` of everything that made them, in
 * `node_modules/.cache/lathe/<namespace>/` of the project (never elsewhere: a project without
 * node_modules gets no cache). An entry is written whole and renamed into place, so a concurrent or
 * interrupted run never reads half of one; one that cannot be read or written is a miss. Entries
 * not written for a month are dropped (looked for at most once a day): a dropped entry that was
 * still in use only costs its making again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
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

/**
 * `make` memoized by object: for values never changed once made (the spec's values, the IR's
 * objects). `--watch` keeps the values an edit did not touch the same objects from one run to the
 * next (load/memory.ts, ir/replay.ts), so after an edit only what it changed is serialized again.
 */
export function onceEach<T extends object>(make: (value: T) => string): (value: T) => string {
  const made = new WeakMap<T, string>();
  return (value) => {
    let key = made.get(value);
    if (key === undefined) made.set(value, (key = make(value)));
    return key;
  };
}

const DAY = 24 * 60 * 60 * 1000;
const MAX_AGE = 30 * DAY;

const withoutLoc = (key: string, value: unknown): unknown => (key === 'loc' ? undefined : value);

/** Entries by key: the disk cache, or `--watch`'s memory in front of it (run-memory.ts). */
export interface CacheStore {
  get(key: string): string | undefined;
  set(key: string, content: string): void;
}

export class DiskCache implements CacheStore {
  private readonly dir: string;
  /** Made by this run: no entry to look for (a first run looks up every resource and finds none). */
  private empty = false;

  /** @param root the project's `node_modules/.cache/lathe` */
  constructor(root: string, namespace: string) {
    this.dir = join(root, namespace);
    this.prune();
  }

  private prune(): void {
    const marker = join(this.dir, '.pruned');
    const now = Date.now();
    try {
      if (now - statSync(marker).mtimeMs < DAY) return;
    } catch {
      // No marker yet: a new cache has nothing old in it.
      this.empty = true;
      try {
        mkdirSync(this.dir, { recursive: true });
        writeFileSync(marker, '');
      } catch {
        // Read-only: nothing to prune either.
      }
      return;
    }
    try {
      for (const shard of readdirSync(this.dir)) {
        if (shard === '.pruned') continue;
        for (const entry of readdirSync(join(this.dir, shard))) {
          const file = join(this.dir, shard, entry);
          if (now - statSync(file).mtimeMs > MAX_AGE) rmSync(file, { force: true });
        }
      }
      utimesSync(marker, new Date(now), new Date(now));
    } catch {
      // A cache that cannot be pruned only takes room.
    }
  }

  get(key: string): string | undefined {
    if (this.empty) return undefined;
    try {
      return readFileSync(join(this.dir, key.slice(0, 2), key), 'utf8');
    } catch {
      return undefined;
    }
  }

  /** An entry with the change time (ns) of its file: when it was last set. */
  entry(key: string): { readonly text: string; readonly changed: bigint } | undefined {
    if (this.empty) return undefined;
    const file = join(this.dir, key.slice(0, 2), key);
    try {
      const changed = statSync(file, { bigint: true }).ctimeNs;
      return { text: readFileSync(file, 'utf8'), changed };
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

/**
 * What `--watch` keeps of its last run: the cache entries that run read or wrote (emit, wire,
 * prettier) and the files its entries point to, by digest. The next run looks here first, before
 * the disk cache and the output's pristine store, so an edit reuses the last run without reading
 * either, and a project without node_modules (no disk cache) still reuses it.
 *
 * It holds one run's worth: entries the last run did not touch, and files it did not make, are
 * dropped when a run settles.
 */
import type { BlobStore } from './emit/cache.js';
import type { CacheStore } from './emit/disk-cache.js';
import { bytesOf, detached, digestOf, partsOf, type OutputFile } from './emit/output.js';
import { LoadMemory } from './load/memory.js';
import { IRMemory } from './ir/replay.js';

interface Held {
  readonly file: OutputFile;
  readonly bytes: number;
}

export class RunMemory {
  /** The last load's files, checks and positions (load/memory.ts): kept whatever came of the run. */
  readonly load = new LoadMemory();
  /** The last IR build, step by step (ir/replay.ts). */
  readonly ir = new IRMemory();
  /** namespace -> the entries of the last run that settled. */
  private last = new Map<string, Map<string, string>>();
  /** namespace -> the entries this run read or wrote. */
  private current = new Map<string, Map<string, string>>();
  private files = new Map<string, Held>();

  /** The `namespace` entries: this memory, then `disk`; what is set goes to both. */
  store(namespace: string, disk?: CacheStore): CacheStore {
    const last = this.last.get(namespace);
    let current = this.current.get(namespace);
    if (!current) this.current.set(namespace, (current = new Map()));
    const used = current;
    return {
      get(key) {
        const text = used.get(key) ?? last?.get(key) ?? disk?.get(key);
        if (text !== undefined) used.set(key, text);
        return text;
      },
      set(key, content) {
        used.set(key, content);
        disk?.set(key, content);
      },
    };
  }

  /** File contents by digest: the last settled run's, then `under`'s (the pristine store). */
  blobs(under?: BlobStore): BlobStore {
    return {
      size: (digest) => this.files.get(digest)?.bytes ?? under?.size(digest),
      read: (digest) => this.files.get(digest)?.file.content ?? under?.read(digest),
      parts: (digest) => {
        const held = this.files.get(digest);
        return held && partsOf(held.file);
      },
    };
  }

  /**
   * A run made `files` (as emitted, before any formatting: what the entries point to): they and
   * the entries it used become what the next run finds.
   */
  settle(files: readonly OutputFile[]): void {
    const held = new Map<string, Held>();
    for (const f of files) {
      const digest = digestOf(f);
      // A cache hit's content is read here, from the memory still in place, once per file.
      if (!held.has(digest)) held.set(digest, this.files.get(digest) ?? { file: detached(f), bytes: bytesOf(f) });
    }
    this.files = held;
    this.last = this.current;
    this.current = new Map();
  }
}

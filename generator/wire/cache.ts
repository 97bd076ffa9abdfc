/**
 * What the wire stage reuses from the last run: the text of each unit (ir/wire.ts) of the
 * `src/openapi.ts` it made, by the unit's key, with the refs the unit was read through. The entry,
 * in lathe's one disk cache, holds only where each text is in that file; the file itself is in the
 * output's pristine store, which keeps every file of the last run by digest anyway. An entry whose
 * file is gone or changed is a miss.
 */
import type { BlobStore } from '../emit/cache.js';
import { cacheKey, type CacheStore } from '../emit/disk-cache.js';
import { bytesOf, digestOf, type OutputFile } from '../emit/output.js';
import type { UnitSpans, UnitText } from './index.js';

/** A ref a unit was read through, with the digest of what it resolved to then (wire/build.ts). */
export type HeldDep = readonly [file: string, ref: string, digest: string];

/** A unit of the last run: its text, and the refs whose targets must still be the same for it to hold. */
export interface EarlierUnit {
  readonly deps: readonly HeldDep[];
  readonly text: UnitText;
}

/** A unit of this run, to be found again by `key` next time. */
export interface UnitRecord {
  readonly key: string;
  readonly deps: readonly HeldDep[];
  readonly withRequired: boolean;
  readonly spans: UnitSpans;
}

interface Entry {
  readonly digest: string;
  readonly bytes: number;
  readonly units: readonly (readonly [key: string, deps: readonly HeldDep[], withRequired: boolean, at: readonly [number, number], operations: readonly (readonly [string, number, number])[]])[];
}

export class WireCache {
  private readonly key: string;

  /**
   * @param store the `wire` entries (disk cache, `--watch`'s memory, or both).
   * @param codeHash identifies lathe's code (a new version reuses nothing).
   * @param outDir the output folder whose pristine store `blobs` is: one entry per output.
   */
  constructor(private readonly store: CacheStore, codeHash: string, outDir: string, private readonly blobs: BlobStore) {
    this.key = cacheKey(codeHash, outDir);
  }

  /** The units of the last run's file by key, or undefined if there is none to reuse. */
  earlier(): Map<string, EarlierUnit> | undefined {
    const entry = this.entry();
    if (!entry || this.blobs.size(entry.digest) !== entry.bytes) return undefined;
    // Under --watch, the last file as the parts it was made of: each unit's text is one of them.
    const parts = this.blobs.parts?.(entry.digest);
    const byStart = new Map<number, string>();
    let length = 0;
    for (const part of parts ?? []) {
      byStart.set(length, part);
      length += part.length;
    }
    let text: string | undefined;
    if (!parts) {
      text = this.blobs.read(entry.digest);
      if (text === undefined) return undefined;
      length = text.length;
    }
    const slice = ([start, end]: readonly [number, number]) => {
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > length) throw new RangeError('span');
      const part = byStart.get(start);
      if (part !== undefined && part.length === end - start) return part;
      text ??= this.blobs.read(entry.digest);
      if (text === undefined) throw new RangeError('gone');
      return text.slice(start, end);
    };
    const units = new Map<string, EarlierUnit>();
    try {
      for (const [key, deps, withRequired, at, operations] of entry.units) {
        if (typeof key !== 'string' || !Array.isArray(deps) || !deps.every((d) => Array.isArray(d) && d.length === 3 && d.every((x) => typeof x === 'string'))) throw new TypeError('unit');
        const ops = operations.map(([id, start, end]) => {
          if (typeof id !== 'string') throw new TypeError('operation');
          return [id, slice([start, end])] as const;
        });
        units.set(key, { deps, text: { text: slice(at), operations: ops, withRequired: withRequired === true } });
      }
    } catch {
      return undefined;
    }
    return units;
  }

  /** Records where the `units` are in `file`, the file they became. A unit with an operation another declared first is left out. */
  save(file: OutputFile, units: readonly UnitRecord[]): void {
    const entry: Entry = {
      digest: digestOf(file),
      bytes: bytesOf(file),
      units: units.flatMap((u) => (u.spans.operations.every((o) => o) ? [[u.key, u.deps, u.withRequired, u.spans.at, u.spans.operations.map((o) => o!)] as const] : [])),
    };
    this.store.set(this.key, JSON.stringify(entry));
  }

  private entry(): Entry | undefined {
    const text = this.store.get(this.key);
    if (text === undefined) return undefined;
    try {
      const entry = JSON.parse(text) as Partial<Entry>;
      return typeof entry.digest === 'string' && typeof entry.bytes === 'number' && Array.isArray(entry.units) ? (entry as Entry) : undefined;
    } catch {
      return undefined;
    }
  }
}

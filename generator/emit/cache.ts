/**
 * The emit cache: a resource's module and docs pages are a function of that resource, the models,
 * the IR's top-level facts and lathe's own code, nothing else (emitters see only the IR). After an
 * edit of one operation, every other resource is taken from the previous run instead of emitted
 * again. A change to any model or fact changes every key, so nothing made from other models is reused.
 * client.ts and index.ts are keyed the same way by what they read of the resources: their names.
 *
 * An entry holds only the paths, digests and sizes of the resource's files: their content is in the
 * output's pristine store (write/pristine.ts), which keeps every file of the last run by digest
 * anyway. A cold run so writes no second copy of the output, and an entry whose blobs are gone is a miss.
 *
 * The entries of an output are one record in the store, as the wire cache's are: Cloudflare's
 * spec has 869 resources, and a file for each cost a cold run ~350 ms of creating files (measured
 * on 2026-12-07) where one ~400 KB file costs a few. The record holds the entries the last run used.
 */
import type { IR, IRResource, IRSchema } from '../ir/types.js';
import { cacheKey, onceEach, type CacheStore } from './disk-cache.js';
import { bytesOf, digestOf, lazyFile, type OutputFile } from './modules.js';
import { moduleNames } from './surface.js';

/** The store of file contents by sha256 (the output's pristine store, write/pristine.ts). */
export interface BlobStore {
  /** The size in bytes of the blob `digest`, or undefined if there is none. */
  size(digest: string): number | undefined;
  /** The content whose sha256 is `digest`, checked, or undefined. */
  read(digest: string): string | undefined;
  /** The texts that content was made of, in order, where the store holds it so (emit/output.ts's partsFile). */
  parts?(digest: string): readonly string[] | undefined;
}

/** Each model's schema, and each resource, is serialized once (the IR is never changed once built). */
const schemaKey = onceEach((schema: IRSchema) => cacheKey(schema));
const resourceKey = onceEach((resource: IRResource) => {
  // A parent's namespace re-exports its children's names (emit/surface.ts): those are part of its key.
  const children = resource.children.map((c) => [c.className, c.module, c.propertyName, moduleNames(c)]);
  return cacheKey({ ...resource, children });
});

/** One entry: the resource's files as [path, sha256, bytes]. */
type Entry = readonly (readonly [path: string, digest: string, bytes: number])[];

export class EmitCache {
  private readonly base: string;
  private readonly recordKey: string;
  private record: ReadonlyMap<string, Entry> | undefined;
  /** The entries this run used or made: the next record. */
  private readonly used = new Map<string, Entry>();
  private made = false;

  /**
   * @param store the `emit` entries (disk cache, `--watch`'s memory, or both).
   * @param codeHash identifies lathe's code (a new version reuses nothing).
   * @param outDir the output folder whose pristine store `blobs` is: one record per output.
   */
  constructor(private readonly store: CacheStore, ir: IR, codeHash: string, outDir: string, private readonly blobs: BlobStore) {
    const { resources: _, models, ...facts } = ir;
    const modelKeys = [...models.values()].map((m) => [m.id, m.name, m.module, schemaKey(m.schema)]);
    this.base = cacheKey(codeHash, facts, modelKeys);
    this.recordKey = cacheKey(codeHash, outDir);
  }

  /** The key of `resource` reached as `access` (its children only by name: they have keys of their own). */
  keyOf(resource: IRResource, access: readonly string[]): string {
    return cacheKey(this.base, resourceKey(resource), access);
  }

  /** The key of a file made from the whole IR (client.ts, index.ts) from what it reads of the resources. */
  keyOfWhole(name: string, inputs: unknown): string {
    return cacheKey(this.base, name, inputs);
  }

  lookup(key: string): OutputFile[] | undefined {
    const entry = (this.record ??= this.read()).get(key);
    if (entry === undefined) return undefined;
    const files: OutputFile[] = [];
    for (const [path, digest, bytes] of entry) {
      // A blob gone or cut short is a miss. Its content is read (and checked) only if asked for:
      // an edit compares most files by digest and never reads them.
      if (this.blobs.size(digest) !== bytes) return undefined;
      files.push(
        lazyFile(path, digest, bytes, () => {
          const content = this.blobs.read(digest);
          if (content === undefined) throw new Error(`lathe's copy of ${path} (${digest}) changed while lathe ran; run again`);
          return content;
        }),
      );
    }
    this.used.set(key, entry);
    return files;
  }

  remember(key: string, files: OutputFile[]): void {
    this.used.set(key, files.map((f) => [f.path, digestOf(f), bytesOf(f)] as const));
    this.made = true;
  }

  /** Writes what this run used and made (after emit, so a run that fails early writes nothing). */
  save(): void {
    // A run that made nothing and used every entry leaves the record as it was.
    if (!this.made && this.used.size === this.record?.size) return;
    this.store.set(this.recordKey, JSON.stringify(Object.fromEntries(this.used)));
  }

  /** The record's entries; one that cannot be read is no record, and an entry not of this shape no entry. */
  private read(): ReadonlyMap<string, Entry> {
    const text = this.store.get(this.recordKey);
    if (text === undefined) return new Map();
    const entries = new Map<string, Entry>();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return entries;
    }
    if (typeof parsed !== 'object' || parsed === null) return entries;
    for (const [key, entry] of Object.entries(parsed)) {
      const valid = Array.isArray(entry) && entry.every((f) => Array.isArray(f) && typeof f[0] === 'string' && typeof f[1] === 'string' && typeof f[2] === 'number');
      if (valid) entries.set(key, entry as Entry);
    }
    return entries;
  }
}

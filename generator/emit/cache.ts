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
 */
import type { IR, IRResource, IRSchema } from '../ir/types.js';
import { cacheKey, onceEach, type CacheStore } from './disk-cache.js';
import { digestOf, lazyFile, type OutputFile } from './modules.js';
import { moduleNames } from './surface.js';

/** The store of file contents by sha256 (the output's pristine store, write/pristine.ts). */
export interface BlobStore {
  /** The size in bytes of the blob `digest`, or undefined if there is none. */
  size(digest: string): number | undefined;
  /** The content whose sha256 is `digest`, checked, or undefined. */
  read(digest: string): string | undefined;
}

/** Each model's schema, and each resource, is serialized once (the IR is never changed once built). */
const schemaKey = onceEach((schema: IRSchema) => cacheKey(schema));
const resourceKey = onceEach((resource: IRResource) => {
  // A parent's namespace re-exports its children's names (emit/surface.ts): those are part of its key.
  const children = resource.children.map((c) => [c.className, c.module, c.propertyName, moduleNames(c)]);
  return cacheKey({ ...resource, children });
});

export class EmitCache {
  private readonly base: string;
  private readonly made = new Map<string, OutputFile[]>();

  /**
   * @param store the `emit` entries (disk cache, `--watch`'s memory, or both).
   * @param codeHash identifies lathe's code (a new version reuses nothing).
   */
  constructor(private readonly store: CacheStore, ir: IR, codeHash: string, private readonly blobs: BlobStore) {
    const { resources: _, models, ...facts } = ir;
    const modelKeys = [...models.values()].map((m) => [m.id, m.name, m.module, schemaKey(m.schema)]);
    this.base = cacheKey(codeHash, facts, modelKeys);
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
    const text = this.store.get(key);
    if (text === undefined) return undefined;
    let entries: unknown;
    try {
      entries = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (!Array.isArray(entries)) return undefined;
    const files: OutputFile[] = [];
    for (const entry of entries) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string' || typeof entry[2] !== 'number') return undefined;
      const [path, digest, bytes] = entry as [string, string, number];
      // A blob gone or cut short is a miss. Its content is read (and checked) only if asked for:
      // an edit compares most files by digest and never reads them.
      if (this.blobs.size(digest) !== bytes) return undefined;
      files.push(
        lazyFile(path, digest, () => {
          const content = this.blobs.read(digest);
          if (content === undefined) throw new Error(`lathe's copy of ${path} (${digest}) changed while lathe ran; run again`);
          return content;
        }),
      );
    }
    return files;
  }

  remember(key: string, files: OutputFile[]): void {
    this.made.set(key, files);
  }

  /** Writes what this run made (after emit, so a run that fails early writes nothing). */
  save(): void {
    for (const [key, files] of this.made) this.store.set(key, JSON.stringify(files.map((f) => [f.path, digestOf(f), Buffer.byteLength(f.content)])));
    this.made.clear();
  }
}

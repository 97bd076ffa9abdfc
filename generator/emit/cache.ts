/**
 * The emit cache: a resource's module and docs pages are a function of that resource, the models,
 * the IR's top-level facts and lathe's own code, nothing else (emitters see only the IR). After an
 * edit of one operation, every other resource is taken from the previous run instead of emitted
 * again. A change to any model or fact changes every key, so nothing made from other models is reused.
 */
import type { IR, IRResource } from '../ir/types.js';
import { cacheKey, DiskCache } from './disk-cache.js';
import type { OutputFile } from './modules.js';
import { moduleNames } from './surface.js';

export class EmitCache {
  private readonly disk: DiskCache;
  private readonly base: string;
  private readonly made = new Map<string, OutputFile[]>();

  /** @param codeHash identifies lathe's code (a new version reuses nothing). */
  constructor(root: string, ir: IR, codeHash: string) {
    this.disk = new DiskCache(root, 'emit');
    const { resources: _, models, ...facts } = ir;
    this.base = cacheKey(codeHash, facts, [...models]);
  }

  /** The key of `resource` reached as `access` (its children only by name: they have keys of their own). */
  keyOf(resource: IRResource, access: readonly string[]): string {
    // A parent's namespace re-exports its children's names (emit/surface.ts): those are part of its key.
    const children = resource.children.map((c) => [c.className, c.module, c.propertyName, moduleNames(c)]);
    return cacheKey(this.base, { ...resource, children, access });
  }

  lookup(key: string): OutputFile[] | undefined {
    const text = this.disk.get(key);
    if (text === undefined) return undefined;
    try {
      const files = JSON.parse(text) as unknown;
      return Array.isArray(files) ? (files as OutputFile[]) : undefined;
    } catch {
      return undefined;
    }
  }

  store(key: string, files: OutputFile[]): void {
    this.made.set(key, files);
  }

  /** Writes what this run made (after emit, so a run that fails early writes nothing). */
  save(): void {
    for (const [key, files] of this.made) this.disk.set(key, JSON.stringify(files));
    this.made.clear();
  }
}

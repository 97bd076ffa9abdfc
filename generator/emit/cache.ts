/**
 * The emit cache: a resource's module and docs pages are a function of that resource, the models,
 * the IR's top-level facts and lathe's own code, nothing else (emitters see only the IR). After an
 * edit of one operation, every other resource is taken from the previous run instead of laid out
 * again (on Cloudflare's whole API, emit goes from ~1.9 s to a few hundred ms).
 *
 * One folder per "base" (lathe's code plus the IR without its resources): a change to any model
 * makes a new base, and nothing from another base is reused. Each resource is looked up by a hash of
 * its own IR. Source positions (`loc`) are left out of the hashes: emit never prints them.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IR, IRResource } from '../ir/types.js';
import type { OutputFile } from './modules.js';

/** Bases kept on disk: the current one and a few before it (undoing an edit is common). */
const KEEP = 4;

const withoutLoc = (key: string, value: unknown): unknown => (key === 'loc' ? undefined : value);

function digest(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * One folder per base, one file per resource in it (named by the resource's key): a run reads the
 * entries it reuses and writes only the ones it made, instead of reading and writing the whole
 * cache (~10 MB on Cloudflare) every time.
 */
export class EmitCache {
  private readonly folder: string;
  /** Keys with an entry on disk when the run started. */
  private readonly stored: ReadonlySet<string>;
  private readonly used = new Set<string>();
  private readonly made = new Map<string, OutputFile[]>();

  /** @param codeHash identifies what makes the files: lathe's code and prettier's (a new version reuses nothing). */
  constructor(
    private readonly dir: string,
    ir: IR,
    codeHash: string,
  ) {
    const { resources: _, models, ...facts } = ir;
    this.folder = join(dir, digest(JSON.stringify({ codeHash, facts, models: [...models] }, withoutLoc)));
    this.stored = new Set(listing(this.folder));
  }

  /** The key of `resource` reached as `access` (its children only by name: they have keys of their own). */
  keyOf(resource: IRResource, access: readonly string[]): string {
    const children = resource.children.map((c) => [c.className, c.module, c.propertyName]);
    return digest(JSON.stringify({ ...resource, children, access }, withoutLoc));
  }

  lookup(key: string): OutputFile[] | undefined {
    if (!this.stored.has(`${key}.json`)) return undefined;
    try {
      const files = JSON.parse(readFileSync(join(this.folder, `${key}.json`), 'utf8')) as unknown;
      if (!Array.isArray(files)) return undefined;
      this.used.add(key);
      return files as OutputFile[];
    } catch {
      return undefined;
    }
  }

  store(key: string, files: OutputFile[]): void {
    this.made.set(key, files);
  }

  /**
   * Writes the entries this run made and drops the ones it did not use (a cache that cannot be
   * written only costs time next run). An entry is one small file: a torn write fails to parse
   * and counts as a miss.
   */
  save(): void {
    try {
      mkdirSync(this.folder, { recursive: true });
      for (const [key, files] of this.made) writeFileSync(join(this.folder, `${key}.json`), JSON.stringify(files));
      const current = new Set([...this.used, ...this.made.keys()].map((k) => `${k}.json`));
      for (const name of this.stored) if (!current.has(name)) rmSync(join(this.folder, name), { force: true });
      // The folder's time says when its base was last used.
      const now = new Date();
      utimesSync(this.folder, now, now);
      const bases = readdirSync(this.dir)
        .map((f) => ({ f, mtime: statSync(join(this.dir, f)).mtimeMs }))
        .sort((a, b) => b.mtime - a.mtime);
      for (const { f } of bases.slice(KEEP)) rmSync(join(this.dir, f), { recursive: true, force: true });
    } catch {
      // Nothing to do: the next run emits everything again.
    }
  }
}

function listing(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

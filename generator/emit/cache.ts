/**
 * The emit cache: a resource's module and docs pages are a function of that resource, the models,
 * the IR's top-level facts and lathe's own code, nothing else (emitters see only the IR). After an
 * edit of one operation, every other resource is taken from the previous run instead of laid out
 * again (on Cloudflare's whole API, emit goes from ~1.9 s to a few hundred ms).
 *
 * One file per "base" (lathe's code plus the IR without its resources): a change to any model
 * makes a new base, and nothing from another base is reused. Each resource is looked up by a hash of
 * its own IR. Source positions (`loc`) are left out of the hashes: emit never prints them.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IR, IRResource } from '../ir/types.js';
import type { OutputFile } from './modules.js';

/** Bases kept on disk: the current one and a few before it (undoing an edit is common). */
const KEEP = 4;

const withoutLoc = (key: string, value: unknown): unknown => (key === 'loc' ? undefined : value);

function digest(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export class EmitCache {
  private readonly base: string;
  private readonly file: string;
  private readonly previous: Readonly<Record<string, OutputFile[]>>;
  private readonly current: Record<string, OutputFile[]> = {};

  /** @param codeHash identifies what makes the files: lathe's code and prettier's (a new version reuses nothing). */
  constructor(
    private readonly dir: string,
    ir: IR,
    codeHash: string,
  ) {
    const { resources: _, models, ...facts } = ir;
    this.base = digest(JSON.stringify({ codeHash, facts, models: [...models] }, withoutLoc));
    this.file = join(dir, `${this.base}.json`);
    this.previous = readEntries(this.file);
  }

  /** The key of `resource` reached as `access` (its children only by name: they have keys of their own). */
  keyOf(resource: IRResource, access: readonly string[]): string {
    const children = resource.children.map((c) => [c.className, c.module, c.propertyName]);
    return digest(JSON.stringify({ ...resource, children, access }, withoutLoc));
  }

  lookup(key: string): OutputFile[] | undefined {
    const hit = this.previous[key];
    if (hit) this.current[key] = hit;
    return hit;
  }

  store(key: string, files: OutputFile[]): void {
    this.current[key] = files;
  }

  /** Writes this run's entries (a cache that cannot be written only costs time next run). */
  save(): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(this.current));
      renameSync(tmp, this.file);
      const bases = readdirSync(this.dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => ({ f, mtime: statSync(join(this.dir, f)).mtimeMs }))
        .sort((a, b) => b.mtime - a.mtime);
      for (const { f } of bases.slice(KEEP)) rmSync(join(this.dir, f), { force: true });
    } catch {
      // Nothing to do: the next run emits everything again.
    }
  }
}

function readEntries(file: string): Record<string, OutputFile[]> {
  try {
    const entries = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return entries && typeof entries === 'object' && !Array.isArray(entries) ? (entries as Record<string, OutputFile[]>) : {};
  } catch {
    return {};
  }
}

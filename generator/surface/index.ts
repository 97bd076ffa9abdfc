/**
 * The surface diff: what a regeneration does to the public TypeScript API of the SDK, each change
 * classified (breaking / compatible / internal / none) with the semver bump they imply together.
 *
 * Only TypeScript modules whose tokens changed are loaded (with what they import), so an edit of
 * one operation in a 2,400-file output analyses one or two modules. The public API is what the
 * package root (`src/index.ts`) re-exports.
 */
import type { ts as TS } from 'ts-morph';
import { ts } from '../ts-morph.js';
import { tokens, Comparer } from './compare.js';
import { publicDecls, rootExposures, variances, type Exposure, type PublicDecl, type Variance } from './declarations.js';
import { bumpOf, sortChanges, type SurfaceChange, type SurfaceReport } from './model.js';
import { loadSides, ROOT_MODULE, type Side } from './program.js';
import type { Tree } from './tree.js';

export type { SurfaceChange, SurfaceReport, Impact, Bump } from './model.js';
export { folderTree, gitTree, memoryTree, GitRefError, type Tree } from './tree.js';
export { formatReport } from './report.js';

/** Beyond this size a module is not parsed (Cloudflare's wire types are 5 MB: 0.7 s each side). */
const MAX_ANALYSED_BYTES = 1 << 20;

const isModule = (p: string) => p.startsWith('src/') && p.endsWith('.ts') && !p.endsWith('.d.ts');

/** The files lathe wrote into a tree, by its manifest (so files a user added are not "removed"). */
function lathePaths(tree: Tree): string[] {
  const manifest = tree.read('.lathe-manifest.json');
  if (manifest !== undefined) {
    try {
      const files = (JSON.parse(manifest) as { files?: Record<string, string> }).files;
      if (files && typeof files === 'object') return Object.keys(files);
    } catch {
      // An unreadable manifest: fall back to every file.
    }
  }
  return [...tree.paths()];
}

/** `same` (optional): whether `before` holds a path of `after` unchanged, when that is known without reading. */
export function surfaceDiff(before: Tree, after: Tree, same?: (path: string) => boolean): SurfaceReport {
  const started = performance.now();
  const oldPaths = new Set(lathePaths(before).filter(isModule));
  const newPaths = new Set([...after.paths()].filter(isModule));
  const changes: SurfaceChange[] = [];
  const read: Record<Side, (p: string) => string | undefined> = {
    old: memo((p) => before.read(p)),
    new: memo((p) => after.read(p)),
  };
  const differing: string[] = [];
  for (const p of newPaths) if (!oldPaths.has(p) || !(same ? same(p) : before.holds(p, read.new(p)!))) differing.push(p);
  for (const p of oldPaths) if (!newPaths.has(p)) differing.push(p);

  const analysed: string[] = [];
  for (const p of differing.sort()) {
    // A new side over the limit settles it: the other (4.4 MB of src/openapi.ts) is not read, nor
    // this one where the tree knows its size.
    const known = after.bytes?.(p) ?? 0;
    const n = known > MAX_ANALYSED_BYTES ? undefined : read.new(p);
    const o = known > MAX_ANALYSED_BYTES || (n?.length ?? 0) > MAX_ANALYSED_BYTES ? undefined : read.old(p);
    const size = Math.max(known, o?.length ?? 0, n?.length ?? 0);
    if (size > MAX_ANALYSED_BYTES) {
      changes.push({ impact: 'internal', subject: p, message: `changed; not analysed (${(size / 2 ** 20).toFixed(1)} MB, over the 1 MB limit)`, file: p });
    } else if (o !== undefined && n !== undefined && tokens(o) === tokens(n)) {
      changes.push({ impact: 'none', subject: p, message: 'docs or layout only', file: p });
    } else analysed.push(p);
  }
  if (!analysed.length) return { bump: bumpOf(changes), changes: sortChanges(changes), analysed, ms: performance.now() - started };

  // Modules the root starts or stops re-exporting are compared too, changed or not.
  // What the root exposes is read from its syntax alone: it is parsed apart, once if unchanged (on
  // Cloudflare it imports 600 modules, which the type checker would try to resolve on both sides).
  const rootText = { old: read.old(ROOT_MODULE), new: read.new(ROOT_MODULE) };
  const syntactic = (text: string | undefined) => rootExposures(text === undefined ? undefined : ts.createSourceFile(ROOT_MODULE, text, ts.ScriptTarget.Latest), ROOT_MODULE);
  const exposed = { old: syntactic(rootText.old), new: rootText.new === rootText.old ? undefined : syntactic(rootText.new) };
  const exposures = (side: Side) => (side === 'new' ? (exposed.new ?? exposed.old) : exposed.old);
  const extra: string[] = [];
  if (exposed.new) {
    const [eo, en] = [exposed.old, exposed.new];
    for (const p of new Set([...eo.keys(), ...en.keys()]))
      if (JSON.stringify(exposureKey(eo.get(p))) !== JSON.stringify(exposureKey(en.get(p))) && !analysed.includes(p) && (read.old(p) !== undefined || read.new(p) !== undefined))
        extra.push(p);
  }
  const loaded = loadSides([...analysed, ...extra], read);
  const { checker } = loaded;
  const decls = (side: Side) => {
    const out = new Map<string, PublicDecl>();
    for (const [path, file] of loaded[side].modules)
      for (const d of publicDecls(checker, file, path, exposures(side).get(path))) if (!out.has(d.name)) out.set(d.name, d);
    return out;
  };
  const [od, nd] = [decls('old'), decls('new')];
  const variance = mergeVariances([od, nd].map((m) => byName(m, variances(checker, [...m.values()]))));
  const comparer = new Comparer(checker, (name) => variance.get(name) ?? 'both');
  const push = (c: SurfaceChange) => changes.push(c);
  for (const [name, o] of od) {
    const n = nd.get(name);
    if (n) comparer.declaration(o, n, push);
    else comparer.presence(o, 'removed', push);
  }
  for (const [name, n] of nd) if (!od.has(name)) comparer.presence(n, 'added', push);
  for (const p of analysed)
    if (!changes.some((c) => c.file === p))
      changes.push({ impact: 'internal', subject: p, message: 'code changed; its public API did not', file: p });
  return { bump: bumpOf(changes), changes: sortChanges(dedupe(changes)), analysed, ms: performance.now() - started };
}

function memo(read: (p: string) => string | undefined): (p: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (p) => {
    if (!cache.has(p)) cache.set(p, read(p));
    return cache.get(p);
  };
}

function exposureKey(e: Exposure | undefined): unknown {
  return e?.kind === 'named' ? [...e.names].sort() : e;
}

function byName(decls: ReadonlyMap<string, PublicDecl>, marks: ReadonlyMap<unknown, Variance>): Map<string, Variance> {
  const out = new Map<string, Variance>();
  for (const [name, d] of decls) {
    const v = marks.get(d.symbol);
    if (v) out.set(name, v);
  }
  return out;
}

function mergeVariances(sides: readonly Map<string, Variance>[]): Map<string, Variance> {
  const out = new Map<string, Variance>();
  for (const side of sides)
    for (const [name, v] of side) {
      const prev = out.get(name);
      out.set(name, prev && prev !== v ? 'both' : v);
    }
  return out;
}

function dedupe(changes: SurfaceChange[]): SurfaceChange[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = `${c.impact}\0${c.subject}\0${c.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

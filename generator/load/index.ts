import path from 'node:path';
import { hasErrors, type Diagnostic, type Loc } from '../diagnostics.js';
import type { CheckContext } from './context.js';
import { isObject } from './context.js';
import { Positions } from './positions.js';
import { describe, isFailure, RefGraph } from './refs.js';
import type { LoadedSpec, LoadOptions, LoadResult, Resolved, SpecFile } from './types.js';
import { pathUnits, remember, reusable, type Reuse } from './memo.js';
import { validateDocument, validatePathItems } from './validate.js';
import { detectVersion } from './version.js';

export { fsHost, memoryHost } from './host.js';
export type * from './types.js';

/**
 * Loads an OpenAPI document and every file its `$ref`s reach, checks every ref and the document's
 * structure, and returns the spec with all problems found. Never throws for a problem in the
 * user's input: `spec` is undefined when there is any error, and every diagnostic is `place`d.
 *
 * Synchronous on purpose: the work is CPU-bound parsing, and the host is synchronous.
 */
export function loadSpec(entryPath: string, options: LoadOptions): LoadResult {
  const entryFile = path.resolve(options.cwd, entryPath);
  const graph = new RefGraph(options, entryFile);
  const positions = new Positions((file) => graph.files.get(file));
  const displayOf = (file: string) => graph.files.get(file)?.displayPath ?? graph.displayPath(file);
  const position = (loc: Loc) => positions.position(loc);
  const place = (d: Diagnostic): Diagnostic => {
    if (!d.loc) return d;
    const at = d.line === undefined ? position(d.loc) : undefined;
    return { ...d, displayFile: d.displayFile ?? displayOf(d.loc.file), ...(at && { line: at.line, column: at.column }) };
  };
  const done = (diagnostics: Diagnostic[], spec?: LoadedSpec): LoadResult => {
    const placed = sortByPlace(diagnostics.map(place), [...graph.files.values()].map((f) => f.displayPath));
    return hasErrors(placed) ? { diagnostics: placed } : { spec, diagnostics: placed };
  };

  const entry = graph.load(entryFile);
  if (entry) options.onEntry?.(entry);
  if (!entry) {
    if (graph.isMissing(entryFile)) {
      return done([{ severity: 'error', message: 'file not found', displayFile: graph.displayPath(entryFile) }]);
    }
    return done(graph.diagnostics);
  }
  const rootLoc: Loc = { file: entryFile, pointer: '#' };
  const readProblems = graph.diagnostics.splice(0);
  if (!isObject(entry.root)) {
    const message = `not an OpenAPI document: the top level is ${describe(entry.root)}, not an object`;
    return done([...readProblems, { severity: 'error', message, loc: rootLoc }]);
  }
  const detected = detectVersion(entry.root, entryFile);
  if (!detected.version) return done([...readProblems, ...detected.diagnostics]);
  const version = detected.version;

  const deref = <T = unknown>(value: unknown, loc: Loc): Resolved<T> | undefined => {
    const r = graph.follow(value, loc);
    return isFailure(r) ? undefined : (r as Resolved<T>);
  };
  const validation: Diagnostic[] = [];
  const ctx: CheckContext = {
    version,
    deref,
    where: (loc) => (loc.file === entryFile ? loc.pointer : `${displayOf(loc.file)}${loc.pointer}`),
    report: (severity, message, loc) => validation.push({ severity, message, loc }),
  };
  const units = options.memo && entry.format === 'json' ? pathUnits(entry.text, positions.jsonIndex(entry)) : undefined;
  const reuse = units && options.memo ? reusable(options.memo, units, entryFile) : undefined;
  // After an edit of a few path items, only they are checked (memo.ts); anything unexpected in
  // their checks and the whole document is checked, as without a memo.
  const partial = reuse && units && checkChanged(graph, entry, ctx, validation, reuse, units.keys);
  let operationIds: ReadonlyMap<string, Loc> | undefined;
  let refProblems: Diagnostic[];
  if (partial) {
    refProblems = [];
    operationIds = partial.operationIds;
  } else {
    validation.length = 0;
    graph.checkAll();
    refProblems = graph.diagnostics.splice(0);
    // Validation builds a pointer per schema: on 10,000 levels that is quadratic, and pointless
    // once the document is refused for its depth.
    operationIds = graph.nestsTooDeep ? new Map() : validateDocument(entry.root, entryFile, ctx);
  }
  // A file reached only while validating (cannot happen today: checkAll walks every ref) would
  // still have its read problems reported.
  const late = graph.diagnostics.splice(0);
  const checked = [...refProblems, ...validation];
  if (units && options.memo && graph.files.size === 1 && !hasErrors(checked) && !late.length)
    remember(options.memo, units, { operationIds, diagnostics: checked, refsIntoPaths: graph.refsIntoPaths });

  const spec: LoadedSpec = {
    entry,
    files: graph.files,
    version,
    rawVersion: detected.raw ?? version,
    deref,
    get(loc) {
      const found = graph.locate(loc);
      return isFailure(found) ? undefined : found.value;
    },
    locate(loc) {
      const found = graph.locate(loc);
      return isFailure(found) ? undefined : found;
    },
    position,
    place,
  };
  const result = done([...readProblems, ...detected.diagnostics, ...checked, ...late], spec);
  return partial ? { ...result, checkedOnly: reuse!.changed.length } : result;
}

/**
 * Checks refs in and validates the changed path items only, on top of what the memo kept. The
 * diagnostics go into `validation` (the kept ones, then the new ones); undefined (and nothing
 * usable in `validation`) when the changed items gave a diagnostic outside themselves, reached
 * another file, or repeat an operationId: then the caller checks everything.
 */
function checkChanged(
  graph: RefGraph,
  entry: SpecFile,
  ctx: CheckContext,
  validation: Diagnostic[],
  reuse: Reuse,
  keys: readonly string[],
): { operationIds: ReadonlyMap<string, Loc> } | undefined {
  const changedKeys = reuse.changed.map((i) => keys[i]!);
  graph.checkSubtrees(entry, changedKeys.map((k) => ['paths', k]));
  const refs = graph.diagnostics.splice(0);
  const fresh: Diagnostic[] = [];
  const inner: CheckContext = { ...ctx, report: (severity, message, loc) => fresh.push({ severity, message, loc }) };
  const ids = validatePathItems(entry.root as Record<string, unknown>, entry.path, inner, changedKeys, reuse.operationIds);
  const found = [...refs, ...fresh];
  if (graph.files.size > 1 || graph.refsIntoPaths || found.some((d) => !d.loc || !reuse.inChanged(d.loc) || d.message.startsWith('duplicate operationId'))) {
    // A file read on the way stays read: its problems (they have no `loc`) must still be reported.
    graph.diagnostics.push(...refs.filter((d) => !d.loc));
    return undefined;
  }
  validation.push(...reuse.kept, ...found);
  return { operationIds: ids };
}

/**
 * Orders diagnostics as a reader goes through the spec: by file (in the order files were read,
 * the entry first), then by line and column. The sort is stable, so problems at one place keep
 * the order they were found in.
 */
function sortByPlace(diagnostics: Diagnostic[], fileOrder: readonly string[]): Diagnostic[] {
  const rank = (d: Diagnostic) => {
    const i = fileOrder.indexOf(d.displayFile ?? '');
    return i === -1 ? fileOrder.length : i;
  };
  return diagnostics
    .map((d, i) => ({ d, i, r: rank(d) }))
    .sort((a, b) => a.r - b.r || (a.d.line ?? 0) - (b.d.line ?? 0) || (a.d.column ?? 0) - (b.d.column ?? 0) || a.i - b.i)
    .map((x) => x.d);
}

import path from 'node:path';
import { hasErrors, type Diagnostic, type Loc } from '../diagnostics.js';
import type { CheckContext } from './context.js';
import { isObject } from './context.js';
import type { CheckUnit } from './check-units.js';
import { Positions } from './positions.js';
import { RefChecks, type RefMemo } from './ref-check.js';
import { PairMap } from './pair-map.js';
import { describe, isFailure, RefGraph } from './refs.js';
import { placesOf, reread } from './reread.js';
import type { LoadedSpec, LoadOptions, LoadResult, Resolved } from './types.js';
import { validateDocument } from './validate.js';
import type { ParsedRef } from './uri.js';
import { detectVersion } from './version.js';

export { fsHost, memoryHost } from './host.js';
export { LoadMemory } from './memory.js';
export type * from './types.js';

/**
 * Loads an OpenAPI document and every file its `$ref`s reach, checks every ref and the document's
 * structure, and returns the spec with all problems found. Never throws for a problem in the
 * user's input: `spec` is undefined when there is any error, and every diagnostic is `place`d.
 *
 * Synchronous on purpose: the work is CPU-bound parsing, and the host is synchronous.
 *
 * With `options.memory`, the load re-uses the last load's work for what did not change (memory.ts).
 */
export function loadSpec(entryPath: string, options: LoadOptions): LoadResult {
  const entryFile = path.resolve(options.cwd, entryPath);
  const memory = options.memory;
  memory?.enter(JSON.stringify([entryFile, options.cwd, options.allowedRoots ?? []]));
  const reached = new Set<string>();
  const parsedRefs = memory && { last: memory.parsedRefs, next: new PairMap<ParsedRef>() };
  const graph = new RefGraph(
    options,
    entryFile,
    memory &&
      ((file, displayPath) => {
        reached.add(file);
        return reread(options.host, file, displayPath, memory.files);
      }),
    parsedRefs,
  );
  const positions = new Positions((file) => graph.files.get(file), memory && ((file) => placesOf(file, memory.files)));
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
    reading: (query) => graph.reading(query),
    holds: (log) => graph.holds(log),
  };
  const refMemo: RefMemo | undefined = memory && { last: memory.refUnits, next: new PairMap() };
  const refs = new RefChecks(graph, refMemo);
  refs.run();
  if (memory && refMemo && parsedRefs) {
    memory.refUnits = refMemo.next;
    memory.parsedRefs = parsedRefs.next;
    // Every file the spec reaches has been read: the others are no longer part of it.
    for (const file of memory.files.keys()) if (!reached.has(file)) memory.files.delete(file);
  }
  const refProblems = graph.diagnostics.splice(0);
  // Validation builds a pointer per schema: on 10,000 levels that is quadratic, and pointless
  // once the document is refused for its depth.
  if (!refs.nestsTooDeep) {
    // Units checked as another version are checked again: the rules differ.
    const checks = memory && { last: memory.checkedAs === version ? memory.checkUnits : undefined, next: { units: new PairMap<CheckUnit>(), order: [] } };
    validateDocument(entry.root, entryFile, ctx, checks);
    if (memory && checks) [memory.checkUnits, memory.checkedAs] = [checks.next, version];
  }
  // A file reached only while validating (cannot happen today: the ref checks walk every ref)
  // would still have its read problems reported.
  const late = graph.diagnostics.splice(0);
  const checked = [...refProblems, ...validation];

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
  return done([...readProblems, ...detected.diagnostics, ...checked, ...late], spec);
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

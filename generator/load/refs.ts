import path from 'node:path';
import type { Diagnostic, Loc } from '../diagnostics.js';
import { child, locKey, parsePointer } from './pointer.js';
import { readSpecFile } from './read.js';
import type { LoadOptions, Resolved, SpecFile } from './types.js';
import { isInside, parseRef } from './uri.js';

/** Why a location could not be reached. */
export type Failure =
  /** The pointer names nothing (this is the ref whose fault it is). */
  | { readonly kind: 'missing' }
  /** Some other `$ref` on the way is broken; it is reported on its own. */
  | { readonly kind: 'broken' }
  /** Following refs comes back to a ref already being followed; `loop` is the ref locs in the loop. */
  | { readonly kind: 'cycle'; readonly loop: readonly Loc[] };

export interface Found {
  readonly value: unknown;
  /** Where the value really lives (refs met on the way have been followed). */
  readonly loc: Loc;
}

type Target = { readonly ok: true; readonly file: string; readonly pointer: string } | { readonly ok: false; readonly message?: string };

/**
 * How deep a document's values may nest. Real specs stay near 30 (Cloudflare's whole API: 28); a
 * deeper document (arrays in an `example`, 10,000 levels of `items`) would overflow the recursive
 * code of lathe and of the libraries it hands the document to. Schemas have a tighter limit of
 * their own (ir/schema.ts), counted through `$ref`s.
 */
export const MAX_DOCUMENT_DEPTH = 256;

const MISSING: Failure = { kind: 'missing' };
const BROKEN: Failure = { kind: 'broken' };

/** An object with a string `$ref`: a Reference Object (or JSON Reference). */
export function isRef(value: unknown): value is { $ref: string } {
  return typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string';
}

export function isFailure(x: Found | Resolved | Failure): x is Failure {
  return 'kind' in x;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The files of a spec and the `$ref`s between them. Files are read on first reference; every
 * resolution is memoized by location, so a ref used a thousand times is followed once.
 */
export class RefGraph {
  readonly files = new Map<string, SpecFile>();
  /** Problems found while reading files and checking refs, not yet `place`d. */
  readonly diagnostics: Diagnostic[] = [];
  private readonly missingFiles = new Set<string>();
  private readonly failedFiles = new Set<string>();
  /** Files read but not yet walked by `checkAll`. */
  private readonly unwalked: SpecFile[] = [];
  private readonly roots: string[];
  private readonly targets = new Map<string, Target>();
  /** Failed follows, by the location of the first ref. */
  private readonly follows = new Map<string, Failure>();
  /**
   * Successful follows, by file and `$ref` string: where a chain ends does not depend on where its
   * first ref is written, and one string is written at thousands of places.
   */
  private readonly resolved = new Map<string, Resolved>();
  private readonly located = new Map<string, Found | Failure>();
  /** Refs being followed right now: meeting one again means a cycle. */
  private readonly following = new Set<string>();

  constructor(
    private readonly options: LoadOptions,
    readonly entryPath: string,
  ) {
    this.roots = [path.dirname(entryPath), ...(options.allowedRoots ?? []).map((r) => path.resolve(options.cwd, r))];
  }

  /** The path as a user should read it: relative to cwd unless that climbs out of cwd. */
  displayPath(file: string): string {
    return isInside(file, this.options.cwd) ? path.relative(this.options.cwd, file) || path.basename(file) : file;
  }

  /** Whether `load` found no such file. */
  isMissing(file: string): boolean {
    return this.missingFiles.has(file);
  }

  /** Reads a file once. Read problems are recorded, except "not found", which the caller words. */
  load(file: string): SpecFile | undefined {
    const known = this.files.get(file);
    if (known || this.missingFiles.has(file) || this.failedFiles.has(file)) return known;
    const result = readSpecFile(this.options.host, file, this.displayPath(file));
    if (result.missing) {
      this.missingFiles.add(file);
      return undefined;
    }
    this.diagnostics.push(...result.diagnostics);
    if (!result.file) {
      this.failedFiles.add(file);
      return undefined;
    }
    this.files.set(file, result.file);
    this.unwalked.push(result.file);
    return result.file;
  }

  /** The value at `loc`, following refs met on the way (but not one at the end). */
  locate(loc: Loc): Found | Failure {
    const key = locKey(loc);
    const memo = this.located.get(key);
    if (memo) return memo;
    const found = this.locateUncached(loc);
    // A cycle failure depends on which refs were being followed at the time; do not keep it.
    if (!isFailure(found) || found.kind !== 'cycle') this.located.set(key, found);
    return found;
  }

  private locateUncached(loc: Loc): Found | Failure {
    const file = this.files.get(loc.file);
    const tokens = parsePointer(loc.pointer);
    if (!file || !tokens) return MISSING;
    let value = file.root;
    let at: Loc = { file: loc.file, pointer: '#' };
    for (const token of tokens) {
      // A sibling of `$ref` with this name wins (OpenAPI 3.1 allows siblings); else look in the target.
      if (isRef(value) && token !== '$ref' && !Object.hasOwn(value, token)) {
        const r = this.follow(value, at);
        if (isFailure(r)) return r.kind === 'missing' ? BROKEN : r;
        value = r.value;
        at = r.loc;
      }
      if (Array.isArray(value) && /^(0|[1-9]\d*)$/.test(token) && Number(token) < value.length) {
        value = value[Number(token)];
      } else if (isObject(value) && Object.hasOwn(value, token)) {
        value = value[token];
      } else {
        return MISSING;
      }
      at = child(at, token);
    }
    return { value, loc: at };
  }

  /** Follows `value` (found at `loc`) through a chain of refs to a value that is not a ref. */
  follow(value: unknown, loc: Loc): Resolved | Failure {
    if (!isRef(value)) return { value, loc };
    const byRef = `${loc.file}\0${value.$ref}`;
    const known = this.resolved.get(byRef);
    if (known) return known;
    const start = locKey(loc);
    const failed = this.follows.get(start);
    if (failed) return failed;
    const via: Loc[] = [];
    const entered: string[] = [];
    let result: Resolved | Failure;
    try {
      for (;;) {
        if (!isRef(value)) {
          result = { value, loc };
          break;
        }
        const refLoc = child(loc, '$ref');
        const key = locKey(refLoc);
        if (this.following.has(key)) {
          const first = via.findIndex((v) => locKey(v) === key);
          result = { kind: 'cycle', loop: first >= 0 ? via.slice(first) : [refLoc] };
          break;
        }
        this.following.add(key);
        entered.push(key);
        via.push(refLoc);
        const target = this.target(refLoc, value.$ref);
        if (!target.ok) {
          result = BROKEN;
          break;
        }
        const found = this.locate({ file: target.file, pointer: target.pointer });
        if (isFailure(found)) {
          result = found.kind === 'missing' ? BROKEN : found;
          break;
        }
        value = found.value;
        loc = found.loc;
      }
    } finally {
      for (const key of entered) this.following.delete(key);
    }
    if (isFailure(result)) this.follows.set(start, result);
    else this.resolved.set(byRef, result);
    return result;
  }

  /** Where the `$ref` string at `refLoc` points, loading the file it names. */
  private target(refLoc: Loc, ref: string): Target {
    // Keyed by file and string, not by ref location: one `$ref` string is used many times in a file.
    const key = `${refLoc.file}\0${ref}`;
    let target = this.targets.get(key);
    if (!target) {
      target = this.computeTarget(refLoc, ref);
      this.targets.set(key, target);
    }
    return target;
  }

  private computeTarget(refLoc: Loc, ref: string): Target {
    const parsed = parseRef(ref, refLoc.file);
    if ('message' in parsed) return { ok: false, message: parsed.message };
    if (parsed.file !== refLoc.file && !this.roots.some((root) => isInside(parsed.file, root))) {
      return {
        ok: false,
        message:
          `$ref '${ref}' points outside the spec's folder (to ${this.displayPath(parsed.file)}); ` +
          `lathe only reads files under the entry file's folder or an allowed root`,
      };
    }
    if (!this.load(parsed.file)) {
      // A file that exists but failed to parse has its own diagnostics already.
      return this.missingFiles.has(parsed.file)
        ? { ok: false, message: `$ref '${ref}' points to a file that does not exist: ${this.displayPath(parsed.file)}` }
        : { ok: false };
    }
    return { ok: true, file: parsed.file, pointer: parsed.pointer };
  }

  /**
   * Checks every `$ref` in every file reachable from the entry, once each, recording a diagnostic
   * at the `$ref` itself for each that does not lead to a value.
   */
  /** Some value nests deeper than MAX_DOCUMENT_DEPTH (reported): nothing else should walk the document. */
  nestsTooDeep = false;

  checkAll(): void {
    const reportedLoops = new Set<string>();
    for (let file = this.unwalked.shift(); file; file = this.unwalked.shift()) this.walk(file.path, file.root, [], reportedLoops);
  }

  private walk(path: string, root: unknown, rootTokens: readonly string[], reportedLoops: Set<string>): void {
    // An explicit stack: specs nest deeper than the call stack likes. Pointers are built only
    // for the few nodes that need one, from parent links.
    type Entry = { value: unknown; parent: Entry | undefined; key: string; depth: number };
    const pointerOf = (e: Entry): Loc => {
      const keys: string[] = [];
      for (let n: Entry | undefined = e; n?.parent; n = n.parent) keys.push(n.key);
      return child({ file: path, pointer: '#' }, ...rootTokens, ...keys.reverse());
    };
    const stack: Entry[] = [{ value: root, parent: undefined, key: rootTokens[rootTokens.length - 1] ?? '', depth: rootTokens.length }];
    let tooDeep = false;
    for (let entry = stack.pop(); entry; entry = stack.pop()) {
      const value = entry.value;
      if (entry.depth >= MAX_DOCUMENT_DEPTH) {
        // Once per file: the levels below would only repeat it.
        this.nestsTooDeep = true;
        if (!tooDeep) this.diagnostics.push({ severity: 'error', message: `values nest more than ${MAX_DOCUMENT_DEPTH} levels deep here, past lathe's limit`, loc: pointerOf(entry) });
        tooDeep = true;
        continue;
      }
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          if (typeof value[i] === 'object' && value[i] !== null) stack.push({ value: value[i], parent: entry, key: String(i), depth: entry.depth + 1 });
        }
        continue;
      }
      const obj = value as Record<string, unknown>;
      if (Object.hasOwn(obj, '$ref')) this.checkRef(obj, pointerOf(entry), entry.key, reportedLoops);
      const keys = Object.keys(obj);
      for (let i = keys.length - 1; i >= 0; i--) {
        const v = obj[keys[i]!];
        if (typeof v === 'object' && v !== null) stack.push({ value: v, parent: entry, key: keys[i]!, depth: entry.depth + 1 });
      }
    }
  }

  private checkRef(holder: Record<string, unknown>, loc: Loc, parentKey: string, reportedLoops: Set<string>): void {
    const ref = holder.$ref;
    const refLoc = child(loc, '$ref');
    const error = (message: string) => this.diagnostics.push({ severity: 'error', message, loc: refLoc });
    if (typeof ref !== 'string') {
      // In a `properties` map, `$ref` may be a property whose schema is an object: not a reference.
      const propertyNamed$ref = (parentKey === 'properties' || parentKey === 'patternProperties') && typeof ref === 'object';
      if (!propertyNamed$ref) error(`$ref must be a string, not ${describe(ref)}`);
      return;
    }
    const target = this.target(refLoc, ref);
    if (!target.ok) {
      if (target.message) error(target.message);
      return;
    }
    const found = this.locate({ file: target.file, pointer: target.pointer });
    if (isFailure(found) && found.kind === 'missing') {
      error(`$ref '${ref}' does not resolve`);
      return;
    }
    const resolved = this.follow(holder, loc);
    if (isFailure(resolved) && resolved.kind === 'cycle') {
      const loop = resolved.loop.map(locKey);
      // Report a loop once, at one of its own refs (a ref that merely leads into it is fine).
      if (!loop.includes(locKey(refLoc)) || loop.some((k) => reportedLoops.has(k))) return;
      loop.forEach((k) => reportedLoops.add(k));
      const oneFile = resolved.loop.every((l) => l.file === loc.file);
      const hops = [...resolved.loop, resolved.loop[0]!].map((l) => this.describeHolder(l, oneFile));
      // Lenient: a schema that only points at itself constrains nothing (swagger-parser's valid
      // `circular` example has one), so it is typed `unknown` with a warning rather than refused.
      this.diagnostics.push({
        severity: 'warning',
        message: `$ref cycle never reaches a value: ${hops.join(' -> ')}; treated as an unconstrained value`,
        loc: refLoc,
      });
    }
  }

  /** `#/a/b` for a ref holder when the loop stays in one file, else `a.yaml#/a/b` (or `a.yaml`). */
  private describeHolder(refLoc: Loc, pointerOnly: boolean): string {
    const pointer = refLoc.pointer.replace(/\/\$ref$/, '');
    if (pointerOnly) return pointer;
    return `${this.displayPath(refLoc.file)}${pointer === '#' ? '' : pointer}`;
  }
}

/** "a number", "null", "an array": for messages about a value of the wrong kind. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const t = typeof value;
  return t === 'object' ? 'an object' : t === 'undefined' ? 'nothing' : `a ${t}`;
}

import path from 'node:path';
import type { Diagnostic, Loc } from '../diagnostics.js';
import { child, locKey, parsePointer } from './pointer.js';
import { readSpecFile, type ReadResult } from './read.js';
import type { LoadOptions, Resolved, SpecFile } from './types.js';
import { isInside, parseRef, type ParsedRef } from './uri.js';
import { PairMap } from './pair-map.js';
import { Reads, type Read, type ReadLog } from './reads.js';

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

export type Target = { readonly ok: true; readonly file: string; readonly pointer: string } | { readonly ok: false; readonly message?: string };

/**
 * How deep a document's values may nest. Real specs stay near 30 (Cloudflare's whole API: 28); a
 * deeper document (arrays in an `example`, 10,000 levels of `items`) would overflow the recursive
 * code of lathe and of the libraries it hands the document to. Schemas have a tighter limit of
 * their own (ir/schema.ts), counted through `$ref`s.
 */
export const MAX_DOCUMENT_DEPTH = 256;

const MISSING: Failure = { kind: 'missing' };
const BROKEN: Failure = { kind: 'broken' };
/** What a read of a whole file gives when there is no tree to give. */
const NO_FILE = Symbol('no such file');
const UNREADABLE = Symbol('file that does not parse');

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

/** A memo entry: the answer, and what working it out read. */
interface Kept<T> {
  readonly value: T;
  readonly reads: readonly Read[];
}

/** The member `token` of an object or array, as a pointer names it; undefined when there is none. */
function member(value: unknown, token: string): unknown {
  if (Array.isArray(value)) return /^(0|[1-9]\d*)$/.test(token) && Number(token) < value.length ? value[Number(token)] : undefined;
  return isObject(value) && Object.hasOwn(value, token) ? value[token] : undefined;
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
  /** Files read but not yet handed to the ref checks (ref-check.ts). */
  private readonly unwalked: SpecFile[] = [];
  private readonly roots: string[];
  private readonly targets = new PairMap<Kept<Target>>();
  /** Failed follows, by the location of the first ref. */
  private readonly follows = new PairMap<Kept<Failure>>();
  /**
   * Successful follows, by file and `$ref` string: where a chain ends does not depend on where its
   * first ref is written, and one string is written at thousands of places.
   */
  private readonly resolved = new PairMap<Kept<Resolved>>();
  private readonly located = new PairMap<Kept<Found | Failure>>();
  /** Refs being followed right now: meeting one again means a cycle. */
  private readonly following = new Set<string>();
  /** What answers read, for a load that keeps a memory (reads.ts). */
  private readonly reads: Reads;

  /**
   * `read` reads a file (readSpecFile, or the load memory's reread); `parsedRefs` are the parsed
   * `$ref` strings of the last load (a pure function of file and string) and those of this one.
   */
  constructor(
    private readonly options: LoadOptions,
    readonly entryPath: string,
    private readonly read: (file: string, displayPath: string) => ReadResult = (file, displayPath) => readSpecFile(options.host, file, displayPath),
    private readonly parsedRefs?: { readonly last: PairMap<ParsedRef>; readonly next: PairMap<ParsedRef> },
  ) {
    this.roots = [path.dirname(entryPath), ...(options.allowedRoots ?? []).map((r) => path.resolve(options.cwd, r))];
    this.reads = new Reads(entryPath, (read) => this.valueOf(read), options.memory !== undefined);
  }

  /** `query`'s result, and what it read with the values they have now. */
  reading<T>(query: () => T): { result: T; log: ReadLog } {
    const { value, reads } = this.reads.collect(query);
    return { result: value, log: this.reads.log(reads) };
  }

  /** Whether what `log` read has the same values now. */
  holds(log: ReadLog): boolean {
    return this.reads.holds(log);
  }

  /** A read's value in this load: a unit of the entry document, or another file's root (read now if need be). */
  private valueOf(read: Read): unknown {
    // Refs to a missing file and to one that does not parse come to different outcomes.
    if (!read.tokens) {
      const file = this.load(read.file);
      return file ? file.root : this.missingFiles.has(read.file) ? NO_FILE : UNREADABLE;
    }
    let value = this.files.get(read.file)?.root;
    for (const token of read.tokens) value = member(value, token);
    return value;
  }

  /** A remembered answer, whose reads are read again; or the answer `compute` works out, remembered when `keep` says. */
  private remembered<T>(memo: PairMap<Kept<T>>, file: string, key: string, compute: () => T, keep: (value: T) => boolean = () => true): T {
    const known = memo.get(file, key);
    if (known) {
      this.reads.reuse(known.reads);
      return known.value;
    }
    const { value, reads } = this.reads.collect(compute);
    if (keep(value)) memo.set(file, key, { value, reads });
    return value;
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
    const result = this.read(file, this.displayPath(file));
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
    // A cycle failure depends on which refs were being followed at the time; do not keep it.
    return this.remembered(this.located, loc.file, loc.pointer, () => this.locateUncached(loc), (found) => !isFailure(found) || found.kind !== 'cycle');
  }

  private locateUncached(loc: Loc): Found | Failure {
    const file = this.files.get(loc.file);
    const tokens = parsePointer(loc.pointer);
    this.reads.touch(loc.file, tokens);
    if (!file || !tokens) return MISSING;
    let value = file.root;
    // Where `value` lives: `base` and the tokens walked since. Pointers are built only when needed:
    // every distinct `$ref` of a spec is located on each load.
    let base: Loc = { file: loc.file, pointer: '#' };
    let from = 0;
    const at = (i: number): Loc => (i === from ? base : child(base, ...tokens.slice(from, i)));
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      // A sibling of `$ref` with this name wins (OpenAPI 3.1 allows siblings); else look in the target.
      if (isRef(value) && token !== '$ref' && !Object.hasOwn(value, token)) {
        // A ref on the way: the value of the unit holding the pointer does not show it. (A ref
        // followed from its own place is in the asking unit, or in a value its asking located.)
        const holder = at(i);
        this.reads.touch(holder.file, parsePointer(holder.pointer));
        const r = this.follow(value, holder);
        if (isFailure(r)) return r.kind === 'missing' ? BROKEN : r;
        value = r.value;
        [base, from] = [r.loc, i];
      }
      const next = member(value, token);
      if (next === undefined) return MISSING;
      value = next;
    }
    return { value, loc: at(tokens.length) };
  }

  /** Follows `value` (found at `loc`) through a chain of refs to a value that is not a ref. */
  follow(value: unknown, loc: Loc): Resolved | Failure {
    if (!isRef(value)) return { value, loc };
    const ref = value.$ref;
    const known = this.resolved.get(loc.file, ref);
    if (known) {
      this.reads.reuse(known.reads);
      return known.value;
    }
    const failed = this.follows.get(loc.file, loc.pointer);
    if (failed) {
      this.reads.reuse(failed.reads);
      return failed.value;
    }
    const { value: result, reads } = this.reads.collect(() => this.followUncached(value, loc));
    if (isFailure(result)) this.follows.set(loc.file, loc.pointer, { value: result, reads });
    else this.resolved.set(loc.file, ref, { value: result, reads });
    return result;
  }

  private followUncached(value: unknown, loc: Loc): Resolved | Failure {
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
    return result;
  }

  /** Where the `$ref` string at `refLoc` points, loading the file it names. */
  target(refLoc: Loc, ref: string): Target {
    // Keyed by file and string, not by ref location: one `$ref` string is used many times in a file.
    return this.remembered(this.targets, refLoc.file, ref, () => this.computeTarget(refLoc, ref));
  }

  private computeTarget(refLoc: Loc, ref: string): Target {
    const parsed = this.parseRef(ref, refLoc.file);
    if ('message' in parsed) return { ok: false, message: parsed.message };
    if (parsed.file !== refLoc.file && !this.roots.some((root) => isInside(parsed.file, root))) {
      return {
        ok: false,
        message:
          `$ref '${ref}' points outside the spec's folder (to ${this.displayPath(parsed.file)}); ` +
          `lathe only reads files under the entry file's folder or an allowed root`,
      };
    }
    if (parsed.file !== this.entryPath) this.reads.touch(parsed.file, undefined);
    if (!this.load(parsed.file)) {
      // A file that exists but failed to parse has its own diagnostics already.
      return this.missingFiles.has(parsed.file)
        ? { ok: false, message: `$ref '${ref}' points to a file that does not exist: ${this.displayPath(parsed.file)}` }
        : { ok: false };
    }
    return { ok: true, file: parsed.file, pointer: parsed.pointer };
  }

  /** `parseRef`, through the parses kept across loads when there are any. */
  private parseRef(ref: string, file: string): ParsedRef {
    const kept = this.parsedRefs;
    if (!kept) return parseRef(ref, file);
    let parsed = kept.next.get(file, ref);
    if (!parsed) kept.next.set(file, ref, (parsed = kept.last.get(file, ref) ?? parseRef(ref, file)));
    return parsed;
  }

  /** The next file read but not yet handed out here, in the order files were read. */
  nextUnwalked(): SpecFile | undefined {
    return this.unwalked.shift();
  }
}

/** "a number", "null", "an array": for messages about a value of the wrong kind. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const t = typeof value;
  return t === 'object' ? 'an object' : t === 'undefined' ? 'nothing' : `a ${t}`;
}

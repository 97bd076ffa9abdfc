/**
 * Checks every `$ref` in every file reachable from the entry, once each, recording a diagnostic at
 * the `$ref` itself for each that does not lead to a value, and refuses values nested deeper than
 * lathe's limit.
 *
 * The entry document is walked in units (units.ts). With a memo, a unit whose value is the same
 * object as last load's gives the problems it gave then without being walked, when what following
 * its refs read is the same (reads.ts), or else each of its `$ref` strings still comes to the same
 * outcome (a change in a schema it refers to changes no outcome). The outcome of a string that
 * leads to a value, or not, does not depend on where it is written; one in a cycle does, so a unit
 * meeting a cycle (or the depth limit) is walked every time.
 */
import type { Diagnostic, Loc } from '../diagnostics.js';
import { child, locKey, toPointer } from './pointer.js';
import { PairMap } from './pair-map.js';
import type { ReadLog } from './reads.js';
import { describe, isFailure, MAX_DOCUMENT_DEPTH, type RefGraph } from './refs.js';
import { isSection } from './units.js';

/** What walking one unit found. */
export interface RefUnit {
  readonly value: unknown;
  /** What following the unit's refs read. */
  readonly log: ReadLog;
  /** Each `$ref` string the unit holds, where it is first written, and what it came to. */
  readonly uses: readonly RefUse[];
  readonly diagnostics: readonly Diagnostic[];
}

interface RefUse {
  readonly holder: Record<string, unknown>;
  readonly loc: Loc;
  readonly outcome: string;
}

/** The units of the last load, and those of this one as they are walked: by section (or file) and member. */
export interface RefMemo {
  readonly last: PairMap<RefUnit>;
  readonly next: PairMap<RefUnit>;
}

type Outcome =
  | { readonly key: string; readonly error?: string }
  /** Following the ref meets a cycle; `loop` when the chain from this very ref comes back to a ref. */
  | { readonly key: 'cycle'; readonly loop?: readonly Loc[] };

const OK: Outcome = { key: 'ok' };
const CYCLE: Outcome = { key: 'cycle' };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A unit being walked: what it records, and whether a later load may trust the record. */
interface Walking {
  readonly uses: RefUse[];
  readonly strings: Set<string>;
  readonly diagnostics: Diagnostic[];
  reusable: boolean;
}

export class RefChecks {
  /** Some value nests deeper than MAX_DOCUMENT_DEPTH (reported): nothing else should walk the document. */
  nestsTooDeep = false;
  private readonly reportedLoops = new Set<string>();
  /** Files whose depth problem is reported: once per file, the levels below would only repeat it. */
  private readonly tooDeep = new Set<string>();
  private walking: Walking | undefined;
  /**
   * Outcomes that do not depend on where the string is written (all but cycles), for a load with
   * no memo, where every unit is walked; with one, an outcome must be worked out to record its reads.
   */
  private readonly outcomes = new PairMap<Outcome>();

  constructor(
    private readonly graph: RefGraph,
    private readonly memo?: RefMemo,
  ) {}

  /** Walks every file read so far, and those the walk reads, in the order they are read. */
  run(): void {
    for (let file = this.graph.nextUnwalked(); file; file = this.graph.nextUnwalked()) {
      if (file.path === this.graph.entryPath && isObject(file.root)) this.section(file.path, file.root, []);
      else this.unit(file.path, file.root, () => [], file.path, '#');
    }
  }

  /** The walk's order, as if the section were walked whole: its own `$ref`, then each member in turn. */
  private section(path: string, value: Record<string, unknown>, tokens: readonly string[]): void {
    const loc = { file: path, pointer: toPointer(tokens) };
    if (Object.hasOwn(value, '$ref')) this.checkRef(value, loc, tokens[tokens.length - 1] ?? '');
    const scope = locKey(loc);
    // Sections are at most two levels down: a unit's tokens are made only if it is walked.
    const deeper = tokens.length < 2;
    for (const key of Object.keys(value)) {
      const member = value[key];
      if (typeof member !== 'object' || member === null) continue;
      if (deeper && isObject(member) && isSection([...tokens, key])) this.section(path, member, [...tokens, key]);
      else this.unit(path, member, () => [...tokens, key], scope, key);
    }
  }

  /** Walks the unit at `tokens`, known to the memo as `key` of `scope`, or gives what it gave last load. */
  private unit(path: string, value: unknown, tokensOf: () => readonly string[], scope: string, key: string): void {
    // A file holding a scalar has nothing to check.
    if (typeof value !== 'object' || value === null) return;
    if (!this.memo) return this.walk(path, value, tokensOf());
    const last = this.memo.last.get(scope, key);
    const kept = last && last.value === value ? this.stillHolds(last) : undefined;
    if (kept) {
      this.graph.diagnostics.push(...kept.diagnostics);
      this.memo.next.set(scope, key, kept);
      return;
    }
    const walking: Walking = { uses: [], strings: new Set(), diagnostics: [], reusable: true };
    this.walking = walking;
    let log: ReadLog;
    try {
      log = this.graph.reading(() => this.walk(path, value, tokensOf())).log;
    } finally {
      this.walking = undefined;
    }
    if (walking.reusable) this.memo.next.set(scope, key, { value, log, uses: walking.uses, diagnostics: walking.diagnostics });
  }

  /** `unit`, when what it found is still what walking it would find; with what it reads now. */
  private stillHolds(unit: RefUnit): RefUnit | undefined {
    if (this.graph.holds(unit.log)) return unit;
    const { result: same, log } = this.graph.reading(() => unit.uses.every((u) => this.outcome(u.holder, u.loc).key === u.outcome));
    return same ? { ...unit, log } : undefined;
  }

  private report(d: Diagnostic): void {
    this.graph.diagnostics.push(d);
    this.walking?.diagnostics.push(d);
  }

  private walk(path: string, root: unknown, rootTokens: readonly string[]): void {
    // An explicit stack: specs nest deeper than the call stack likes. Pointers are built only
    // for the few nodes that need one, from parent links.
    type Entry = { value: unknown; parent: Entry | undefined; key: string; depth: number };
    const pointerOf = (e: Entry): Loc => {
      const keys: string[] = [];
      for (let n: Entry | undefined = e; n?.parent; n = n.parent) keys.push(n.key);
      return child({ file: path, pointer: '#' }, ...rootTokens, ...keys.reverse());
    };
    const stack: Entry[] = [{ value: root, parent: undefined, key: rootTokens[rootTokens.length - 1] ?? '', depth: rootTokens.length }];
    for (let entry = stack.pop(); entry; entry = stack.pop()) {
      const value = entry.value;
      if (entry.depth >= MAX_DOCUMENT_DEPTH) {
        this.nestsTooDeep = true;
        if (this.walking) this.walking.reusable = false;
        if (!this.tooDeep.has(path)) this.report({ severity: 'error', message: `values nest more than ${MAX_DOCUMENT_DEPTH} levels deep here, past lathe's limit`, loc: pointerOf(entry) });
        this.tooDeep.add(path);
        continue;
      }
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          if (typeof value[i] === 'object' && value[i] !== null) stack.push({ value: value[i], parent: entry, key: String(i), depth: entry.depth + 1 });
        }
        continue;
      }
      const obj = value as Record<string, unknown>;
      if (Object.hasOwn(obj, '$ref')) this.checkRef(obj, pointerOf(entry), entry.key);
      const keys = Object.keys(obj);
      for (let i = keys.length - 1; i >= 0; i--) {
        const v = obj[keys[i]!];
        if (typeof v === 'object' && v !== null) stack.push({ value: v, parent: entry, key: keys[i]!, depth: entry.depth + 1 });
      }
    }
  }

  private checkRef(holder: Record<string, unknown>, loc: Loc, parentKey: string): void {
    const ref = holder.$ref;
    const refLoc = child(loc, '$ref');
    if (typeof ref !== 'string') {
      // In a `properties` map, `$ref` may be a property whose schema is an object: not a reference.
      const propertyNamed$ref = (parentKey === 'properties' || parentKey === 'patternProperties') && typeof ref === 'object';
      if (!propertyNamed$ref) this.report({ severity: 'error', message: `$ref must be a string, not ${describe(ref)}`, loc: refLoc });
      return;
    }
    const outcome = this.outcome(holder, loc);
    const walking = this.walking;
    if (walking && !walking.strings.has(ref)) {
      walking.strings.add(ref);
      walking.uses.push({ holder, loc, outcome: outcome.key });
    }
    if ('error' in outcome && outcome.error) this.report({ severity: 'error', message: outcome.error, loc: refLoc });
    if (outcome.key !== 'cycle') return;
    if (walking) walking.reusable = false;
    if (!('loop' in outcome) || !outcome.loop) return;
    const loop = outcome.loop.map(locKey);
    // Report a loop once, at one of its own refs (a ref that merely leads into it is fine).
    if (!loop.includes(locKey(refLoc)) || loop.some((k) => this.reportedLoops.has(k))) return;
    loop.forEach((k) => this.reportedLoops.add(k));
    const oneFile = outcome.loop.every((l) => l.file === loc.file);
    const hops = [...outcome.loop, outcome.loop[0]!].map((l) => this.describeHolder(l, oneFile));
    // Lenient: a schema that only points at itself constrains nothing (swagger-parser's valid
    // `circular` example has one), so it is typed `unknown` with a warning rather than refused.
    this.report({
      severity: 'warning',
      message: `$ref cycle never reaches a value: ${hops.join(' -> ')}; treated as an unconstrained value`,
      loc: refLoc,
    });
  }

  /**
   * What following the string `$ref` of `holder` (at `loc`) comes to. The graph is asked in the
   * same order whether the unit is walked or its record checked, so files are read in one order.
   */
  private outcome(holder: Record<string, unknown>, loc: Loc): Outcome {
    const ref = holder.$ref as string;
    if (this.memo) return this.follow(holder, loc, ref);
    const known = this.outcomes.get(loc.file, ref);
    if (known) return known;
    const outcome = this.follow(holder, loc, ref);
    if (outcome.key !== 'cycle') this.outcomes.set(loc.file, ref, outcome);
    return outcome;
  }

  private follow(holder: Record<string, unknown>, loc: Loc, ref: string): Outcome {
    const target = this.graph.target(child(loc, '$ref'), ref);
    if (!target.ok) return target.message ? { key: `error: ${target.message}`, error: target.message } : { key: 'unread' };
    const found = this.graph.locate({ file: target.file, pointer: target.pointer });
    if (isFailure(found) && found.kind === 'missing') return { key: 'missing', error: `$ref '${ref}' does not resolve` };
    const resolved = this.graph.follow(holder, loc);
    if (isFailure(resolved) && resolved.kind === 'cycle') return { key: 'cycle', loop: resolved.loop };
    return isFailure(found) && found.kind === 'cycle' ? CYCLE : OK;
  }

  /** `#/a/b` for a ref holder when the loop stays in one file, else `a.yaml#/a/b` (or `a.yaml`). */
  private describeHolder(refLoc: Loc, pointerOnly: boolean): string {
    const pointer = refLoc.pointer.replace(/\/\$ref$/, '');
    if (pointerOnly) return pointer;
    return `${this.graph.displayPath(refLoc.file)}${pointer === '#' ? '' : pointer}`;
  }
}

/**
 * `--watch`'s memory of the last IR build, step by step, so that an edit redoes only the steps it
 * touches. A step is a unit of buildIR's work (one path item's operations, the config's models, one
 * top-level resource): it reads the spec and the shared state (the names handed out so far, the
 * SchemaConverter's models and caches) and adds to that state.
 *
 * The loader keeps every value an edit did not change the same object from one run to the next
 * (load/memory.ts). A step whose inputs are the same objects, which starts at the same point of the
 * same sequence of names, and whose every read (of the spec, and of the state) finds what it found
 * last time, would do exactly what it did then: its result and its additions to the state are
 * replayed instead. A step that is redone and adds what it added last time (by value) leaves the
 * last run's objects in the state, so the steps after it still find what they found.
 */
import type { Diagnostic, Loc } from '../diagnostics.js';
import { parsePointer, valueAt } from '../load/pointer.js';
import type { LoadedSpec, Resolved } from '../load/types.js';
import type { NameRegistry } from './names.js';

/** A Map whose reads and writes the step being recorded sees (SchemaConverter's state). */
export class TrackedMap<K, V> extends Map<K, V> {
  tape?: Tape;
  /** Its place in the tape's list. */
  place = -1;

  /** `snap`: what a read depends on, compared item by item with `===`. */
  constructor(private readonly snapOf: (value: V | undefined) => readonly unknown[] = (v) => [v]) {
    super();
  }

  snap(value: unknown): readonly unknown[] {
    return this.snapOf(value as V | undefined);
  }

  override get(key: K): V | undefined {
    const value = super.get(key);
    this.tape?.read(this.place, key, value);
    return value;
  }

  override has(key: K): boolean {
    this.tape?.read(this.place, key, super.get(key));
    return super.has(key);
  }

  override set(key: K, value: V): this {
    this.tape?.write(this.place, key, value);
    return super.set(key, value);
  }

  /** The value, unrecorded. */
  peek(key: K): V | undefined {
    return super.get(key);
  }

  /** Puts a replayed (or last run's) value back, unrecorded. */
  restore(key: K, value: V): void {
    super.set(key, value);
  }
}

/** What the tape needs of a tracked map, whatever its types. */
interface AnyMap {
  snap(value: unknown): readonly unknown[];
  peek(key: unknown): unknown;
  restore(key: unknown, value: unknown): void;
}

/** Maps are named by their place in `attach`'s list: each build has maps of its own. */
type Read =
  | { readonly map: number; readonly key: unknown; readonly snap: readonly unknown[] }
  | { readonly deref: unknown; readonly loc: Loc; readonly value: unknown; readonly at?: Loc; readonly direct?: readonly string[] }
  | { readonly get: Loc; readonly value: unknown; readonly at?: Loc; readonly locate: boolean };

interface Write {
  readonly map: number;
  readonly key: unknown;
  value: unknown;
}

interface StepRecord {
  readonly inputs: readonly unknown[];
  /** How many names were handed out before the step. */
  readonly claimsAt: number;
  readonly claims: readonly string[];
  readonly reads: readonly Read[];
  readonly writes: readonly Write[];
  readonly diagnostics: readonly Diagnostic[];
  readonly result: unknown;
}

interface Recording {
  readonly reads: Read[];
  readonly writes: Write[];
  readonly claims: string[];
  /** Keys the step wrote: its own reads of them depend on nothing before it. */
  readonly own: Map<number, Set<unknown>>;
  readonly seen: Map<number, Set<unknown>>;
  readonly derefs: Set<unknown>;
}

interface Build {
  readonly key: string;
  readonly claims: readonly string[];
  readonly steps: ReadonlyMap<string, StepRecord>;
}

/** Kept by `--watch` (run-memory.ts) from one build to the next. */
export class IRMemory {
  last?: Build;
  /** Steps replayed and redone by the last build (for tests and `--verbose` profiling). */
  counts = { replayed: 0, redone: 0 };
}

/** Models are drafts, finished later: a read depends on the name and schema the draft had then. */
export function draftSnap(d: { readonly name: string; readonly schema?: unknown } | undefined): readonly unknown[] {
  return d ? [d.name, d.schema] : [undefined];
}

/**
 * One build's recorder. `spec` is the spec as the steps must see it (reads recorded); `finish`
 * hands the build to the memory for the next one.
 */
export class Tape {
  readonly spec: LoadedSpec;
  private readonly last: Build | undefined;
  private readonly claims: string[] = [];
  /** The names handed out so far are the last build's first ones. */
  private sameClaims: boolean;
  private readonly steps = new Map<string, StepRecord>();
  private recording: Recording | undefined;
  private names?: NameRegistry;
  private maps: readonly AnyMap[] = [];
  private readonly counts = { replayed: 0, redone: 0 };

  constructor(
    private readonly memory: IRMemory,
    private readonly key: string,
    private readonly base: LoadedSpec,
    private readonly diagnostics: Diagnostic[],
    /** Diagnostics in this file are placed by the pipeline (the config), not by the spec. */
    private readonly configFile: string | undefined,
  ) {
    this.last = memory.last?.key === key ? memory.last : undefined;
    this.sameClaims = this.last !== undefined;
    this.spec = this.tracked(base);
  }

  /** Records the names `names` hands out, and the reads and writes of `maps`. */
  attach(names: NameRegistry, maps: readonly TrackedMap<never, unknown>[]): void {
    this.names = names;
    names.onClaim = (name) => {
      const i = this.claims.length;
      this.claims.push(name);
      this.recording?.claims.push(name);
      if (this.sameClaims && this.last!.claims[i] !== name) this.sameClaims = false;
    };
    maps.forEach((m, i) => {
      m.tape = this;
      m.place = i;
    });
    this.maps = maps;
  }

  /** Runs `work`, or replays what it did last time when nothing it depends on changed. */
  step<T>(id: string, inputs: readonly unknown[], work: () => T): T {
    const rec = this.last?.steps.get(id);
    if (rec && this.sameClaims && rec.claimsAt === this.claims.length && sameItems(rec.inputs, inputs) && this.holds(rec.reads)) {
      this.replay(rec);
      this.steps.set(id, rec);
      this.counts.replayed++;
      return rec.result as T;
    }
    const claimsAt = this.claims.length;
    const diagnosticsAt = this.diagnostics.length;
    const recording: Recording = { reads: [], writes: [], claims: [], own: new Map(), seen: new Map(), derefs: new Set() };
    this.recording = recording;
    let result: T;
    try {
      result = work();
    } finally {
      this.recording = undefined;
    }
    this.keepLastObjects(recording.writes, rec);
    this.steps.set(id, {
      inputs,
      claimsAt,
      claims: recording.claims,
      reads: recording.reads,
      writes: recording.writes.map((w) => ({ ...w, value: copied(w.value) })),
      diagnostics: this.diagnostics.slice(diagnosticsAt),
      result,
    });
    this.counts.redone++;
    return result;
  }

  finish(): void {
    this.memory.last = { key: this.key, claims: this.claims, steps: this.steps };
    this.memory.counts = this.counts;
    if (this.names) this.names.onClaim = undefined;
  }

  read(map: number, key: unknown, value: unknown): void {
    const r = this.recording;
    if (!r || r.own.get(map)?.has(key)) return;
    let seen = r.seen.get(map);
    if (!seen) r.seen.set(map, (seen = new Set()));
    if (seen.has(key)) return;
    seen.add(key);
    r.reads.push({ map, key, snap: this.maps[map]!.snap(value) });
  }

  write(map: number, key: unknown, value: unknown): void {
    const r = this.recording;
    if (!r) return;
    let own = r.own.get(map);
    if (!own) r.own.set(map, (own = new Set()));
    own.add(key);
    r.writes.push({ map, key, value });
  }

  private holds(reads: readonly Read[]): boolean {
    for (const r of reads) {
      if ('map' in r) {
        const m = this.maps[r.map]!;
        const now = m.snap(m.peek(r.key));
        if (!sameItems(now, r.snap)) return false;
      } else if ('deref' in r) {
        if (!this.sameTarget(r)) return false;
      } else {
        const found = r.locate ? this.base.locate(r.get) : { value: this.base.get(r.get) };
        if (!sameFound(found, r)) return false;
      }
    }
    return true;
  }

  /** Where a chain of refs ends depends on the file and the `$ref`, not on where it is written: each is followed once. */
  private readonly ends = new Map<string, Resolved | undefined>();

  /**
   * Whether a recorded `$ref` still leads where it led. A ref straight to a value of its own file
   * (`direct`: no ref on the way or at the end, it was found where the ref points) still does when
   * that place holds the same object: no need to ask the ref graph, which starts empty every load.
   */
  private sameTarget(r: { readonly deref: unknown; readonly loc: Loc; readonly value: unknown; readonly at?: Loc; readonly direct?: readonly string[] }): boolean {
    if (r.at && r.direct) {
      const root = this.base.files.get(r.at.file)?.root;
      return root !== undefined && valueAt(root, r.direct) === r.value;
    }
    return sameFound(this.resolved(r.deref, r.loc), r);
  }

  private resolved(holder: unknown, loc: Loc): Resolved | undefined {
    const ref = (holder as { $ref?: unknown }).$ref;
    if (typeof ref !== 'string') return this.base.deref(holder, loc);
    const key = `${loc.file}\0${ref}`;
    if (this.ends.has(key)) return this.ends.get(key);
    const found = this.base.deref(holder, loc);
    this.ends.set(key, found);
    return found;
  }

  private replay(rec: StepRecord): void {
    for (const name of rec.claims) this.names!.retake(name);
    for (const w of rec.writes) this.maps[w.map]!.restore(w.key, copied(w.value));
    for (const d of rec.diagnostics) this.diagnostics.push(this.placed(d));
  }

  /** A replayed diagnostic's line may have moved: placed again (the config's are placed later). */
  private placed(d: Diagnostic): Diagnostic {
    if (d.line === undefined || !d.loc || d.loc.file === this.configFile) return d;
    const { line: _l, column: _c, displayFile: _f, ...unplaced } = d;
    return this.base.place(unplaced);
  }

  /**
   * A redone step that wrote what it wrote last time (by value) leaves last time's object in the
   * state: the steps after it that read it then find the same object.
   */
  private keepLastObjects(writes: Write[], rec: StepRecord | undefined): void {
    if (!rec || !writes.length) return;
    const before = new Map<number, Map<unknown, unknown>>();
    for (const w of rec.writes) {
      let m = before.get(w.map);
      if (!m) before.set(w.map, (m = new Map()));
      m.set(w.key, w.value);
    }
    for (const w of writes) {
      const old = before.get(w.map)?.get(w.key);
      if (old === undefined) continue;
      if (isDraft(w.value) && isDraft(old)) {
        if (w.value.name === old.name && w.value.schema !== old.schema && deepEqual(w.value.schema, old.schema)) w.value.schema = old.schema;
      } else if (w.value !== old && deepEqual(w.value, old)) {
        w.value = old;
        this.maps[w.map]!.restore(w.key, old);
      }
    }
  }

  private tracked(base: LoadedSpec): LoadedSpec {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const tape = this;
    return {
      ...base,
      deref<T = unknown>(value: unknown, loc: Loc): Resolved<T> | undefined {
        const found = base.deref<T>(value, loc);
        const r = tape.recording;
        // Only a `$ref` depends on the rest of the spec; any other value comes back as it is.
        if (r && isRefLike(value) && !r.derefs.has(value)) {
          r.derefs.add(value);
          // A direct ref's pointer, parsed once here rather than on every check of the step.
          const ref = (value as { $ref?: unknown }).$ref;
          const direct = found && found.loc.file === loc.file && ref === found.loc.pointer ? parsePointer(ref) : undefined;
          r.reads.push({ deref: value, loc, value: found?.value, ...(found ? { at: found.loc } : {}), ...(direct ? { direct } : {}) });
        }
        return found;
      },
      get(loc) {
        const value = base.get(loc);
        tape.recording?.reads.push({ get: loc, value, locate: false });
        return value;
      },
      locate(loc) {
        const found = base.locate(loc);
        tape.recording?.reads.push({ get: loc, value: found?.value, locate: true, ...(found ? { at: found.loc } : {}) });
        return found;
      },
    };
  }
}

function isRefLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && '$ref' in value;
}

interface Draft {
  name: string;
  schema?: unknown;
  module?: string;
}

function isDraft(v: unknown): v is Draft {
  return typeof v === 'object' && v !== null && 'name' in v && 'id' in v && 'loc' in v && !('kind' in v);
}

/**
 * Drafts are finished (module, cycles) after the steps: a record keeps a copy of the draft as the
 * step left it, and a replay puts a copy of that back.
 */
function copied(v: unknown): unknown {
  return isDraft(v) ? { ...v } : v;
}

function sameFound(found: { readonly value: unknown; readonly loc?: Loc } | undefined, r: { readonly value: unknown; readonly at?: Loc }): boolean {
  if (found?.value !== r.value) return false;
  const at = found && 'loc' in found ? found.loc : undefined;
  return at?.file === r.at?.file && at?.pointer === r.at?.pointer;
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Plain data (the IR's schemas): equal by value. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

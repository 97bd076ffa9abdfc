/**
 * Validation one unit at a time (a path item, a webhook, one entry of a `components` section),
 * each recorded as it runs so that the next load can replay it instead of running it again.
 *
 * A unit's checks are a function of its value, of what `deref` answers, and of which schemas were
 * already checked (each is checked once, by the first unit to reach it). The record holds what was
 * read, in order. A replay goes ahead only if the same schemas are checked already (they can differ
 * only where a unit before it, in this load or the last, checked first differently: `disturbed`), and either
 * what the answers read is the same (reads.ts) or, asked again, `deref` gives the answers recorded
 * (the same objects, never mutated: memory.ts; for a schema already checked, only where it lives
 * matters). Then it does what the checks did: report the same problems, mark the same schemas
 * checked, claim the same operationIds (a claim is made again, not replayed, since who claims an
 * id first depends on the other units).
 */
import type { Severity } from '../diagnostics.js';
import type { Loc } from '../diagnostics.js';
import type { PairMap } from './pair-map.js';
import { child, locKey } from './pointer.js';
import type { ReadLog } from './reads.js';
import { isRef } from './refs.js';
import type { Resolved } from './types.js';

/** What a unit's checks asked: a deref and its answer, or whether a schema was checked already. */
export type Question =
  | { readonly kind: 'deref'; readonly holder: unknown; readonly loc: Loc; readonly found: Resolved | undefined; valueRead: boolean }
  | { readonly kind: 'visit'; readonly key: string; readonly first: boolean };

/** What a unit's checks did that a replay does again, in order. */
export type Effect =
  | { readonly kind: 'report'; readonly severity: Severity; readonly message: string; readonly loc: Loc }
  | { readonly kind: 'operationId'; readonly id: string; readonly loc: Loc };

export interface CheckUnit {
  readonly value: unknown;
  readonly asked: readonly Question[];
  readonly effects: readonly Effect[];
  /** What the answers to the unit's derefs read. */
  readonly log: ReadLog;
  /** The schemas the unit checked first. */
  readonly first: readonly string[];
}

/** The units of a load: by section and member name, and in the order they were checked. */
export interface CheckMemo {
  readonly units: PairMap<CheckUnit>;
  readonly order: CheckUnit[];
}

/** The last load's units (none when it validated as another version), and this load's, to fill. */
export interface CheckMemos {
  readonly last: CheckMemo | undefined;
  readonly next: CheckMemo;
}

/** What unit checks read and change besides their own value. */
export interface CheckState {
  deref(value: unknown, loc: Loc): Resolved | undefined;
  /** `query`'s result, and what the derefs in it read (RefGraph.reading). */
  reading<T>(query: () => T): { result: T; log: ReadLog };
  /** Whether what `log` read has the same values now. */
  holds(log: ReadLog): boolean;
  report(severity: Severity, message: string, loc: Loc): void;
  /** Schemas already checked, by location. */
  readonly seen: Set<string>;
  claimOperationId(id: string, loc: Loc): void;
}

export class CheckUnits {
  private recording: Recording | undefined;
  /** Where each unit of the last load came in its order. */
  private readonly position = new Map<CheckUnit, number>();
  /** The next unit of the last load's order that this load has not come to yet. */
  private expected = 0;
  /**
   * The schemas whose being checked already may not be what it was at this point of the last load:
   * those that units checked in this load, removed, or met in another order, checked first
   * differently. For any other schema it is, so a replayed unit's visits of it need no check.
   */
  private readonly disturbed = new Set<string>();

  private readonly last: CheckMemo | undefined;
  private readonly next: CheckMemo | undefined;

  constructor(
    private readonly state: CheckState,
    memos?: CheckMemos,
  ) {
    [this.last, this.next] = [memos?.last, memos?.next];
    this.last?.order.forEach((unit, i) => this.position.set(unit, i));
  }

  /**
   * The units of the section at `at`: the returned function checks the member `name` (`value`, at
   * the location it passes `check`), or replays its record when nothing it read changed.
   */
  section(at: Loc): (name: string, value: unknown, check: (at: Loc) => void) => void {
    const scope = locKey(at);
    return (name, value, check) => {
      const next = this.next;
      if (!next) return check(child(at, name));
      const last = this.last?.units.get(scope, name);
      if (last) this.comeTo(last);
      const kept = last && last.value === value ? this.stillHolds(last) : undefined;
      if (kept) {
        this.replay(kept);
        next.units.set(scope, name, kept);
        next.order.push(kept);
        return;
      }
      const recording: Recording = { asked: [], effects: [], first: [] };
      this.recording = recording;
      let log: ReadLog;
      try {
        log = this.state.reading(() => check(child(at, name))).log;
      } finally {
        this.recording = undefined;
      }
      const unit: CheckUnit = { value, log, ...recording };
      this.disturb(unit.first, last?.first ?? []);
      next.units.set(scope, name, unit);
      next.order.push(unit);
    };
  }

  /**
   * Comes to `unit` of the last load's order. The units passed over on the way were removed, or
   * come later now: what they checked first is disturbed. A unit met after being passed over needs
   * nothing more: what it checked first was disturbed then, and what it found checked still is, or
   * was checked first by a unit that is itself disturbed (re-checked, passed over, or removed).
   */
  private comeTo(unit: CheckUnit): void {
    const at = this.position.get(unit)!;
    for (let i = this.expected; i < at; i++) for (const key of this.last!.order[i]!.first) this.disturbed.add(key);
    this.expected = Math.max(this.expected, at + 1);
  }

  /** A unit checked in this load checked `now` first, and `before` in the last. */
  private disturb(now: readonly string[], before: readonly string[]): void {
    const was = new Set(before);
    for (const key of now) if (!was.delete(key)) this.disturbed.add(key);
    for (const key of was) this.disturbed.add(key);
  }

  /** `unit`, when checking its value now would do what it did; with what it reads now. */
  private stillHolds(unit: CheckUnit): CheckUnit | undefined {
    if (!this.sameSchemasChecked(unit)) return undefined;
    if (this.state.holds(unit.log)) return unit;
    const { result: same, log } = this.state.reading(() => this.sameAnswers(unit));
    return same ? { ...unit, log } : undefined;
  }

  deref(value: unknown, loc: Loc): Resolved | undefined {
    const found = this.state.deref(value, loc);
    if (this.recording && isRef(value)) this.recording.asked.push({ kind: 'deref', holder: value, loc, found, valueRead: true });
    return found;
  }

  report(severity: Severity, message: string, loc: Loc): void {
    this.state.report(severity, message, loc);
    this.recording?.effects.push({ kind: 'report', severity, message, loc });
  }

  /**
   * Marks the schema at `key` checked; true when this is the first time. `throughRef`: the schema
   * was just reached by `deref`, and when it was checked already, only where it lives mattered.
   */
  visit(key: string, throughRef: boolean): boolean {
    const first = !this.state.seen.has(key);
    if (first) this.state.seen.add(key);
    if (this.recording) {
      const { asked } = this.recording;
      const before = asked[asked.length - 1];
      if (!first && throughRef && before?.kind === 'deref') before.valueRead = false;
      asked.push({ kind: 'visit', key, first });
      if (first) this.recording.first.push(key);
    }
    return first;
  }

  operationId(id: string, loc: Loc): void {
    this.state.claimOperationId(id, loc);
    this.recording?.effects.push({ kind: 'operationId', id, loc });
  }

  /** Whether the schemas `unit` found checked, or checked first, are so now. */
  private sameSchemasChecked(unit: CheckUnit): boolean {
    if (this.disturbed.size === 0) return true;
    let mine: Set<string> | undefined;
    for (const e of unit.asked) {
      if (e.kind !== 'visit' || !this.disturbed.has(e.key)) continue;
      const seen = this.state.seen.has(e.key) || (mine?.has(e.key) ?? false);
      if (seen === e.first) return false;
      if (e.first) (mine ??= new Set()).add(e.key);
    }
    return true;
  }

  /** Whether `deref` gives `unit`'s derefs the answers recorded. */
  private sameAnswers(unit: CheckUnit): boolean {
    for (const e of unit.asked) {
      if (e.kind !== 'deref') continue;
      const now = this.state.deref(e.holder, e.loc);
      if (!now || !e.found) {
        if (now !== e.found) return false;
      } else if (now.loc.file !== e.found.loc.file || now.loc.pointer !== e.found.loc.pointer || (e.valueRead && !Object.is(now.value, e.found.value))) {
        return false;
      }
    }
    return true;
  }

  private replay(unit: CheckUnit): void {
    for (const key of unit.first) this.state.seen.add(key);
    for (const e of unit.effects) {
      if (e.kind === 'report') this.state.report(e.severity, e.message, e.loc);
      else this.state.claimOperationId(e.id, e.loc);
    }
  }
}

interface Recording {
  readonly asked: Question[];
  readonly effects: Effect[];
  readonly first: string[];
}

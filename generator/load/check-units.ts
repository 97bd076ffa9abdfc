/**
 * Validation one unit at a time (a path item, a webhook, one entry of a `components` section),
 * each recorded as it runs so that the next load can replay it instead of running it again.
 *
 * A unit's checks are a function of its value, of what `deref` answers, and of which schemas were
 * already checked (each is checked once, by the first unit to reach it). The record holds what was
 * read, in order: a replay first reads it all again and goes ahead only if every answer is the one
 * recorded (the same objects, never mutated: memory.ts). Then it does what the checks did: report
 * the same problems, mark the same schemas checked, claim the same operationIds (a claim is done
 * again, not replayed, since who claims an id first depends on the other units).
 */
import type { Severity } from '../diagnostics.js';
import type { Loc } from '../diagnostics.js';
import { locKey } from './pointer.js';
import { isRef } from './refs.js';
import type { Resolved } from './types.js';

export type CheckEvent =
  | { readonly kind: 'report'; readonly severity: Severity; readonly message: string; readonly loc: Loc }
  | { readonly kind: 'deref'; readonly holder: unknown; readonly loc: Loc; readonly found: Resolved | undefined; valueRead: boolean }
  | { readonly kind: 'visit'; readonly key: string; readonly first: boolean }
  | { readonly kind: 'operationId'; readonly id: string; readonly loc: Loc };

export interface CheckUnit {
  readonly value: unknown;
  readonly events: readonly CheckEvent[];
}

/** The units of the last load, and those of this one as they are checked. */
export interface CheckMemo {
  readonly last: ReadonlyMap<string, CheckUnit>;
  readonly next: Map<string, CheckUnit>;
}

/** What unit checks read and change besides their own value. */
export interface CheckState {
  deref(value: unknown, loc: Loc): Resolved | undefined;
  report(severity: Severity, message: string, loc: Loc): void;
  /** Schemas already checked, by location. */
  readonly seen: Set<string>;
  claimOperationId(id: string, loc: Loc): void;
}

export class CheckUnits {
  private recording: CheckEvent[] | undefined;

  constructor(
    private readonly state: CheckState,
    private readonly memo?: CheckMemo,
  ) {}

  /** Checks the unit at `loc` with `check`, or replays its record when nothing it read changed. */
  unit(loc: Loc, value: unknown, check: () => void): void {
    if (!this.memo) return check();
    const key = locKey(loc);
    const last = this.memo.last.get(key);
    if (last && last.value === value && this.holds(last)) {
      this.replay(last);
      this.memo.next.set(key, last);
      return;
    }
    const events: CheckEvent[] = [];
    this.recording = events;
    try {
      check();
    } finally {
      this.recording = undefined;
    }
    this.memo.next.set(key, { value, events });
  }

  deref(value: unknown, loc: Loc): Resolved | undefined {
    const found = this.state.deref(value, loc);
    if (this.recording && isRef(value)) this.recording.push({ kind: 'deref', holder: value, loc, found, valueRead: true });
    return found;
  }

  report(severity: Severity, message: string, loc: Loc): void {
    this.state.report(severity, message, loc);
    this.recording?.push({ kind: 'report', severity, message, loc });
  }

  /**
   * Marks the schema at `key` checked; true when this is the first time. `throughRef`: the schema
   * was just reached by `deref`, and when it was checked already, only where it lives mattered.
   */
  visit(key: string, throughRef: boolean): boolean {
    const first = !this.state.seen.has(key);
    if (first) this.state.seen.add(key);
    if (this.recording) {
      const before = this.recording[this.recording.length - 1];
      if (!first && throughRef && before?.kind === 'deref') before.valueRead = false;
      this.recording.push({ kind: 'visit', key, first });
    }
    return first;
  }

  operationId(id: string, loc: Loc): void {
    this.state.claimOperationId(id, loc);
    this.recording?.push({ kind: 'operationId', id, loc });
  }

  /** Whether checking `unit`'s value now would read what it read last time. */
  private holds(unit: CheckUnit): boolean {
    let mine: Set<string> | undefined;
    for (const e of unit.events) {
      if (e.kind === 'deref') {
        const now = this.state.deref(e.holder, e.loc);
        if (!now || !e.found) {
          if (now !== e.found) return false;
        } else if (now.loc.file !== e.found.loc.file || now.loc.pointer !== e.found.loc.pointer || (e.valueRead && !Object.is(now.value, e.found.value))) {
          return false;
        }
      } else if (e.kind === 'visit') {
        const seen = this.state.seen.has(e.key) || (mine?.has(e.key) ?? false);
        if (seen === e.first) return false;
        if (e.first) (mine ??= new Set()).add(e.key);
      }
    }
    return true;
  }

  private replay(unit: CheckUnit): void {
    for (const e of unit.events) {
      if (e.kind === 'report') this.state.report(e.severity, e.message, e.loc);
      else if (e.kind === 'visit' && e.first) this.state.seen.add(e.key);
      else if (e.kind === 'operationId') this.state.claimOperationId(e.id, e.loc);
    }
  }
}

/**
 * What the loader keeps between runs of a one-file JSON spec, so that after an edit it checks refs
 * and validates only the path items that changed: a hash of each path item's text and of the text
 * around them (the "frame"), the operationIds, and the diagnostics of the last run.
 *
 * Why: on Cloudflare's spec those two walks are ~0.35 s of a one-operation edit's ~1.5 s.
 *
 * Reuse is only safe when every diagnostic outside the changed path items is one a full run would
 * give again whatever those items say: root-level checks and the component groups that validation
 * always walks. So nothing is reused when any ref points into `paths`, when the last run
 * reported something elsewhere (a header reached through a ref, a ref cycle), or when the changed
 * items give a diagnostic outside themselves or a duplicate operationId; the caller then loads as
 * usual. test/load/memo.test.ts holds a reused load equal to a full one for edits of every kind.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Diagnostic, Loc } from '../diagnostics.js';
import type { JsonIndex } from './json.js';
import { child } from './pointer.js';

export interface LoadMemo {
  /** This spec's memo file. */
  readonly file: string;
  /** What checked it: lathe's code and the options that change what loading reports. */
  readonly maker: string;
}

/** The entry's `paths` as text: each path item's hash, and a hash of everything around them. */
export interface PathUnits {
  readonly frame: string;
  readonly keys: readonly string[];
  readonly hashes: readonly string[];
}

interface Stored extends PathUnits {
  readonly maker: string;
  readonly refsIntoPaths: boolean;
  readonly operationIds: readonly (readonly [string, Loc])[];
  readonly diagnostics: readonly Diagnostic[];
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Undefined when the document has no `paths` object. `index` is a scan of `text`. */
export function pathUnits(text: string, index: JsonIndex): PathUnits | undefined {
  const span = index.rootValueSpan('paths');
  if (!span || text.charCodeAt(span.from) !== 0x7b) return undefined;
  const members = index.memberSpans(span.from);
  const frame = digest(`${text.slice(0, span.from)}\0${text.slice(span.to)}`);
  return { frame, keys: members.map((m) => m.key), hashes: members.map((m) => digest(text.slice(m.from, m.to))) };
}

/** Diagnostics a full run gives whatever the path items say. */
const CONTEXT_FREE = /^#(?:$|\/(?:info|servers|openapi|swagger|components\/(?:schemas|parameters|responses|requestBodies|pathItems)|definitions|parameters|responses)(?:\/|$))/;

export interface Reuse {
  /** Indexes (in `units.keys`) of the path items that changed. */
  readonly changed: readonly number[];
  readonly operationIds: ReadonlyMap<string, Loc>;
  /** The last run's diagnostics that still hold: all but those in the changed path items. */
  readonly kept: readonly Diagnostic[];
  /** Whether a diagnostic of the changed items' checks belongs to them (else nothing is reused). */
  readonly inChanged: (loc: Loc) => boolean;
}

/** What can be reused from the last run, or undefined to load as usual. */
export function reusable(memo: LoadMemo, units: PathUnits, entry: string): Reuse | undefined {
  let stored: Stored;
  try {
    stored = JSON.parse(readFileSync(memo.file, 'utf8')) as Stored;
  } catch {
    return undefined;
  }
  if (stored.maker !== memo.maker || stored.frame !== units.frame || stored.keys.join('\0') !== units.keys.join('\0')) return undefined;
  // A ref into a path item would make other items depend on the changed ones.
  if (stored.refsIntoPaths) return undefined;
  const changed = units.hashes.flatMap((h, i) => (h === stored.hashes[i] ? [] : [i]));
  const prefixes = changed.map((i) => child({ file: entry, pointer: '#' }, 'paths', units.keys[i]!).pointer);
  const inChanged = (loc: Loc) => loc.file === entry && prefixes.some((p) => loc.pointer === p || loc.pointer.startsWith(`${p}/`));
  const inPaths = (loc: Loc) => loc.pointer.startsWith('#/paths/');
  for (const d of stored.diagnostics) if (!d.loc || d.loc.file !== entry || !(inPaths(d.loc) || CONTEXT_FREE.test(d.loc.pointer))) return undefined;
  return {
    changed,
    operationIds: new Map(stored.operationIds.filter(([, loc]) => !inChanged(loc))),
    kept: stored.diagnostics.filter((d) => !inChanged(d.loc!)),
    inChanged,
  };
}

/** Keeps this run's facts for the next (a memo that cannot be written only costs time). */
export function remember(
  memo: LoadMemo,
  units: PathUnits,
  facts: { operationIds: ReadonlyMap<string, Loc>; diagnostics: readonly Diagnostic[]; refsIntoPaths: boolean },
): void {
  try {
    mkdirSync(dirname(memo.file), { recursive: true });
    const stored: Stored = { maker: memo.maker, ...units, operationIds: [...facts.operationIds], diagnostics: facts.diagnostics, refsIntoPaths: facts.refsIntoPaths };
    const tmp = `${memo.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(stored));
    renameSync(tmp, memo.file);
  } catch {
    // Nothing to do.
  }
}

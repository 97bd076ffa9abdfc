/**
 * What `--watch` keeps of its last load, so that the next one reads, checks and places only what
 * changed: an edit of one operation in a 4 MB spec re-loads in a fraction of a fresh load's time.
 * With or without it, a load gives the same result (diagnostics, tree, answers).
 *
 * - Files (reread.ts): the last bytes and what they parsed to. The same bytes give the same
 *   `SpecFile`; a JSON edit inside one value parses only that value (else the whole file is parsed
 *   and merged into the last tree). Invalid input is read whole every time and leaves the last
 *   good tree as the base for the next edit.
 * - Ref checks (ref-check.ts) and validation (check-units.ts), per unit of the entry document: a
 *   unit whose value is the same object, and whose reads come out the same, is not checked again.
 *   Checks of the whole document (operationIds, ref cycles, depth) come out as in a fresh load.
 * - Positions (positions.ts, json.ts): the scans that place diagnostics, carried through an edit.
 *
 * The guarantee other stages may rely on, for the trees of two loads through one memory:
 * - a tree, once loaded, is never mutated (not by a later load, which copies what it changes);
 * - every value of the new tree outside what changed is the same object as in the last tree;
 * - every ancestor of a changed value is a new object; so an object found in both trees is
 *   deep-equal in both, and an object that is not new holds no change.
 *
 * Loads with other options (entry file, working directory, allowed roots) start over.
 */
import type { CheckMemo } from './check-units.js';
import type { RefUnit } from './ref-check.js';
import { PairMap } from './pair-map.js';
import type { KeptFile } from './reread.js';
import type { OpenAPIVersion } from './types.js';
import type { ParsedRef } from './uri.js';

export class LoadMemory {
  /** The options the memory's content was loaded with. */
  context: string | undefined;
  /** Files by absolute path. */
  readonly files = new Map<string, KeptFile>();
  /** The `$ref` strings the last load parsed, by file. */
  parsedRefs = new PairMap<ParsedRef>();
  /** Ref-check units of the last load that walked the refs. */
  refUnits = new PairMap<RefUnit>();
  /** Validation units of the last load that validated, and the version they were checked as. */
  checkUnits: CheckMemo | undefined;
  checkedAs: OpenAPIVersion | undefined;

  /** Forgets everything when `context` is not what the memory holds. */
  enter(context: string): void {
    if (context === this.context) return;
    this.context = context;
    this.files.clear();
    this.parsedRefs = new PairMap();
    this.refUnits = new PairMap();
    this.checkUnits = undefined;
    this.checkedAs = undefined;
  }
}

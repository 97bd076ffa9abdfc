/** What a surface diff reports. */

/**
 * - `breaking`: code that compiled against the old SDK may not compile (or may misbehave) now;
 * - `compatible`: something was added or loosened; old code still compiles;
 * - `internal`: code changed where users cannot see it (bodies, unexported declarations);
 * - `none`: only comments (docs) or layout changed.
 */
export type Impact = 'breaking' | 'compatible' | 'internal' | 'none';
export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface SurfaceChange {
  readonly impact: Impact;
  /** The public name it concerns (`MessageCreateParams.content`, `MessageResource.create()`), or a file. */
  readonly subject: string;
  readonly message: string;
  /** The output file it was found in. */
  readonly file: string;
}

export interface SurfaceReport {
  readonly bump: Bump;
  readonly changes: SurfaceChange[];
  /** TypeScript modules that differ and were analysed. */
  readonly analysed: string[];
  /** Time spent, ms. */
  readonly ms: number;
}

const ORDER: readonly Impact[] = ['breaking', 'compatible', 'internal', 'none'];

export function bumpOf(changes: readonly SurfaceChange[]): Bump {
  const has = (i: Impact) => changes.some((c) => c.impact === i);
  return has('breaking') ? 'major' : has('compatible') ? 'minor' : has('internal') ? 'patch' : 'none';
}

export function sortChanges(changes: SurfaceChange[]): SurfaceChange[] {
  return changes.sort(
    (a, b) => ORDER.indexOf(a.impact) - ORDER.indexOf(b.impact) || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0),
  );
}

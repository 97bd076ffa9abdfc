/** Comparing parsed trees: their values, key order included, and what two trees share. */

export type Json = unknown;

/** The first place where two trees differ (keys in the same order, values by Object.is), or undefined. */
export function differ(a: Json, b: Json): string | undefined {
  const stack: [Json, Json, string][] = [[a, b, '#']];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [x, y, at] = item;
    if (Object.is(x, y)) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null || Array.isArray(x) !== Array.isArray(y)) return at;
    const kx = Object.keys(x);
    const ky = Object.keys(y);
    if (kx.length !== ky.length || kx.some((k, i) => k !== ky[i])) return `${at} (keys)`;
    for (const k of kx) stack.push([(x as Record<string, Json>)[k], (y as Record<string, Json>)[k], `${at}/${k}`]);
  }
  return undefined;
}

/**
 * Where `after` (a load's tree) breaks the promise to share with `before` (the last load's tree of
 * the same file): a value equal to the one at the same place before must be the same object, and a
 * value that changed must be a new one (so every ancestor of a change is new).
 */
export function sharingFaults(before: Json, after: Json): string[] {
  const faults: string[] = [];
  const visit = (b: Json, a: Json, at: string, depth: number): boolean => {
    if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return !Object.is(a, b);
    // Below this the trees are compared, not their sharing: fuzzed specs nest 10,000 levels deep.
    if (depth > 200) return differ(b, a) !== undefined;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    let changed = Array.isArray(a) !== Array.isArray(b) || ka.length !== kb.length || ka.some((k, i) => k !== kb[i]);
    for (const k of ka) {
      const inner = Object.hasOwn(b, k) ? visit((b as Record<string, Json>)[k], (a as Record<string, Json>)[k], `${at}/${k}`, depth + 1) : true;
      changed ||= inner;
    }
    if (changed && a === b) faults.push(`${at}: changed, yet the same object`);
    if (!changed && a !== b) faults.push(`${at}: unchanged, yet a new object`);
    return changed;
  };
  visit(before, after, '#', 0);
  return faults.slice(0, 5);
}

/** Freezes a tree, so that a later load writing into it throws (test files are ES modules: strict). */
export function freeze(root: Json): void {
  const seen = new Set<object>();
  const stack = [root];
  for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    Object.freeze(v);
    for (const k of Object.keys(v)) stack.push((v as Record<string, Json>)[k]);
  }
}

/**
 * Parsed trees that share what did not change with the tree before them. An object of the last
 * run's tree is never written to: it may be in this run's tree too, and in what later stages kept.
 */
import { MAX_DOCUMENT_DEPTH } from './refs.js';

/**
 * `fresh` (a tree just parsed, not yet seen by anyone) with each of its parts that is deep-equal to
 * the same part of `old` (same keys in the same order, same values) replaced by old's object; old
 * itself when all of it is equal. So an object is the same as last run's exactly where nothing in
 * it changed, and every ancestor of a change is new.
 *
 * Writes into `fresh` only. A YAML alias can make one fresh object appear twice; it then holds old
 * objects equal to its own parts, which are right in both places.
 */
export function reuseUnchanged(old: unknown, fresh: unknown): unknown {
  return merge(old, fresh, 0);
}

function merge(old: unknown, fresh: unknown, depth: number): unknown {
  if (Object.is(old, fresh)) return old;
  if (typeof fresh !== 'object' || fresh === null || typeof old !== 'object' || old === null) return fresh;
  // Past the depth lathe refuses anyway: not worth a deeper stack.
  if (depth > MAX_DOCUMENT_DEPTH) return fresh;
  if (Array.isArray(fresh)) {
    if (!Array.isArray(old)) return fresh;
    let same = old.length === fresh.length;
    for (let i = 0; i < fresh.length; i++) {
      const kept = merge(old[i], fresh[i], depth + 1);
      if (!Object.is(kept, old[i]) || i >= old.length) same = false;
      if (kept !== fresh[i]) fresh[i] = kept;
    }
    return same ? old : fresh;
  }
  if (Array.isArray(old)) return fresh;
  const before = old as Record<string, unknown>;
  const after = fresh as Record<string, unknown>;
  const oldKeys = Object.keys(before);
  const keys = Object.keys(after);
  let same = oldKeys.length === keys.length;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const had = Object.hasOwn(before, key);
    const kept = merge(had ? before[key] : undefined, after[key], depth + 1);
    if (!had || oldKeys[i] !== key || !Object.is(kept, before[key])) same = false;
    if (kept !== after[key]) setMember(after, key, kept);
  }
  return same ? old : fresh;
}

/** A copy of `container` with the member `token` set to `value`; `container` is left alone. */
export function withMember(container: unknown, token: string | number, value: unknown): unknown {
  if (Array.isArray(container)) {
    const copy = container.slice();
    copy[token as number] = value;
    return copy;
  }
  // Spreading keeps the key order and defines `__proto__` as an own member, as JSON.parse does.
  const copy = { ...(container as Record<string, unknown>) };
  setMember(copy, String(token), value);
  return copy;
}

/** Sets an own member, `__proto__` included (plain assignment would set the prototype). */
function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

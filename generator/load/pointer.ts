import { joinPointer, unescapePointerToken, type Loc } from '../diagnostics.js';

/**
 * Splits a `Loc` pointer (`#`, `#/a/b~1c`) into unescaped tokens. Returns undefined for a string
 * that is not a pointer of that form, or has a `~` not followed by 0 or 1 (RFC 6901 forbids it).
 */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '#' || pointer === '') return [];
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (!body.startsWith('/') || /~(?![01])/.test(body)) return undefined;
  return body
    .slice(1)
    .split('/')
    .map((t) => (t.includes('~') ? unescapePointerToken(t) : t));
}

/**
 * The value at `pointer` (its text, or its tokens as `parsePointer` gives them) in `root`, through
 * own members only (a `$ref` on the way is not followed: undefined). For a ref straight to its
 * target, what the ref graph would answer, without its work.
 */
export function valueAt(root: unknown, pointer: string | readonly string[]): unknown {
  const tokens = typeof pointer === 'string' ? parsePointer(pointer) : pointer;
  if (!tokens) return undefined;
  let node = root;
  for (const token of tokens) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** The canonical `Loc` pointer for a list of unescaped tokens. */
export function toPointer(tokens: readonly string[]): string {
  return joinPointer('#', ...tokens);
}

/** A child location. */
export function child(loc: Loc, ...tokens: (string | number)[]): Loc {
  return { file: loc.file, pointer: joinPointer(loc.pointer, ...tokens) };
}

/** A key that identifies a location in memo tables. */
export function locKey(loc: Loc): string {
  return `${loc.file}\0${loc.pointer}`;
}

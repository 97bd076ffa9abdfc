/**
 * Pointer-directed scanning of JSON text. Positions are only needed for diagnostics, so instead of
 * building a syntax tree for a multi-megabyte file we skip over every value that is not on the path.
 */
import { lastAtOrBefore, type TextSource } from './text.js';

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

function skipWs(text: string, i: number): number {
  while (WS.has(text.charCodeAt(i))) i++;
  return i;
}

/** `i` is at an opening quote; returns the offset just after the closing one. */
function skipString(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q === -1) return text.length;
    let backslashes = 0;
    for (let k = q - 1; text.charCodeAt(k) === 0x5c; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/** The end of a number, `true`, `false` or `null` starting at `i`. */
function skipScalar(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === 0x2c || d === 0x7d || d === 0x5d || WS.has(d)) break;
    j++;
  }
  return j;
}

/** One object or array of the text. Offsets are relative to its opening bracket, so a container
 * after an edit keeps its scan, only its place in the text moves. */
interface Container {
  readonly array: boolean;
  /** From the opening bracket to just after the closing one. */
  readonly length: number;
  /** Member keys, decoded, in text order (objects only). */
  readonly keys: readonly string[];
  readonly keyAt: readonly number[];
  readonly valueAt: readonly number[];
  readonly valueEnd: readonly number[];
  /** Key -> its last member (JSON.parse keeps the last of duplicate keys; so do lookups). */
  readonly byKey: ReadonlyMap<string, number>;
  /** A key appears twice: a member's text may not be the value the parsed tree holds. */
  readonly duplicateKeys: boolean;
  /**
   * The members that are containers, scanned on first use. Filling it in is the one change a
   * container ever sees: it describes text that does not change while the container is shared.
   */
  readonly inner: (Container | undefined)[];
}

/** One member on the way from the root to a value: `member` of the container starting at `at`. */
export interface Step {
  readonly container: Container;
  readonly at: number;
  readonly member: number;
  /** The member's key, or its index in an array. */
  readonly token: string | number;
}

/** The deepest value whose text holds a stretch of the text, and the members leading to it. */
export interface Enclosing {
  /** Empty when only the root holds the stretch. */
  readonly steps: readonly Step[];
}

/**
 * Offsets of nodes in valid JSON text, by pointer tokens: of the member's key when the last token
 * names an object member (that is where a reader looks for "the `servers` field"), else of the
 * value. When the path does not exist, the offset of the deepest node that does.
 *
 * Each object or array on a looked-up path is scanned once, with the members of the containers in
 * it, so the many diagnostics of a large spec cost one pass over the parts they touch. An index
 * survives an edit inside one value (`edited`): what was scanned outside the edit is kept.
 */
export class JsonIndex {
  private root: Container | undefined;
  private start: number | undefined;

  /**
   * `text` may be a text made of pieces (edit.ts): after an edit the index reads only the stretches
   * of it that it scans, where reading all of it would copy it whole into one string.
   */
  constructor(
    readonly text: TextSource,
    root?: { readonly container: Container; readonly at: number },
  ) {
    this.root = root?.container;
    this.start = root?.at;
  }

  /** Where the root value starts. */
  private get rootAt(): number {
    return (this.start ??= skipWs(this.text.slice(0, this.text.length), 0));
  }

  private rootContainer(): Container | undefined {
    if (!this.root) {
      const at = this.rootAt;
      const whole = this.text.slice(0, this.text.length);
      if (isOpen(whole.charCodeAt(at))) this.root = scanContainer(whole, at, true);
    }
    return this.root;
  }

  offset(tokens: readonly string[]): number {
    let at = this.rootAt;
    let found = at;
    let container = this.rootContainer();
    for (const token of tokens) {
      if (!container) return found;
      let member: number | undefined;
      if (container.array) {
        if (!/^(0|[1-9]\d*)$/.test(token)) return found;
        member = Number(token);
        if (member >= container.valueAt.length) return found;
        found = at + container.valueAt[member]!;
      } else {
        member = container.byKey.get(token);
        if (member === undefined) return found;
        found = at + container.keyAt[member]!;
      }
      [container, at] = [this.inner(container, at, member), at + container.valueAt[member]!];
    }
    return found;
  }

  /**
   * The members leading to the deepest value whose text holds all of [start, end): the value a
   * change of that stretch replaces. The way stops above an object with duplicate keys, where
   * the member holding the stretch may not be the one the parsed tree keeps.
   */
  enclosing(start: number, end: number): Enclosing {
    const steps: Step[] = [];
    let container = this.rootContainer();
    let at = this.rootAt;
    while (container && !container.duplicateKeys) {
      const member = memberHolding(container, start - at, end - at);
      if (member === undefined) break;
      steps.push({ container, at, member, token: container.array ? member : container.keys[member]! });
      [container, at] = [this.inner(container, at, member), at + container.valueAt[member]!];
    }
    return { steps };
  }

  /**
   * The index of `text`: this index's text with the value at the end of `steps` replaced, the
   * value's text `delta` characters longer. Containers outside that value are kept as scanned.
   */
  edited(text: TextSource, steps: readonly Step[], delta: number): JsonIndex {
    let replaced: Container | undefined;
    for (let d = steps.length - 1; d >= 0; d--) {
      const { container: c, member } = steps[d]!;
      const shift = (offsets: readonly number[], from: number) => offsets.map((o, i) => (i >= from ? o + delta : o));
      const inner = c.inner.slice();
      inner[member] = replaced;
      replaced = {
        ...c,
        length: c.length + delta,
        keyAt: c.array ? c.keyAt : shift(c.keyAt, member + 1),
        valueAt: shift(c.valueAt, member + 1),
        valueEnd: shift(c.valueEnd, member),
        inner,
      };
    }
    return new JsonIndex(text, replaced && { container: replaced, at: this.rootAt });
  }

  /** The container that is `member` of `container` (at `at`), scanned on first use. */
  private inner(container: Container, at: number, member: number): Container | undefined {
    const known = container.inner[member];
    if (known) return known;
    const value = this.text.slice(at + container.valueAt[member]!, at + container.valueEnd[member]!);
    if (!isOpen(value.charCodeAt(0))) return undefined;
    const scanned = scanContainer(value, 0, true);
    container.inner[member] = scanned;
    return scanned;
  }
}

function isOpen(c: number): boolean {
  return c === 0x7b || c === 0x5b;
}

/** The member whose value's text holds [start, end) (offsets relative to the container). */
function memberHolding(c: Container, start: number, end: number): number | undefined {
  // Members are in text order: the last one starting at or before `start`.
  const member = lastAtOrBefore(c.valueAt, start);
  return member < 0 || end > c.valueEnd[member]! ? undefined : member;
}

/**
 * Scans the container at `start` of valid JSON: its members, and with `deep` the members of the
 * containers among them, so that going one level down does not scan that text a second time.
 */
function scanContainer(text: string, start: number, deep: boolean): Container {
  const array = text.charCodeAt(start) === 0x5b;
  const keys: string[] = [];
  const keyAt: number[] = [];
  const valueAt: number[] = [];
  const valueEnd: number[] = [];
  const byKey = new Map<string, number>();
  const inner: (Container | undefined)[] = [];
  let duplicateKeys = false;
  let i = skipWs(text, start + 1);
  for (;;) {
    const c = text.charCodeAt(i);
    if (array ? c === 0x5d || i >= text.length : c !== 0x22) break;
    if (!array) {
      const keyEnd = skipString(text, i);
      // Decoded into a string of its own: a slice would keep the whole text alive as long as the
      // index, which outlives edits (and so one text after another).
      const key = JSON.parse(text.slice(i, keyEnd)) as string;
      if (byKey.has(key)) duplicateKeys = true;
      byKey.set(key, keys.length);
      keys.push(key);
      keyAt.push(i - start);
      i = skipWs(text, skipWs(text, keyEnd) + 1);
    }
    let end: number;
    if (deep && isOpen(text.charCodeAt(i))) {
      const scanned = scanContainer(text, i, false);
      inner[valueAt.length] = scanned;
      end = i + scanned.length;
    } else {
      end = skipValue(text, i);
    }
    valueAt.push(i - start);
    valueEnd.push(end - start);
    i = skipWs(text, end);
    if (text.charCodeAt(i) !== 0x2c) break;
    i = skipWs(text, i + 1);
  }
  // `i` is at the closing bracket.
  return { array, length: i + 1 - start, keys, keyAt, valueAt, valueEnd, byKey, duplicateKeys, inner };
}

/** Skips one value of valid JSON starting at `i`. */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x22) return skipString(text, i);
  if (!isOpen(c)) return skipScalar(text, i);
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const d = text.charCodeAt(j);
    if (d === 0x22) j = skipString(text, j) - 1;
    else if (d === 0x7b || d === 0x5b) depth++;
    else if ((d === 0x7d || d === 0x5d) && --depth === 0) return j + 1;
  }
  return text.length;
}

/** One-off lookup (tests, small files). */
export function jsonNodeOffset(text: string, tokens: readonly string[]): number {
  return new JsonIndex(text).offset(tokens);
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * Offset of the first syntax error in JSON text (text.length for an unexpected end), or -1 if the
 * text is valid. Only used when `JSON.parse`'s message carries no position.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const stack: ('{' | '[')[] = [];
  // Reads a string at `i`; false (with `i` at the fault) when it is malformed.
  const str = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c === 0x5c) {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) return false;
        i = ESCAPE.lastIndex;
      } else if (c < 0x20) {
        return false;
      } else {
        i++;
      }
    }
    return false;
  };
  // Reads `"key" :` inside an object.
  const member = (): boolean => {
    if (!str()) return false;
    i = skipWs(text, i);
    if (text[i] !== ':') return false;
    i++;
    return true;
  };
  for (;;) {
    i = skipWs(text, i);
    const c = text[i];
    if (c === '{' || c === '[') {
      i = skipWs(text, i + 1);
      if (text[i] === (c === '{' ? '}' : ']')) i++;
      else {
        stack.push(c);
        if (c === '{' && !member()) return i;
        continue;
      }
    } else if (c === '"') {
      if (!str()) return i;
    } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
      i += 4;
    } else if (text.startsWith('false', i)) {
      i += 5;
    } else {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) return i;
      i = NUMBER.lastIndex;
    }
    // After a value: close containers and find the next value.
    for (;;) {
      i = skipWs(text, i);
      const top = stack[stack.length - 1];
      if (top === undefined) return i < text.length ? i : -1;
      const d = text[i];
      if (d === ',') {
        i = skipWs(text, i + 1);
        if (top === '{' && !member()) return i;
        break;
      }
      if (d === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
        continue;
      }
      return i;
    }
  }
}

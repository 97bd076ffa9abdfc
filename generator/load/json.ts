/**
 * Pointer-directed scanning of JSON text. Positions are only needed for diagnostics, so instead of
 * building a syntax tree for a multi-megabyte file we skip over every value that is not on the path.
 */

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

/**
 * Offsets of nodes in valid JSON text, by pointer tokens: of the member's key when the last token
 * names an object member (that is where a reader looks for "the `servers` field"), else of the
 * value. When the path does not exist, the offset of the deepest node that does.
 *
 * Each object or array on a looked-up path is scanned once and all its members remembered, so the
 * many diagnostics of a large spec cost one pass over the parts they touch, not one pass each.
 */
export class JsonIndex {
  private readonly objects = new Map<number, Map<string, readonly [key: number, value: number]>>();
  private readonly arrays = new Map<number, number[]>();
  /**
   * Where each object or array that a skip went through ends, by where it starts: a pointer into
   * `paths` would otherwise scan the paths object again after scanning it to skip it at the root.
   */
  private readonly ends = new Map<number, number>();

  constructor(private readonly text: string) {}

  offset(tokens: readonly string[]): number {
    let i = skipWs(this.text, 0);
    let found = i;
    for (const token of tokens) {
      const c = this.text.charCodeAt(i);
      if (c === 0x7b) {
        const hit = this.members(i).get(token);
        if (!hit) return found;
        [found, i] = hit;
      } else if (c === 0x5b) {
        if (!/^(0|[1-9]\d*)$/.test(token)) return found;
        const item = this.items(i)[Number(token)];
        if (item === undefined) return found;
        found = i = item;
      } else {
        return found;
      }
    }
    return found;
  }

  private members(start: number): Map<string, readonly [number, number]> {
    let members = this.objects.get(start);
    if (members) return members;
    members = new Map();
    const text = this.text;
    let i = skipWs(text, start + 1);
    while (text.charCodeAt(i) === 0x22) {
      const keyStart = i;
      const keyEnd = skipString(text, i);
      const raw = text.slice(keyStart, keyEnd);
      const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      i = skipWs(text, skipWs(text, keyEnd) + 1);
      // JSON.parse keeps the last of duplicate keys; so do we.
      members.set(key, [keyStart, i]);
      i = skipWs(text, this.skip(i));
      if (text.charCodeAt(i) !== 0x2c) break;
      i = skipWs(text, i + 1);
    }
    this.objects.set(start, members);
    return members;
  }

  private items(start: number): number[] {
    let items = this.arrays.get(start);
    if (items) return items;
    items = [];
    const text = this.text;
    let i = skipWs(text, start + 1);
    while (i < text.length && text.charCodeAt(i) !== 0x5d) {
      items.push(i);
      i = skipWs(text, this.skip(i));
      if (text.charCodeAt(i) !== 0x2c) break;
      i = skipWs(text, i + 1);
    }
    this.arrays.set(start, items);
    return items;
  }

  /** Skips one value of already-valid JSON starting at `i`, remembering where the containers in it end. */
  private skip(i: number): number {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (c === 0x22) return skipString(text, i);
    if (c !== 0x7b && c !== 0x5b) return skipScalar(text, i);
    const known = this.ends.get(i);
    if (known !== undefined) return known;
    const open: number[] = [];
    for (let j = i; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === 0x22) j = skipString(text, j) - 1;
      else if (d === 0x7b || d === 0x5b) open.push(j);
      else if (d === 0x7d || d === 0x5d) {
        this.ends.set(open.pop()!, j + 1);
        if (open.length === 0) return j + 1;
      }
    }
    return text.length;
  }
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

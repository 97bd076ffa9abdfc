/**
 * What changed between two versions of a file's bytes, as an edit of its text, and the new text
 * made of pieces of the old one: a save usually changes a few bytes of megabytes, and decoding only
 * those (and comparing in native chunks) costs a fraction of decoding the whole file again.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { lastAtOrBefore, type TextEdit, type TextSource } from './text.js';

/** Large enough that the per-call cost of a native compare vanishes, small enough to step back from. */
const CHUNK = 1 << 14;

// A BOM inside the changed bytes is a character like any other: only the file's first bytes drop it.
const middle = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/**
 * Where the text of `bytes` differs from the old text (`oldLength` long, decoded from `oldBytes`),
 * and the new text of that stretch, the changed bytes decoded alone. Undefined when the bytes are
 * not UTF-8, or either version starts with a BOM (the decoder drops it, so bytes and text would
 * not line up): the full read handles and words those.
 */
export function textEdit(oldBytes: Uint8Array, oldLength: number, bytes: Uint8Array): { edit: TextEdit; changed: string } | undefined {
  if (hasBom(oldBytes) || hasBom(bytes) || !isUtf8(bytes)) return undefined;
  let prefix = commonPrefix(oldBytes, bytes);
  let suffix = commonSuffix(oldBytes, bytes, Math.min(oldBytes.length, bytes.length) - prefix);
  // Cut at character boundaries: the unchanged ends must be whole characters on their own.
  while (prefix > 0 && prefix < oldBytes.length && isContinuation(oldBytes[prefix]!)) prefix--;
  while (suffix > 0 && isContinuation(oldBytes[oldBytes.length - suffix]!)) suffix--;
  let changed: string;
  try {
    changed = middle.decode(bytes.subarray(prefix, bytes.length - suffix));
  } catch {
    return undefined;
  }
  const start = utf16Length(oldBytes, 0, prefix);
  const oldEnd = oldLength - utf16Length(oldBytes, oldBytes.length - suffix, oldBytes.length);
  return { edit: { start, oldEnd, newEnd: start + changed.length }, changed };
}

/** Past this many pieces a text is joined into one string again. */
const MAX_PIECES = 32;

/**
 * A text kept as the pieces edits made of it: slices of an earlier text and the changed stretches.
 * A string made by joining strings is copied whole into one on its first read, 5 ms for a 4 MB
 * spec; slices of the pieces are copied only as far as they reach.
 */
export class Pieces implements TextSource {
  private constructor(
    private readonly parts: readonly string[],
    /** Where each part starts in the text. */
    private readonly starts: readonly number[],
    readonly length: number,
  ) {}

  static of(text: string): Pieces {
    return new Pieces([text], [0], text.length);
  }

  slice(start: number, end: number): string {
    let out = '';
    for (let i = Math.max(0, lastAtOrBefore(this.starts, start)); i < this.parts.length && this.starts[i]! < end; i++) {
      const from = this.starts[i]!;
      out += this.parts[i]!.slice(Math.max(0, start - from), end - from);
    }
    return out;
  }

  /** The text with `edit` made, `changed` its new stretch. */
  edited(edit: TextEdit, changed: string): Pieces {
    const parts: string[] = [];
    const starts: number[] = [];
    const add = (part: string) => {
      if (!part) return;
      starts.push(starts.length ? starts[starts.length - 1]! + parts[parts.length - 1]!.length : 0);
      parts.push(part);
    };
    const cut = (from: number, to: number) => {
      for (let i = Math.max(0, lastAtOrBefore(this.starts, from)); i < this.parts.length && this.starts[i]! < to; i++) {
        add(this.parts[i]!.slice(Math.max(0, from - this.starts[i]!), to - this.starts[i]!));
      }
    };
    cut(0, edit.start);
    add(changed);
    cut(edit.oldEnd, this.length);
    const length = this.length + edit.newEnd - edit.oldEnd;
    return parts.length > MAX_PIECES ? Pieces.of(parts.join('')) : new Pieces(parts, starts, length);
  }

  /** The text as one string, made of the pieces without copying them. */
  toString(): string {
    let text = '';
    for (const part of this.parts) text += part;
    return text;
  }
}

function hasBom(b: Uint8Array): boolean {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

function isContinuation(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
}

function commonPrefix(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= n && Buffer.compare(a.subarray(i, i + CHUNK), b.subarray(i, i + CHUNK)) === 0) i += CHUNK;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

/** How many bytes `a` and `b` end with in common, at most `limit`. */
function commonSuffix(a: Uint8Array, b: Uint8Array, limit: number): number {
  let k = 0;
  while (k + CHUNK <= limit && Buffer.compare(a.subarray(a.length - k - CHUNK, a.length - k), b.subarray(b.length - k - CHUNK, b.length - k)) === 0) k += CHUNK;
  while (k < limit && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  return k;
}

/** How many UTF-16 code units the valid UTF-8 bytes [from, to) decode to. */
function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i += CHUNK) {
    const end = Math.min(to, i + CHUNK);
    if (isAscii(bytes.subarray(i, end))) {
      units += end - i;
      continue;
    }
    for (let j = i; j < end; j++) {
      const b = bytes[j]!;
      // Each character counts at its first byte; one of four bytes is a surrogate pair.
      if (!isContinuation(b)) units += b >= 0xf0 ? 2 : 1;
    }
  }
  return units;
}

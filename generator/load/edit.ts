/**
 * What changed between two versions of a file's bytes, as an edit of its text: a save usually
 * changes a few bytes of megabytes, and decoding only those (and comparing in native chunks)
 * costs a fraction of decoding the whole file again.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import type { TextEdit } from './text.js';

/** Large enough that the per-call cost of a native compare vanishes, small enough to step back from. */
const CHUNK = 1 << 14;

// A BOM inside the changed bytes is a character like any other: only the file's first bytes drop it.
const middle = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/**
 * The new text, made of the old text's unchanged start and end around the changed bytes decoded
 * alone, and where it differs from the old text. Undefined when the bytes are not UTF-8, or either
 * version starts with a BOM (the decoder drops it, so bytes and text would not line up): the full
 * read handles and words those.
 */
export function spliceText(oldBytes: Uint8Array, oldText: string, bytes: Uint8Array): { text: string; edit: TextEdit; changed: string } | undefined {
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
  const oldEnd = oldText.length - utf16Length(oldBytes, oldBytes.length - suffix, oldBytes.length);
  const text = oldText.slice(0, start) + changed + oldText.slice(oldEnd);
  return { text, edit: { start, oldEnd, newEnd: start + changed.length }, changed };
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

/**
 * Long texts (Cloudflare's src/openapi.ts is 4.4 MB) hashed and written piece by piece. Node
 * encodes a string it is given whole into a buffer of its full size, and on a machine where
 * touching fresh memory is slow (3-4 ms a MB on this project's VMs) that costs more than the
 * hashing or writing itself; pieces of 32 K reuse one small buffer.
 */
import { createHash } from 'node:crypto';

/** UTF-16 units per piece. */
const PIECE = 1 << 15;

/** `text` in pieces of at most PIECE units; a surrogate pair is never split (each half alone would encode as U+FFFD). */
export function pieces(text: string): string[] {
  if (text.length <= PIECE) return [text];
  const out: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + PIECE);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

/**
 * The text `parts` make in order, in pieces of at most PIECE units: long parts cut (`pieces`),
 * short ones put together, so that a file of 5,000 small parts is not 5,000 writes.
 */
export function* chunks(parts: readonly string[]): Generator<string> {
  let pending = '';
  for (const part of parts) {
    if (pending.length + part.length <= PIECE) {
      pending += part;
      continue;
    }
    if (pending) yield pending;
    pending = '';
    if (part.length <= PIECE) pending = part;
    else yield* pieces(part);
  }
  if (pending) yield pending;
}

/** The sha256 (hex) of `text` as UTF-8, or of the text `parts` make in order. */
export function sha256(text: string | readonly string[]): string {
  const h = createHash('sha256');
  for (const piece of typeof text === 'string' ? pieces(text) : chunks(text)) h.update(piece);
  return h.digest('hex');
}

/** Helpers over raw file text: decoding and offset -> line/column. */

export type Decoded = { ok: true; text: string } | { ok: false; offset: number; line: number; column: number };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes UTF-8 and drops a leading BOM (TextDecoder does that unless `ignoreBOM`). On invalid
 * bytes, finds the first bad byte so the message can point at it; that scan only runs on failure.
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    // The bytes before the bad one on its line are valid, so they decode to the real column.
    const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
    return { ok: false, offset, line, column };
  }
}

/** Byte offset of the first byte that does not start a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** 1-based line and column (in UTF-16 code units, as editors count) of a string offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Line starts of a text, found once, for many offset -> line/column lookups. An index of an edited
 * text is the index before the edit and the edit: a 6 MB spec has 170,000 lines, and copying their
 * starts took 20 ms on every `--watch` edit, for the few positions its diagnostics ask.
 */
export class LineIndex {
  private readonly starts?: number[];
  /**
   * For an index made by `edited`: the index of the text before the edit, the edit, and the
   * starts it made. No text is kept: a chain of indexes must not keep the texts of a session.
   */
  private readonly before?: { readonly index: LineIndex; readonly edit: TextEdit; readonly added: readonly number[]; readonly depth: number };
  private readonly length: number;

  constructor(text: string, before?: LineIndex['before']) {
    this.length = text.length;
    if (before) {
      this.before = before;
      return;
    }
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  /**
   * The index of `text`, which is this index's text with `edit` made: only the edited stretch
   * (`changed`, which callers that have it pass: slicing a text made of pieces copies all of it)
   * is read.
   */
  edited(text: string, edit: TextEdit, changed = text.slice(edit.start, edit.newEnd)): LineIndex {
    const added: number[] = [];
    for (let i = changed.indexOf('\n'); i !== -1; i = changed.indexOf('\n', i + 1)) added.push(edit.start + i + 1);
    const depth = (this.before?.depth ?? 0) + 1;
    // A long chain of edits is read from the text again, once in so many edits.
    return depth > MAX_EDITS ? new LineIndex(text) : new LineIndex(text, { index: this, edit, added, depth });
  }

  position(offset: number): { line: number; column: number } {
    const end = Math.min(offset, this.length);
    const line = this.count(end) - 1;
    return { line: line + 1, column: end - this.startOf(line) + 1 };
  }

  /** Where the line numbered `line` (from 1) starts. */
  startOfLine(line: number): number {
    return this.startOf(line - 1);
  }

  /** How many lines start at or before `offset`. */
  private count(offset: number): number {
    if (this.starts) return lastAtOrBefore(this.starts, offset) + 1;
    const { index, edit, added } = this.before!;
    if (offset <= edit.start) return index.count(offset);
    const moved = offset - (edit.newEnd - edit.oldEnd);
    return index.count(edit.start) + lastAtOrBefore(added, offset) + 1 + (moved > edit.oldEnd ? index.count(moved) - index.count(edit.oldEnd) : 0);
  }

  /** Where line `k` (from 0) starts. */
  private startOf(k: number): number {
    if (this.starts) return this.starts[k]!;
    const { index, edit, added } = this.before!;
    const head = index.count(edit.start);
    if (k < head) return index.startOf(k);
    if (k < head + added.length) return added[k - head]!;
    return index.startOf(k - head - added.length + index.count(edit.oldEnd)) + edit.newEnd - edit.oldEnd;
  }
}

/** Edits an index keeps as a chain before it finds its starts again. */
const MAX_EDITS = 32;

/** The index of the last of `sorted` (ascending) that is at most `x`; -1 when there is none. */
export function lastAtOrBefore(sorted: readonly number[], x: number): number {
  let lo = -1;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** What scans read of a text: a string, or a text made of pieces (edit.ts). */
export interface TextSource {
  readonly length: number;
  slice(start: number, end: number): string;
}

/** A change of a text: [start, oldEnd) of the old text became [start, newEnd) of the new one. */
export interface TextEdit {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

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

/** Line starts of a text, found once, for many offset -> line/column lookups. */
export class LineIndex {
  private readonly starts: number[];

  constructor(
    private readonly text: string,
    starts?: number[],
  ) {
    if (starts) {
      this.starts = starts;
      return;
    }
    this.starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /**
   * The index of `text`, which is this index's text with `edit` made: only the edited stretch
   * (`changed`, which callers that have it pass: slicing a text made of pieces copies all of it)
   * is read.
   */
  edited(text: string, edit: TextEdit, changed = text.slice(edit.start, edit.newEnd)): LineIndex {
    const delta = edit.newEnd - edit.oldEnd;
    const starts = this.starts.filter((s) => s <= edit.start);
    for (let i = changed.indexOf('\n'); i !== -1; i = changed.indexOf('\n', i + 1)) starts.push(edit.start + i + 1);
    for (const s of this.starts) if (s > edit.oldEnd) starts.push(s + delta);
    return new LineIndex(text, starts);
  }

  position(offset: number): { line: number; column: number } {
    const end = Math.min(offset, this.text.length);
    const line = lastAtOrBefore(this.starts, end);
    return { line: line + 1, column: end - this.starts[line]! + 1 };
  }
}

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

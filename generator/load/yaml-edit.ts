/**
 * A YAML edit parsed in part: the block mapping entry around the change, read alone.
 *
 * js-yaml takes most of a second to read Cloudflare's spec written as YAML (6 MB), and a save in
 * an editor changes a few bytes of it. In block style a mapping entry is its key's line and the
 * lines below it indented further; read alone, those lines give the value they give in the
 * document. So the innermost entry whose lines hold the change is found from the lines above it
 * (the way to it: keys, and the index of each sequence item on the way), its new text is read
 * alone, and its value replaced (reread.ts).
 *
 * Nothing is guessed: an entry is used only when its old text, read alone, gives exactly the value
 * the last tree holds at the way the lines gave, its new text is still one entry of the same key
 * whose further lines are all indented past the key, and js-yaml reads it as it reads a whole file
 * (`quickYaml`: no alias, no merge key, no null key). Otherwise the next entry out is tried, and
 * past a few, or anything unusual in the lines (a tab in an indent, a document marker, a flow
 * collection over several lines), the whole file is read as before.
 */
import type { EditedEntry } from './positions.js';
import { quickYaml } from './read.js';
import type { TextEdit, TextSource } from './text.js';
import { reuseUnchanged } from './tree.js';

/** The entry whose value changed (its way, where it is, its new text), and the new value. */
export interface EntryEdit extends EditedEntry {
  readonly value: unknown;
}

/** Entries tried, innermost first: past these, a whole read costs less than reading ever larger ones alone. */
const MAX_TRIES = 3;

/**
 * The innermost block mapping entry of `text` (whose tree is `root`, read by `quickYaml`) that
 * holds `edit`, with its value in the new text (`changed` the edit's new stretch); undefined when
 * no entry can stand for the whole.
 */
export function yamlEntryEdit(text: TextSource, root: unknown, edit: TextEdit, changed: string): EntryEdit | undefined {
  // A line that reads as structure may be a scalar's text (`- ` or `key: value` in a block scalar).
  const links = linksAt(text, edit.start) ?? linksAt(text, edit.start, true);
  if (!links) return undefined;
  let tries = 0;
  for (let i = 0; i < links.length && tries < MAX_TRIES; i++) {
    const link = links[i]!;
    if (link.kind !== 'key') continue;
    tries++;
    const way = links.slice(i + 1).reverse().map((l) => (l.kind === 'key' ? l.key : l.index));
    const found = entryEdit(text, root, edit, changed, link, way);
    if (found === 'whole') return undefined;
    if (found) return found;
  }
  return undefined;
}

/** A step of the way to a line, innermost first: a key (at `start`, column `col`), or a sequence item. */
type Link = { readonly kind: 'key'; readonly key: string; readonly start: number; readonly col: number } | { readonly kind: 'item'; readonly index: number };

function entryEdit(text: TextSource, root: unknown, edit: TextEdit, changed: string, link: Link & { kind: 'key' }, way: readonly (string | number)[]): EntryEdit | 'whole' | undefined {
  const { start, col } = link;
  const end = entryEnd(text, start, col, Math.max(1 << 16, text.length >> 2));
  // From its key on (an edit at the key's first character may indent it), to its end.
  if (end === undefined || edit.start <= start || edit.oldEnd > end) return undefined;
  const after = text.slice(start, edit.start) + changed + text.slice(edit.oldEnd, end);
  // `<<` anywhere makes the whole file one that js-yaml does not read (read.ts).
  if (after.includes('<<')) return 'whole';
  // The line after the entry must still start a line, and every line of it be indented past its key.
  if ((end < text.length && !after.endsWith('\n')) || !indentedPast(after, col)) return undefined;
  const before = entryValue(dedent(text.slice(start, end), col));
  const read = dedent(after, col);
  const next = entryValue(read);
  if (!before || !next || before.key !== link.key || next.key !== link.key) return undefined;
  const holder = valueAt(root, way);
  if (typeof holder !== 'object' || holder === null || Array.isArray(holder) || !Object.hasOwn(holder, link.key)) return undefined;
  const old = (holder as Record<string, unknown>)[link.key];
  // Deep-equal (reuseUnchanged gives `old` back only then): the lines were read as the document reads them.
  if (reuseUnchanged(old, before.value) !== old) return undefined;
  return { path: [...way, link.key], value: next.value, start, col, text: read };
}

/** The one entry a text alone reads to, as the quick reader reads a whole file. */
function entryValue(text: string): { key: string; value: unknown } | undefined {
  const read = quickYaml(text)?.root;
  if (typeof read !== 'object' || read === null || Array.isArray(read)) return undefined;
  const keys = Object.keys(read);
  return keys.length === 1 ? { key: keys[0]!, value: (read as Record<string, unknown>)[keys[0]!] } : undefined;
}

function valueAt(root: unknown, way: readonly (string | number)[]): unknown {
  let value = root;
  for (const token of way) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, token)) return undefined;
    value = (value as Record<string | number, unknown>)[token];
  }
  return value;
}

/** A line: where it starts and ends (before its newline), its indent, and what it starts with. */
interface Line {
  readonly start: number;
  readonly end: number;
  readonly indent: number;
  /** blank, a comment, a sequence item (`- `), a document marker or directive, anything else; bad: a tab in the indent. */
  readonly kind: 'blank' | 'comment' | 'dash' | 'marker' | 'other' | 'bad';
  /** For a dash: the column of what follows it on the line, if anything does. */
  readonly content?: number;
}

function lineAt(text: TextSource, start: number): Line {
  const line = lineText(text, start);
  const end = start + line.length;
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  const indent = i;
  const c = line[i];
  const rest = (at: number) => at >= line.length || line[at] === ' ' || (line[at] === '\r' && at + 1 >= line.length);
  if (i >= line.length || (c === '\r' && i + 1 >= line.length)) return { start, end, indent, kind: 'blank' };
  if (c === '\t') return { start, end, indent, kind: 'bad' };
  if (c === '#') return { start, end, indent, kind: 'comment' };
  if (indent === 0 && (c === '%' || ((line.startsWith('---') || line.startsWith('...')) && rest(3)))) return { start, end, indent, kind: 'marker' };
  if (c === '-' && rest(i + 1)) {
    let j = i + 1;
    while (j < line.length && line.charCodeAt(j) === 32) j++;
    if (line[j] === '\t') return { start, end, indent, kind: 'bad' };
    const content = j >= line.length || (line[j] === '\r' && j + 1 >= line.length) ? undefined : j;
    return content === undefined ? { start, end, indent, kind: 'dash' } : { start, end, indent, kind: 'dash', content };
  }
  return { start, end, indent, kind: 'other' };
}

/** The text of the line at `start`, without its newline: read in stretches (a text of pieces is never joined whole). */
function lineText(text: TextSource, start: number): string {
  for (let size = 256; ; size *= 4) {
    const stretch = text.slice(start, Math.min(text.length, start + size));
    const newline = stretch.indexOf('\n');
    if (newline !== -1) return stretch.slice(0, newline);
    if (start + size >= text.length) return stretch;
  }
}

/** The start of the line holding `pos`. */
function lineStartOf(text: TextSource, pos: number): number {
  for (let size = 256; ; size *= 4) {
    const from = Math.max(0, pos - size);
    const newline = text.slice(from, pos).lastIndexOf('\n');
    if (newline !== -1) return from + newline + 1;
    if (from === 0) return 0;
  }
}

function previousLine(start: number, text: TextSource): number | undefined {
  return start === 0 ? undefined : lineStartOf(text, start - 1);
}

/**
 * A line's key at `col` when the line from there is one entry (`key:` with its value, if any, on
 * the line): its key, and whether a value follows on the line (then the lines below are that value's,
 * not entries of their own). Complex keys (`? `) and lines that read otherwise give undefined.
 */
function keyOf(text: TextSource, line: Line, col: number): { key: string; inline: boolean } | undefined {
  const rest = text.slice(line.start + col, line.end);
  if (rest[0] === '?' || rest[0] === ':') return undefined;
  const entry = entryValue(rest);
  return entry && { key: entry.key, inline: entry.value !== null };
}

/**
 * The way to the line holding `pos`, from the lines above it, innermost first, up to a key at
 * column 0 (the root mapping). Undefined where the lines are not plain block style.
 *
 * The walk keeps the column of the node it is in (`cur`) and whether that node is a sequence
 * item. Above it, lines indented further are its siblings' content and are passed over; a key at
 * its column is a sibling (or, above an item, the key of a sequence written at its key's indent);
 * a line indented less holds it: a key, or a `- ` item whose index is counted from the items above.
 */
function linksAt(text: TextSource, pos: number, asText = false): Link[] | undefined {
  let links: Link[] = [];
  let cur = Infinity;
  let item = false;
  /** The walk started in the text of a scalar: lines above at its indent or less may be its text too. */
  let inText = false;
  /** Adds the key at `col` of `line`; a value on the key's line means the walk came through that value's text. */
  const key = (line: Line, col: number, found = keyOf(text, line, col)) => {
    if (!found) return false;
    const link: Link = { kind: 'key', key: found.key, start: line.start + col, col };
    links = found.inline ? [link] : [...links, link];
    return true;
  };
  let start: number | undefined = lineStartOf(text, pos);
  /** The item whose `- ` is `line`: the walk goes on from the line that holds its sequence. */
  const enterItem = (line: Line): boolean => {
    const counted = countItems(text, line);
    if (!counted) return false;
    links.push({ kind: 'item', index: counted.index });
    [cur, item, start] = [line.indent, true, counted.parent];
    return true;
  };
  /** The first line holds no structure the walk can follow: the edit is in a scalar's text, whose entry is above. */
  const intoText = (line: Line) => {
    [inText, cur, links] = [true, line.indent, []];
    start = previousLine(start!, text);
  };
  while (start !== undefined) {
    const line = lineAt(text, start);
    if (line.kind === 'bad') return undefined;
    if (line.kind === 'marker') break;
    const first = cur === Infinity;
    if (first && asText && line.kind !== 'blank' && line.kind !== 'comment') {
      intoText(line);
      continue;
    }
    if (line.kind === 'blank' || line.kind === 'comment' || line.indent > cur || (line.kind === 'dash' && line.indent === cur && !item)) {
      // Deeper lines (and the items of a sibling's sequence at its key's indent): passed over without a look at each.
      start = first ? previousLine(start, text) : previousShallower(text, start, cur + 1);
      continue;
    }
    const col = line.kind === 'dash' ? line.content : line.indent;
    if (inText) {
      // Only a key with a value on its line ends the text the walk started in.
      const found = line.indent < cur && col !== undefined ? keyOf(text, line, col) : undefined;
      if (!found?.inline) {
        if (line.indent === 0) return undefined;
        cur = Math.min(cur, line.indent);
        start = previousLine(start, text);
        continue;
      }
      inText = false;
      key(line, col!, found);
      if (line.kind === 'dash') {
        if (!enterItem(line)) return undefined;
      } else [cur, item, start] = [line.indent, false, previousLine(start, text)];
    } else if (line.kind === 'other') {
      if (line.indent === cur) {
        if (item) {
          // A sequence written at its key's indent: this is its key.
          const found = keyOf(text, line, cur);
          if (!found || found.inline) return undefined;
          key(line, cur, found);
          item = false;
        }
        start = previousLine(start, text);
      } else if (key(line, line.indent)) {
        [cur, item, start] = [line.indent, false, previousLine(start, text)];
      } else if (first) intoText(line);
      else return undefined;
    } else {
      // A `- ` above the node the walk is in.
      if (line.indent === cur || (col !== undefined && col > cur)) return undefined;
      if (col !== undefined && (col < cur || item)) {
        // What follows the `- ` is a key holding the node (at the node's column: the key of a
        // sequence written at its indent), or, on the first line, maybe a scalar item.
        const found = keyOf(text, line, col);
        if (found && (col < cur || !found.inline)) key(line, col, found);
        else if (!first) return undefined;
      }
      if (!enterItem(line)) {
        if (!first) return undefined;
        // Not an item after all (a `- ` in a scalar's text).
        intoText(line);
        continue;
      }
    }
    // A key at column 0 is the root mapping's.
    if (cur === 0 && !item && !inText) return links;
  }
  return undefined;
}

/**
 * The start of the last line before the one at `start` that does not begin with `n` spaces (so
 * also a blank or short line), or undefined at the top. Searched by a regular expression over
 * stretches of the text that double as they go back: a key's parent can be megabytes above it.
 */
function previousShallower(text: TextSource, start: number, n: number): number | undefined {
  const shallow = new RegExp(`\\n(?! {${n}})`, 'g');
  // The newline that ends the previous line is at start - 1; lines end before `end`.
  let end = start - 1;
  for (let size = 1 << 12; end > 0; size *= 2) {
    const from = Math.max(0, end - size);
    // Past `end` only for the look-ahead of a newline just before it.
    const stretch = text.slice(from, end + n + 1);
    let last = -1;
    shallow.lastIndex = 0;
    for (let m = shallow.exec(stretch); m && m.index < end - from; m = shallow.exec(stretch)) last = m.index;
    if (last >= 0) return from + last + 1;
    end = from;
  }
  // The first line: it has no newline before it.
  return start === 0 || text.slice(0, n) === ' '.repeat(n) ? undefined : 0;
}

/** The index of the item whose `- ` is `line` in its sequence, and the line of the key holding the sequence. */
function countItems(text: TextSource, line: Line): { index: number; parent: number } | undefined {
  let index = 0;
  for (let start = previousShallower(text, line.start, line.indent + 1); start !== undefined; start = previousShallower(text, start, line.indent + 1)) {
    const above = lineAt(text, start);
    if (above.kind === 'bad' || above.kind === 'marker') return undefined;
    if (above.kind === 'blank' || above.kind === 'comment' || above.indent > line.indent) continue;
    // Less indented, or a key at the same indent (a sequence written at its key's indent): what holds the sequence.
    if (above.indent < line.indent || above.kind !== 'dash') return { index, parent: start };
    index++;
  }
  // A sequence at the root: not a document lathe reads in part.
  return undefined;
}

/**
 * Where the entry whose key is at `start` (column `col`) ends: the start of the first line after
 * its key's line that is not blank and is indented `col` or less, or the end of the text.
 * Undefined for a tab in an indent, or an entry longer than `max`.
 */
function entryEnd(text: TextSource, start: number, col: number, max: number): number | undefined {
  for (let at = nextShallower(text, start, col + 1, start + max); at !== undefined; at = nextShallower(text, at, col + 1, start + max)) {
    if (at >= text.length) return text.length;
    const line = lineAt(text, at);
    if (line.kind === 'bad') return undefined;
    if (line.kind !== 'blank') return at;
  }
  return undefined;
}

/**
 * The start of the first line after the one holding `pos` that does not begin with `n` spaces
 * (so also a blank or short one), the text's length if there is none, or undefined past `limit`.
 * A tab in an indent of the lines passed over is looked at by the caller only where it stops.
 */
function nextShallower(text: TextSource, pos: number, n: number, limit: number): number | undefined {
  const shallow = new RegExp(`\\n(?! {${n}})`, 'g');
  for (let from = pos, size = 1 << 12; from < text.length; from += size, size *= 2) {
    if (from > limit) return undefined;
    // Past the stretch only for the look-ahead of a newline at its end.
    const stretch = text.slice(from, Math.min(text.length, from + size + n + 1));
    shallow.lastIndex = 0;
    const m = shallow.exec(stretch);
    if (m && m.index < size) return from + m.index + 1;
  }
  return text.length;
}

/** Whether every line of `entry` after its first is blank or indented past `col` (spaces only). */
function indentedPast(entry: string, col: number): boolean {
  for (let at = entry.indexOf('\n'); at !== -1 && at + 1 < entry.length; at = entry.indexOf('\n', at + 1)) {
    const line = lineAt(entry, at + 1);
    if (line.kind === 'bad') return false;
    if (line.kind !== 'blank' && line.indent <= col) return false;
  }
  return true;
}

/** The entry's text as a document of its own: `col` spaces off each line after the first. */
function dedent(entry: string, col: number): string {
  if (col === 0) return entry;
  let out = '';
  let from = 0;
  for (let at = entry.indexOf('\n'); at !== -1; at = entry.indexOf('\n', at + 1)) {
    out += entry.slice(from, at + 1);
    let skip = at + 1;
    while (skip < entry.length && skip - (at + 1) < col && entry.charCodeAt(skip) === 32) skip++;
    from = skip;
  }
  return out + entry.slice(from);
}

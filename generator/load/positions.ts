import type { Document, LineCounter, Pair } from 'yaml';
import { yaml } from '../on-first-use.js';
import type { Loc } from '../diagnostics.js';
import { JsonIndex, type Step } from './json.js';
import { parsePointer } from './pointer.js';
import { parsedEventsOf, YAML_OPTIONS } from './read.js';
import { LineIndex, type TextEdit, type TextSource } from './text.js';
import { YamlPlaces } from './yaml-places.js';
import type { SpecFile } from './types.js';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Finds 1-based line/column for a `Loc`. Parsing keeps no positions (it would double the cost of a
 * load for the rare run that reports something), so each file is scanned again on first demand:
 * JSON by a pointer-directed skip scan, YAML by re-parsing to a syntax tree (cached per file).
 *
 * The position of an object member is that of its key (where a reader looks for "the `servers`
 * field"); of an array item, the item itself. A pointer that does not exist (a missing `info`)
 * gets the position of its deepest existing ancestor.
 */
export class Positions {
  private readonly places = new Map<string, FilePlaces>();

  /** `placesOf` gives a file's scans when something (the load memory) keeps them across loads. */
  constructor(
    private readonly fileOf: (path: string) => SpecFile | undefined,
    private readonly placesOf: (file: SpecFile) => FilePlaces | undefined = () => undefined,
  ) {}

  position(loc: Loc): Position | undefined {
    const file = this.fileOf(loc.file);
    if (!file) return undefined;
    let places = this.places.get(file.path);
    if (!places) this.places.set(file.path, (places = this.placesOf(file) ?? new FilePlaces(file)));
    return places.position(parsePointer(loc.pointer) ?? []);
  }
}

/**
 * A YAML entry read alone after an edit (yaml-edit.ts): its way from the root (its key last), where
 * its key is (before the edit, so in both texts) and at what column, and its new text as read
 * (`col` spaces off each line after the first).
 */
export interface EditedEntry {
  readonly path: readonly (string | number)[];
  readonly start: number;
  readonly col: number;
  readonly text: string;
}

/** The scans of one file's text that positions are found with, each made on first demand. */
export class FilePlaces {
  private yaml?: { doc: Document; lines: LineCounter };
  /** From js-yaml's events (yaml-places.ts); null when they do not cover the file. */
  private yamlEvents?: YamlPlaces | null;
  /**
   * YAML: the offsets found, by pointer (tokens joined by NUL). An edit read in part keeps those
   * outside its entry (`editedYaml`): the diagnostics of the next run, mostly the same, are placed
   * without reading the events of the whole file again.
   */
  private readonly offsets = new Map<string, number>();
  /** YAML read in part: the entry read, whose nodes are found in its own text. */
  private entry?: EditedEntry;

  constructor(
    readonly file: SpecFile,
    private index?: JsonIndex,
    private lines?: LineIndex,
  ) {}

  position(tokens: readonly string[]): Position {
    if (this.file.format === 'json') return this.lineIndex().position(this.jsonIndex().offset(tokens));
    const offset = this.yamlOffset(tokens);
    if (offset !== undefined) return this.lineIndex().position(offset);
    const { doc, lines } = this.yamlTree();
    const { line, col } = lines.linePos(yamlNodeOffset(doc, tokens));
    return { line, column: col };
  }

  /**
   * The places of `file`, this one's file with `edit` (to the text `changed`) made inside `entry`,
   * which was read alone: the offsets found outside the entry are kept, moved past the edit.
   */
  editedYaml(file: SpecFile, edit: TextEdit, changed: string, entry: EditedEntry): FilePlaces {
    const next = new FilePlaces(file, undefined, this.lines?.edited(file.text, edit, changed));
    const within = entry.path.join('\0');
    const delta = edit.newEnd - edit.oldEnd;
    for (const [key, offset] of this.offsets) {
      if (key === within || key.startsWith(`${within}\0`)) continue;
      next.offsets.set(key, offset < edit.start ? offset : offset + delta);
    }
    next.entry = entry;
    return next;
  }

  private yamlOffset(tokens: readonly string[]): number | undefined {
    const key = tokens.join('\0');
    let offset = this.offsets.get(key);
    if (offset === undefined) {
      const { entry } = this;
      const inEntry = entry && tokens.length >= entry.path.length && entry.path.every((t, i) => tokens[i] === String(t));
      offset = (inEntry ? this.entryOffset(entry, tokens) : undefined) ?? this.events()?.offset(tokens);
      if (offset === undefined) return undefined;
      this.offsets.set(key, offset);
    }
    return offset;
  }

  private events(): YamlPlaces | null {
    const { text } = this.file;
    const parsed = parsedEventsOf(this.file);
    return (this.yamlEvents ??= (parsed ? YamlPlaces.fromEvents(text, parsed) : YamlPlaces.of(text)) ?? null);
  }

  /** The offset in the file of the node at `tokens`, found in the text of `entry`, which holds it. */
  private entryOffset(entry: EditedEntry, tokens: readonly string[]): number | undefined {
    const at = YamlPlaces.of(entry.text)?.offset(tokens.slice(entry.path.length - 1));
    if (at === undefined) return undefined;
    const lineStart = entry.text.lastIndexOf('\n', at - 1) + 1;
    if (lineStart === 0) return entry.start + at;
    // The same line of the file (as many lines below the key's), with the `col` spaces taken off put back.
    let below = 0;
    for (let i = entry.text.indexOf('\n'); i !== -1 && i < lineStart; i = entry.text.indexOf('\n', i + 1)) below++;
    const lines = this.lineIndex();
    return lines.startOfLine(lines.position(entry.start).line + below) + entry.col + (at - lineStart);
  }

  jsonIndex(): JsonIndex {
    return (this.index ??= new JsonIndex(this.file.text));
  }

  /**
   * The places of `file`, this one's file changed by `edit` (to the text `changed`) in the value at
   * the end of `steps`: what was scanned outside the edit is kept. Its text is read from `text`.
   */
  edited(file: SpecFile, text: TextSource, edit: TextEdit, changed: string, steps: readonly Step[]): FilePlaces {
    const index = this.jsonIndex().edited(text, steps, edit.newEnd - edit.oldEnd);
    return new FilePlaces(file, index, this.lines?.edited(file.text, edit, changed));
  }

  private lineIndex(): LineIndex {
    return (this.lines ??= new LineIndex(this.file.text));
  }

  private yamlTree(): { doc: Document; lines: LineCounter } {
    if (!this.yaml) {
      const lines = new (yaml().LineCounter)();
      this.yaml = { doc: yaml().parseDocument(this.file.text, { ...YAML_OPTIONS, lineCounter: lines }), lines };
    }
    return this.yaml;
  }
}

function yamlNodeOffset(doc: Document, tokens: readonly string[]): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const token of tokens) {
    node = unalias(doc, node);
    if (yaml().isMap(node)) {
      const pair = findPair(doc, node.items, token, 0);
      if (!pair) break;
      offset = rangeStart(pair.key) ?? rangeStart(pair.value) ?? offset;
      node = pair.value;
    } else if (yaml().isSeq(node)) {
      const item: unknown = /^(0|[1-9]\d*)$/.test(token) ? node.items[Number(token)] : undefined;
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

function unalias(doc: Document, node: unknown): unknown {
  // Bounded: an alias cannot point at another alias, but be safe against odd trees.
  for (let i = 0; i < 8 && yaml().isAlias(node); i++) node = node.resolve(doc);
  return node;
}

function rangeStart(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | null)?.range?.[0];
}

function keyString(key: unknown): string {
  return yaml().isScalar(key) ? String(key.value) : String(key);
}

function isMergeKey(key: unknown): boolean {
  return yaml().isScalar(key) && (key.source === '<<' || key.value === '<<' || typeof key.value === 'symbol');
}

/** The pair for `token`, looking through `<<` merge keys the way `toJS` does. */
function findPair(doc: Document, items: readonly Pair[], token: string, depth: number): Pair | undefined {
  for (const pair of items) if (keyString(pair.key) === token) return pair;
  if (depth > 8) return undefined;
  for (const pair of items) {
    if (!isMergeKey(pair.key)) continue;
    const sources = yaml().isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const target = unalias(doc, source);
      if (!yaml().isMap(target)) continue;
      const found = findPair(doc, target.items as Pair[], token, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

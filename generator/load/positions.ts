import type { Document, LineCounter, Pair } from 'yaml';
import { yaml } from '../on-first-use.js';
import type { Loc } from '../diagnostics.js';
import { JsonIndex } from './json.js';
import { parsePointer } from './pointer.js';
import { YAML_OPTIONS } from './read.js';
import { LineIndex } from './text.js';
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
  private readonly yaml = new Map<string, { doc: Document; lines: LineCounter }>();
  private readonly indexes = new Map<string, JsonIndex>();
  private readonly lines = new Map<string, LineIndex>();

  constructor(private readonly fileOf: (path: string) => SpecFile | undefined) {}

  position(loc: Loc): Position | undefined {
    const file = this.fileOf(loc.file);
    if (!file) return undefined;
    const tokens = parsePointer(loc.pointer) ?? [];
    if (file.format === 'json') {
      let lines = this.lines.get(file.path);
      if (!lines) this.lines.set(file.path, (lines = new LineIndex(file.text)));
      return lines.position(this.jsonIndex(file).offset(tokens));
    }
    const { doc, lines } = this.yamlTree(file);
    const { line, col } = lines.linePos(yamlNodeOffset(doc, tokens));
    return { line, column: col };
  }

  private jsonIndex(file: SpecFile): JsonIndex {
    let index = this.indexes.get(file.path);
    if (!index) this.indexes.set(file.path, (index = new JsonIndex(file.text)));
    return index;
  }

  private yamlTree(file: SpecFile): { doc: Document; lines: LineCounter } {
    let tree = this.yaml.get(file.path);
    if (!tree) {
      const lines = new (yaml().LineCounter)();
      tree = { doc: yaml().parseDocument(file.text, { ...YAML_OPTIONS, lineCounter: lines }), lines };
      this.yaml.set(file.path, tree);
    }
    return tree;
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

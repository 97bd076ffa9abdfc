/**
 * Where the nodes of a YAML file are, from js-yaml's event stream (each event carries its source
 * offsets): an order of magnitude faster than the `yaml` library's syntax tree, which positions.ts
 * falls back on for what this does not cover. A file with aliases, merge keys (`<<`) or several
 * documents gets no places here: its members may live elsewhere in the text, which only the tree
 * resolves.
 */
import type { Event, ScalarEvent } from 'js-yaml';
import { jsYaml } from '../on-first-use.js';

// js-yaml's EVENT_ID and SCALAR_STYLE, as literals: the module is loaded only when a place is asked for.
const DOCUMENT = 1;
const SEQUENCE = 2;
const MAPPING = 3;
const SCALAR = 4;
const POP = 6;
const QUOTED = new Set([2, 3]);

/**
 * The events, and where each collection's ends (the index of its POP), so that a pointer is
 * followed by skipping whole subtrees: only the keys on its way are decoded. Building a tree of
 * every node's place instead took longer than parsing the events.
 */
export class YamlPlaces {
  private readonly keys = new Map<string, string | undefined>();

  private constructor(
    private readonly text: string,
    private readonly events: readonly Event[],
    private readonly ends: Int32Array,
    private readonly root: number,
  ) {}

  /** The places of `text`, or undefined when it has what only the `yaml` tree resolves (see above) or does not parse. */
  static of(text: string): YamlPlaces | undefined {
    if (text.includes('<<')) return undefined;
    let events: Event[];
    try {
      events = jsYaml().parseEvents(text, {});
    } catch {
      return undefined;
    }
    return YamlPlaces.fromEvents(text, events);
  }

  /** The places of `text` from its events, as a read of it parsed them (read.ts). */
  static fromEvents(text: string, events: readonly Event[]): YamlPlaces | undefined {
    const ends = new Int32Array(events.length);
    const open: number[] = [];
    let documents = 0;
    let root = -1;
    for (let i = 0; i < events.length; i++) {
      const type = events[i]!.type;
      if (type === DOCUMENT) {
        if (++documents > 1) return undefined;
        root = i + 1;
        open.push(i);
      } else if (type === MAPPING || type === SEQUENCE) open.push(i);
      else if (type === POP) ends[open.pop()!] = i;
      // An alias: its target's members are not where a pointer through it finds them.
      else if (type !== SCALAR) return undefined;
    }
    return root > 0 && root < events.length && events[root]!.type !== POP ? new YamlPlaces(text, events, ends, root) : undefined;
  }

  /**
   * The offset of the node at `tokens`: a mapping member's key, an item itself; for a pointer that
   * goes on past what the file has, its deepest existing ancestor's.
   */
  offset(tokens: readonly string[]): number {
    const { events } = this;
    let at = this.root;
    let offset = startOf(events[at]!);
    for (const token of tokens) {
      const node = events[at]!;
      let found = -1;
      if (node.type === MAPPING) {
        for (let key = at + 1; key < this.ends[at]!; ) {
          const value = this.next(key);
          const e = events[key]!;
          if (e.type === SCALAR && this.keyOf(e) === token) {
            offset = startOf(e);
            found = value;
            break;
          }
          key = this.next(value);
        }
      } else if (node.type === SEQUENCE && /^(0|[1-9]\d*)$/.test(token)) {
        let item = at + 1;
        for (let n = Number(token); n > 0 && item < this.ends[at]!; n--) item = this.next(item);
        if (item < this.ends[at]!) {
          found = item;
          offset = startOf(events[item]!);
        }
      }
      if (found < 0) break;
      at = found;
    }
    return offset;
  }

  /** The index of the node after the one at `i` (past its whole subtree). */
  private next(i: number): number {
    const type = this.events[i]!.type;
    return (type === MAPPING || type === SEQUENCE ? this.ends[i]! : i) + 1;
  }

  /**
   * A key as the loaded tree has it: a plain scalar resolved by the core schema (`010` is the key
   * `10`, `~` the key ''), which is what a pointer names; undefined for a tagged key.
   */
  private keyOf(event: ScalarEvent): string | undefined {
    if (event.tagStart >= 0) return undefined;
    const raw = jsYaml().getScalarValue(this.text, event);
    // Most keys cannot resolve to anything but themselves: no need to ask the schema.
    if (event.style !== 1 || !/^[-+.0-9~nNtTfF]/.test(raw)) return raw;
    if (!this.keys.has(raw)) {
      let key: string | undefined;
      try {
        // A null key is '' in the tree, as `yaml` makes it (read.ts leaves such files to it).
        const value = jsYaml().load(raw);
        key = value === null ? '' : String(value);
      } catch {
        key = undefined;
      }
      this.keys.set(raw, key);
    }
    return this.keys.get(raw);
  }
}

/** Where a node starts: a collection at its start, a scalar at its first character (its opening quote, its tag or anchor if it has one). */
function startOf(event: Event): number {
  if (event.type === MAPPING || event.type === SEQUENCE) return event.start;
  return event.type === SCALAR ? scalarStart(event) : 0;
}

/** A scalar's first character: its opening quote, its tag or anchor if it has one. */
function scalarStart(event: ScalarEvent): number {
  const value = QUOTED.has(event.style) ? event.valueStart - 1 : event.valueStart;
  return Math.min(value, ...[event.tagStart, event.anchorStart].filter((o) => o >= 0));
}

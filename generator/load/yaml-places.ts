/**
 * Where the nodes of a YAML file are, from js-yaml's event stream (each event carries its source
 * offsets): an order of magnitude faster than the `yaml` library's syntax tree, which positions.ts
 * falls back on for what this does not cover. A file with aliases, merge keys (`<<`) or several
 * documents gets no places here: its members may live elsewhere in the text, which only the tree
 * resolves.
 */
import type { Event, ScalarEvent } from 'js-yaml';
import { jsYaml } from '../on-first-use.js';

/** A node: its offset, and its members (a mapping's by key, with the key's offset) or items. */
interface Place {
  readonly start: number;
  readonly members?: Map<string, readonly [keyStart: number, value: Place]>;
  readonly items?: Place[];
}

interface Frame {
  readonly place: Place;
  /** In a mapping: the key just read, waiting for its value. */
  key?: readonly [key: string | undefined, start: number];
}

// js-yaml's EVENT_ID and SCALAR_STYLE, as literals: the module is loaded only when a place is asked for.
const DOCUMENT = 1;
const SEQUENCE = 2;
const MAPPING = 3;
const SCALAR = 4;
const POP = 6;
const QUOTED = new Set([2, 3]);

export class YamlPlaces {
  private constructor(private readonly root: Place) {}

  /** The places of `text`, or undefined when it has what only the `yaml` tree resolves (see above) or does not parse. */
  static of(text: string): YamlPlaces | undefined {
    if (text.includes('<<')) return undefined;
    let events: Event[];
    try {
      events = jsYaml().parseEvents(text, {});
    } catch {
      return undefined;
    }
    const keys = new Map<string, string | undefined>();
    const frames: Frame[] = [];
    let root: Place | undefined;
    let documents = 0;
    const add = (place: Place, event?: ScalarEvent) => {
      const frame = frames[frames.length - 1];
      if (!frame) {
        root = place;
        return;
      }
      if (frame.place.items) frame.place.items.push(place);
      else if (!frame.key) frame.key = [event ? keyOf(text, event, keys) : undefined, place.start];
      else {
        const [key, start] = frame.key;
        // A duplicate key is an error the load reports; a complex key is no member a pointer names.
        if (key !== undefined && !frame.place.members!.has(key)) frame.place.members!.set(key, [start, place]);
        frame.key = undefined;
      }
    };
    for (const event of events) {
      switch (event.type) {
        case DOCUMENT:
          if (++documents > 1) return undefined;
          break;
        case MAPPING:
          frames.push({ place: { start: event.start, members: new Map() } });
          break;
        case SEQUENCE:
          frames.push({ place: { start: event.start, items: [] } });
          break;
        case SCALAR:
          add({ start: scalarStart(event) }, event);
          break;
        case POP: {
          // The document's own end pops nothing of ours.
          const frame = frames.pop();
          if (frame) add(frame.place);
          break;
        }
        default:
          // An alias: its target's members are not where a pointer through it finds them.
          return undefined;
      }
    }
    return root ? new YamlPlaces(root) : undefined;
  }

  /**
   * The offset of the node at `tokens`: a mapping member's key, an item itself; for a pointer that
   * goes on past what the file has, its deepest existing ancestor's.
   */
  offset(tokens: readonly string[]): number {
    let place = this.root;
    let offset = place.start;
    for (const token of tokens) {
      if (place.members) {
        const member = place.members.get(token);
        if (!member) break;
        [offset, place] = member;
      } else if (place.items) {
        const item = /^(0|[1-9]\d*)$/.test(token) ? place.items[Number(token)] : undefined;
        if (!item) break;
        place = item;
        offset = item.start;
      } else break;
    }
    return offset;
  }
}

/** A scalar's first character: its opening quote, its tag or anchor if it has one. */
function scalarStart(event: ScalarEvent): number {
  const value = QUOTED.has(event.style) ? event.valueStart - 1 : event.valueStart;
  return Math.min(value, ...[event.tagStart, event.anchorStart].filter((o) => o >= 0));
}

/**
 * A key as the loaded tree has it: a plain scalar resolved by the core schema (`010` is the key
 * `10`, `~` the key ''), which is what a pointer names; undefined for a tagged key.
 */
function keyOf(text: string, event: ScalarEvent, known: Map<string, string | undefined>): string | undefined {
  const raw = jsYaml().getScalarValue(text, event);
  if (event.tagStart >= 0) return undefined;
  // Most keys cannot resolve to anything but themselves: no need to ask the schema.
  if (event.style !== 1 || !/^[-+.0-9~nNtTfF]/.test(raw)) return raw;
  if (!known.has(raw)) {
    let key: string | undefined;
    try {
      // A null key is '' in the tree, as `yaml` makes it (read.ts leaves such files to it).
      const value = jsYaml().load(raw);
      key = value === null ? '' : String(value);
    } catch {
      key = undefined;
    }
    known.set(raw, key);
  }
  return known.get(raw);
}

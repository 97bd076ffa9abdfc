/**
 * The parts an incremental load is made of, each against what it stands in for: decoding the
 * whole file, scanning the whole text, parsing the whole tree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Pieces, textEdit } from '../../generator/load/edit.js';
import { JsonIndex } from '../../generator/load/json.js';
import { LineIndex } from '../../generator/load/text.js';
import { reuseUnchanged, withMember } from '../../generator/load/tree.js';
import { differ, sharingFaults } from './trees.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Characters of one, two, three and four UTF-8 bytes, and a BOM-like one, so that edits land inside characters. */
const text = fc.string({ unit: fc.constantFrom('a', '"', '\n', 'é', '€', '💥', '\ufeff'), maxLength: 30 });

describe('textEdit', () => {
  it('says what changed from the old text and the changed bytes alone', () => {
    fc.assert(
      fc.property(text, text, text, text, (head, before, after, tail) => {
        const [old, now] = [head + before + tail, head + after + tail];
        // A BOM at the start is dropped by decoding: a case for the whole read, not this one.
        fc.pre(!old.startsWith('\ufeff') && !now.startsWith('\ufeff'));
        const spliced = textEdit(utf8(old), old.length, utf8(now));
        expect(spliced).toBeDefined();
        const { edit, changed } = spliced!;
        expect(old.slice(0, edit.start) + changed + old.slice(edit.oldEnd)).toBe(now);
        expect(edit.newEnd - edit.start).toBe(changed.length);
      }),
      { seed: 4, numRuns: 2000 },
    );
  });

  it('splits no character, whichever of its bytes changed', () => {
    // é is C3 A9 and ɩ is C9 A9: the last byte is common, the character is not.
    expect(textEdit(utf8('xéy'), 3, utf8('xɩy'))?.edit).toEqual({ start: 1, oldEnd: 2, newEnd: 2 });
    expect(textEdit(utf8('x€y'), 3, utf8('x💥y'))?.edit).toEqual({ start: 1, oldEnd: 2, newEnd: 3 });
  });

  it('leaves bytes that are not UTF-8, and BOMs, to the whole read', () => {
    expect(textEdit(utf8('abc'), 3, new Uint8Array([0x61, 0xff, 0x63]))).toBeUndefined();
    expect(textEdit(utf8('\ufeffabc'), 3, utf8('\ufeffabd'))).toBeUndefined();
  });
});

describe('Pieces', () => {
  it('is, edit after edit, the text a string would be, whole and in slices', () => {
    const edit = fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 5 }));
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(edit, { maxLength: 60 }), (start, edits) => {
        let model = start;
        let pieces = Pieces.of(start);
        for (const [a, b, changed] of edits) {
          const from = a % (model.length + 1);
          const to = from + (b % (model.length - from + 1));
          model = model.slice(0, from) + changed + model.slice(to);
          pieces = pieces.edited({ start: from, oldEnd: to, newEnd: from + changed.length }, changed);
          expect(pieces.length).toBe(model.length);
          expect(pieces.slice(a % (model.length + 1), to)).toBe(model.slice(a % (model.length + 1), to));
        }
        expect(pieces.toString()).toBe(model);
        for (let i = 0; i <= model.length; i += 3) expect(pieces.slice(i, i + 7)).toBe(model.slice(i, i + 7));
      }),
      { seed: 8, numRuns: 500 },
    );
  });
});

describe('reuseUnchanged', () => {
  const json = fc.jsonValue({ maxDepth: 4 });

  it('gives a tree equal to the fresh one, sharing exactly its unchanged parts with the old one', () => {
    fc.assert(
      fc.property(json, json, fc.integer(), (a, b, seed) => {
        // Half the time, the new tree is the old one with a few values changed.
        const fresh = seed % 2 ? structuredClone(b) : tweak(structuredClone(a), seed);
        const old = structuredClone(a);
        const copy = structuredClone(fresh);
        const merged = reuseUnchanged(old, fresh);
        expect(differ(merged, copy)).toBeUndefined();
        expect(sharingFaults(old, merged)).toEqual([]);
      }),
      { seed: 5, numRuns: 1000 },
    );
  });

  it('tells -0 from 0 and keeps NaN, key order and `__proto__` members', () => {
    expect(Object.is((reuseUnchanged({ a: 0 }, { a: -0 }) as { a: number }).a, -0)).toBe(true);
    const nan = { a: NaN };
    expect(reuseUnchanged(nan, { a: NaN })).toBe(nan);
    const order = { a: 1, b: 2 };
    expect(Object.keys(reuseUnchanged(order, { b: 2, a: 1 }) as object)).toEqual(['b', 'a']);
    const proto = JSON.parse('{"__proto__": {"x": 1}, "y": 2}') as object;
    const changed = JSON.parse('{"__proto__": {"x": 1}, "y": 3}') as object;
    const merged = reuseUnchanged(proto, changed) as Record<string, unknown>;
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.hasOwn(merged, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(merged, '__proto__')?.value).toBe(Object.getOwnPropertyDescriptor(proto, '__proto__')?.value);
  });
});

describe('withMember', () => {
  it('copies, keeping key order, and sets `__proto__` as a member', () => {
    const before = JSON.parse('{"a": 1, "__proto__": 2, "c": 3}') as Record<string, unknown>;
    const after = withMember(before, '__proto__', 5) as Record<string, unknown>;
    expect(Object.keys(after)).toEqual(['a', '__proto__', 'c']);
    expect(Object.getOwnPropertyDescriptor(after, '__proto__')?.value).toBe(5);
    expect(Object.getPrototypeOf(after)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(before, '__proto__')?.value).toBe(2);
    expect(withMember([1, 2], 1, 9)).toEqual([1, 9]);
  });
});

describe('JsonIndex after an edit', () => {
  /** Every pointer into `value`. */
  function pointers(value: unknown, tokens: string[] = []): string[][] {
    if (typeof value !== 'object' || value === null) return [];
    return Object.keys(value).flatMap((k) => [[...tokens, k], ...pointers((value as Record<string, unknown>)[k], [...tokens, k])]);
  }

  it('answers as an index of the new text would, for every node, after edits one after the other', () => {
    const doc = fc.jsonValue({ maxDepth: 4 }).filter((v) => typeof v === 'object' && v !== null && !JSON.stringify(v).includes('__proto__'));
    fc.assert(
      fc.property(doc, fc.array(fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 4 }), fc.boolean(), (start, edits, pretty) => {
        let value: unknown = start;
        let text = JSON.stringify(value, null, pretty ? 1 : 0);
        let index = new JsonIndex(text);
        // Scan some of the old text first, as positions would have.
        for (const p of pointers(value).slice(0, 3)) index.offset(p);
        for (const [pick, replacement] of edits) {
          const all = pointers(value);
          if (!all.length) return;
          const target = all[pick % all.length]!;
          // The replaced value's text, found by a fresh index of the current text.
          const fresh = new JsonIndex(text);
          const valueStart = valueOffset(fresh, text, target);
          const oldValue = JSON.stringify(get(value, target), null, pretty ? 1 : 0);
          if (!text.startsWith(oldValue, valueStart)) return;
          const newValueText = JSON.stringify(replacement);
          const next = text.slice(0, valueStart) + newValueText + text.slice(valueStart + oldValue.length);
          const { steps } = index.enclosing(valueStart, valueStart + oldValue.length);
          expect(steps.map((s) => String(s.token))).toEqual(target);
          index = index.edited(next, steps, newValueText.length - oldValue.length);
          text = next;
          value = set(value, target, replacement);
          const check = new JsonIndex(text);
          for (const p of pointers(value)) expect(index.offset(p)).toBe(check.offset(p));
          for (const p of pointers(value).slice(0, 20)) {
            const at = valueOffset(check, text, p);
            const [a, b] = [index.enclosing(at, at + 1), check.enclosing(at, at + 1)];
            expect(a.steps.map((s) => [s.token, s.at + s.container.valueAt[s.member]!, s.at + s.container.valueEnd[s.member]!])).toEqual(
              b.steps.map((s) => [s.token, s.at + s.container.valueAt[s.member]!, s.at + s.container.valueEnd[s.member]!]),
            );
          }
        }
      }),
      { seed: 6, numRuns: 300 },
    );
  });

  function get(value: unknown, tokens: string[]): unknown {
    return tokens.reduce<unknown>((v, t) => (v as Record<string, unknown>)[t], value);
  }

  function set(value: unknown, tokens: string[], replacement: unknown): unknown {
    if (!tokens.length) return replacement;
    const copy = structuredClone(value) as Record<string, unknown>;
    const parent = get(copy, tokens.slice(0, -1)) as Record<string, unknown>;
    parent[tokens[tokens.length - 1]!] = replacement;
    return copy;
  }

  /** Where the value at `tokens` starts: after its key for a member, at the item for an array item. */
  function valueOffset(index: JsonIndex, text: string, tokens: string[]): number {
    const at = index.offset(tokens);
    if (text[at] !== '"' || !/^"(?:[^"\\]|\\.)*"\s*:/.test(text.slice(at))) return at;
    return at + /^"(?:[^"\\]|\\.)*"\s*:\s*/.exec(text.slice(at))![0].length;
  }
});

describe('LineIndex after an edit', () => {
  it('places every offset as an index of the new text would', () => {
    fc.assert(
      fc.property(text, text, text, text, (head, before, after, tail) => {
        const [old, now] = [head + before + tail, head + after + tail];
        const edit = { start: head.length, oldEnd: head.length + before.length, newEnd: head.length + after.length };
        const edited = new LineIndex(old).edited(now, edit);
        const fresh = new LineIndex(now);
        for (let i = 0; i <= now.length; i++) expect(edited.position(i)).toEqual(fresh.position(i));
      }),
      { seed: 7, numRuns: 1000 },
    );
  });

  it('and after edits one after the other, past the chain it keeps', () => {
    const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 8 }), put: fc.string({ unit: fc.constantFrom('a', '\n', '€'), maxLength: 6 }) });
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 33, maxLength: 45 }), (first, edits) => {
        let now = first;
        let index = new LineIndex(now);
        for (const e of edits) {
          const start = e.at % (now.length + 1);
          const oldEnd = Math.min(now.length, start + e.cut);
          now = now.slice(0, start) + e.put + now.slice(oldEnd);
          index = index.edited(now, { start, oldEnd, newEnd: start + e.put.length });
          const fresh = new LineIndex(now);
          const offsets = Array.from({ length: now.length + 1 }, (_, i) => i);
          expect(offsets.map((i) => index.position(i))).toEqual(offsets.map((i) => fresh.position(i)));
          const lines = Array.from({ length: fresh.position(now.length).line }, (_, i) => i + 1);
          expect(lines.map((l) => index.startOfLine(l))).toEqual(lines.map((l) => fresh.startOfLine(l)));
        }
      }),
      { seed: 8, numRuns: 25 },
    );
  });
});

/** `value` with a few of its scalars changed, by `seed`. */
function tweak(value: unknown, seed: number): unknown {
  if (typeof value !== 'object' || value === null) return seed % 3 === 0 ? `${String(value)}!` : value;
  for (const k of Object.keys(value)) {
    const r = (value as Record<string, unknown>)[k];
    (value as Record<string, unknown>)[k] = tweak(r, Math.floor(seed / 3) + k.length);
  }
  return value;
}

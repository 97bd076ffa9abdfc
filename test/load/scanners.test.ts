import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonIndex, jsonErrorOffset, jsonNodeOffset } from '../../generator/load/json.js';
import { decodeUtf8, lineColumn } from '../../generator/load/text.js';
import { isInside, parseRef } from '../../generator/load/uri.js';

describe('jsonNodeOffset', () => {
  const text = '{"a": {"x/y": [10, {"b": "}]"}, 30]}, "c~d": 1, "e\\u0041": 2}';

  it('finds a member key, an array item, and skips strings holding brackets', () => {
    expect(jsonNodeOffset(text, [])).toBe(0);
    expect(jsonNodeOffset(text, ['a'])).toBe(text.indexOf('"a"'));
    expect(jsonNodeOffset(text, ['a', 'x/y', '2'])).toBe(text.indexOf('30'));
    expect(jsonNodeOffset(text, ['a', 'x/y', '1', 'b'])).toBe(text.indexOf('"b"'));
    expect(jsonNodeOffset(text, ['c~d'])).toBe(text.indexOf('"c~d"'));
    // Keys with escapes are compared decoded.
    expect(jsonNodeOffset(text, ['eA'])).toBe(text.indexOf('"e\\u0041"'));
  });

  it('stops at the deepest node that exists', () => {
    expect(jsonNodeOffset(text, ['a', 'nope'])).toBe(text.indexOf('"a"'));
    expect(jsonNodeOffset(text, ['a', 'x/y', '9'])).toBe(text.indexOf('"x/y"'));
  });
});

describe('JsonIndex', () => {
  /** Every pointer into `value`, with the text a lookup must find at its offset in compact JSON. */
  function nodes(value: unknown, tokens: string[] = []): { tokens: string[]; text: string }[] {
    if (Array.isArray(value))
      return value.flatMap((v, i) => [{ tokens: [...tokens, String(i)], text: JSON.stringify(v) }, ...nodes(v, [...tokens, String(i)])]);
    if (value && typeof value === 'object')
      return Object.entries(value).flatMap(([k, v]) => [
        { tokens: [...tokens, k], text: `${JSON.stringify(k)}:${JSON.stringify(v)}` },
        ...nodes(v, [...tokens, k]),
      ]);
    return [];
  }

  it('finds every node of a document, looked up in any order on one index', () => {
    const doc = fc.jsonValue({ maxDepth: 5 }).filter((v) => !JSON.stringify(v).includes('__proto__'));
    fc.assert(
      fc.property(doc, fc.integer(), (value, seed) => {
        const text = JSON.stringify(value);
        const index = new JsonIndex(text);
        const all = nodes(value);
        // Deep nodes first for some seeds, shallow first for others: what one lookup learns serves the next.
        const order = seed % 2 ? all.reverse() : all;
        for (const node of order) expect(text.startsWith(node.text, index.offset(node.tokens))).toBe(true);
      }),
      { seed: 20_261_125, numRuns: 500 },
    );
  });
});

describe('jsonErrorOffset', () => {
  it('is -1 for valid JSON and points at the first fault otherwise', () => {
    expect(jsonErrorOffset('{"a": [1, 2.5e3, true, null, "\\u00e9"]}')).toBe(-1);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('[1 2]')).toBe(3);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('{"a": 1')).toBe(7);
    expect(jsonErrorOffset('{} x')).toBe(3);
  });
});

describe('decodeUtf8', () => {
  it('drops a BOM', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ ok: true, text: 'a' });
  });

  it('locates the first bad byte, counting columns in characters', () => {
    // "é" is two bytes but one column; then a lone continuation byte.
    const bytes = new Uint8Array([0x61, 0x0a, 0xc3, 0xa9, 0x62, 0x80]);
    expect(decodeUtf8(bytes)).toEqual({ ok: false, offset: 5, line: 2, column: 3 });
    // An overlong encoding of "/" and a truncated sequence at the end.
    expect(decodeUtf8(new Uint8Array([0xc0, 0xaf]))).toMatchObject({ ok: false, offset: 0 });
    expect(decodeUtf8(new Uint8Array([0x61, 0xe2, 0x82]))).toMatchObject({ ok: false, offset: 1 });
  });
});

describe('lineColumn', () => {
  it('is 1-based', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\n', 3)).toEqual({ line: 2, column: 1 });
  });
});

describe('parseRef', () => {
  const from = path.resolve('/spec/api/openapi.yaml');

  it('resolves files relative to the referring file and canonicalises the pointer', () => {
    expect(parseRef('#/components/schemas/A', from)).toEqual({ file: from, pointer: '#/components/schemas/A' });
    expect(parseRef('', from)).toEqual({ file: from, pointer: '#' });
    expect(parseRef('./a/b.yaml#/x', from)).toEqual({ file: path.resolve('/spec/api/a/b.yaml'), pointer: '#/x' });
    expect(parseRef('../shared.yaml#/y', from)).toEqual({ file: path.resolve('/spec/shared.yaml'), pointer: '#/y' });
    expect(parseRef('my%20file.yaml', from)).toEqual({ file: path.resolve('/spec/api/my file.yaml'), pointer: '#' });
    expect(parseRef('#/paths/~1users~1{id}/get', from)).toEqual({ file: from, pointer: '#/paths/~1users~1{id}/get' });
    expect(parseRef('#/a%7E1b', from)).toEqual({ file: from, pointer: '#/a~1b' });
  });

  it('explains what it refuses', () => {
    expect(parseRef('http://x/y.yaml', from)).toHaveProperty('message', expect.stringContaining('no network calls'));
    expect(parseRef('//x/y.yaml', from)).toHaveProperty('message', expect.stringContaining('no network calls'));
    expect(parseRef('<bad>', from)).toHaveProperty('message', "$ref '<bad>' is not a valid URI reference");
    expect(parseRef('a.yaml#/x#/y', from)).toHaveProperty('message', "$ref 'a.yaml#/x#/y' is not a valid URI reference");
    expect(parseRef('a.yaml?v=1', from)).toHaveProperty('message', expect.stringContaining('query string'));
  });
});

describe('isInside', () => {
  it('does not mistake a sibling with a common prefix for a child', () => {
    expect(isInside('/a/b/c.yaml', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/bc/c.yaml', '/a/b')).toBe(false);
    expect(isInside('/a/c.yaml', '/a/b')).toBe(false);
  });
});

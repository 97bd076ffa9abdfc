import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docsOf } from '../../generator/ir/schema.js';

/** docsOf as first written: each keyword looked up by name. The one-pass version must agree. */
function reference(s: Record<string, unknown>): Record<string, unknown> {
  const docs: Record<string, unknown> = {};
  if (typeof s.title === 'string') docs.title = s.title;
  if (typeof s.description === 'string') docs.description = s.description;
  if (typeof s.format === 'string') docs.format = s.format;
  if (s.deprecated === true) docs.deprecated = true;
  if ('default' in s) docs.default = { value: s.default };
  if ('example' in s) docs.example = { value: s.example };
  else if (Array.isArray(s.examples) && s.examples.length) docs.example = { value: s.examples[0] };
  if (s.readOnly === true) docs.readOnly = true;
  if (s.writeOnly === true) docs.writeOnly = true;
  const c: Record<string, unknown> = {};
  const exclusiveMin = s.exclusiveMinimum === true && typeof s.minimum === 'number';
  const exclusiveMax = s.exclusiveMaximum === true && typeof s.maximum === 'number';
  for (const k of ['maxLength', 'minLength', 'minimum', 'maximum', 'multipleOf', 'minItems', 'maxItems', 'minProperties', 'maxProperties'])
    if (typeof s[k] === 'number' && !(k === 'minimum' && exclusiveMin) && !(k === 'maximum' && exclusiveMax)) c[k] = s[k];
  if (typeof s.pattern === 'string') c.pattern = s.pattern;
  if (s.uniqueItems === true) c.uniqueItems = true;
  if (typeof s.exclusiveMinimum === 'number') c.exclusiveMinimum = s.exclusiveMinimum;
  else if (exclusiveMin) c.exclusiveMinimum = s.minimum;
  if (typeof s.exclusiveMaximum === 'number') c.exclusiveMaximum = s.exclusiveMaximum;
  else if (exclusiveMax) c.exclusiveMaximum = s.maximum;
  if (Object.keys(c).length) docs.constraints = c;
  return docs;
}

describe('docsOf', () => {
  it("reads OpenAPI 3.0's boolean exclusive bounds as the bound itself", () => {
    expect(docsOf({ type: 'number', minimum: 1, exclusiveMinimum: true, maximum: 5 }).constraints).toEqual({ maximum: 5, exclusiveMinimum: 1 });
    expect(docsOf({ type: 'number', minimum: 1, maximum: 5, exclusiveMaximum: true }).constraints).toEqual({ minimum: 1, exclusiveMaximum: 5 });
  });

  it("keeps 3.1's numeric exclusive bounds next to inclusive ones, in the order the spec's keywords are read", () => {
    const constraints = docsOf({ type: 'integer', exclusiveMinimum: 0, maximum: 10, maxLength: 3 }).constraints!;
    expect(constraints).toEqual({ maxLength: 3, maximum: 10, exclusiveMinimum: 0 });
    expect(Object.keys(constraints)).toEqual(['maxLength', 'maximum', 'exclusiveMinimum']);
  });

  it('has no constraints when there are none, and ignores a boolean bound without its number', () => {
    expect(docsOf({ type: 'string', description: 'd' })).toEqual({ description: 'd' });
    expect(docsOf({ type: 'number', exclusiveMinimum: true }).constraints).toBeUndefined();
  });

  it('agrees with a keyword-by-keyword reading on random schemas, key order included', () => {
    const keyword = fc.constantFrom(
      'title', 'description', 'format', 'deprecated', 'default', 'example', 'examples', 'readOnly', 'writeOnly', 'pattern',
      'uniqueItems', 'exclusiveMinimum', 'exclusiveMaximum', 'maxLength', 'minLength', 'minimum', 'maximum', 'multipleOf',
      'minItems', 'maxItems', 'minProperties', 'maxProperties', 'type', 'enum', 'nullable', 'x-extra',
    );
    const value = fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.string(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(keyword, value), { maxLength: 8 }), (entries) => {
        const schema = Object.fromEntries(entries);
        const got = docsOf(schema) as Record<string, unknown>;
        const want = reference(schema);
        expect(got).toEqual(want);
        expect(Object.keys(got)).toEqual(Object.keys(want));
        expect(Object.keys((got.constraints as object | undefined) ?? {})).toEqual(Object.keys((want.constraints as object | undefined) ?? {}));
      }),
      { numRuns: 3000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { docsOf } from '../../generator/ir/schema.js';

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
});

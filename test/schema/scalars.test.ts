/**
 * Value-level constructs on an OpenAPI 3.0 document (scalars-30.yaml: enum, nullable, format,
 * default/example/deprecated, readOnly/writeOnly, additionalProperties, arrays) and a 3.1 one
 * (openapi-31.yaml: const, type arrays with 'null', prefixItems tuples, patternProperties, examples).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileAll, declarationOf, generateFixture, warnings, type Generated } from './harness.js';

let v30: Generated;
let v31: Generated;

beforeAll(async () => {
  v30 = await generateFixture('scalars-30.yaml');
  v31 = await generateFixture('openapi-31.yaml');
});

describe('OpenAPI 3.0 (scalars-30.yaml)', () => {
  const thing = () => declarationOf(v30.resources, 'Thing');
  const params = () => declarationOf(v30.resources, 'ThingCreateParams');

  it('generates without warnings', () => {
    expect(warnings(v30)).toEqual([]);
  });

  it('prints enums as literal unions (a component enum as its own type)', () => {
    expect(declarationOf(v30.resources, 'Status', 'type')).toBe(`export type Status = 'open' | 'closed';`);
    expect(thing()).toContain('  status: Status;');
    expect(thing()).toContain('  priority?: 1 | 2 | 3;');
  });

  it('adds | null for nullable: on a scalar, an enum and an allOf-wrapped $ref', () => {
    expect(thing()).toContain('  maybeNote?: string | null;');
    expect(thing()).toContain(`  maybeStatus?: 'a' | 'b' | null;`);
    expect(thing()).toContain('  maybeOwner?: Owner | null;');
  });

  it('keeps format, constraints, default, example and deprecated in JSDoc', () => {
    expect(thing()).toContain('  /** @format uuid */\n  id: string;');
    expect(thing()).toContain(['  /**', '   * @format date-time', '   * @example "2024-01-01T00:00:00Z"', '   */', '  createdAt?: string;'].join('\n'));
    expect(thing()).toContain(['  /**', '   * @format int64', '   * @minimum 1', '   * @default 10', '   */', '  size?: number;'].join('\n'));
    expect(thing()).toContain(['  /**', '   * Old field.', '   *', '   * @deprecated', '   */', '  legacy?: string;'].join('\n'));
  });

  it('prints additionalProperties as an index signature (unknown next to named properties)', () => {
    expect(thing()).toContain('  labels?: { [key: string]: string | undefined; };');
    expect(declarationOf(v30.resources, 'Thing', 'namespace')).toContain(
      ['  export interface Extra {', '    [key: string]: unknown;', '    name?: string;', '  }'].join('\n'),
    );
  });

  it('prints arrays, nested arrays and untyped schemas', () => {
    expect(thing()).toContain('  matrix?: Array<Array<number>>;');
    expect(thing()).toContain('  owners?: Array<Owner>;');
    expect(thing()).toContain('  anything?: unknown;');
  });

  it('keeps a required readOnly property in the request only as optional, and drops writeOnly ones from the response', () => {
    expect(thing()).toMatch(/^ {2}id: string;$/m);
    expect(thing()).not.toMatch(/password/);
    expect(params()).toMatch(/^ {2}password: string;$/m);
    // OpenAPI binds `required` of a readOnly property to responses; Stainless still lets it be sent.
    expect(params()).toMatch(/^ {2}id\?: string;$/m);
  });

  it('gives a named model with readOnly/writeOnly properties a request variant, used by the request only', () => {
    // Owner.secret is readOnly, Owner.pin writeOnly: the response keeps secret, the request keeps pin.
    expect(declarationOf(v30.resources, 'Owner')).toBe(['export interface Owner {', '  name?: string;', '  secret?: string;', '}'].join('\n'));
    expect(declarationOf(v30.resources, 'OwnerParam')).toBe(['export interface OwnerParam {', '  name?: string;', '  pin?: string;', '}'].join('\n'));
    expect(params()).toContain('  maybeOwner?: OwnerParam | null;');
    expect(params()).toContain('  owners?: Array<OwnerParam>;');
    expect(thing()).toContain('  owners?: Array<Owner>;');
  });

  it('makes no request variant for the body model itself: its properties are the params', () => {
    expect(v30.resources).not.toMatch(/export interface ThingParam\b/);
    expect(v30.resources).toContain('create(params: ThingCreateParams, options?: RequestOptions): APIPromise<Thing> {');
  });
});

describe('OpenAPI 3.1 (openapi-31.yaml)', () => {
  const shape = () => declarationOf(v31.resources, 'Shape');

  it('generates without warnings', () => {
    expect(warnings(v31)).toEqual([]);
  });

  it('prints const as a literal', () => {
    expect(shape()).toContain(`  kind: 'circle';`);
    expect(shape()).toContain('  version?: 2;');
  });

  it("prints type arrays as unions, 'null' included", () => {
    expect(shape()).toContain('  name?: string | null;');
    expect(shape()).toContain('  count?: number | string;');
    expect(shape()).toContain('  onlyNull?: null;');
    expect(shape()).toContain(`  color?: 'red' | 'green' | null;`);
    expect(declarationOf(v31.resources, 'Owner', 'type')).toBe('export type Owner = Owner.OwnerUnionMember0 | null;');
  });

  it('prints prefixItems as tuples, closed (items: false) or with a rest element', () => {
    expect(shape()).toContain('  point: [number, number];');
    expect(shape()).toContain('  tagged?: [string, ...Array<number>];');
    expect(shape()).toContain('  tags: Array<string>;');
  });

  it('prints patternProperties as an index signature over every pattern', () => {
    expect(shape()).toContain('  headers?: { [key: string]: string | undefined; };');
    expect(shape()).toContain('  metrics?: { [key: string]: number | string | undefined; };');
  });

  it('takes the first of examples, and a description written next to a $ref', () => {
    expect(shape()).toContain('  /** @example "first" */\n  sample?: string;');
    expect(shape()).toContain('  /** The owner, described next to the ref. */\n  owner?: Owner;');
  });
});

describe('compiles', () => {
  it('under tsc --strict, with the request/response split visible to the type checker', async () => {
    await compileAll({
      v30: {
        generated: v30,
        extra: {
          'check.ts': `
import type { Thing, ThingCreateParams } from './resources/things.js';
export const params: ThingCreateParams = { password: 'p', status: 'open', owners: [{ name: 'a', pin: '1' }], maybeOwner: null };
// id is readOnly but required: it may be sent (optional, as \`params\` above shows).
export const withId: ThingCreateParams = { password: 'p', status: 'open', id: 'x' };
// @ts-expect-error secret is readOnly: not part of a nested request model either
export const nested: ThingCreateParams = { password: 'p', status: 'open', owners: [{ secret: 's' }] };
export function read(t: Thing): string | undefined {
  // @ts-expect-error password is writeOnly: never in a response
  void t.password;
  return t.owners?.[0]?.secret;
}
`,
        },
      },
      v31: {
        generated: v31,
        extra: {
          'check.ts': `
import type { Shape } from './resources/shapes.js';
export const shape: Shape = { kind: 'circle', point: [1, 2], tags: [], tagged: ['a', 1, 2], metrics: { n_a: 1, s_b: 'x' } };
// @ts-expect-error point is a closed pair
export const long: Shape = { kind: 'circle', point: [1, 2, 3], tags: [] };
`,
        },
      },
    });
  });
});

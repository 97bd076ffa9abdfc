/**
 * Property-based: random schemas (objects with odd/unicode property names, nesting, arrays, string
 * and number enums, unions, nullable, random required subsets) under random resource, path and
 * operation names. For speed, the random operations go into one spec, one generated package and one
 * tsc run; then, for every schema, values that fast-check draws from the schema itself are written
 * as literals (`const v: Root3 = {...}`) next to the package, and tsc must accept each of them, and
 * reject a value of the wrong shape (so the generated type is neither `any` nor `unknown`).
 *
 * Fixed seed, modest sizes: the same specs every run, well under a minute on two slow cores.
 */
import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type OutputFile } from '../../generator/index.js';
import { tempDir } from '../helpers.js';
import { compileWorkspace, pathProblems, type Workspace } from '../hostile/workspace.js';

const SEED = 20_260_727;
const RUNS = 30;
const VALUES_PER_SCHEMA = 3;

type Schema = Record<string, unknown>;

/** Property names: printable ASCII, unicode graphemes, and the names that tend to break generators. */
const propertyName = fc
  .oneof(
    fc.string({ minLength: 0, maxLength: 8 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }),
    fc.constantFrom('class', 'delete', 'default', 'constructor', 'prototype', 'toString', 'a-b', 'a.b', '1x', '$', '_', 'id', 'type', 'A_B', 'aB', '*/', '${x}', "'", '"', '\u2028'),
  )
  // `__proto__` in an object literal sets the prototype rather than a property; the hostile suite covers that name.
  .filter((n) => n !== '__proto__');

const word = fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim() === s && s.length > 0);

const schemaArb: fc.Arbitrary<Schema> = fc.letrec<{ schema: Schema }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', maxDepth: 3, withCrossShrink: true },
    fc.constantFrom<Schema>({ type: 'string' }, { type: 'integer' }, { type: 'number' }, { type: 'boolean' }),
    fc.uniqueArray(fc.string({ unit: 'grapheme', maxLength: 6 }), { minLength: 1, maxLength: 4 }).map((e): Schema => ({ type: 'string', enum: e })),
    fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 4 }).map((e): Schema => ({ type: 'integer', enum: e })),
    fc
      .uniqueArray(fc.tuple(propertyName, tie('schema'), fc.boolean()), { minLength: 1, maxLength: 5, selector: ([n]) => n })
      .map((props): Schema => {
        const required = props.filter(([, , r]) => r).map(([n]) => n);
        return {
          type: 'object',
          properties: Object.fromEntries(props.map(([n, s]) => [n, s])),
          ...(required.length ? { required } : {}),
        };
      }),
    tie('schema').map((items): Schema => ({ type: 'array', items })),
    fc.tuple(tie('schema'), tie('schema')).map(([a, b]): Schema => ({ oneOf: [a, b] })),
    tie('schema')
      .filter((s) => typeof s.type === 'string')
      .map((s): Schema => ({ ...s, nullable: true })),
  ),
})).schema;

/** Values valid for a schema (the subset of JSON Schema that schemaArb produces). */
function valueArb(s: Schema): fc.Arbitrary<unknown> {
  const base = ((): fc.Arbitrary<unknown> => {
    if (Array.isArray(s.oneOf)) return fc.oneof(...(s.oneOf as Schema[]).map(valueArb));
    if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
    switch (s.type) {
      case 'string':
        return fc.string({ unit: 'grapheme', maxLength: 8 });
      case 'integer':
        return fc.integer();
      case 'number':
        return fc.double({ noNaN: true, noDefaultInfinity: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(valueArb(s.items as Schema), { maxLength: 3 });
      case 'object': {
        const props = s.properties as Record<string, Schema>;
        const required = new Set((s.required as string[] | undefined) ?? []);
        const entries = Object.entries(props).map(([n, p]) => [n, valueArb(p)] as const);
        return fc.record(Object.fromEntries(entries), { requiredKeys: [...required] });
      }
      default:
        throw new Error(`schemaArb made a schema valueArb does not know: ${JSON.stringify(s)}`);
    }
  })();
  return s.nullable ? fc.option(base, { nil: null }) : base;
}

/** A value as a TypeScript literal (JSON is one, except `-0`, which is fine, and big numbers, which are too). */
function literal(value: unknown): string {
  return JSON.stringify(value);
}

interface Sample {
  readonly tag: string;
  readonly segment: string;
  readonly param: string;
  readonly operationId: string;
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  readonly schema: Schema;
}

const sampleArb: fc.Arbitrary<Sample> = fc.record({
  tag: word,
  segment: fc.stringMatching(/^[A-Za-z0-9._~-]{1,10}$/),
  param: word.filter((p) => !/[{}/]/.test(p)),
  operationId: word,
  method: fc.constantFrom('get', 'post', 'put', 'patch', 'delete'),
  schema: schemaArb,
});

function specOf(samples: readonly Sample[]): object {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, Schema> = {};
  const ids = new Set<string>();
  samples.forEach((s, i) => {
    // `Root<i>` wraps the random schema so that it always gets an exported name to check values against.
    schemas[`Root${i}`] = { type: 'object', required: ['value'], properties: { value: s.schema } };
    let id = s.operationId;
    while (ids.has(id)) id = `${id}_`;
    ids.add(id);
    const path = `/${s.segment}/${i}/{${s.param}}`;
    paths[path] = {
      [s.method]: {
        tags: [s.tag],
        operationId: id,
        parameters: [{ name: s.param, in: 'path', required: true, schema: { type: 'string' } }],
        ...(s.method === 'get' || s.method === 'delete'
          ? {}
          : { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/Root${i}` } } } } }),
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/Root${i}` } } } } },
      },
    };
  });
  return { openapi: '3.0.3', info: { title: 'random', version: '1' }, paths, components: { schemas } };
}

const samples = fc.sample(sampleArb, { seed: SEED, numRuns: RUNS });
let files: OutputFile[];
let workspace: Workspace;
const checks: { index: number; value: unknown }[] = [];

beforeAll(async () => {
  ({ files } = await generate({ spec: specOf(samples) }));
  const lines = ["import type { Root0 } from '../pkgs/random/src/index.js';", 'void (0 as unknown as Root0);'];
  const names = new Set<string>();
  samples.forEach((s, i) => {
    names.add(`Root${i}`);
    const values = fc.sample(valueArb(s.schema), { seed: SEED + i, numRuns: VALUES_PER_SCHEMA });
    values.forEach((value, k) => {
      checks.push({ index: i, value });
      lines.push(`export const v${i}_${k}: Root${i} = { value: ${literal(value)} };`);
    });
    lines.push(`// @ts-expect-error a required property is missing`, `export const missing${i}: Root${i} = {};`);
    lines.push(`// @ts-expect-error a symbol fits no generated type`, `export const wrong${i}: Root${i} = { value: Symbol('x') };`);
  });
  lines[0] = `import type { ${[...names].join(', ')} } from '../pkgs/random/src/index.js';`;
  workspace = compileWorkspace(tempDir('lathe-property-'), new Map([['random', files]]), [{ path: 'checks/values.ts', content: `${lines.join('\n')}\n` }]);
}, 240_000);

afterAll(() => {
  if (workspace) rmSync(workspace.root, { recursive: true, force: true });
});

describe(`${RUNS} random schemas and names (seed ${SEED})`, () => {
  it('generate a package with safe, unique paths', () => {
    const paths = files.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of paths) expect(pathProblems('/tmp/out', p), p).toEqual([]);
  });

  it('compile with tsc --strict', () => {
    expect(workspace.errorsOf('random')).toEqual([]);
  });

  it('accept every value drawn from each schema, and reject values of the wrong shape', () => {
    expect(checks.length).toBe(RUNS * VALUES_PER_SCHEMA);
    const errors = workspace.output.split('\n').filter((l) => l.startsWith('checks/'));
    // Point at the schema behind the first failing check, to make a failure readable.
    const first = errors[0]?.match(/\((\d+),/);
    const line = first ? Number(first[1]) : 0;
    const context = first ? `line ${line}; schemas: ${JSON.stringify(samples.map((s) => s.schema))}` : '';
    expect(errors, context).toEqual([]);
  });
});

describe('generation per random spec (fast-check, no tsc)', () => {
  it('succeeds with no error diagnostics and is deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(sampleArb, async (s) => {
        const spec = specOf([s]);
        const a = await generate({ spec });
        expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const b = await generate({ spec });
        expect(b.files).toEqual(a.files);
      }),
      { seed: SEED, numRuns: 8 },
    );
  }, 120_000);
});

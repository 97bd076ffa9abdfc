/**
 * Recursion that cannot blow the stack (issue 16): circular type aliases are broken with a located
 * warning, deep nesting gets a located error at a documented limit below what tsc can check, and
 * what lathe accepts compiles.
 */
import { describe, expect, it } from 'vitest';
import { generate, LatheError, type Diagnostic, type OutputFile } from '../../generator/index.js';
import { MAX_SCHEMA_DEPTH } from '../../generator/ir/schema.js';
import { tempDir } from '../helpers.js';
import { compileWorkspace } from '../hostile/workspace.js';
import { compactJson as deepJson, nest } from '../fuzz/mutate.mjs';

const R = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function spec(schemas: Record<string, unknown>, prop: unknown = R('A')): string {
  const doc = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/a': {
        get: {
          operationId: 'getA',
          responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { a: prop } } } } } },
        },
      },
    },
    components: { schemas },
  };
  return JSON.stringify(doc, null, 2);
}

async function outcome(text: string): Promise<{ files?: OutputFile[]; diagnostics: readonly Diagnostic[] }> {
  try {
    return await generate({ spec: text, specPath: 'openapi.json' });
  } catch (e) {
    if (e instanceof LatheError) return { diagnostics: e.diagnostics };
    throw e;
  }
}

const located = (d: Diagnostic) => Boolean(d.displayFile && d.line && d.column);

const CYCLES: Record<string, Record<string, unknown>> = {
  'anyOf [A]': { A: { anyOf: [R('A')] } },
  'oneOf [A, string]': { A: { oneOf: [R('A'), { type: 'string' }] } },
  'allOf [A]': { A: { allOf: [R('A')] } },
  'A allOf B, B allOf A': { A: { allOf: [R('B')] }, B: { allOf: [R('A')] } },
  'A = $ref B, B allOf A': { A: R('B'), B: { allOf: [R('A')] } },
  'A = {anyOf: [A, {a: A}]}': { A: { anyOf: [R('A'), { type: 'object', properties: { a: R('A') } }] } },
  'self-allOf from a property': { A: { type: 'object', properties: { self: { allOf: [R('A')] } } } },
};

describe('circular type aliases', () => {
  const results = new Map<string, { files?: OutputFile[]; diagnostics: readonly Diagnostic[] }>();

  it('every case generates, and every self-member dropped is named in a located warning', async () => {
    for (const [name, schemas] of Object.entries(CYCLES)) results.set(name, await outcome(spec(schemas)));
    for (const [name, r] of results) {
      expect(r.files, name).toBeDefined();
      expect(r.diagnostics.filter((d) => d.severity === 'error'), name).toEqual([]);
      expect(r.diagnostics.every(located), name).toBe(true);
    }
    const warned = (name: string) => results.get(name)!.diagnostics.some((d) => /is a member of itself/.test(d.message));
    expect(warned('anyOf [A]')).toBe(true);
    expect(warned('oneOf [A, string]')).toBe(true);
    expect(warned('allOf [A]')).toBe(true);
    expect(warned('A allOf B, B allOf A')).toBe(true);
    expect(warned('A = {anyOf: [A, {a: A}]}')).toBe(true);
    // A reference through a property is legal TypeScript: nothing to drop.
    expect(warned('self-allOf from a property')).toBe(false);
  });

  it('every output compiles with tsc --strict', { timeout: 120_000 }, () => {
    const packages = new Map([...results].map(([name, r], i) => [`c${i}`, r.files!] as const));
    const ws = compileWorkspace(tempDir('lathe-cycles-'), packages);
    expect(ws.output).toBe('');
  });

  it('keeps the members that add something: oneOf [A, string] is string', async () => {
    const r = results.get('oneOf [A, string]')!;
    const models = r.files!.map((f) => f.content).join('\n');
    expect(models).toMatch(/export type A = string;/);
  });
});

describe('an alias loop as a whole response body', () => {
  it('A = $ref B, B = allOf [A] returned by an operation generates with the warning (it overflowed the stack)', async () => {
    const doc = JSON.parse(spec({ A: R('B'), B: { allOf: [R('A')] } })) as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: unknown }> }> } }> };
    doc.paths['/a']!.get.responses['200']!.content['application/json']!.schema = R('A');
    const r = await outcome(JSON.stringify(doc, null, 2));
    expect(r.files).toBeDefined();
    expect(r.diagnostics.some((d) => /is a member of itself/.test(d.message) && located(d))).toBe(true);
  });
});

const KINDS = ['anyOf', 'allOf', 'oneOf', 'items', 'additionalProperties', 'properties', 'example'];

describe('deep nesting', () => {
  it.each(KINDS)('%s x10,000: a located error or code, never a crash', { timeout: 60_000 }, async (how) => {
    const r = await outcome(deepSpec(how, 10_000));
    expect(r.files).toBeUndefined();
    expect(r.diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(0);
    expect(r.diagnostics.every(located)).toBe(true);
  });

  it(`${MAX_SCHEMA_DEPTH - 2} levels of each kind generate code that tsc --strict compiles`, { timeout: 180_000 }, async () => {
    const packages = new Map<string, OutputFile[]>();
    for (const how of KINDS) {
      const r = await outcome(deepSpec(how, MAX_SCHEMA_DEPTH - 2));
      expect(r.diagnostics.filter((d) => d.severity === 'error'), how).toEqual([]);
      packages.set(how, r.files!);
    }
    const ws = compileWorkspace(tempDir('lathe-deep-'), packages);
    expect(ws.output).toBe('');
  });

  it('one level past the limit is a located error naming the limit', async () => {
    const r = await outcome(deepSpec('anyOf', MAX_SCHEMA_DEPTH + 1));
    expect(r.files).toBeUndefined();
    const d = r.diagnostics.find((x) => x.message.includes(`more than ${MAX_SCHEMA_DEPTH} levels`));
    expect(d).toBeDefined();
    expect(located(d!)).toBe(true);
  });
});

function deepSpec(how: string, depth: number): string {
  const doc = JSON.parse(spec({}, { type: 'string' })) as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: unknown }> }> } }> };
  doc.paths['/a']!.get.responses['200']!.content['application/json']!.schema = nest(how, depth);
  return deepJson(doc);
}

/**
 * Wire types after an edit, from the last run's text (wire-splice.ts), against typing the edited
 * document from scratch: the text must be the same whether the changed path items were spliced in,
 * or the splice gave up and the whole spec was typed. renderWire without a cache is the oracle here;
 * wire.test.ts holds it byte-identical to openapiTS.
 */
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderWire, type WireInput, type WireResult } from '../../generator/emit/wire-render.js';
import { splice } from '../../generator/emit/wire-splice.js';
import { ROOT, tempDir } from '../helpers.js';

type Doc = { paths: Record<string, Record<string, unknown>>; components?: Record<string, Record<string, unknown>> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Renders `doc` with a cache in `dir` (as JSON text or as a parsed document), after the last call's. */
async function cached(dir: string, doc: Doc, asJson: boolean): Promise<WireResult> {
  const cache = { file: join(dir, 'wire.json'), maker: 'test' };
  const input: WireInput = asJson ? { json: JSON.stringify(doc), cache } : { root: structuredClone(doc), cache };
  return renderWire(input);
}

async function fromScratch(doc: Doc): Promise<string> {
  return (await renderWire({ root: structuredClone(doc) })).text;
}

/** Edits of one path item, each a different kind of change to what openapi-typescript prints. */
const EDITS: Record<string, (item: Record<string, unknown>, n: number) => void> = {
  summary(item, n) {
    const op = operationOf(item);
    if (op) op.summary = `${String(op.summary ?? '')} (edit ${n})`;
  },
  description(item, n) {
    const op = operationOf(item);
    if (op) op.description = `Line one.\n\nEdit ${n}: with */ and \u2028 in it.`;
  },
  'new query parameter'(item, n) {
    const op = operationOf(item);
    if (op) op.parameters = [...((op.parameters as unknown[]) ?? []), { name: `q${n}`, in: 'query', schema: { type: 'integer', minimum: n } }];
  },
  'new response property'(item, n) {
    const op = operationOf(item);
    if (op) op.responses = { ...(op.responses as object), '299': { description: 'x', content: { 'application/json': { schema: { type: 'object', properties: { [`p${n}`]: { type: 'string', enum: ['a', 'b'] } } } } } } };
  },
  'new operation'(item, n) {
    const free = METHODS.find((m) => !item[m]);
    if (free) item[free] = { operationId: `added-${n}`, responses: { '200': { description: 'ok' } } };
  },
  'operation removed'(item) {
    const used = METHODS.filter((m) => item[m]);
    if (used.length > 1) delete item[used[0]!];
  },
  'operationId changed'(item, n) {
    const op = operationOf(item);
    if (op && op.operationId) op.operationId = `${String(op.operationId)}-${n}`;
  },
  'path item description'(item, n) {
    item.summary = `Path summary ${n}`;
  },
  // openapi-typescript declares a WithRequired helper at the end when some allOf needs it.
  'first use of WithRequired'(item, n) {
    const op = operationOf(item);
    if (op) {
      const schema = { required: ['a'], allOf: [{ $ref: '#/components/schemas/withRequiredBase' }, { type: 'object', properties: { [`x${n}`]: { type: 'string' } } }] };
      op.responses = { '200': { description: 'ok', content: { 'application/json': { schema } } } };
    }
  },
  // Discriminators in path items can change how components are typed: never spliced.
  'inline discriminator'(item, n) {
    const op = operationOf(item);
    if (op) {
      const variant = (tag: string) => ({ type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: [tag] } } });
      const schema = { oneOf: [variant('a'), variant(`b${n}`)], discriminator: { propertyName: 'kind' } };
      op.responses = { '200': { description: 'ok', content: { 'application/json': { schema } } } };
    }
  },
};

function operationOf(item: Record<string, unknown>): Record<string, unknown> | undefined {
  const method = METHODS.find((m) => item[m] && typeof item[m] === 'object');
  return method ? (item[method] as Record<string, unknown>) : undefined;
}

const cloudforceOne = parseYaml(readFileSync(join(ROOT, 'examples/cloudforce-one/spec/cloudflare-cloudforce-one.yaml'), 'utf8')) as Doc;
// A component for the WithRequired edit to extend (openapi-typescript adds the helper only for a $ref with properties).
cloudforceOne.components!.schemas!.withRequiredBase = { type: 'object', properties: { a: { type: 'string' } } };

/** A small text in the shape openapi-typescript prints, with path items `/a`, `/b` and a component. */
function wireText(b: { summary: string; op: string; component?: string }): string {
  return [
    'export interface paths {',
    '    "/a": {',
    '        get: operations["getA"];',
    '    };',
    `    /** ${b.summary} */`,
    '    "/b": {',
    `        post: operations["${b.op}"];`,
    '    };',
    '}',
    'export interface components {',
    `    schemas: ${b.component ?? 'never'};`,
    '}',
    'export interface operations {',
    '    getA: {',
    '        parameters: never;',
    '    };',
    `    ${b.op}: {`,
    '        parameters: never;',
    '    };',
    '}',
    '',
  ].join('\n');
}

/** The same with only `/b`, as openapi-typescript prints a document holding only that path item. */
function partialText(b: { summary: string; op: string; component?: string }): string {
  const full = wireText(b).split('\n');
  return [...full.slice(0, 1), ...full.slice(4, 13), ...full.slice(16)].join('\n');
}

describe('splice', () => {
  it('puts the changed members in place of the old ones', () => {
    const before = wireText({ summary: 'old', op: 'postB' });
    const after = wireText({ summary: 'new', op: 'postB' });
    expect(splice(before, partialText({ summary: 'new', op: 'postB' }), [1])).toBe(after);
  });

  it('takes everything outside paths and operations from the previous text', () => {
    const before = wireText({ summary: 'old', op: 'postB' });
    // The partial text's components are what openapi-typescript printed for none.
    expect(splice(before, partialText({ summary: 'new', op: 'postB', component: 'string' }), [1])).toBe(wireText({ summary: 'new', op: 'postB' }));
  });

  it('gives up when a changed path item refers to other operations', () => {
    const before = wireText({ summary: 'old', op: 'postB' });
    expect(splice(before, partialText({ summary: 'old', op: 'renamed' }), [1])).toBeUndefined();
  });

  it('gives up on text it does not read as members', () => {
    const before = wireText({ summary: 'old', op: 'postB' });
    expect(splice(before.replace('    };\n    /**', '    }\n    /**'), partialText({ summary: 'new', op: 'postB' }), [1])).toBeUndefined();
    expect(splice(before, partialText({ summary: 'new', op: 'postB' }), [0, 1])).toBeUndefined();
  });
});

describe('wire types after an edit', () => {
  it.each(Object.keys(EDITS))('%s: the same text as typing the edited spec from scratch', async (kind) => {
    for (const asJson of [false, true]) {
      const dir = tempDir('lathe-splice-');
      const doc = structuredClone(cloudforceOne);
      expect((await cached(dir, doc, asJson)).reused).toBeUndefined();
      const key = Object.keys(doc.paths)[3]!;
      EDITS[kind]!(doc.paths[key]!, 7);
      const after = await cached(dir, doc, asJson);
      expect(after.text).toBe(await fromScratch(doc));
    }
  });

  it('splices an edit that keeps the operations, and types everything for one that does not', async () => {
    const spliced = async (kind: string) => {
      const dir = tempDir('lathe-splice-');
      const doc = structuredClone(cloudforceOne);
      await cached(dir, doc, true);
      EDITS[kind]!(doc.paths[Object.keys(doc.paths)[3]!]!, 1);
      return (await cached(dir, doc, true)).reused;
    };
    expect(await spliced('summary')).toBe('spliced');
    expect(await spliced('new query parameter')).toBe('spliced');
    expect(await spliced('new operation')).toBeUndefined();
    expect(await spliced('operationId changed')).toBeUndefined();
    expect(await spliced('inline discriminator')).toBeUndefined();
    // The text must gain the helper declaration: typed whole.
    expect(await spliced('first use of WithRequired')).toBeUndefined();
  });

  it('reuses all of the text when no path item changed, and nothing after a change to the components', async () => {
    const dir = tempDir('lathe-splice-');
    const doc = structuredClone(cloudforceOne);
    await cached(dir, doc, true);
    expect((await cached(dir, doc, true)).reused).toBe('all');
    const [name] = Object.keys(doc.components!.schemas!);
    (doc.components!.schemas![name!] as Record<string, unknown>).description = 'changed';
    const after = await cached(dir, doc, true);
    expect(after.reused).toBeUndefined();
    expect(after.text).toBe(await fromScratch(doc));
  });

  it('any sequence of edits to any path items gives the text of typing from scratch', async () => {
    const keys = Object.keys(cloudforceOne.paths);
    const edit = fc.record({ kind: fc.constantFrom(...Object.keys(EDITS)), at: fc.nat({ max: keys.length - 1 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), fc.boolean(), async (runs, asJson) => {
        const dir = tempDir('lathe-splice-');
        const doc = structuredClone(cloudforceOne);
        await cached(dir, doc, asJson);
        let n = 0;
        for (const run of runs) {
          for (const { kind, at } of run) EDITS[kind]!(doc.paths[keys[at]!]!, n++);
          expect((await cached(dir, doc, asJson)).text).toBe(await fromScratch(doc));
        }
      }),
      { seed: 20_261_125, numRuns: 40 },
    );
  });

  it('the WithRequired helper comes and goes with its last use', async () => {
    for (const asJson of [false, true]) {
      const dir = tempDir('lathe-splice-');
      const doc = structuredClone(cloudforceOne);
      const keys = Object.keys(doc.paths);
      EDITS['first use of WithRequired']!(doc.paths[keys[2]!]!, 1);
      await cached(dir, doc, asJson);
      // A second use, then a plain edit elsewhere: the helper stays.
      EDITS['first use of WithRequired']!(doc.paths[keys[5]!]!, 2);
      const both = await cached(dir, doc, asJson);
      expect(both.text).toContain('WithRequired<');
      expect(both.text).toBe(await fromScratch(doc));
      EDITS.summary!(doc.paths[keys[7]!]!, 3);
      const plain = await cached(dir, doc, asJson);
      expect(plain.reused).toBe('spliced');
      expect(plain.text).toBe(await fromScratch(doc));
      // An edit of the first path item with operations could put a use before them: typed whole.
      EDITS.summary!(doc.paths[keys[0]!]!, 5);
      const first = await cached(dir, doc, asJson);
      expect(first.reused).toBeUndefined();
      expect(first.text).toBe(await fromScratch(doc));
      // Both uses gone (one edit each): the last removal drops the helper.
      EDITS.summary!(doc.paths[keys[2]!]!, 4);
      delete operationOf(doc.paths[keys[2]!]!)!.responses;
      operationOf(doc.paths[keys[2]!]!)!.responses = { '200': { description: 'ok' } };
      expect((await cached(dir, doc, asJson)).text).toBe(await fromScratch(doc));
      operationOf(doc.paths[keys[5]!]!)!.responses = { '200': { description: 'ok' } };
      const none = await cached(dir, doc, asJson);
      expect(none.text).toBe(await fromScratch(doc));
      expect(none.text).not.toContain('WithRequired');
    }
  });

  it('discriminators in path items that did not change (as in GitHub\'s spec) still shape the changed ones', async () => {
    const variant = (tag: string) => ({ type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, [tag]: { type: 'string' } } });
    for (const asJson of [false, true]) {
      const dir = tempDir('lathe-splice-');
      const doc = structuredClone(cloudforceOne);
      doc.components!.schemas!.VariantA = variant('a');
      doc.components!.schemas!.VariantB = variant('b');
      const keys = Object.keys(doc.paths);
      // An unchanged path item whose response maps a discriminator onto the two components.
      const tagged = { oneOf: [{ $ref: '#/components/schemas/VariantA' }, { $ref: '#/components/schemas/VariantB' }], discriminator: { propertyName: 'kind', mapping: { a: '#/components/schemas/VariantA', b: '#/components/schemas/VariantB' } } };
      operationOf(doc.paths[keys[1]!]!)!.responses = { '200': { description: 'ok', content: { 'application/json': { schema: tagged } } } };
      await cached(dir, doc, asJson);
      // A changed path item that extends one of the mapped components.
      const extended = { required: ['kind'], allOf: [{ $ref: '#/components/schemas/VariantA' }, { type: 'object', properties: { more: { type: 'integer' } } }] };
      operationOf(doc.paths[keys[6]!]!)!.responses = { '200': { description: 'ok', content: { 'application/json': { schema: extended } } } };
      const after = await cached(dir, doc, asJson);
      expect(after.reused).toBe('spliced');
      expect(after.text).toBe(await fromScratch(doc));
    }
  });

  it("OpenAI's spec (discriminators in its components): edits that use them give the text of typing from scratch", { timeout: 300_000 }, async () => {
    const dir = tempDir('lathe-splice-corpus-');
    execFileSync('tar', ['-xzf', join(ROOT, 'test/fixtures/specs/corpus-valid.tar.gz'), '-C', dir, 'valid/heyapi-openai.yaml']);
    const doc = parseYaml(readFileSync(join(dir, 'valid/heyapi-openai.yaml'), 'utf8')) as Doc;
    // Components with a discriminator of their own: an allOf that extends one gets its tag property.
    const discriminated = Object.keys(doc.components!.schemas!).filter((k) => (doc.components!.schemas![k] as { discriminator?: unknown }).discriminator);
    expect(discriminated.length).toBeGreaterThan(3);
    await cached(dir, doc, true);
    const keys = Object.keys(doc.paths);
    // A response that now is a discriminated union of the components, and a plain summary edit.
    const op = operationOf(doc.paths[keys[5]!]!)!;
    const extended = { allOf: [{ $ref: `#/components/schemas/${discriminated[0]!}` }, { type: 'object', properties: { extra: { type: 'string' } } }] };
    op.responses = { '200': { description: 'ok', content: { 'application/json': { schema: extended } } } };
    EDITS.summary!(doc.paths[keys[40]!]!, 3);
    const after = await cached(dir, doc, true);
    expect(after.reused).toBe('spliced');
    expect(after.text).toBe(await fromScratch(doc));
  });

  it("GitHub's spec (discriminators in path items): a summary edit is spliced and gives the text of typing from scratch", { timeout: 300_000 }, async () => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json'), 'utf8')) as Doc;
    const dir = tempDir('lathe-splice-');
    await cached(dir, doc, true);
    const keys = Object.keys(doc.paths);
    EDITS.summary!(doc.paths[keys[Math.floor(keys.length / 3)]!]!, 1);
    const after = await cached(dir, doc, true);
    expect(after.reused).toBe('spliced');
    expect(after.text).toBe(await fromScratch(doc));
  });

  it("Cloudflare's full spec: a summary edit is spliced and gives the text of typing from scratch", { timeout: 300_000 }, async () => {
    const doc = JSON.parse(gunzipSync(readFileSync(join(ROOT, 'test/fixtures/specs/cloudflare-openapi-2024-08.json.gz'))).toString('utf8')) as Doc;
    const dir = tempDir('lathe-splice-');
    await cached(dir, doc, true);
    const keys = Object.keys(doc.paths);
    EDITS.summary!(doc.paths[keys[Math.floor(keys.length / 2)]!]!, 1);
    EDITS['new query parameter']!(doc.paths[keys[10]!]!, 2);
    const after = await cached(dir, doc, true);
    expect(after.reused).toBe('spliced');
    expect(after.text).toBe(await fromScratch(doc));
  });
});

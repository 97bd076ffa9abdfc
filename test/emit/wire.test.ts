/**
 * renderWire calls openapi-typescript's transform itself instead of `openapiTS`, which first has
 * redocly parse, lint and bundle the document again. The oracle is `openapiTS` on the same document
 * after the same preprocessing: the text must be byte-identical, or both must give empty wire types
 * with a warning.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { EMPTY, wireInput } from '../../generator/emit/wire.js';
import { prepareWireRoot, renderWire, type WireInput, type WireResult } from '../../generator/emit/wire-render.js';
import { fsHost, loadSpec, memoryHost } from '../../generator/load/index.js';
import { ROOT, tempDir } from '../helpers.js';

/** What the pipeline gives the wire worker for a spec: loaded by lathe's loader, bundled when multi-file. */
function inputOf(file: string, text?: string): WireInput {
  const host = text === undefined ? fsHost() : memoryHost({ [file]: text });
  const loaded = loadSpec(file, { host, cwd: dirname(file) });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return wireInput(loaded.spec!);
}

/** renderWire as it was: `openapiTS` (redocly included) on the preprocessed document. */
async function oracle(input: WireInput): Promise<WireResult> {
  try {
    const root = prepareWireRoot(structuredClone(input.root)) as Parameters<typeof openapiTS>[0];
    return { text: astToString(await openapiTS(root, { silent: true })) };
  } catch (e) {
    return { text: EMPTY, warning: (e as Error).message.split('\n')[0] ?? String(e) };
  }
}

/** Where two texts first differ (a whole-file diff of 5 MB of types would drown the report). */
function firstDifference(a: string, b: string): string | undefined {
  if (a === b) return undefined;
  const x = a.split('\n');
  const y = b.split('\n');
  const i = x.findIndex((line, n) => line !== y[n]);
  const at = i === -1 ? x.length : i;
  return `line ${at + 1} of ${x.length} vs ${y.length}:\n  renderWire: ${x[at]}\n  openapiTS:  ${y[at]}`;
}

async function expectSameAsOpenapiTS(input: WireInput): Promise<WireResult> {
  // Preprocessing changes the document in place: each side gets its own copy.
  const expected = await oracle(input);
  const actual = await renderWire({ root: structuredClone(input.root) });
  expect(firstDifference(actual.text, expected.text)).toBeUndefined();
  expect(actual.warning === undefined).toBe(expected.warning === undefined);
  return actual;
}

const corpus = tempDir('lathe-wire-');
execFileSync('tar', ['-xzf', join(ROOT, 'test/fixtures/specs/corpus-valid.tar.gz'), '-C', corpus]);

/**
 * The entry files of the valid corpus (the specs test/corpus/corpus.test.ts generates): those whose
 * top level says `openapi` or `swagger`; the other files are what they refer to.
 */
function corpusEntries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .filter((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      if (file.endsWith('.json')) return ['openapi', 'swagger'].some((key) => Object.hasOwn(JSON.parse(text) as object, key));
      return /^(openapi|swagger):/m.test(text);
    })
    .sort();
}
const CORPUS = corpusEntries(corpus);

describe('renderWire gives what openapiTS gives', () => {
  it.each(['spec/cloudforce-one-message-create.yaml', 'examples/cloudforce-one/spec/cloudflare-cloudforce-one.yaml'])('%s', async (spec) => {
    const result = await expectSameAsOpenapiTS(inputOf(join(ROOT, spec)));
    expect(result.text).not.toBe(EMPTY);
  });

  it("Cloudflare's full 2024 spec", { timeout: 300_000 }, async () => {
    const file = join(ROOT, 'test/fixtures/specs/cloudflare-openapi-2024-08.json');
    const text = gunzipSync(readFileSync(`${file}.gz`)).toString('utf8');
    const result = await expectSameAsOpenapiTS(inputOf(file, text));
    expect(result.text).not.toBe(EMPTY);
  });

  it('the same from the JSON text (what the pipeline sends while it still loads a JSON spec)', async () => {
    const input = inputOf(join(ROOT, 'examples/cloudforce-one/spec/cloudflare-cloudforce-one.yaml'));
    const fromText = await renderWire({ json: JSON.stringify(input.root) });
    const fromData = await renderWire({ root: structuredClone(input.root) });
    expect(fromText.text).not.toBe(EMPTY);
    expect(fromText).toEqual(fromData);
  });

  it('a document without components', async () => {
    const root = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { '204': { description: 'none' } } } } } };
    await expectSameAsOpenapiTS({ root });
  });

  it('finds the corpus specs', () => expect(CORPUS.length).toBeGreaterThanOrEqual(12));

  it.each(CORPUS)('corpus: %s', { timeout: 300_000 }, async (spec) => {
    await expectSameAsOpenapiTS(inputOf(join(corpus, spec)));
  });
});

describe('renderWire refuses what openapiTS refuses, without throwing', () => {
  const info = { title: 't', version: '1' };
  const ok = { responses: { '200': { description: 'ok' } } };

  it('Swagger 2.0', async () => {
    const input = { root: { swagger: '2.0', info, paths: { '/a': { get: ok } } } };
    const result = await expectSameAsOpenapiTS(input);
    expect(result.text).toBe(EMPTY);
    expect(result.warning).toMatch(/Swagger version: 2\.x/);
  });

  it('an OpenAPI version other than 3.x', async () => {
    for (const openapi of ['2.0', '4.0.0', 'x']) {
      const result = await expectSameAsOpenapiTS({ root: { openapi, info, paths: {} } });
      expect(result.text).toBe(EMPTY);
      expect(result.warning).toBeTruthy();
    }
  });

  it('duplicate operationIds (openapi-typescript would declare the operation twice)', async () => {
    const root = { openapi: '3.0.3', info, paths: { '/a': { get: { operationId: 'same', ...ok } }, '/b': { post: { operationId: 'same', ...ok } } } };
    const result = await expectSameAsOpenapiTS({ root });
    expect(result.text).toBe(EMPTY);
    expect(result.warning).toMatch(/operationId/);
  });

  it('one operation reached twice through a path item $ref is not a duplicate', async () => {
    const root = {
      openapi: '3.1.0',
      info,
      paths: { '/a': { $ref: '#/components/pathItems/A' }, '/b': { $ref: '#/components/pathItems/A' } },
      components: { pathItems: { A: { get: { operationId: 'once', ...ok } } } },
    };
    const result = await expectSameAsOpenapiTS({ root });
    expect(result.text).toContain('once');
  });

  it('not a document at all', async () => {
    for (const root of [null, []]) {
      const result = await expectSameAsOpenapiTS({ root });
      expect(result.text).toBe(EMPTY);
      expect(result.warning).toBeTruthy();
    }
  });
});

/**
 * Regression tests from the fuzzer (issue 16): a `$ref` to something that is not a schema, a `$ref`
 * to a file name longer than the file system allows, and parts of a spec lathe skips, each with a
 * diagnostic at its place.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, LatheError, type Diagnostic } from '../../generator/index.js';
import { lathe, tempDir } from '../helpers.js';

const responseWith = (schema: unknown) => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: { '/a': { get: { operationId: 'getA', responses: { 200: { description: 'ok', content: { 'application/json': { schema } } } } } } },
  components: { schemas: { Pet: { type: 'object', properties: { name: { type: 'string' } } } }, responses: { Ok: { description: 'ok' } } },
});

async function diagnosticsOf(doc: object): Promise<{ ok: boolean; diagnostics: readonly Diagnostic[] }> {
  try {
    return { ok: true, diagnostics: (await generate({ spec: JSON.stringify(doc, null, 2), specPath: 'openapi.json' })).diagnostics };
  } catch (e) {
    if (e instanceof LatheError) return { ok: false, diagnostics: e.diagnostics };
    throw e;
  }
}

describe('$ref to something that is not a schema', () => {
  it.each(['#/info', '#/components/responses/Ok', '#/paths/~1a/get', '#/components/schemas/Pet/properties'])('%s is a located error', async (ref) => {
    const r = await diagnosticsOf(responseWith({ $ref: ref }));
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.message.includes('which is not a schema'));
    expect(d?.severity).toBe('error');
    expect(d?.line).toBeGreaterThan(0);
    expect(d?.loc?.pointer).toBe('#/paths/~1a/get/responses/200/content/application~1json/schema/$ref');
  });

  it.each(['#/components/schemas/Pet', '#/components/schemas/Pet/properties/name'])('%s is a schema', async (ref) => {
    const r = await diagnosticsOf(responseWith({ $ref: ref }));
    expect(r.ok).toBe(true);
  });
});

describe('$ref to a file name longer than 255 bytes', () => {
  it('is an error at the $ref, not a file-level one', () => {
    const dir = tempDir('lathe-longname-');
    const name = `${'a'.repeat(300)}.yaml`;
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(responseWith({ $ref: name }), null, 2));
    const r = lathe(['generate', '--spec', 'spec.json', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^spec\.json:\d+:\d+: error: \$ref 'a{300}\.yaml'/m);
    expect(r.stderr).not.toMatch(/internal error|ENAMETOOLONG/);
  });
});

describe('parts of a spec lathe skips', () => {
  it('a webhook with nothing to type, callbacks and links each get a located warning', async () => {
    const doc = {
      ...responseWith({ type: 'string' }),
      webhooks: { newPet: { post: { responses: { 200: { description: 'ok' } } } } },
    };
    const op = doc.paths['/a'].get as Record<string, unknown>;
    op.callbacks = { onEvent: { '{$request.body#/url}': { post: { responses: { 200: { description: 'ok' } } } } } };
    (op.responses as Record<string, Record<string, unknown>>)['200']!.links = { self: { operationId: 'getA' } };
    const r = await diagnosticsOf(doc);
    expect(r.ok).toBe(true);
    const skipped = r.diagnostics.filter((d) => /skipped/.test(d.message));
    expect(skipped.map((d) => d.loc?.pointer)).toEqual(expect.arrayContaining(['#/webhooks/newPet/post', '#/paths/~1a/get/callbacks', '#/paths/~1a/get/responses/200/links']));
    expect(skipped).toHaveLength(3);
    expect(skipped.every((d) => d.severity === 'warning' && (d.line ?? 0) > 0)).toBe(true);
    expect(skipped.find((d) => d.loc?.pointer === '#/webhooks/newPet/post')?.message).toMatch(/newPet/);
  });
});

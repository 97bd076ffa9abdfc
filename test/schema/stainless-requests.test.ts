/**
 * The request-side classes that broke calls written for Stainless-generated SDKs (issue 18, item 5),
 * each on a minimal operation of stainless-requests.yaml: the emitted types are compiled with
 * type-level checks (`check.ts`) and the emitted builders are called.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileAll, declarationOf, generateFixture, type Compiled, type Generated } from './harness.js';

interface Built {
  method: string;
  path: string;
  query?: [string, string][];
  headers?: Record<string, string>;
  body?: { type: string; value: unknown; contentType?: string };
}
type Builder = (...args: unknown[]) => Built;

let generated: Generated;
let compiled: Compiled;

const CHECK = `
import type { AnythingCreateParams } from './resources/anything.js';
export const noBody: AnythingCreateParams = {};
export const someBody: AnythingCreateParams = { body: { any: 'thing' } };
`;

beforeAll(async () => {
  generated = await generateFixture('stainless-requests.yaml');
  compiled = await compileAll({ requests: { generated, extra: { 'check.ts': CHECK } } });
}, 120_000);

const builder = async (module: string, name: string) =>
  (await compiled.load<Record<string, Builder>>('requests', `resources/${module}.js`))[name]!;

describe('a required body with no schema', () => {
  it('is an optional `body` param, and nothing is sent without it', async () => {
    expect(declarationOf(generated.resources, 'AnythingCreateParams')).toContain('  body?: unknown;');
    expect(generated.resources).toContain('create(params: AnythingCreateParams = {}, options?: RequestOptions)');
    const build = await builder('anything', 'buildAnythingCreateRequest');
    const none = build({}).body;
    expect(none?.value).toBeUndefined();
    const { encodeBody } = await compiled.load<{ encodeBody: (b: unknown) => { body: unknown; contentType?: string } }>('requests', 'core/uploads.js');
    expect(encodeBody(none)).toMatchObject({ body: null, contentType: undefined });
    expect(build({ body: { a: 1 } }).body).toEqual({ type: 'json', value: { a: 1 } });
  });
});

/**
 * What operations carry besides schemas: query styles, header and cookie params (parameters.yaml),
 * request bodies per media type (bodies.yaml) and the choice of the success response
 * (responses.yaml). The emitted builders are compiled and called: the values they build are the
 * values sent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileAll, declarationOf, generateFixture, warnings, type Compiled, type Generated } from './harness.js';

interface Built {
  method: string;
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body?: { type: string; value: unknown; contentType?: string };
}
type Builder = (...args: unknown[]) => Built;
type EncodeBody = (body: Built['body']) => { body: unknown; contentType: string | undefined };

let params: Generated;
let bodies: Generated;
let responses: Generated;
let compiled: Compiled;

beforeAll(async () => {
  [params, bodies, responses] = await Promise.all([
    generateFixture('parameters.yaml'),
    generateFixture('bodies.yaml'),
    generateFixture('responses.yaml'),
  ]);
  compiled = await compileAll({
    params: { generated: params },
    bodies: {
      generated: bodies,
      extra: {
        'check.ts': `
import type { MultipartCreateParams } from './resources/multipart.js';
import type { FormCreateParams } from './resources/form.js';
export const upload: MultipartCreateParams = { file: new Blob(['x']), caption: 'c' };
// @ts-expect-error the file field is an Uploadable (a Blob, bytes, a stream, a string...), not a number
export const notAFile: MultipartCreateParams = { file: 42 };
// @ts-expect-error grant_type is a closed enum
export const grant: FormCreateParams = { grant_type: 'implicit' };
`,
      },
    },
    responses: { generated: responses },
  });
}, 120_000);

describe('query parameters (parameters.yaml)', () => {
  it('types each style and keeps path, query, header and cookie params in one params object', () => {
    const decl = declarationOf(params.resources, 'ItemGetParams');
    for (const line of [
      `  sort: 'asc' | 'desc';`,
      `  'X-Request-Id': string;`,
      '  ids?: Array<number>;',
      '  tags?: Array<string>;',
      '  filter?: ItemGetParams.Filter;',
      `  'X-Limit'?: number;`,
      '  session?: string;',
      `  theme?: 'dark' | 'light';`,
    ])
      expect(decl).toContain(line);
    expect(params.resources).toContain('get(itemId: string, params: ItemGetParams, options?: RequestOptions): APIPromise<ItemGetResponse> {');
  });

  it('passes each param its style and explode to serializeQuery', () => {
    const builder = declarationOf(params.resources, 'buildItemGetRequest', 'function');
    expect(builder).toContain(`['ids', ids, { style: 'form', explode: true }]`);
    expect(builder).toContain(`['tags', tags, { style: 'form', explode: false }]`);
    expect(builder).toContain(`['filter', filter, { style: 'deepObject', explode: true }]`);
  });

  it('builds form/explode, form/no-explode and deepObject queries, header and cookie values', async () => {
    const { buildItemGetRequest } = await compiled.load<{ buildItemGetRequest: Builder }>('params', 'resources/items.js');
    const req = buildItemGetRequest('a/b', {
      sort: 'asc',
      'X-Request-Id': 'r-1',
      ids: [1, 2],
      tags: ['x', 'y'],
      filter: { status: 'open', owner: 'me' },
      'X-Limit': 5,
      session: 's 1',
      theme: 'dark',
    });
    expect(req.method).toBe('GET');
    expect(req.path).toBe('/items/a%2Fb');
    expect(req.query).toEqual([
      ['sort', 'asc'],
      ['ids', '1'],
      ['ids', '2'],
      ['tags', 'x,y'],
      ['filter[status]', 'open'],
      ['filter[owner]', 'me'],
    ]);
    expect(req.headers).toEqual({ 'X-Request-Id': 'r-1', 'X-Limit': '5', Cookie: 'session=s%201; theme=dark' });
  });

  it('omits absent optional params and rejects a missing required one', async () => {
    const { buildItemGetRequest } = await compiled.load<{ buildItemGetRequest: Builder }>('params', 'resources/items.js');
    const req = buildItemGetRequest('1', { sort: 'desc', 'X-Request-Id': 'r' });
    expect(req.query).toEqual([['sort', 'desc']]);
    expect(req.headers).toEqual({ 'X-Request-Id': 'r' });
    expect(() => buildItemGetRequest('1', { sort: 'desc' })).toThrow(/X-Request-Id/);
  });
});

describe('request bodies (bodies.yaml)', () => {
  const load = async (module: string, name: string) => (await compiled.load<Record<string, Builder>>('bodies', `resources/${module}.js`))[name]!;
  const encode = async () => (await compiled.load<{ encodeBody: EncodeBody }>('bodies', 'core/uploads.js')).encodeBody;

  it('flattens a JSON object body into the params and sends it as JSON', async () => {
    expect(declarationOf(bodies.resources, 'JsonCreateParams')).toBe(['export interface JsonCreateParams {', '  name: string;', '  count?: number;', '}'].join('\n'));
    const req = (await load('json', 'buildJsonCreateRequest'))({ name: 'n', count: 2 });
    expect(req.body).toEqual({ type: 'json', value: { name: 'n', count: 2 } });
    expect((await encode())(req.body)).toMatchObject({ body: '{"name":"n","count":2}', contentType: 'application/json' });
  });

  it('passes a JSON array body whole as `body`', async () => {
    expect(declarationOf(bodies.resources, 'TagCreateParams')).toContain('  body: Array<string>;');
    const req = (await load('tags', 'buildTagCreateRequest'))({ body: ['a', 'b'] });
    expect(req.body).toEqual({ type: 'json', value: ['a', 'b'] });
  });

  it('sends application/x-www-form-urlencoded fields form-encoded', async () => {
    expect(declarationOf(bodies.resources, 'FormCreateParams')).toContain(`  grant_type: 'password' | 'client_credentials';`);
    const req = (await load('form', 'buildFormCreateRequest'))({ grant_type: 'password', scope: 'a b' });
    expect(req.body?.type).toBe('form');
    expect((await encode())(req.body)).toMatchObject({ body: 'grant_type=password&scope=a+b', contentType: 'application/x-www-form-urlencoded' });
  });

  it('types a multipart binary field as Uploadable and sends a Blob as a file part', async () => {
    expect(declarationOf(bodies.resources, 'MultipartCreateParams')).toBe(
      ['export interface MultipartCreateParams {', '  /** @format binary */', '  file: Uploadable;', '  caption?: string;', '}'].join('\n'),
    );
    const req = (await load('multipart', 'buildMultipartCreateRequest'))({ file: new Blob(['hello'], { type: 'text/plain' }), caption: 'hi' });
    expect(req.body?.type).toBe('multipart');
    const { body, contentType } = (await encode())(req.body);
    expect(contentType).toBeUndefined(); // fetch sets the boundary
    const form = body as FormData;
    expect(form.get('caption')).toBe('hi');
    const file = form.get('file') as Blob;
    expect(file).toBeInstanceOf(Blob);
    expect(await file.text()).toBe('hello');
  });

  it('takes an application/octet-stream body whole, as an Uploadable, with its content type', async () => {
    expect(declarationOf(bodies.resources, 'BinaryUpdateParams')).toContain('  body: Uploadable;');
    expect(declarationOf(bodies.resources, 'RawUpdateParams')).toContain('  body?: Uploadable;');
    const blob = new Blob([new Uint8Array([1, 2, 3])]);
    const req = (await load('binary', 'buildBinaryUpdateRequest'))({ body: blob });
    expect(req.method).toBe('PUT');
    expect(req.body).toEqual({ type: 'binary', value: blob, contentType: 'application/octet-stream' });
  });
});

describe('responses (responses.yaml)', () => {
  it('returns the lowest 2xx when there are several (200 over 201)', () => {
    expect(responses.resources).toContain('create(options?: RequestOptions): APIPromise<Existing> {');
  });

  it('ignores 4XX and default error schemas for the return type', () => {
    expect(responses.resources).toContain('get(id: string, options?: RequestOptions): APIPromise<Created> {');
    expect(responses.resources).toContain('delete(id: string, options?: RequestOptions): APIPromise<void> {');
    expect(responses.resources).not.toMatch(/export interface Error\b/);
    expect(warnings(responses)).toEqual([]);
  });
});

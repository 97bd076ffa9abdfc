/**
 * A method's `paginated` in the config (Stainless's per-method key): `false` keeps a list result a
 * plain array, a scheme's name pages the method by that scheme, and a name the config lacks or a
 * scheme the operation does not fit is an error at the key.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../generator/config.js';
import { buildIR } from '../../generator/ir/index.js';
import { loadSpec, memoryHost } from '../../generator/load/index.js';

const SPEC_PATH = '/virtual/api.yaml';

const list = (id: string, pageParam: boolean) => `
    get:
      operationId: ${id}
      parameters: [${pageParam ? '{ name: page, in: query, schema: { type: integer } }' : ''}]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  result: { type: array, items: { type: string } }
                  result_info: { type: object, properties: { page: { type: integer } } }`;

const SPEC = `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /paged:${list('paged', true)}
  /flat:${list('flat', false)}
`;

const SCHEME = 'pagination:\n  - { name: pages, type: page_number, request: { page: page }, response: { info: result_info } }\n';

function build(methods: string) {
  const text = `envelope: { result: result }\n${SCHEME}resources:\n  things:\n    methods:\n${methods}`;
  const loaded = loadSpec(SPEC_PATH, { host: memoryHost({ [SPEC_PATH]: SPEC }), cwd: '/virtual' });
  const parsed = parseConfig(text, '/virtual/lathe.config.yaml', 'lathe.config.yaml', '/virtual');
  expect(parsed.diagnostics).toEqual([]);
  const { ir, diagnostics } = buildIR(loaded.spec!, parsed.config!);
  const pages = Object.fromEntries(ir.resources[0]!.operations.map((op) => [op.methodName, op.returns.pagination ?? 'none']));
  return { pages, errors: diagnostics.filter((d) => d.severity === 'error') };
}

describe('a method\'s `paginated`', () => {
  it('by default, a list result is paged by the scheme it fits, else a single page', () => {
    expect(build('      paged: get /paged\n      flat: get /flat\n').pages).toEqual({ paged: 'v4page', flat: 'single' });
  });

  it('`false` returns the plain list', () => {
    const { pages, errors } = build('      paged: { endpoint: get /paged, paginated: false }\n      flat: { endpoint: get /flat, paginated: false }\n');
    expect(errors).toEqual([]);
    expect(pages).toEqual({ paged: 'none', flat: 'none' });
  });

  it('a scheme name pages by it; an unknown name or a scheme that does not fit is an error at the key', () => {
    const { pages, errors } = build('      paged: { endpoint: get /paged, paginated: pages }\n      flat: { endpoint: get /flat, paginated: pages }\n      other: { endpoint: get /paged, paginated: cursor }\n');
    expect(pages['paged']).toBe('v4page');
    expect(errors.map((d) => [d.loc?.pointer, d.message])).toEqual([
      ['#/resources/things/methods/flat/paginated', expect.stringMatching(/^pagination scheme 'pages' needs a 'page' query param and a 'result_info' response field, which GET \/flat does not have$/)],
      ['#/resources/things/methods/other/paginated', expect.stringMatching(/^'cursor' is not a `pagination` scheme of the config \(its schemes: 'pages'\)$/)],
    ]);
  });

  it('a wrong type is a config error', () => {
    const parsed = parseConfig('resources:\n  things:\n    methods:\n      a: { endpoint: get /paged, paginated: 3 }\n', '/v/l.yaml', 'l.yaml', '/v');
    expect(parsed.diagnostics.map((d) => [d.loc?.pointer, d.line])).toEqual([['#/resources/things/methods/a/paginated', 4]]);
  });
});

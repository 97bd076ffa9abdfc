/**
 * What used to be Cloudflare's, hard-wired, now comes from the config: the page-number pagination
 * scheme and the extension that lists an operation's permissions.
 */
import { describe, expect, it } from 'vitest';
import { emptyConfig, parseConfig } from '../../generator/config.js';
import { buildIR } from '../../generator/ir/index.js';
import type { IROperation } from '../../generator/ir/types.js';
import { loadSpec, memoryHost } from '../../generator/load/index.js';

const SPEC_PATH = '/virtual/api.yaml';

/** One list operation: an envelope with `info` around an array, a `page` query param, permissions under two extensions. */
const SPEC = `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /things:
    get:
      operationId: listThings
      x-api-token-group: [Things Read]
      x-permissions: [things:read]
      parameters:
        - { name: page, in: query, schema: { type: integer } }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  result: { type: array, items: { type: string } }
                  result_info: { type: object, properties: { page: { type: integer } } }
`;

function operation(configText?: string): IROperation {
  const loaded = loadSpec(SPEC_PATH, { host: memoryHost({ [SPEC_PATH]: SPEC }), cwd: '/virtual' });
  const config = configText ? parseConfig(configText, '/virtual/lathe.config.yaml', 'lathe.config.yaml', '/virtual').config! : emptyConfig('/virtual');
  const { ir } = buildIR(loaded.spec!, config);
  return ir.resources[0]!.operations[0]!;
}

const ENVELOPE = 'envelope: { result: result }\n';
const SCHEME = 'pagination:\n  - { name: v4_page_pagination, type: page_number, request: { page: page }, response: { info: result_info } }\n';

describe('pagination from the config', () => {
  it('without a scheme, an array result is a single page, whatever its envelope holds', () => {
    expect(operation(ENVELOPE).returns.pagination).toBe('single');
  });

  it("with a page_number scheme, the envelope's info field and the page param make it paged", () => {
    expect(operation(ENVELOPE + SCHEME).returns.pagination).toBe('v4page');
  });

  it('an operation without the scheme\'s page param stays a single page', () => {
    const other = SPEC.replace('- { name: page, in: query', '- { name: cursor, in: query');
    const loaded = loadSpec(SPEC_PATH, { host: memoryHost({ [SPEC_PATH]: other }), cwd: '/virtual' });
    const config = parseConfig(ENVELOPE + SCHEME, '/virtual/lathe.config.yaml', 'lathe.config.yaml', '/virtual').config!;
    expect(buildIR(loaded.spec!, config).ir.resources[0]!.operations[0]!.returns.pagination).toBe('single');
  });

  it('refuses what the runtime cannot page, at the line of the config', () => {
    const bad = `${ENVELOPE}pagination:\n  - name: cursor\n    type: cursor\n    request: { page: pageNo }\n    response: { info: meta }\n`;
    const r = parseConfig(bad, '/virtual/lathe.config.yaml', 'lathe.config.yaml', '/virtual');
    expect(r.config).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [4, "`type` must be 'page_number' (the only paged scheme lathe's runtime has)"],
      [5, "lathe's runtime pages with the query parameter 'page' only"],
      [6, "lathe's runtime reads the page info from 'result_info' only"],
    ]);
  });
});

describe('permissions from the config', () => {
  it('come from no extension unless the config names one', () => {
    expect(operation().permissions).toEqual([]);
  });

  it('come from the extension the config names', () => {
    expect(operation('docs: { permissionsExtension: x-api-token-group }\n').permissions).toEqual(['Things Read']);
    expect(operation('docs: { permissionsExtension: x-permissions }\n').permissions).toEqual(['things:read']);
  });

  it('must be a specification extension', () => {
    const r = parseConfig('docs: { permissionsExtension: tags }\n', '/virtual/lathe.config.yaml', 'lathe.config.yaml', '/virtual');
    expect(r.diagnostics.map((d) => d.message)).toEqual(['`permissionsExtension` must name a specification extension (`x-...`)']);
  });
});

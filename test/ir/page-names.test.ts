/**
 * Stainless's names for a paged method's types: the item is `<Resource><Method>Response` unless a
 * config model names it, and the page class is the item's plural before the page kind.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../generator/config.js';
import { buildIR } from '../../generator/ir/index.js';
import { plural } from '../../generator/ir/page-names.js';
import { loadSpec, memoryHost } from '../../generator/load/index.js';

const SPEC_PATH = '/virtual/api.yaml';

const list = (id: string, items: string) => `
    get:
      operationId: ${id}
      parameters: [{ name: page, in: query, schema: { type: integer } }]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  result: { type: array, items: ${items} }
                  result_info: { type: object, properties: { page: { type: integer } } }`;

const SPEC = `openapi: 3.0.3
info: { title: t, version: '1' }
components:
  schemas:
    Thing: { type: object, properties: { id: { type: string } } }
    Other: { type: object, properties: { id: { type: string } } }
paths:
  /things:${list('listThings', "{ $ref: '#/components/schemas/Thing' }")}
  /things/recent:${list('recentThings', "{ $ref: '#/components/schemas/Thing' }")}
  /things/names:${list('thingNames', '{ type: string }')}
  /things/others:${list('otherThings', "{ $ref: '#/components/schemas/Other' }")}
`;

const CONFIG = `envelope: { result: result }
resources:
  things:
    models: { thing: '#/components/schemas/Thing' }
    methods:
      list: get /things
      recent: get /things/recent
      names: get /things/names
      others: get /things/others
`;

function returns(config: string) {
  const loaded = loadSpec(SPEC_PATH, { host: memoryHost({ [SPEC_PATH]: SPEC }), cwd: '/virtual' });
  const parsed = parseConfig(config, '/virtual/lathe.config.yaml', 'lathe.config.yaml', '/virtual');
  expect(parsed.diagnostics).toEqual([]);
  const ops = buildIR(loaded.spec!, parsed.config!).ir.resources[0]!.operations;
  return Object.fromEntries(ops.map((op) => [op.methodName, { page: op.returns.pageClass, item: op.returns.itemTypeName }]));
}

describe('page and item names', () => {
  it('names pages after config models, and items no model names after the method', () => {
    expect(returns(CONFIG)).toEqual({
      // Two methods over one model share one page class.
      list: { page: 'ThingsSinglePage', item: undefined },
      recent: { page: 'ThingsSinglePage', item: undefined },
      names: { page: 'ThingNamesResponsesSinglePage', item: 'ThingNamesResponse' },
      others: { page: 'ThingOthersResponsesSinglePage', item: 'ThingOthersResponse' },
    });
  });

  it('uses Stainless\'s page-number class for the config\'s page_number scheme', () => {
    const scheme = 'pagination:\n  - { name: v4_page_pagination, type: page_number, request: { page: page }, response: { info: result_info } }\n';
    expect(returns(CONFIG + scheme)['list']).toEqual({ page: 'ThingsV4PagePaginationArray', item: undefined });
  });

  it('pluralizes the last word', () => {
    expect(['Message', 'ListItem', 'Priority', 'Key', 'Address', 'Box', 'Match'].map(plural)).toEqual([
      'Messages', 'ListItems', 'Priorities', 'Keys', 'Addresses', 'Boxes', 'Matches',
    ]);
  });
});

describe('resource properties from a config', () => {
  it('keep a key as Stainless spells it unless it is snake_case', () => {
    const spec = `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /rays/{id}: { get: { operationId: getRay, parameters: [{ name: id, in: path, required: true, schema: { type: string } }], responses: { '200': { description: ok } } } }
  /a/b: { get: { operationId: getAB, responses: { '200': { description: ok } } } }
`;
    const config = 'resources:\n  logs:\n    subresources:\n      RayID:\n        methods: { get: "get /rays/{id}" }\n  cloudforce_one:\n    methods: { get: get /a/b }\n';
    const loaded = loadSpec(SPEC_PATH, { host: memoryHost({ [SPEC_PATH]: spec }), cwd: '/virtual' });
    const parsed = parseConfig(config, '/virtual/lathe.config.yaml', 'lathe.config.yaml', '/virtual');
    expect(parsed.diagnostics).toEqual([]);
    const { resources } = buildIR(loaded.spec!, parsed.config!).ir;
    expect(resources.map((r) => r.propertyName)).toEqual(['logs', 'cloudforceOne']);
    expect(resources[0]!.children.map((r) => r.propertyName)).toEqual(['RayID']);
  });
});

/**
 * A method's `positional` in the config (Stainless's `positional_params`): which path parameter is
 * the positional argument, or none, instead of the last one not in `positional.exclude`; a name
 * that is not a path parameter of the operation is an error at the key.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../generator/config.js';
import { buildIR } from '../../generator/ir/index.js';
import { loadSpec, memoryHost } from '../../generator/load/index.js';

const SPEC_PATH = '/virtual/api.yaml';
const SPEC = `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /accounts/{account_id}/things/{thing_id}:
    get:
      operationId: getThing
      parameters:
        - { name: account_id, in: path, required: true, schema: { type: string } }
        - { name: thing_id, in: path, required: true, schema: { type: string } }
      responses: { '204': { description: done } }
`;

function build(method: string) {
  const text = `positional: { exclude: [account_id] }\nresources:\n  things:\n    methods:\n      get: ${method}\n`;
  const loaded = loadSpec(SPEC_PATH, { host: memoryHost({ [SPEC_PATH]: SPEC }), cwd: '/virtual' });
  const parsed = parseConfig(text, '/virtual/lathe.config.yaml', 'lathe.config.yaml', '/virtual');
  expect(parsed.diagnostics).toEqual([]);
  const { ir, diagnostics } = buildIR(loaded.spec!, parsed.config!);
  const op = ir.resources[0]!.operations[0]!;
  return { positional: op.positional?.param.name ?? null, fields: op.fields.map((f) => f.name), errors: diagnostics.filter((d) => d.severity === 'error') };
}

describe("a method's `positional`", () => {
  it('by default, the last path parameter not excluded is positional', () => {
    expect(build('get /accounts/{account_id}/things/{thing_id}')).toMatchObject({ positional: 'thing_id', fields: ['account_id'] });
  });

  it('names the positional path parameter, excluded or not, or none', () => {
    expect(build('{ endpoint: "get /accounts/{account_id}/things/{thing_id}", positional: [account_id] }')).toMatchObject({
      positional: 'account_id',
      fields: ['thing_id'],
      errors: [],
    });
    expect(build('{ endpoint: "get /accounts/{account_id}/things/{thing_id}", positional: [] }')).toMatchObject({
      positional: null,
      fields: ['account_id', 'thing_id'],
    });
  });

  it('is an error at the key when it names no path parameter of the operation', () => {
    const { errors } = build('{ endpoint: "get /accounts/{account_id}/things/{thing_id}", positional: [id] }');
    expect(errors.map((d) => [d.loc?.pointer, d.message])).toEqual([
      ['#/resources/things/methods/get/positional', "'id' is not a path parameter of 'get /accounts/{account_id}/things/{thing_id}' (it has: account_id, thing_id)"],
    ]);
  });

  it('is a list of at most one name', () => {
    const parsed = parseConfig('resources:\n  t:\n    methods:\n      get: { endpoint: "get /a/{b}", positional: [b, c] }\n', '/v/lathe.config.yaml', 'lathe.config.yaml', '/v');
    expect(parsed.diagnostics.map((d) => [d.loc?.pointer, d.line, d.message])).toEqual([
      ['#/resources/t/methods/get/positional', 4, '`positional` must be a list of at most one path parameter name (`[]`: none)'],
    ]);
  });
});

/**
 * Config `auth.<scheme>.alsoFor`: a scheme the spec leaves off is added as one more alternative to
 * the operations the rule picks (by extension or by glob), and only to those.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../generator/config.js';
import { buildIR } from '../../generator/ir/index.js';
import type { IROperation } from '../../generator/ir/types.js';
import { loadSpec, memoryHost } from '../../generator/load/index.js';

const SPEC_PATH = '/virtual/api.yaml';

const SPEC = `openapi: 3.0.3
info: { title: t, version: '1' }
security: [{ key: [] }]
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
    token: { type: http, scheme: bearer }
paths:
  /tokened:
    get:
      operationId: tokened
      x-api-token-group: [Things Read]
      responses: { '200': { description: ok } }
  /untokened:
    get:
      operationId: untokened
      x-api-token-group: []
      responses: { '200': { description: ok } }
  /own:
    post:
      operationId: ownSecurity
      security: [{ key: [] }, { token: [] }]
      x-api-token-group: [Things Write]
      responses: { '200': { description: ok } }
  /public:
    get:
      operationId: publicThing
      security: []
      x-api-token-group: [Things Read]
      responses: { '200': { description: ok } }
  /admin/users:
    delete:
      operationId: deleteUsers
      responses: { '200': { description: ok } }
`;

function build(auth: string) {
  const loaded = loadSpec(SPEC_PATH, { host: memoryHost({ [SPEC_PATH]: SPEC }), cwd: '/virtual' });
  const parsed = parseConfig(`auth:\n${auth}`, '/virtual/lathe.config.yaml', 'lathe.config.yaml', '/virtual');
  expect(parsed.diagnostics).toEqual([]);
  const { ir, diagnostics } = buildIR(loaded.spec!, parsed.config!);
  const ops = new Map<string, IROperation>();
  const walk = (r: (typeof ir.resources)[number]): void => {
    for (const op of r.operations) ops.set(op.id, op);
    r.children.forEach(walk);
  };
  ir.resources.forEach(walk);
  return { ops, diagnostics };
}

describe('auth alsoFor', () => {
  it('adds the scheme after the declared alternatives of operations carrying the extension', () => {
    const { ops, diagnostics } = build('  token:\n    alsoFor: { extension: x-api-token-group }\n');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(ops.get('tokened')!.security).toEqual([['key'], ['token']]);
    // An empty list is no permission at all; no extension, no widening: the declared check stays.
    expect(ops.get('untokened')!.security).toBeUndefined();
    expect(ops.get('deleteUsers')!.security).toBeUndefined();
    // Already an alternative: not added twice. Public operations stay public.
    expect(ops.get('ownSecurity')!.security).toEqual([['key'], ['token']]);
    expect(ops.get('publicThing')!.security).toEqual([]);
  });

  it('matches operationIds and `VERB /path` globs', () => {
    const { ops } = build("  token:\n    alsoFor:\n      operations: ['untok*', 'DELETE /admin/*']\n");
    expect(ops.get('untokened')!.security).toEqual([['key'], ['token']]);
    expect(ops.get('deleteUsers')!.security).toEqual([['key'], ['token']]);
    expect(ops.get('tokened')!.security).toBeUndefined();
  });

  it('reports a rule for a scheme the spec does not define, at its place in the config', () => {
    const { diagnostics } = build('  tokn:\n    alsoFor: { extension: x-api-token-group }\n');
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        message: "'alsoFor' is set for 'tokn', which is not a security scheme of the spec",
        loc: { file: '/virtual/lathe.config.yaml', pointer: '#/auth/tokn/alsoFor' },
      }),
    );
  });
});

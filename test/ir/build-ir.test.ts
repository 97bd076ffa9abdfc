import { describe, expect, it } from 'vitest';
import { emptyConfig, parseConfig } from '../../generator/config.js';
import { buildIR } from '../../generator/ir/index.js';
import { generate } from '../../generator/index.js';
import type { IR, IROperation } from '../../generator/ir/types.js';
import { loadSpec, memoryHost } from '../../generator/load/index.js';
import { read } from '../helpers.js';

const SPEC_PATH = '/virtual/spec/api.yaml';

function irOf(specText: string, configText?: string): IR {
  const loaded = loadSpec(SPEC_PATH, { host: memoryHost({ [SPEC_PATH]: specText }), cwd: '/virtual' });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const config = configText ? parseConfig(configText, '/virtual/lathe.config.yaml', 'lathe.config.yaml', '/virtual').config! : emptyConfig('/virtual');
  const { ir, diagnostics } = buildIR(loaded.spec!, config);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return ir;
}

function onlyOperation(ir: IR): IROperation {
  const ops: IROperation[] = [];
  const walk = (r: IR['resources'][number]) => {
    ops.push(...r.operations);
    r.children.forEach(walk);
  };
  ir.resources.forEach(walk);
  expect(ops).toHaveLength(1);
  return ops[0]!;
}

describe('IR of the message-create fragment with the project config', () => {
  const ir = irOf(read('spec/cloudforce-one-message-create.yaml'), read('lathe.config.yaml'));
  const op = onlyOperation(ir);

  it('places the operation at the configured resource path and method name', () => {
    expect(ir.resources.map((r) => r.keys)).toEqual([['cloudforce_one']]);
    const message = ir.resources[0]!.children[0]!.children[0]!;
    expect(message.keys).toEqual(['cloudforce_one', 'requests', 'message']);
    expect(message.propertyName).toBe('message');
    expect(message.className).toBe('MessageResource');
    expect(op.methodName).toBe('create');
  });

  it('makes the last non-excluded path param positional, camelCased', () => {
    expect(op.positional?.tsName).toBe('requestId');
    expect(op.positional?.param.name).toBe('request_id');
  });

  it('flattens path and body fields into one params object, path first', () => {
    expect(op.paramsType).toBe('MessageCreateParams');
    expect(op.fields.map((f) => [f.name, f.origin, f.required])).toEqual([
      ['account_id', 'path', true],
      ['content', 'body', false],
    ]);
    expect(op.fields[0]!.description).toBe('Identifier.');
    expect(op.fields[0]!.schema.docs.constraints?.maxLength).toBe(32);
  });

  it('unwraps the envelope result into the configured model', () => {
    expect(op.returns.unwrap).toBe('result');
    expect(op.returns.schema?.kind).toBe('ref');
    const model = op.returns.schema?.kind === 'ref' ? ir.models.get(op.returns.schema.model) : undefined;
    expect(model?.name).toBe('Message');
    expect(model?.module).toBe('resources/cloudforce-one/requests/message');
  });

  it('keeps the operation security, permissions and the base URL', () => {
    expect(op.security).toEqual([['api_email', 'api_key']]);
    expect(op.permissions).toEqual(['Cloudforce One Write']);
    expect(ir.baseURL).toBe('https://api.cloudflare.com/client/v4');
    expect(ir.securitySchemes.map((s) => [s.key, s.option, s.env])).toContainEqual(['api_email', 'apiEmail', 'CLOUDFLARE_EMAIL']);
  });
});

describe('IR with no config', () => {
  it('infers a resource and a method name from tags and verbs', () => {
    const ir = irOf(`
openapi: 3.0.3
info: { title: Pets, version: '1' }
paths:
  /pets:
    get: { operationId: listPets, tags: [pets], responses: { '200': { description: ok } } }
    post: { operationId: createPet, tags: [pets], responses: { '201': { description: ok } } }
  /pets/{petId}:
    get:
      operationId: showPet
      tags: [pets]
      parameters: [{ name: petId, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
`);
    const pets = ir.resources.find((r) => r.propertyName === 'pets')!;
    expect(pets.operations.map((o) => o.methodName).sort()).toEqual(['create', 'get', 'list']);
    expect(pets.operations.find((o) => o.methodName === 'get')!.positional?.tsName).toBe('petId');
    expect(ir.client.className).toBe('Client');
  });
});

describe('responses other than the one a method returns', () => {
  const spec = (errorSchema: string) => `openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /things:
    get:
      operationId: listThings
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
        4XX:
          description: failure
          content:
            application/json:
              schema: ${errorSchema}
components:
  schemas:
    Thing: {type: object, properties: {id: {type: string}}}
    Failure: {type: object, properties: {result: {type: string}}}
`;

  it('are not converted: no model for a schema only an error uses, no warning about it', () => {
    const conflicting = `{allOf: [{$ref: '#/components/schemas/Failure'}, {type: object, properties: {result: {type: integer}}}]}`;
    const loaded = loadSpec(SPEC_PATH, { host: memoryHost({ [SPEC_PATH]: spec(conflicting) }), cwd: '/virtual' });
    expect(loaded.diagnostics).toEqual([]);
    const { ir, diagnostics } = buildIR(loaded.spec!, emptyConfig('/virtual'));
    expect(diagnostics).toEqual([]);
    expect([...ir.models.values()].map((m) => m.name)).toEqual(['Thing']);
    expect(onlyOperation(ir).returns.schema).toMatchObject({ kind: 'ref', model: `${SPEC_PATH}#/components/schemas/Thing` });
  });
});

describe('allOf members that give one property two schemas', () => {
  const warningsFor = (envelopeResult: string) => {
    const text = `openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                allOf:
                  - {$ref: '#/components/schemas/Envelope'}
                  - {type: object, properties: {result: {$ref: '#/components/schemas/Thing'}}}
components:
  schemas:
    Envelope: {type: object, properties: {success: {type: boolean}, result: ${envelopeResult}}}
    Thing: {type: object, properties: {id: {type: string}}}
`;
    const loaded = loadSpec(SPEC_PATH, { host: memoryHost({ [SPEC_PATH]: text }), cwd: '/virtual' });
    expect(loaded.diagnostics).toEqual([]);
    const { ir, diagnostics } = buildIR(loaded.spec!, emptyConfig('/virtual'));
    const result = [...ir.models.values()].find((m) => m.name === 'Thing');
    expect(result).toBeDefined();
    return diagnostics.map((d) => d.message);
  };

  it('say nothing when the later one is one of the alternatives the earlier allows (it narrows them)', () => {
    expect(warningsFor('{anyOf: [{type: object}, {type: array, items: {}}]}')).toEqual([]);
    // Nullable alternatives are unions of their own.
    expect(warningsFor('{anyOf: [{type: object, nullable: true}, {type: string, nullable: true}]}')).toEqual([]);
  });

  it('warn when they disagree, and the later one wins', () => {
    expect(warningsFor('{type: array, items: {}, nullable: true}')).toEqual([
      "allOf members disagree on property 'result' (union vs ref); the later one wins",
    ]);
    expect(warningsFor('{anyOf: [{type: string}, {type: array, items: {}}]}')).toEqual([
      "allOf members disagree on property 'result' (union vs ref); the later one wins",
    ]);
  });
});

describe('security schemes', () => {
  it('a scheme given by `$ref` is the scheme it refers to; one without a `type`, or of a type OpenAPI does not define, is warned about, not dropped silently', async () => {
    const spec = `openapi: 3.0.3
info: { title: Auth, version: '1' }
components:
  securitySchemes:
    token: { $ref: '#/components/securitySchemes/shared' }
    shared: { type: http, scheme: bearer }
    typeless: { scheme: bearer }
    lowercase: { type: apikey, in: header, name: x-key }
security: [{ token: [] }]
paths:
  /a:
    get: { tags: [a], responses: { '200': { description: ok } } }
`;
    const { files, diagnostics } = await generate({ spec, specPath: 'api.yaml' });
    expect(diagnostics.filter((d) => /security scheme/.test(d.message)).map((d) => [d.severity, d.loc?.pointer, d.line])).toEqual([
      ['warning', '#/components/securitySchemes/typeless', 7],
      ['warning', '#/components/securitySchemes/lowercase/type', 8],
    ]);
    const client = files.find((f) => f.path === 'src/client.ts')!.content;
    expect(client).toContain(`token: { type: 'http', scheme: 'bearer' }`);
    expect(client).toMatch(/\btoken\?: string/);
  });

  it("a `scheme` that is no auth scheme name is warned about at its place, and the credential goes as a bearer token (it crashed the client's emit)", async () => {
    const spec = `openapi: 3.0.3
info: { title: Auth, version: '1' }
components:
  securitySchemes:
    empty: { type: http, scheme: '' }
    spaced: { type: http, scheme: 'my scheme' }
    numbered: { type: http, scheme: 7 }
    basic: { type: http, scheme: Basic }
security: [{ empty: [] }]
paths:
  /a:
    get: { tags: [a], responses: { '200': { description: ok } } }
`;
    const { files, diagnostics } = await generate({ spec, specPath: 'api.yaml' });
    const warnings = diagnostics.filter((d) => /security scheme/.test(d.message));
    expect(warnings.map((d) => [d.severity, d.loc?.pointer, d.line])).toEqual([
      ['warning', '#/components/securitySchemes/empty/scheme', 5],
      ['warning', '#/components/securitySchemes/spaced/scheme', 6],
      ['warning', '#/components/securitySchemes/numbered/scheme', 7],
    ]);
    const client = files.find((f) => f.path === 'src/client.ts')!.content;
    expect(client).toContain(`empty: { type: 'http', scheme: 'bearer' }`);
    expect(client).toContain(`spaced: { type: 'http', scheme: 'bearer' }`);
    expect(client).toContain(`basic: { type: 'http', scheme: 'basic' }`);
  });

  it("a mutualTLS scheme asks nothing of the client (the certificate is the transport's): an operation that needs only it is sent, not refused for want of credentials", async () => {
    const spec = `openapi: 3.1.0
info: { title: Auth, version: '1' }
components:
  securitySchemes:
    mtls: { type: mutualTLS }
    key: { type: apiKey, in: header, name: x-key }
security: [{ mtls: [] }]
paths:
  /a:
    get: { tags: [a], responses: { '200': { description: ok } } }
    post: { tags: [a], security: [{ mtls: [], key: [] }], responses: { '200': { description: ok } } }
`;
    const { files } = await generate({ spec, specPath: 'api.yaml' });
    const client = files.find((f) => f.path === 'src/client.ts')!.content;
    expect(client).toContain('defaultSecurity: [[]]');
    const resource = files.find((f) => f.path === 'src/resources/a.ts')!.content;
    expect(resource).toContain(`{ id: 'post /a', security: [['key']] }`);
    // The docs offer no client option for it (the examples would not compile), and say where the certificate goes.
    const text = (path: string) => files.find((f) => f.path === path)!.content;
    for (const path of ['README.md', 'docs/a/list.md', 'docs/a/create.md']) {
      expect(text(path), path).not.toMatch(/mtls:|CLIENT_MTLS/);
      expect(text(path), path).toMatch(/certificate[^\n]*`fetch`/);
    }
    expect(text('docs/a/create.md')).toContain(`key: process.env['CLIENT_KEY']`);
  });

  it('a security requirement naming a scheme the document does not define is warned about at its place (the call could never be sent)', async () => {
    const spec = `openapi: 3.0.3
info: { title: Auth, version: '1' }
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: x-key }
security: [{ nope: [] }, { key: [] }]
paths:
  /a:
    get: { tags: [a], security: [{ key: [], missing: [] }], responses: { '200': { description: ok } } }
`;
    const { diagnostics } = await generate({ spec, specPath: 'api.yaml' });
    expect(diagnostics.filter((d) => /security/.test(d.message)).map((d) => [d.severity, d.loc?.pointer, d.line])).toEqual([
      ['warning', '#/security/0/nope', 6],
      ['warning', '#/paths/~1a/get/security/0/missing', 9],
    ]);
  });
});

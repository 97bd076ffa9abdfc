/**
 * The request-side classes that broke calls written for Stainless-generated SDKs (issue 18, item 5),
 * each on a minimal operation of stainless-requests.yaml: the emitted types are compiled with
 * type-level checks (`check.ts`) and the emitted builders are called.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileAll, declarationOf, generateFixture, type Builder, type Compiled, type Generated } from './harness.js';

let generated: Generated;
let strict: Generated;
let compiled: Compiled;

const CHECK = `
import type { AnythingCreateParams } from './resources/anything.js';
export const noBody: AnythingCreateParams = {};
export const someBody: AnythingCreateParams = { body: { any: 'thing' } };

import type { RuleCreateParams, RuleUpdateParams } from './resources/accounts/lists/rules.js';
export const ipRule: RuleCreateParams = { account_id: 'a', ip: '10.0.0.1', mode: 'block', dry_run: true };
export const asnRule: RuleCreateParams.Variant1 = { account_id: 'a', asn: 13335, config: { note: 'n' } };
// @ts-expect-error every variant has the path params
export const noAccount: RuleCreateParams = { ip: '10.0.0.1' };
// @ts-expect-error a variant's required body field
export const neither: RuleCreateParams = { account_id: 'a', mode: 'block' };
export const scalar: RuleUpdateParams = { account_id: 'a', body: 'text' };

import type { EventListParams } from './resources/events.js';
export const dotted: EventListParams = { action: { id: 1, type: 't', actor: { name: 'n' } }, limit: 2 };
// @ts-expect-error action.id is required
export const noId: EventListParams = { action: { type: 't' } };

import type { UploadCreateParams, UploadUpdateParams } from './resources/uploads.js';
async function* bytes() {
  yield new Uint8Array([1]);
}
export const files: UploadCreateParams[] = [
  { file: new File(['x'], 'x.txt') },
  { file: new Response('x') },
  { file: new Blob(['x']).stream(), extra: [bytes(), 'text', new Uint8Array([2])] },
];
export const bodies: UploadUpdateParams[] = [{ body: 'text' }, { body: new Response('x') }, { body: bytes() }, { body: new ArrayBuffer(1) }];
// @ts-expect-error not bytes
export const notBytes: UploadUpdateParams = { body: 42 };

import type { RouteCreateParams } from './resources/accounts/routes.js';
export const route: RouteCreateParams = { network: '10.0.0.0/8', tunnel_id: 't' };
export const routeWithout: RouteCreateParams = { network: '10.0.0.0/8' };
// @ts-expect-error an optional readOnly property is not sent (OpenAPI's rule)
export const routeCreated: RouteCreateParams = { network: 'n', created_at: 'now' };
`;

beforeAll(async () => {
  [generated, strict] = await Promise.all([
    generateFixture('stainless-requests.yaml'),
    generateFixture('stainless-requests.yaml', undefined, { validation: 'strict' }),
  ]);
  compiled = await compileAll({ requests: { generated, extra: { 'check.ts': CHECK } }, strict: { generated: strict } });
}, 120_000);

const builder = async (module: string, name: string, pkg = 'requests') =>
  (await compiled.load<Record<string, Builder>>(pkg, `resources/${module}.js`))[name]!;

describe('a required body with no schema', () => {
  it('is an optional `body` param; without it `{}` is sent, since the spec requires a body', async () => {
    expect(declarationOf(generated.resources, 'AnythingCreateParams')).toContain('  body?: unknown;');
    expect(generated.resources).toContain('create(params: AnythingCreateParams = {}, options?: RequestOptions)');
    const build = await builder('anything', 'buildAnythingCreateRequest');
    const none = build({}).body;
    expect(none?.value).toEqual({});
    const { encodeBody } = await compiled.load<{ encodeBody: (b: unknown) => { body: unknown; contentType?: string } }>('requests', 'core/uploads.js');
    expect(encodeBody(none)).toMatchObject({ body: '{}', contentType: 'application/json' });
    expect(build({ body: { a: 1 } }).body).toEqual({ type: 'json', value: { a: 1 } });
  });
});

describe('a union of object bodies', () => {
  it('is one params variant per member, each with the path and query params', () => {
    expect(declarationOf(generated.resources, 'RuleCreateParams', 'type').replace(/\s+/g, ' ')).toBe(
      'export type RuleCreateParams = RuleCreateParams.Variant0 | RuleCreateParams.Variant1;',
    );
    const ns = declarationOf(generated.resources, 'RuleCreateParams', 'namespace');
    expect(ns).toMatch(/export interface Variant0 \{\n(.*\n)*?\s+account_id: string;\n(.*\n)*?\s+ip: string;/);
    expect(ns).toContain('config?: RuleCreateParams.Variant1.Config;');
    expect(ns).toContain('dry_run?: boolean;');
  });

  it('sends the members\' fields as the body, the params elsewhere', async () => {
    const build = await builder('accounts/lists/rules', 'buildRuleCreateRequest');
    const req = build('l1', { account_id: 'a', asn: 13335, dry_run: true });
    expect(req.path).toBe('/accounts/a/lists/l1/rules');
    expect(req.query).toEqual([['dry_run', 'true']]);
    expect(req.body).toEqual({ type: 'json', value: { asn: 13335 } });
    expect(build('l1', { account_id: 'a', ip: '10.0.0.1' }).body?.value).toEqual({ ip: '10.0.0.1' });
  });

  it('keeps a union with a non-object member whole, as `body`', () => {
    expect(declarationOf(generated.resources, 'RuleUpdateParams')).toContain('  body: string | IpRule;');
  });
});

describe('dotted query names', () => {
  it('nest in the params type', () => {
    const decl = declarationOf(generated.resources, 'EventListParams');
    expect(decl).toContain('  action: EventListParams.Action;');
    expect(decl).not.toContain("'action.type'");
    const ns = declarationOf(generated.resources, 'EventListParams', 'namespace');
    expect(ns).toContain('id: number;');
    expect(ns).toContain('type?: string;');
    expect(ns).toContain('The kind of action.');
    expect(ns).toContain('actor?: EventListParams.Action.Actor;');
  });

  it('go back on the wire under their dotted names', async () => {
    const build = await builder('events', 'buildEventListRequest');
    expect(build({ action: { id: 1, type: 't', actor: { name: 'n' } }, limit: 2 }).query).toEqual([
      ['action.type', 't'],
      ['action.id', '1'],
      ['action.actor.name', 'n'],
      ['limit', '2'],
    ]);
    expect(build({ action: { id: 1 } }).query).toEqual([['action.id', '1']]);
  });
});

describe('the Accept header', () => {
  it('names the media types the success responses declare, not only JSON', () => {
    expect(generated.resources).toContain("accept: 'application/octet-stream, text/plain'");
    // JSON-only operations keep the client's default.
    expect(generated.resources).not.toMatch(/accept: 'application\/json'/);
  });
});

describe('pattern and length checks', () => {
  it('are skipped by default: a value the spec\'s pattern or lengths reject is sent', async () => {
    const build = await builder('zones/hosts', 'buildHostGetRequest');
    expect(build('ab', { zone_id: 'NOT-HEX-AND-LONGER-THAN-THIRTY-TWO-CHARS', view: 'other' }).path).toBe(
      '/zones/NOT-HEX-AND-LONGER-THAN-THIRTY-TWO-CHARS/hosts/ab',
    );
  });

  it('still refuse what would change the route, and missing required params', async () => {
    const build = await builder('zones/hosts', 'buildHostGetRequest');
    expect(() => build('..', { zone_id: 'z' })).toThrow(/must not make a path segment/);
    expect(() => build('h', {})).toThrow(/Missing required parameter 'zone_id'/);
  });

  it('are made with `validation: strict`', async () => {
    const build = await builder('zones/hosts', 'buildHostGetRequest', 'strict');
    expect(() => build('abc', { zone_id: 'NOT-HEX' })).toThrow(/must match/);
    expect(() => build('abc', { zone_id: 'a'.repeat(33) })).toThrow(/at most 32/);
    expect(() => build('ab', { zone_id: 'abc' })).toThrow(/at least 3/);
    expect(build('abc', { zone_id: 'abc' }).path).toBe('/zones/abc/hosts/abc');
  });
});

describe('binary bodies and multipart files', () => {
  it('are typed Uploadable (checked in check.ts) and imported with the other core types', () => {
    expect(declarationOf(generated.resources, 'UploadCreateParams')).toContain('  file: Uploadable;');
    expect(declarationOf(generated.resources, 'UploadUpdateParams')).toContain('  body: Uploadable;');
    expect(generated.file('src/resources/uploads.ts')).toMatch(/import type \{[^}]*\bUploadable\b[^}]*\} from '\.\.\/core\/types\.js';/);
  });
});

describe('an optional body property whose type is readOnly (through a $ref)', () => {
  it('is left out of the params, as Stainless leaves out Cloudflare subscriptions\' readOnly currency and price', () => {
    const decl = declarationOf(generated.resources, 'RouteEditParams');
    expect(decl).toContain('  network?: string;');
    expect(decl).not.toContain('tunnel_id');
  });
});

describe('a required readOnly body property', () => {
  it('can be sent: it stays in the params, optional, and goes in the body', async () => {
    const decl = declarationOf(generated.resources, 'RouteCreateParams');
    expect(decl).toContain('  tunnel_id?: string;');
    expect(decl).not.toContain('created_at');
    // The response keeps it as the spec says.
    expect(declarationOf(generated.resources, 'Route')).toContain('  tunnel_id: string;');
    const build = await builder('accounts/routes', 'buildRouteCreateRequest');
    expect(build('a', { network: 'n', tunnel_id: 't' }).body?.value).toEqual({ network: 'n', tunnel_id: 't' });
  });
});

/**
 * More request-side classes that broke calls written for Stainless-generated SDKs (issue 18, item 5),
 * each on a minimal operation of stainless-bodies.yaml: bodies that spread into the params (allOf
 * and anyOf members that only add `required`, nullable objects, one-member unions), binary bodies
 * typed `type: string`, the name of a body that does not spread, and `authMode: any`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileAll, declarationOf, generateFixture, type Builder, type Compiled, type Generated } from './harness.js';

let generated: Generated;
let strict: Generated;
let compiled: Compiled;

const CHECK = `
import type { MonitorCreateParams } from './resources/monitors.js';
export const monitor: MonitorCreateParams = { expected_codes: '2xx', interval: 60 };
// As in Stainless's SDKs, the member's \`required\` is left to the server.
export const noCodes: MonitorCreateParams = { interval: 60 };

import type { AppCreateParams } from './resources/apps.js';
export const app: AppCreateParams = { name: 'a', hostnames: ['example.com'] };
export const appOnlyName: AppCreateParams = { name: 'a' };

import type { RetentionCreateParams } from './resources/retention.js';
export const retention: RetentionCreateParams = { flag: true };

import type { DeploymentCreateParams } from './resources/deployments.js';
export const deployment: DeploymentCreateParams = { strategy: 'percentage', versions: ['v1'], annotations: { message: 'm' } };

import type { UploadCreateParams } from './resources/datasets/upload.js';
export const uploads: UploadCreateParams[] = [{ body: new File(['x'], 'x.csv') }, { body: 'a,b' }, { body: new Uint8Array([1]) }];

import type { TagUpdateParams } from './resources/tags.js';
export const tags: TagUpdateParams = { body: ['a', 'b'] };
import type { RuleUpdateParams } from './resources/rules.js';
export const rules: RuleUpdateParams = { rules: [{ expression: 'true' }] };

import type { RecordListParams } from './resources/records.js';
export const records: RecordListParams = { comment: { exact: 'a', contains: 'b' } };

import type { LockdownCreateParams } from './resources/lockdowns.js';
export const lockdown: LockdownCreateParams = { configurations: [{ ip: '10.0.0.1' }, { range: '10.0.0.0/8' }, {}] };

import type { RunCreateParams } from './resources/run.js';
export const runs: RunCreateParams[] = [{ text: 't' }, { audio: [1, 2] }, { prompt: 'p' }];
// @ts-expect-error each variant's required field
export const runNothing: RunCreateParams = {};

import type { MemberUpdateParams } from './resources/members.js';
export const member: MemberUpdateParams = { roles: [{ id: 'admin' }] };
`;

beforeAll(async () => {
  [generated, strict] = await Promise.all([
    generateFixture('stainless-bodies.yaml', undefined, { authMode: 'any' }),
    generateFixture('stainless-bodies.yaml'),
  ]);
  compiled = await compileAll({ bodies: { generated, extra: { 'check.ts': CHECK } }, strict: { generated: strict } });
}, 120_000);

const builder = async (module: string, name: string) => (await compiled.load<Record<string, Builder>>('bodies', `resources/${module}.js`))[name]!;

describe('bodies that spread into the params object', () => {
  it('an allOf member that only adds `required` leaves the referenced object, spread, instead of `X & unknown`', async () => {
    const decl = declarationOf(generated.resources, 'MonitorCreateParams');
    expect(decl).toContain('  expected_codes?: string;');
    expect(decl).toContain('  interval?: number;');
    expect(generated.file('src/resources/monitors.ts')).not.toMatch(/& unknown|^  body\??: /m);
    const build = await builder('monitors', 'buildMonitorCreateRequest');
    expect(build({ expected_codes: '2xx', interval: 5 }).body).toEqual({ type: 'json', value: { expected_codes: '2xx', interval: 5 } });
  });

  it('anyOf members that only list required names leave the object as its properties say (as Stainless does)', () => {
    const decl = declarationOf(generated.resources, 'AppCreateParams');
    expect(decl).toContain('  name: string;');
    expect(decl).toContain('  hostnames?: Array<string>;');
    expect(decl).toContain('  subnets?: Array<string>;');
  });

  it('a nullable object body spreads like a plain one', async () => {
    expect(declarationOf(generated.resources, 'RetentionCreateParams')).toContain('  flag?: boolean;');
    const build = await builder('retention', 'buildRetentionCreateRequest');
    expect(build({ flag: false }).body).toEqual({ type: 'json', value: { flag: false } });
  });

  it('an allOf of an object and a one-member oneOf spreads both, readOnly properties left out', () => {
    const decl = declarationOf(generated.resources, 'DeploymentCreateParams');
    expect(decl).toContain("  strategy: 'percentage';");
    expect(decl).toContain('  versions?: Array<string>;');
    expect(decl).toContain('  annotations?: DeploymentCreateParams.Annotations;');
    expect(decl).not.toContain('  id');
  });
});

describe('an allOf member that only says `readOnly`', () => {
  it('makes the property readOnly: the request variant of its model has it optional, the response keeps it', () => {
    expect(declarationOf(generated.resources, 'RoleParam')).toContain('  permissions?: Permissions;');
    expect(declarationOf(generated.resources, 'Role')).toContain('  permissions: Permissions;');
  });
});

describe('an optional body with no schema', () => {
  it('is not sent when not given (a required one is sent as `{}`: stainless-requests.test.ts)', async () => {
    const build = await builder('purge', 'buildPurgeCreateRequest');
    expect(build({}).body?.value).toBeUndefined();
  });
});

describe('a binary media type whose schema is `type: string`', () => {
  it('takes an Uploadable, sent as the bytes with its media type', async () => {
    expect(declarationOf(generated.resources, 'UploadCreateParams')).toContain('  body: Uploadable;');
    const build = await builder('datasets/upload', 'buildUploadCreateRequest');
    expect(build('d1', { body: 'a,b' }).body).toEqual({ type: 'binary', value: 'a,b', contentType: 'application/octet-stream' });
  });
});

describe('a body that does not spread', () => {
  it('is `body` (Stainless\'s name for an array body), or what `x-stainless-param` says', async () => {
    expect(declarationOf(generated.resources, 'TagUpdateParams')).toContain('  body: Array<string>;');
    expect(declarationOf(generated.resources, 'RuleUpdateParams')).toContain('  rules: Array<RuleUpdateParams.Rule>;');
    const build = await builder('rules', 'buildRuleUpdateRequest');
    expect(build({ rules: [{ expression: 'x' }] }).body).toEqual({ type: 'json', value: [{ expression: 'x' }] });
  });
});

describe('a union body with a nested union', () => {
  it('is one params variant per object alternative, nested ones included and raw bytes left out', async () => {
    expect(declarationOf(generated.resources, 'RunCreateParams', 'type').replace(/\s+/g, ' ')).toBe(
      'export type RunCreateParams = RunCreateParams.Variant0 | RunCreateParams.Variant1 | RunCreateParams.Variant2;',
    );
    const build = await builder('run', 'buildRunCreateRequest');
    expect(build({ audio: [1] }).body).toEqual({ type: 'json', value: { audio: [1] } });
  });
});

describe('`type: array` next to oneOf/anyOf alternatives that are not arrays', () => {
  it('is the array its items describe, with a warning at the alternatives', () => {
    expect(declarationOf(generated.resources, 'LockdownCreateParams')).toMatch(/  configurations\?: Array<[^>]*IpConfiguration/);
    const warning = generated.diagnostics.find((d) => d.message.startsWith('`type: array` with anyOf'));
    expect(warning?.loc?.pointer).toBe('#/paths/~1lockdowns/post/requestBody/content/application~1json/schema/properties/configurations/anyOf');
  });
});

describe('a plain query param named like a group of dotted ones', () => {
  it('gives way to the group, with a warning at the param', async () => {
    expect(declarationOf(generated.resources, 'RecordListParams')).toContain('  comment?: RecordListParams.Comment;');
    const warning = generated.diagnostics.find((d) => d.message.startsWith("query parameter 'comment'"));
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain("has the name of the dotted parameters 'comment.*'");
    expect(warning?.loc?.pointer).toBe('#/paths/~1records/get/parameters/0');
    const build = await builder('records', 'buildRecordListRequest');
    expect(build({ comment: { exact: 'a', contains: 'b' } }).query).toEqual([
      ['comment.exact', 'a'],
      ['comment.contains', 'b'],
    ]);
  });
});

describe('`authMode: any`', () => {
  type Client = new (options: Record<string, unknown>) => { monitors: { create(p: unknown): Promise<unknown> } };
  const call = async (pkg: string, credentials: Record<string, string | null>) => {
    const { Client } = await compiled.load<{ Client: Client }>(pkg, 'client.js');
    const seen: Headers[] = [];
    const fetch = async (_url: string, init: RequestInit) => {
      seen.push(new Headers(init.headers));
      return new Response(null, { status: 204 });
    };
    const client = new Client({ ...credentials, fetch, maxRetries: 0 });
    await client.monitors.create({ expected_codes: '2xx' });
    return seen[0]!;
  };

  it('sends the credentials the client has among the requirement\'s schemes', async () => {
    expect(generated.file('src/client.ts')).toContain("authMode: 'any'");
    const emailAndKey = await call('bodies', { email: 'me@example.com', key: 'k', token: null });
    expect([emailAndKey.get('x-auth-email'), emailAndKey.get('x-auth-key'), emailAndKey.get('authorization')]).toEqual(['me@example.com', 'k', null]);
    const token = await call('bodies', { email: null, key: null, token: 't' });
    expect([token.get('x-auth-key'), token.get('authorization')]).toEqual([null, 'Bearer t']);
    await expect(call('bodies', { email: null, key: null, token: null })).rejects.toThrow('No credentials for operation createMonitor: set email or key or token');
  });

  it('says so in the docs', () => {
    expect(generated.file('docs/monitors/create.md')).toContain('### Email or Key or Token');
    expect(strict.file('docs/monitors/create.md')).toContain('### Email + Key + Token');
  });

  it('is not the default: without it the whole requirement is needed', async () => {
    expect(strict.file('src/client.ts')).not.toContain('authMode');
    await expect(call('strict', { email: 'me@example.com', key: 'k', token: null })).rejects.toThrow('set email and key and token');
  });
});

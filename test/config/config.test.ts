/**
 * Strict, complete config checking (issue 16): every problem of a config in one run, each placed
 * at its key; wrong types, empty values, npm-invalid package names and versions, security schemes
 * the spec lacks, and operations a partial `resources` tree leaves out.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../generator/config.js';
import { formatDiagnostic, generate, LatheError, type Diagnostic } from '../../generator/index.js';

const parse = (text: string) => parseConfig(text, '/p/lathe.config.yaml', 'lathe.config.yaml', '/p');

/** 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('client.defaultHeaders and auth alsoFor', () => {
  it('reads them', () => {
    const { config, diagnostics } = parse(
      "client:\n  defaultHeaders:\n    X-Api-Version: '2024-08-01'\nauth:\n  token:\n    option: apiToken\n    alsoFor:\n      extension: x-api-token-group\n      operations: ['GET /things/*']\n",
    );
    expect(diagnostics).toEqual([]);
    expect(config!.client.defaultHeaders).toEqual({ 'X-Api-Version': '2024-08-01' });
    expect(config!.auth['token']).toEqual({ option: 'apiToken', alsoFor: { extension: 'x-api-token-group', operations: ['GET /things/*'] } });
  });

  it('reports a bad header, a bad rule and an unknown key, each at its place', () => {
    const text = [
      'client:',
      '  defaultHeaders:',
      '    Bad Name: x',
      '    X-Number: 2024',
      '  defaultHeader: {}',
      'auth:',
      '  token:',
      '    alsoFor:',
      '      extension: api-token-group',
      '      operations: GET /x',
      '',
    ].join('\n');
    const { config, diagnostics } = parse(text);
    expect(config).toBeUndefined();
    const at = (pointer: string) => diagnostics.find((d) => d.loc?.pointer === pointer);
    expect(at('#/client/defaultHeaders/Bad Name')?.message).toBe("'Bad Name' is not a valid header name");
    expect(at('#/client/defaultHeaders/X-Number')?.message).toMatch(/must be a string, not the number 2024/);
    expect(at('#/client/defaultHeader')?.message).toMatch(/unknown key 'defaultHeader'/);
    expect(at('#/auth/token/alsoFor/extension')?.message).toMatch(/must name a specification extension/);
    expect(at('#/auth/token/alsoFor/operations')?.line).toBe(lineOf(text, 'operations: GET /x'));
    expect(diagnostics).toHaveLength(5);
  });
});

describe('config file checks', () => {
  const text = [
    'output: ""', // empty
    'package:',
    '  name: Not A Valid Name',
    '  version: 1.10', // YAML: the number 1.1
    'client:',
    '  name: 42',
    '  baseURL:', // null: empty
    'envelope:',
    '  result: [a]',
    'leftOutOperations: sometimes',
    'validation: always',
    'positional:',
    '  exclude: [account_id]',
    '  include: [x]',
    'resources:',
    '  a:',
    '    methods: get /a',
    '',
  ].join('\n');
  const { config, diagnostics } = parse(text);
  const at = (key: string) => diagnostics.find((d) => d.loc?.pointer === key);

  it('reports every problem in one run, and no config', () => {
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => d.loc?.pointer).sort()).toEqual(
      [
        '#/client/baseURL',
        '#/client/name',
        '#/envelope/result',
        '#/leftOutOperations',
        '#/output',
        '#/package/name',
        '#/package/version',
        '#/positional/include',
        '#/resources/a/methods',
        '#/validation',
      ].sort(),
    );
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  it('places each at its key', () => {
    expect(at('#/client/name')?.line).toBe(lineOf(text, 'name: 42'));
    expect(at('#/package/version')?.line).toBe(lineOf(text, 'version: 1.10'));
    expect(at('#/package/name')?.line).toBe(lineOf(text, 'Not A Valid Name'));
    expect(at('#/resources/a/methods')?.line).toBe(lineOf(text, 'methods: get /a'));
    for (const d of diagnostics) expect(d.column, formatDiagnostic(d)).toBeGreaterThan(0);
  });

  it('never reads a number as the string it might have been', () => {
    expect(at('#/package/version')?.message).toMatch(/must be a string, not the number 1\.1: put the value in quotes/);
    expect(at('#/client/name')?.message).toMatch(/must be a string/);
  });

  it('holds package name and version to npm rules', () => {
    expect(at('#/package/name')?.message).toMatch(/not a valid npm package name/);
    expect(parse('package:\n  version: "1.10"\n').diagnostics[0]?.message).toMatch(/not a semantic version/);
    expect(parse('package:\n  name: "@scope/ok-name"\n  version: "1.10.0"\n').diagnostics).toEqual([]);
    expect(parse('package:\n  name: node_modules\n').diagnostics.length).toBe(1);
  });
});

const SPEC = `openapi: 3.1.0
info: { title: t, version: '1' }
components:
  securitySchemes:
    apiKey: { type: apiKey, in: header, name: X-Key }
paths:
  /a:
    get:
      operationId: getA
      responses: { '200': { description: ok } }
  /b:
    get:
      operationId: getB
      responses: { '200': { description: ok } }
    post:
      operationId: postB
      responses: { '200': { description: ok } }
`;

async function run(config: string): Promise<{ ok: boolean; diagnostics: readonly Diagnostic[] }> {
  try {
    return { ok: true, diagnostics: (await generate({ spec: SPEC, config })).diagnostics };
  } catch (e) {
    if (e instanceof LatheError) return { ok: false, diagnostics: e.diagnostics };
    throw e;
  }
}

describe('config checks against the spec', () => {
  it('an auth entry for a scheme the spec lacks is an error at its key', async () => {
    const config = 'auth:\n  apiKey:\n    env: MY_KEY\n  bearer:\n    env: MY_TOKEN\n';
    const r = await run(config);
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.loc?.pointer === '#/auth/bearer');
    expect(d?.message).toMatch(/'bearer', which the spec does not define \(it has: apiKey\)/);
    expect(d?.line).toBe(lineOf(config, 'bearer:'));
    expect(d?.displayFile).toBe('lathe.config.yaml');
    expect(r.diagnostics.filter((x) => x.severity === 'error')).toHaveLength(1);
  });

  const partial = 'resources:\n  a:\n    methods:\n      get: get /a\n';

  it('operations a partial `resources` leaves out are listed in one warning at `resources`', async () => {
    const r = await run(partial);
    expect(r.ok).toBe(true);
    const warnings = r.diagnostics.filter((d) => d.message.includes('leaves out'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.severity).toBe('warning');
    expect(warnings[0]!.message).toMatch(/leaves out 2 of 3 operations.*get \/b, post \/b/);
    expect(warnings[0]!.line).toBe(1);
  });

  it('`leftOutOperations: error` refuses it, `ignore` silences it', async () => {
    const refused = await run(`${partial}leftOutOperations: error\n`);
    expect(refused.ok).toBe(false);
    expect(refused.diagnostics.some((d) => d.severity === 'error' && d.message.includes('leaves out'))).toBe(true);
    const quiet = await run(`${partial}leftOutOperations: ignore\n`);
    expect(quiet.ok).toBe(true);
    expect(quiet.diagnostics.some((d) => d.message.includes('leaves out'))).toBe(false);
  });

  it('a complete resources tree says nothing', async () => {
    const r = await run('resources:\n  a:\n    methods:\n      get: get /a\n  b:\n    methods:\n      get: get /b\n      create: post /b\n');
    expect(r.diagnostics).toEqual([]);
  });
});

describe('shape errors and spec-dependent errors in one run', () => {
  const config = 'client:\n  name: 42\nauth:\n  bearer:\n    env: MY_TOKEN\n';

  it('reports a wrong value type and an unknown security scheme together, each at its key', async () => {
    const r = await run(config);
    expect(r.ok).toBe(false);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.loc?.pointer).sort()).toEqual(['#/auth/bearer', '#/client/name']);
    expect(errors.find((d) => d.loc?.pointer === '#/auth/bearer')?.line).toBe(lineOf(config, 'bearer:'));
    expect(errors.find((d) => d.loc?.pointer === '#/client/name')?.line).toBe(lineOf(config, 'name: 42'));
  });

  it('skips the spec checks of a key whose own shape is broken', async () => {
    // `bearer`'s option is broken: whether the spec has `bearer` is not asked, the other entry still is.
    const r = await run('auth:\n  bearer:\n    option: 7\n  other:\n    env: X\n');
    expect(r.diagnostics.map((d) => d.loc?.pointer).sort()).toEqual(['#/auth/bearer/option', '#/auth/other']);
  });

  it('a broken `leftOutOperations` leaves the left-out check alone, the methods are still checked', async () => {
    const r = await run('leftOutOperations: sometimes\nresources:\n  a:\n    methods:\n      get: get /a\n      gone: get /nowhere\n');
    expect(r.diagnostics.map((d) => d.loc?.pointer)).toEqual(['#/leftOutOperations', '#/resources/a/methods/gone']);
  });

  it('a broken `resources` entry leaves the left-out check alone', async () => {
    const r = await run('resources:\n  a:\n    methods:\n      get: fetch /a\n');
    expect(r.diagnostics.map((d) => d.loc?.pointer)).toEqual(['#/resources/a/methods/get']);
  });
});

/**
 * issue 18 item 4: a Stainless config (`stainless.yml`) is a lathe config. The Cloudforce One
 * example ships both formats and they must generate the same SDK; Stainless keys lathe does not
 * read are warnings at their key, wrong types errors at their key, in the Stainless file's terms.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../generator/config.js';
import { formatDiagnostic, generate, LatheError, type Diagnostic } from '../../generator/index.js';
import { lathe, ROOT, tempDir } from '../helpers.js';

const parse = (text: string, name = 'stainless.yml') => parseConfig(text, `/p/${name}`, name, '/p');

/** 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** Every file under `dir` (hidden ones too), by relative path. */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

describe('the Cloudforce One example in both formats', () => {
  it('generates byte-identical output from lathe.config.yaml and stainless.yml', () => {
    const example = join(ROOT, 'examples/cloudforce-one');
    const [a, b] = [tempDir(), tempDir()];
    const fromLathe = lathe(['generate', '--config', 'lathe.config.yaml', '--out', a], example);
    const fromStainless = lathe(['generate', '--config', 'stainless.yml', '--out', b], example);
    expect(fromLathe.code, fromLathe.stderr).toBe(0);
    expect(fromStainless.code, fromStainless.stderr).toBe(0);
    // No key of the example's stainless.yml is left unread.
    expect(fromStainless.stderr).not.toMatch(/warning/);
    const [ta, tb] = [tree(a), tree(b)];
    expect(ta.size).toBeGreaterThan(20);
    // The SDK's own files first (.lathe/ names its blobs by content, so a difference shows there too).
    const paths = [...ta.keys()].sort((x, y) => Number(x.startsWith('.')) - Number(y.startsWith('.')) || x.localeCompare(y));
    for (const path of paths) {
      const bytes = ta.get(path)!;
      expect(tb.has(path), path).toBe(true);
      // The freshness fingerprint hashes the config's text, which differs by design; nothing else may.
      if (path === '.lathe-manifest.json') {
        const strip = (b: Buffer) => b.toString('utf8').replace(/"fingerprint": "[0-9a-f]+"/, '"fingerprint": ""');
        expect(strip(tb.get(path)!)).toBe(strip(bytes));
      } else expect(tb.get(path)!.toString('utf8'), path).toBe(bytes.toString('utf8'));
    }
    expect([...tb.keys()].sort()).toEqual([...ta.keys()].sort());
  });

  it('`check`, `status` and `diff` take the stainless.yml too, against the committed output', () => {
    const example = join(ROOT, 'examples/cloudforce-one');
    for (const command of ['check', 'status', 'diff']) {
      const r = lathe([command, '--config', 'stainless.yml'], example);
      expect(r.code, `${command}: ${r.stderr}`).toBe(0);
    }
  });

  it('reads to the same lathe config (auth titles too, which only the HTML reference shows)', () => {
    const example = join(ROOT, 'examples/cloudforce-one');
    const read = (name: string) => {
      const r = parseConfig(readFileSync(join(example, name), 'utf8'), join(example, name), name, example);
      expect(r.diagnostics).toEqual([]);
      const { file, displayFile, text, origins, ...config } = r.config!;
      return JSON.parse(JSON.stringify(config)) as unknown;
    };
    const stainless = read('stainless.yml') as { client: { baseURL?: string } };
    // `environments` gives the base URL that lathe.config.yaml leaves to the spec's `servers`.
    expect(stainless.client.baseURL).toBe('https://api.cloudflare.com/client/v4');
    expect(read('lathe.config.yaml')).toEqual({ ...stainless, client: { ...stainless.client, baseURL: undefined } });
  });
});

describe('reading a Stainless config', () => {
  it('is recognised by its name or by its shape', () => {
    const shaped = 'organization:\n  name: acme\n';
    expect(parse(shaped, 'lathe.config.yaml').config?.client.name).toBe('Acme');
    // By name: a file with only lathe-shaped keys is still read as Stainless (`x-lathe` is known).
    expect(parse('x-lathe:\n  output: out\n').config?.output).toBe('out');
    // A lathe config is not: `x-lathe` is an unknown key there.
    expect(parse('x-lathe:\n  output: out\n', 'lathe.config.yaml').diagnostics[0]?.message).toMatch(/unknown key 'x-lathe'/);
  });

  it('a lathe config with a stray Stainless key stays a lathe config', () => {
    const { diagnostics } = parse('spec: openapi.yaml\nsettings: {}\n', 'lathe.config.yaml');
    expect(diagnostics.map((d) => [d.severity, d.loc?.pointer])).toEqual([['error', '#/settings']]);
    expect(diagnostics[0]?.message).toMatch(/unknown key 'settings'/);
  });

  it("lathe's own keys at the top of a stainless.yml are errors that say where they go", () => {
    const { config, diagnostics } = parse('organization: { name: acme }\nspec: openapi.yaml\n');
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => [d.loc?.pointer, d.line])).toEqual([['#/spec', 2]]);
    expect(diagnostics[0]?.message).toMatch(/`spec` is a lathe config key: in a stainless.yml, put it under `x-lathe`/);
  });

  it("a method's `positional_params` is its `positional`; more than one is a warning, a wrong type an error", () => {
    const text = [
      'x-lathe: { positional: { exclude: [account_id] } }',
      'resources:',
      '  things:',
      '    methods:',
      '      get: { endpoint: "get /accounts/{account_id}/things/{id}", positional_params: [id] }',
      '      list: { endpoint: "get /accounts/{account_id}/things", positional_params: [] }',
      '      update: { endpoint: "put /accounts/{account_id}/things/{id}", positional_params: [account_id] }',
      '      delete: { endpoint: "delete /accounts/{account_id}/things/{id}", positional_params: id }',
      '      edit: { endpoint: "patch /accounts/{account_id}/things/{id}", positional_params: [account_id, id] }',
      '',
    ].join('\n');
    const { diagnostics, partial } = parse(text);
    expect(diagnostics.map((d) => [d.severity, d.loc?.pointer, d.line])).toEqual([
      ['error', '#/resources/things/methods/delete/positional_params', 8],
      ['warning', '#/resources/things/methods/edit/positional_params', 9],
    ]);
    expect(diagnostics[0]?.message).toMatch(/must be a list of parameter names/);
    expect(diagnostics[1]?.message).toMatch(/lathe methods take one positional argument: 'id' is positional, the others go in the params object/);
    const methods = partial!.resources!['things']!.methods;
    expect([methods['get'], methods['list'], methods['update'], methods['edit']]).toEqual([
      { endpoint: 'get /accounts/{account_id}/things/{id}', positional: ['id'] },
      { endpoint: 'get /accounts/{account_id}/things', positional: [] },
      { endpoint: 'put /accounts/{account_id}/things/{id}', positional: ['account_id'] },
      { endpoint: 'patch /accounts/{account_id}/things/{id}', positional: ['id'] },
    ]);
  });

  it('sends what credentials the client has, as Stainless SDKs do, unless `x-lathe.authMode` says `all`', () => {
    expect(parse('organization: { name: acme }\n').config?.authMode).toBe('any');
    expect(parse('organization: { name: acme }\nx-lathe: { authMode: all }\n').config?.authMode).toBeUndefined();
    // lathe's own configs keep the strict check unless they ask.
    expect(parse('spec: a.yaml\n', 'lathe.config.yaml').config?.authMode).toBeUndefined();
    expect(parse('authMode: any\n', 'lathe.config.yaml').config?.authMode).toBe('any');
    const bad = parse('x-lathe: { authMode: some }\n').diagnostics;
    expect(bad.map((d) => [d.severity, d.loc?.pointer, d.line])).toEqual([['error', '#/x-lathe/authMode', 1]]);
    expect(bad[0]?.message).toBe('`authMode` must be one of: all, any');
  });

  it('a security scheme named like an Object.prototype member is kept', () => {
    const { config } = parse('client_settings:\n  opts:\n    key: { read_env: K, auth: { security_scheme: __proto__ } }\n');
    expect(Object.keys(config!.auth)).toEqual(['__proto__']);
    expect(config!.auth['__proto__']).toEqual({ option: 'key', env: 'K' });
  });

  it('two client options for one security scheme are an error at the second', () => {
    const text = 'client_settings:\n  opts:\n    a: { auth: { security_scheme: s } }\n    b: { auth: { security_scheme: s } }\n';
    const { diagnostics } = parse(text);
    expect(diagnostics.map((d) => [d.severity, d.loc?.pointer, d.line])).toEqual([['error', '#/client_settings/opts/b/auth/security_scheme', 4]]);
  });

  it('maps names, opts, pagination, unwrap fields, environments and both method forms', () => {
    const { config, diagnostics } = parse(
      [
        'organization: { name: acme_corp }',
        'targets: { typescript: { package_name: "@acme/sdk" } }',
        'environments: { production: "https://api.acme.dev/v1" }',
        'client_settings:',
        '  opts:',
        '    bearer_token:',
        '      type: string',
        '      nullable: true',
        '      read_env: ACME_TOKEN',
        '      example: tok_123',
        '      description: Your token.',
        '      auth: { security_scheme: bearer }',
        'pagination:',
        '  - name: pages',
        '    type: page_number',
        '    request: { page: { type: integer, x-stainless-pagination-property: { purpose: page_number_param } } }',
        '    response: { items: { type: array }, result_info: { type: object } }',
        'settings: { unwrap_response_fields: [data] }',
        'resources:',
        '  things:',
        '    methods:',
        '      list: get /things',
        '      get: { type: http, endpoint: "get /things/{id}" }',
        '',
      ].join('\n'),
    );
    expect(diagnostics).toEqual([]);
    expect(config?.client).toEqual({ name: 'AcmeCorp', baseURL: 'https://api.acme.dev/v1' });
    expect(config?.package.name).toBe('@acme/sdk');
    expect({ ...config?.auth }).toEqual({ bearer: { option: 'bearerToken', env: 'ACME_TOKEN', example: 'tok_123', description: 'Your token.' } });
    expect(config?.pagination).toEqual([{ name: 'pages', type: 'page_number', request: { page: 'page' }, response: { info: 'result_info' } }]);
    expect(config?.envelope).toEqual({ result: 'data' });
    expect(config?.resources?.things?.methods).toEqual({ list: { endpoint: 'get /things' }, get: { endpoint: 'get /things/{id}' } });
  });
});

describe('Stainless keys lathe does not read', () => {
  const text = [
    'organization:',
    '  name: acme',
    '  docs: https://docs.acme.dev',
    'targets:',
    '  typescript:',
    '    package_name: acme',
    '    production_repo: acme/acme-node',
    '  python:',
    '    package_name: acme',
    'environments:',
    '  production: https://api.acme.dev',
    '  sandbox: https://sandbox.acme.dev',
    'client_settings:',
    '  idempotency_header: Idempotency-Key',
    '  opts:',
    '    api_version:',
    '      type: string',
    '      read_env: ACME_API_VERSION',
    'settings:',
    '  license: Apache-2.0',
    '  unwrap_response_fields: [data, result]',
    'readme:',
    '  example_requests:',
    '    default:',
    '      type: request',
    '      endpoint: get /things',
    '    headline:',
    '      type: request',
    'edition: 2025-01-01',
    'resources:',
    '  things:',
    '    description: Things.',
    '    methods:',
    '      list:',
    '        endpoint: get /things',
    '        paginated: false',
    // lathe methods take one positional argument: the last is kept, with a warning.
    '        positional_params: [kind, id]',
    '',
  ].join('\n');
  const { config, diagnostics } = parse(text);
  const at = (pointer: string) => diagnostics.find((d) => d.loc?.pointer === pointer);
  const expected: [string, string][] = [
    ['#/organization/docs', 'docs: https'],
    ['#/targets/typescript/production_repo', 'production_repo'],
    ['#/targets/python', 'python:'],
    ['#/client_settings/idempotency_header', 'idempotency_header'],
    ['#/client_settings/opts/api_version', 'api_version:'],
    ['#/settings/license', 'license:'],
    ['#/settings/unwrap_response_fields/1', 'unwrap_response_fields'],
    ['#/readme/example_requests/headline', 'headline:'],
    ['#/edition', 'edition:'],
    ['#/resources/things/description', 'description: Things.'],
    ['#/resources/things/methods/list/positional_params', 'positional_params'],
  ];

  it('are each one warning at its key, and the config is still read', () => {
    expect(config).toBeDefined();
    // `paginated` is read (test/ir/paginated.test.ts): no warning.
    expect(config?.resources?.things?.methods.list).toEqual({ endpoint: 'get /things', paginated: false, positional: ['id'] });
    // `readme.example_requests.default` is the README's example call.
    expect(config?.docs.readmeExample).toEqual({ endpoint: 'get /things' });
    expect(diagnostics.map((d) => d.loc?.pointer).sort()).toEqual(expected.map(([p]) => p).sort());
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    for (const [pointer, needle] of expected) {
      const d = at(pointer)!;
      expect(d.line, formatDiagnostic(d)).toBe(lineOf(text, needle));
      expect(d.column, formatDiagnostic(d)).toBeGreaterThan(0);
      expect(d.displayFile).toBe('stainless.yml');
    }
  });

  it('name the key path and why', () => {
    expect(formatDiagnostic(at('#/readme/example_requests/headline')!)).toMatch(
      new RegExp(`^stainless\\.yml:${lineOf(text, 'headline:')}:5: warning: \`readme\\.example_requests\\.headline\` is not supported by lathe and is ignored: .+ \\(at #/readme/example_requests/headline\\)$`),
    );
    // Several environments are read (test/config/environments.test.ts): no warning.
    expect(at('#/environments/sandbox')).toBeUndefined();
    expect(at('#/targets/python')?.message).toMatch(/TypeScript SDK only/);
  });

  it('are printed by the CLI with file:line:col, and generation goes on', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'openapi.yaml'), 'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths:\n  /things:\n    get:\n      responses: { "200": { description: ok } }\n');
    const config = 'organization: { name: acme }\nreadme:\n  example_requests:\n    headline: {}\nx-lathe: { spec: openapi.yaml }\n';
    writeFileSync(join(dir, 'stainless.yml'), config);
    const r = lathe(['generate', '--config', 'stainless.yml', '--out', 'out'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('stainless.yml:4:5: warning: `readme.example_requests.headline` is not supported by lathe');
    expect(readFileSync(join(dir, 'out/src/client.ts'), 'utf8')).toMatch(/class Acme\b/);
    // Without --config and without a lathe.config.yaml, the stainless.yml is the config.
    const found = lathe(['generate', '--out', 'found'], dir);
    expect(found.code, found.stderr).toBe(0);
    expect(found.stderr).toContain('stainless.yml:4:5: warning:');
    expect(readFileSync(join(dir, 'found/src/client.ts'), 'utf8')).toMatch(/class Acme\b/);
  });
});

describe('wrong types in a Stainless config', () => {
  const text = [
    'organization:',
    '  name: 42',
    'targets:',
    '  typescript:',
    '    package_name: Not Valid',
    'client_settings:',
    '  opts:',
    '    api_key:',
    '      type: integer',
    '      read_env: 7',
    '      auth: { security_scheme: api_key }',
    '    token:',
    '      auth: yes',
    'settings:',
    '  unwrap_response_fields: result',
    'environments: [https://api.acme.dev]',
    'pagination:',
    '  - name: pages',
    '    type: cursor',
    '    request: { page: { type: integer } }',
    '    response: { items: { type: array } }',
    'resources:',
    '  things:',
    '    methods:',
    '      list: { type: http, endpoint: 42 }',
    'x-lathe:',
    '  wireTypes: sometimes',
    '',
  ].join('\n');
  const { config, diagnostics } = parse(text);
  const at = (pointer: string) => diagnostics.find((d) => d.loc?.pointer === pointer);

  it('are errors, each at the key the user wrote and in its words', () => {
    expect(config).toBeUndefined();
    const errors: [string, string, RegExp][] = [
      ['#/organization/name', 'name: 42', /`name` must be a string, not the number 42/],
      ['#/targets/typescript/package_name', 'package_name', /'Not Valid' is not a valid npm package name/],
      ['#/client_settings/opts/api_key/type', 'type: integer', /`type` must be 'string'/],
      ['#/client_settings/opts/api_key/read_env', 'read_env: 7', /`read_env` must be a string, not the number 7/],
      ['#/client_settings/opts/token/auth', 'auth: yes', /`security_scheme`/],
      ['#/settings/unwrap_response_fields', 'unwrap_response_fields', /must be a list/],
      ['#/environments', 'environments:', /must be a mapping of environment names/],
      ['#/pagination/0/type', 'type: cursor', /must be 'page_number'/],
      ['#/pagination/0/response', 'response:', /`response.info` must name/],
      ['#/resources/things/methods/list', 'list:', /must be "<verb> <path>"/],
      ['#/x-lathe/wireTypes', 'wireTypes', /`wireTypes` must be true or false/],
    ];
    for (const [pointer, needle, message] of errors) {
      const d = at(pointer);
      expect(d, `${pointer} in:\n${diagnostics.map(formatDiagnostic).join('\n')}`).toBeDefined();
      expect(d!.severity).toBe('error');
      expect(d!.message).toMatch(message);
      expect(d!.line, formatDiagnostic(d!)).toBe(lineOf(text, needle));
    }
    expect(diagnostics.filter((d) => d.severity === 'error')).toHaveLength(errors.length);
  });
});

describe('checks against the spec, placed in the Stainless file', () => {
  it('a security scheme the spec lacks is an error at `auth.security_scheme`', async () => {
    const spec = 'openapi: 3.1.0\ninfo: { title: t, version: "1" }\ncomponents:\n  securitySchemes:\n    key: { type: apiKey, in: header, name: X-Key }\npaths: {}\n';
    const config = 'organization:\n  name: acme\nclient_settings:\n  opts:\n    token:\n      read_env: ACME_TOKEN\n      auth:\n        security_scheme: bearer\n';
    let diagnostics: readonly Diagnostic[] = [];
    await generate({ spec, config }).catch((e: unknown) => {
      if (!(e instanceof LatheError)) throw e;
      diagnostics = e.diagnostics;
    });
    const d = diagnostics.find((x) => x.severity === 'error');
    expect(d?.message).toMatch(/'bearer', which the spec does not define/);
    expect(d?.loc?.pointer).toBe('#/client_settings/opts/token/auth/security_scheme');
    expect(d?.line).toBe(lineOf(config, 'security_scheme'));
  });
});

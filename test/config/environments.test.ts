/**
 * Config `client.environments` (and a stainless.yml's `environments` with more than one entry):
 * the client takes an `environment` option naming one; the first is the default, and `baseURL`
 * (the option or the env variable) wins over it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../generator/config.js';
import { generate } from '../../generator/index.js';
import { tempDir, tsc } from '../helpers.js';

const SPEC = `openapi: 3.0.3
info: { title: Things, version: '1' }
servers: [{ url: 'https://spec.example.com' }]
paths:
  /things:
    get:
      operationId: listThings
      responses: { '200': { description: ok, content: { application/json: { schema: { type: array, items: { type: string } } } } } }
`;

const parse = (text: string, name: string) => parseConfig(text, `/p/${name}`, name, '/p');

describe('client environments', () => {
  it('a stainless.yml with several environments maps them, in order, without a warning', () => {
    const { config, diagnostics } = parse('environments:\n  production: https://api.acme.dev\n  sandbox: https://sandbox.acme.dev\n', 'stainless.yml');
    expect(diagnostics).toEqual([]);
    expect(Object.entries(config!.client.environments!)).toEqual([
      ['production', 'https://api.acme.dev'],
      ['sandbox', 'https://sandbox.acme.dev'],
    ]);
    expect(config!.client.baseURL).toBeUndefined();
  });

  it('are errors at their key when they are not absolute URLs, or come with baseURL', () => {
    const text = 'client:\n  baseURL: https://x.dev\n  environments:\n    production: api.acme.dev\n    "a b": https://y.dev\n';
    const { config, diagnostics } = parse(text, 'lathe.config.yaml');
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => [d.loc?.pointer, d.line])).toEqual(
      expect.arrayContaining([
        ['#/client/baseURL', 2],
        ['#/client/environments/production', 4],
        ['#/client/environments/a b', 5],
      ]),
    );
  });

  it('the generated client picks the named environment; baseURL wins; it compiles', async () => {
    const { files } = await generate({
      spec: SPEC,
      config: { package: { name: 'things' }, client: { name: 'Things', environments: { production: 'https://api.acme.dev/v1', sandbox: 'https://sandbox.acme.dev/v1' } } },
    });
    const dir = tempDir();
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content);
    }
    const compiled = tsc(['-p', 'tsconfig.json'], dir);
    expect(compiled.code, compiled.output).toBe(0);
    const { Things } = (await import(pathToFileURL(join(dir, 'dist', 'index.js')).href)) as {
      Things: new (options?: { environment?: string; baseURL?: string }) => { baseURL: string };
    };
    delete process.env['THINGS_BASE_URL'];
    expect(new Things().baseURL).toBe('https://api.acme.dev/v1');
    expect(new Things({ environment: 'sandbox' }).baseURL).toBe('https://sandbox.acme.dev/v1');
    expect(new Things({ environment: 'sandbox', baseURL: 'http://127.0.0.1:1' }).baseURL).toBe('http://127.0.0.1:1');
    const client = files.find((f) => f.path === 'src/client.ts')!.content;
    expect(client).toMatch(/environment\?: 'production' \| 'sandbox' \| undefined;/);
  }, 60_000);
});

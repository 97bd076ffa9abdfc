/**
 * Issue #18's first proof: code written for Stainless's Cloudflare SDK (test/fixtures/stainless-consumer)
 * type-checks with skipLibCheck off against the generated Cloudforce One package, imported by package
 * name and by resource subpath, and runs against a server on 127.0.0.1 with only an API token. The
 * package is generated here from the example config plus a `client.defaultHeaders` entry.
 */
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lathe, ROOT, tempDir, tsc } from '../helpers.js';

const EXAMPLE = join(ROOT, 'examples/cloudforce-one');
const PACKAGE = 'cloudflare-cloudforce-one-requests';
const TOKEN = 'Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let app: string;
let generate: { code: number; stderr: string };
let build: { code: number; output: string };
let check: { code: number; output: string };

beforeAll(() => {
  const work = tempDir('lathe-stainless-');
  const pkg = join(work, PACKAGE);
  const config = readFileSync(join(EXAMPLE, 'lathe.config.yaml'), 'utf8')
    .replace(/^spec: .*$/m, `spec: ${JSON.stringify(join(EXAMPLE, 'spec/cloudflare-cloudforce-one.yaml'))}`)
    .replace(/^client:\n/m, "client:\n  defaultHeaders:\n    X-Api-Version: '2024-08-01'\n");
  writeFileSync(join(work, 'lathe.config.yaml'), config);
  generate = lathe(['generate', '--quiet', '--config', join(work, 'lathe.config.yaml'), '--out', pkg]);
  build = tsc(['-p', join(pkg, 'tsconfig.json'), '--pretty', 'false'], pkg);

  app = join(work, 'app');
  cpSync(join(ROOT, 'test/fixtures/stainless-consumer'), app, { recursive: true });
  mkdirSync(join(app, 'node_modules'), { recursive: true });
  symlinkSync(pkg, join(app, 'node_modules', PACKAGE), 'dir');
  check = tsc(['-p', join(app, 'tsconfig.json'), '--pretty', 'false'], app);
}, 240_000);

describe('a Stainless-style consumer of the generated Cloudforce One package', () => {
  it('generates and builds the package', () => {
    expect(generate.stderr).toBe('');
    expect(generate.code).toBe(0);
    expect(build.output).toBe('');
    expect(build.code).toBe(0);
  });

  it('type-checks with skipLibCheck off, through the package name and resource subpaths', () => {
    expect(check.output).toBe('');
    expect(check.code).toBe(0);
  });

  describe('run against a server on 127.0.0.1', () => {
    let server: Server;
    let baseURL: string;
    const seen: Seen[] = [];
    const saved = { ...process.env };

    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString('utf8')));
        req.on('end', () => {
          seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
          const [status, result] = answer(req.method!, req.url!.replace(/^\/client\/v4\/accounts\/\w+\/cloudforce-one\/requests/, ''));
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(status === 200 ? { success: true, errors: [], messages: [], result } : { success: false, errors: [{ code: 1000, message: 'not found' }], messages: [], result: null }));
        });
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/client/v4`;
      for (const name of ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_API_KEY', 'CLOUDFLARE_EMAIL', 'CLOUDFLARE_API_USER_SERVICE_KEY', 'CLOUDFLARE_BASE_URL', 'CLOUDFLARE_LOG'])
        delete process.env[name];
      process.env['CLOUDFLARE_CUSTOM_HEADERS'] = 'X-Custom-One: 1\nX-Custom-Two: two words';
    });

    afterAll(async () => {
      process.env = saved;
      await new Promise<void>((done) => server.close(() => done()));
    });

    it('does everything the consumer does, with Stainless results', async () => {
      const consumer = (await import(pathToFileURL(join(app, 'dist', 'consumer.js')).href)) as {
        run(baseURL: string, token: string, count: () => number): Promise<Record<string, unknown>>;
      };
      const observed = await consumer.run(baseURL, TOKEN, () => seen.length);
      expect(observed).toMatchObject({
        created: MESSAGE,
        messageIds: [7, 8],
        pageIsAlias: true,
        pageIsNamespaced: true,
        listPageIsAlias: true,
        types: ['Victomology', 'Indicators of Compromise'],
        assetNames: ['evidence.png'],
        notFound: { isNotFound: true, isAPIError: true, status: 404 },
        connection: { isConnectionError: true, isAPIError: true, status: undefined },
        missingCredentials: true,
        rawGet: { success: true, errors: [], messages: [], result: { quota: 1 } },
        withOptionsTimeout: 1234,
        logLevel: 'debug',
        fileName: 'evidence.txt',
        sentBeforeAwait: true,
      });
      expect(observed.logged).toBeGreaterThan(0);

      const create = seen[0]!;
      expect(create.method).toBe('POST');
      expect(create.url).toMatch(/\/message\/new$/);
      // Only a token configured: sent as a bearer token, since the operation lists token permissions.
      expect(create.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(create.headers['x-auth-key']).toBeUndefined();
      expect(create.headers['idempotency-key']).toBe('key-1');
      // Default headers from the config and from CLOUDFLARE_CUSTOM_HEADERS, on every request.
      for (const request of seen) {
        expect(request.headers['x-api-version']).toBe('2024-08-01');
        expect(request.headers['x-custom-one']).toBe('1');
        expect(request.headers['x-custom-two']).toBe('two words');
      }
      const rawPost = seen.find((s) => s.headers['x-extra'] === 'yes')!;
      expect(JSON.parse(rawPost.body)).toEqual({ content: 'raw' });
    });
  });
});

const MESSAGE = { id: 7, author: 'user@domain.com', content: 'hello', is_follow_on_request: false, updated: '2022-01-01T00:00:00Z' };

/** The envelope result per route (the path after `/accounts/{id}/cloudforce-one/requests`). */
function answer(method: string, path: string): [number, unknown] {
  if (method === 'POST' && /\/message\/new$/.test(path)) return [200, MESSAGE];
  if (method === 'POST' && /\/message$/.test(path)) return [200, [MESSAGE, { ...MESSAGE, id: 8 }]];
  if (method === 'POST' && path === '') return [200, [{ id: 'r1', created: '2022-01-01T00:00:00Z', priority: 'routine', request: 'x', summary: 's', tlp: 'clear', updated: '2022-01-01T00:00:00Z' }]];
  if (method === 'GET' && path === '/types') return [200, ['Victomology', 'Indicators of Compromise']];
  if (method === 'POST' && /\/asset$/.test(path)) return [200, [{ id: 1, name: 'evidence.png', created: '2022-01-01T00:00:00Z', description: 'd', file_type: 'image/png' }]];
  if (method === 'GET' && path === '/missing') return [404, null];
  if (method === 'GET' && path === '/quota') return [200, { quota: 1 }];
  return [200, {}];
}

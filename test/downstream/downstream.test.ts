/**
 * Downstream use of the committed generated/ package: the fixture in .fixture/ (hidden from the
 * repository's own tsc, since it imports the package by name) is an SDK author's package with its
 * own package.json, tsconfig and test. Here generated/ is built (tsc into a temp copy's dist/), the
 * fixture is copied next to it with node_modules/cloudflare-cloudforce-one linked to that build,
 * type-checked with tsc --strict (including calls that must not type-check), its own test is run,
 * and its code is called against a node:http server on 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir, tsc } from '../helpers.js';

const FIXTURE = join(ROOT, 'test/downstream/.fixture');
const PACKAGE = 'cloudflare-cloudforce-one';

let work: string;
let app: string;
let build: { code: number; output: string };
let check: { code: number; output: string };

/** Copies a package folder without its build output or installed dependencies. */
function copyPackage(from: string, to: string): void {
  cpSync(from, to, { recursive: true, filter: (src) => !/[\\/](dist|node_modules)([\\/]|$)/.test(src.slice(from.length)) });
}

beforeAll(() => {
  work = tempDir('lathe-downstream-');
  const pkg = join(work, PACKAGE);
  copyPackage(join(ROOT, 'generated'), pkg);
  build = tsc(['-p', join(pkg, 'tsconfig.json')], pkg);

  app = join(work, 'app');
  copyPackage(FIXTURE, app);
  mkdirSync(join(app, 'node_modules'), { recursive: true });
  symlinkSync(pkg, join(app, 'node_modules', PACKAGE), 'dir');
  symlinkSync(join(ROOT, 'node_modules', '@types'), join(app, 'node_modules', '@types'), 'dir');
  // Calls a downstream author would get wrong: each must be a type error, or the types are too loose.
  writeFileSync(
    join(app, 'src', 'misuse.ts'),
    [
      "import Cloudflare from 'cloudflare-cloudforce-one';",
      "import { postMessage } from './index.js';",
      "const client = new Cloudflare({ apiEmail: 'e', apiKey: 'k' });",
      '// @ts-expect-error text must be a string',
      "void postMessage(client, 'a', 'r', 42);",
      '// @ts-expect-error account_id is required',
      "void client.cloudforceOne.requests.message.create('r', {});",
      '// @ts-expect-error the result is a Message, whose id is a number',
      "export const id: Promise<string> = client.cloudforceOne.requests.message.create('r', { account_id: 'a' }).then((m) => m.id);",
      '// @ts-expect-error no such client option',
      "new Cloudflare({ apiKeyy: 'k' });",
      '',
    ].join('\n'),
  );
  check = tsc(['-p', join(app, 'tsconfig.json'), '--pretty', 'false'], app);
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a downstream package depending on generated/', () => {
  it('builds the generated package with its own tsconfig', () => {
    expect(build.output).toBe('');
    expect(build.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(work, PACKAGE, 'package.json'), 'utf8')) as { exports: Record<string, { default: string }> };
    expect(readFileSync(join(work, PACKAGE, manifest.exports['.']!.default), 'utf8')).toContain('export');
  });

  it('type-checks the downstream package with tsc --strict, through the package name', () => {
    expect(check.output).toBe('');
    expect(check.code).toBe(0);
  });

  it("passes the downstream package's own test", () => {
    const r = spawnSync(process.execPath, [join(app, 'dist', 'test', 'post-message.js')], { cwd: app, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('downstream ok');
    expect(r.status).toBe(0);
  });

  describe('its code against a server on 127.0.0.1', () => {
    let server: Server;
    let baseURL: string;
    const seen: { method: string; url: string; headers: Record<string, unknown>; body: string }[] = [];

    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString('utf8')));
        req.on('end', () => {
          seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              success: true,
              errors: [],
              messages: [],
              result: { id: 7, author: 'analyst@example.com', content: 'echo', is_follow_on_request: false, updated: '2024-01-01T00:00:00Z' },
            }),
          );
        });
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/client/v4`;
    });

    afterAll(() => new Promise<void>((done) => server.close(() => done())));

    it('sends the message the wrapper was given and returns the unwrapped result', async () => {
      interface Downstream {
        makeClient(baseURL: string): unknown;
        postMessage(client: unknown, accountId: string, requestId: string, text: string): Promise<unknown>;
      }
      const mod = (await import(pathToFileURL(join(app, 'dist', 'src', 'index.js')).href)) as Downstream;
      const client = mod.makeClient(baseURL);
      const result = await mod.postMessage(client, '023e105f4ecef8ad9ca31a8372d0c353', 'f174e90a-fafe-4643-bbbc-4a0ed4fc8415', 'Can you elaborate?');
      expect(result).toEqual({ id: 7, author: 'analyst@example.com', text: 'echo' });
      expect(seen).toHaveLength(1);
      const req = seen[0]!;
      expect(req.method).toBe('POST');
      expect(req.url).toBe('/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/cloudforce-one/requests/f174e90a-fafe-4643-bbbc-4a0ed4fc8415/message/new');
      expect(req.headers['x-auth-email']).toBe('user@example.com');
      expect(req.headers['x-auth-key']).toBe('downstream-key');
      expect(req.headers['content-type']).toBe('application/json');
      expect(JSON.parse(req.body)).toEqual({ content: 'Can you elaborate?' });
    });
  });
});

/**
 * Hostile specs (test/fixtures/hostile/): lathe is a build step that reads documents it does not
 * control, so spec text must never become code and spec names must never move a file out of the
 * output folder. Every fixture is generated in memory, its paths checked, all of them compiled with
 * one tsc --strict run, the compiled output imported, and the TypeScript scanned for payload that
 * escaped its comment or string.
 *
 * known-bugs/ holds one small spec per bug that lathe still has in files this suite's owner may not
 * edit; each is an `it.fails` that turns red when the bug is fixed (then make it an `it`).
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, LatheError, type Diagnostic, type OutputFile } from '../../generator/index.js';
import { assertInside, writeOutput } from '../../generator/write/index.js';
import { ROOT, tempDir } from '../helpers.js';
import { codeOutsideCommentsAndStrings, compileWorkspace, identifiersOf, pathProblems, type Workspace } from './workspace.js';

const FIXTURES = join(ROOT, 'test/fixtures/hostile');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** The identifiers the payloads try to declare or assign. */
const MARKERS = ['PWNED', 'PWNED_TPL'];

interface Case {
  readonly name: string;
  readonly spec: string;
  readonly config?: string;
}

const HOSTILE: Case[] = [
  { name: 'text', spec: 'text.yaml' },
  { name: 'names', spec: 'names.yaml' },
  { name: 'names-config', spec: 'names.yaml', config: 'names.config.yaml' },
  { name: 'toolchains', spec: 'toolchains.yaml' },
];

const KNOWN_BUGS: (Case & { fix: string })[] = [
  { name: 'bug-prototype-params', spec: 'known-bugs/prototype-params.yaml', fix: 'generator/emit/resource.ts' },
  { name: 'bug-positional-names', spec: 'known-bugs/positional-names.yaml', fix: 'generator/ir/index.ts' },
  { name: 'bug-same-name-params', spec: 'known-bugs/same-name-params.yaml', fix: 'generator/ir/index.ts' },
  { name: 'bug-cookie-local', spec: 'known-bugs/cookie-local.yaml', fix: 'generator/emit/resource.ts' },
  { name: 'bug-client-members', spec: 'known-bugs/client-members.yaml', fix: 'generator/ir/index.ts' },
  { name: 'bug-module-collision', spec: 'known-bugs/module-collision.yaml', fix: 'generator/ir/resources.ts' },
  {
    name: 'bug-config-keys-collide',
    spec: 'known-bugs/config-keys.yaml',
    config: 'known-bugs/config-keys-collide.config.yaml',
    fix: 'generator/ir/resources.ts',
  },
  {
    name: 'bug-config-keys-proto',
    spec: 'known-bugs/config-keys.yaml',
    config: 'known-bugs/config-keys-proto.config.yaml',
    fix: 'generator/config.ts',
  },
];

interface Generated {
  readonly files?: OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly error?: unknown;
}

async function run(c: Case): Promise<Generated> {
  try {
    const r = await generate({ spec: fixture(c.spec), specPath: c.spec, ...(c.config ? { config: fixture(c.config) } : {}) });
    return { files: r.files, diagnostics: r.diagnostics };
  } catch (error) {
    return { diagnostics: error instanceof LatheError ? error.diagnostics : [], error };
  }
}

const results = new Map<string, Generated>();
let workspace: Workspace;
let globalsBefore: Set<string>;

beforeAll(async () => {
  for (const c of [...HOSTILE, ...KNOWN_BUGS]) results.set(c.name, await run(c));
  const packages = new Map<string, OutputFile[]>();
  for (const [name, r] of results) {
    // Only whole, uniquely-pathed outputs go to disk; the tests below report the others.
    if (r.files && new Set(r.files.map((f) => f.path)).size === r.files.length) packages.set(name, r.files);
  }
  workspace = compileWorkspace(tempDir('lathe-hostile-'), packages);
  globalsBefore = new Set(Object.getOwnPropertyNames(globalThis));
}, 240_000);

afterAll(() => {
  if (workspace) rmSync(workspace.root, { recursive: true, force: true });
  for (const m of MARKERS) delete (globalThis as Record<string, unknown>)[m];
});

describe.each(HOSTILE)('hostile spec $spec $config', (c) => {
  const result = () => results.get(c.name)!;
  const files = () => {
    const r = result();
    if (!r.files) throw r.error;
    return r.files;
  };

  it('generates, with warnings at most (never a crash)', () => {
    expect(result().error).toBeUndefined();
    expect(result().diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps every output path inside the output folder, once', () => {
    const out = '/tmp/lathe-out';
    for (const f of files()) {
      expect(pathProblems(out, f.path), f.path).toEqual([]);
      expect(() => assertInside(out, f.path)).not.toThrow();
    }
    const paths = files().map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('compiles with tsc --strict', () => {
    expect(workspace.errorsOf(c.name)).toEqual([]);
    expect(existsSync(workspace.entryOf(c.name))).toBe(true);
  });

  it('keeps hostile text in comments and strings: no payload identifier, no payload line in code', () => {
    for (const f of files().filter((x) => x.path.endsWith('.ts') && !x.path.startsWith('src/core/'))) {
      const ids = identifiersOf(f.path, f.content);
      for (const m of MARKERS) expect(ids.has(m), `${f.path} declares or uses ${m}`).toBe(false);
      for (const line of codeOutsideCommentsAndStrings(f.path, f.content)) {
        expect(line, f.path).not.toMatch(/\bPWNED(_TPL)?\b/);
        expect(line, f.path).not.toMatch(/export const PWNED|<\/script>|\$\{/);
      }
    }
  });

  it('writes JSON that parses, and docs whose JSON examples parse', () => {
    for (const f of files()) {
      if (f.path.endsWith('.json')) expect(() => JSON.parse(f.content), f.path).not.toThrow();
      if (f.path.endsWith('.md'))
        for (const block of f.content.matchAll(/^```json\n([\s\S]*?)^```$/gm)) expect(() => JSON.parse(block[1]!), f.path).not.toThrow();
    }
  });

  it('imports without side effects: no new global, no PWNED export', async () => {
    const mod = (await import(pathToFileURL(workspace.entryOf(c.name)).href)) as Record<string, unknown>;
    const Client = mod.default as new (options: Record<string, unknown>) => object;
    const client = new Client({ baseURL: 'http://127.0.0.1:9', maxRetries: 0 });
    expect(client).toBeTruthy();
    for (const m of MARKERS) {
      expect(mod[m]).toBeUndefined();
      expect((globalThis as Record<string, unknown>)[m]).toBeUndefined();
    }
    const added = Object.getOwnPropertyNames(globalThis).filter((g) => !globalsBefore.has(g));
    expect(added).toEqual([]);
  });

  it('bundles with esbuild (as tsx and Vite do) into a module that loads', async () => {
    const bundled = await bundle(c.name);
    const mod = (await import(pathToFileURL(bundled).href)) as Record<string, unknown>;
    expect(typeof mod.default).toBe('function');
  });

  it('writes to disk inside the output folder and nowhere else', () => {
    const parent = tempDir('lathe-hostile-write-');
    const out = join(parent, 'out');
    writeOutput(out, files());
    expect(readdirSync(parent)).toEqual(['out']);
    const onDisk: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir)) {
        const full = join(dir, e);
        if (statSync(full).isDirectory()) walk(full);
        else onDisk.push(relative(out, full));
      }
    };
    walk(out);
    expect(onDisk.sort()).toEqual([...files().map((f) => f.path), '.lathe-manifest.json'].sort());
  });
});

/** The package's entry bundled by esbuild into one ES module file (written beside the workspace). */
async function bundle(name: string): Promise<string> {
  const entry = join(workspace.root, 'pkgs', name, 'src', 'index.ts');
  const outfile = join(workspace.root, 'esbuild', `${name}.mjs`);
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'silent' });
  return outfile;
}

describe('names other toolchains and the auth tables trip on', () => {
  it("a param key holding both quotes and a backslash survives esbuild, and is sent as it is named", async () => {
    const mod = (await import(pathToFileURL(await bundle('toolchains')).href)) as Record<string, unknown>;
    const build = mod.buildItemCreateRequest as (id: string, params: Record<string, unknown>) => Record<string, unknown>;
    const request = build('i', { "q'uote\"d": 'v', "h'ead\"er\\x": 'h', "b'o\"dy": 'b', plain: 1 });
    expect(request.query).toEqual([["q'uote\"d", 'v']]);
    expect(request.headers).toEqual({ "h'ead\"er\\x": 'h' });
    expect(request.body).toEqual({ type: 'json', value: { "b'o\"dy": 'b', plain: 1 } });
  });

  it('security schemes named constructor, toString, hasOwnProperty: the client compiles and sends the credential', async () => {
    expect(workspace.errorsOf('toolchains')).toEqual([]);
    const mod = (await import(pathToFileURL(workspace.entryOf('toolchains')).href)) as Record<string, unknown>;
    const Client = mod.default as new (options: Record<string, unknown>) => { items: { create(id: string, p: object): Promise<unknown> } };
    const seen: Headers[] = [];
    const fetch = async (_url: string, init: RequestInit) => {
      seen.push(new Headers(init.headers));
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const client = new Client({ constructor_: 'secret', baseURL: 'http://127.0.0.1:9', maxRetries: 0, fetch });
    await client.items.create('i', { "q'uote\"d": 'v' });
    expect(seen[0]!.get('x-constructor')).toBe('secret');
  });
});

describe('text payloads', () => {
  it('stay in the places they were written (sanity check that the fixture reaches the output)', () => {
    const all = results.get('text')!.files!.map((f) => f.content).join('\n');
    expect(all).toContain("'*/ export const PWNED = 1; /*'"); // an enum member, a string literal type
    expect(all).toContain('*\\/ export const PWNED = 1; /*'); // a description, defused in JSDoc
    expect(all).toContain('`${globalThis.PWNED_TPL = 1}`');
  });
});

describe('the writer refuses paths outside the output folder', () => {
  const out = () => join(tempDir('lathe-hostile-refuse-'), 'out');
  it.each(['../x.ts', '../../etc/passwd', '/etc/passwd', 'a/../../x', 'a\\..\\..\\x', '', 'src/\0.ts'])('%j', (path) => {
    const dir = out();
    expect(() => writeOutput(dir, [{ path, content: 'export const PWNED = 1;\n' }])).toThrow(/refusing to write/);
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(join(dir, '..'))).toEqual([]);
  });

  it('two files with one path', () => {
    const dir = out();
    const files = [
      { path: 'src/a.ts', content: 'export {};\n' },
      { path: 'src/a.ts', content: 'export const PWNED = 1;\n' },
    ];
    expect(() => writeOutput(dir, files)).toThrow(/two generated files/);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('specs that cannot be generated fail with diagnostics', () => {
  it.each([
    ['a $ref out of the spec folder', { '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '../../../../etc/passwd#/x' } } } } } } } }],
    ['a $ref to nothing', { '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/__proto__' } } } } } } } }],
  ])('%s', async (_, paths) => {
    const spec = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths };
    const error = await generate({ spec }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LatheError);
    expect((error as LatheError).diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('a config naming an endpoint the spec lacks', async () => {
    const error = await generate({
      spec: fixture('names.yaml'),
      config: { resources: { constructor: { methods: { __proto__x: 'get /../../etc/passwd' } } } },
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LatheError);
    expect((error as LatheError).diagnostics.map((d) => d.message).join('\n')).toContain('/../../etc/passwd');
  });
});

describe('bugs these fixtures found, fixed', () => {
  for (const bug of KNOWN_BUGS) {
    it(`${bug.name} generates whole output that compiles, or is refused with a diagnostic (fix in ${bug.fix})`, () => {
      const r = results.get(bug.name)!;
      if (bug.name === 'bug-config-keys-collide') {
        // Two config keys that would become one SDK name are the user's to rename: an error, placed.
        expect(r.error).toBeInstanceOf(LatheError);
        expect((r.error as LatheError).message).toContain("lathe.config.yaml:9:3: error: resources 'a_b' and 'aB' would get the same name in the SDK");
        expect((r.error as LatheError).message).toContain("methods 'x_y' and 'xY' would get the same name in the SDK");
        return;
      }
      expect(r.error).toBeUndefined();
      const paths = r.files!.map((f) => f.path);
      expect(new Set(paths).size).toBe(paths.length);
      expect(workspace.errorsOf(bug.name)).toEqual([]);
      if (bug.name === 'bug-config-keys-proto') {
        // The `__proto__` resource and the `__proto__` method must not vanish.
        expect(paths.some((p) => /^docs\/proto\//.test(p))).toBe(true);
        expect(paths.some((p) => /^docs\/other\/proto/.test(p))).toBe(true);
      }
    });
  }

  it('bug-prototype-params: an omitted `constructor`/`__proto__` param is not sent (fix in generator/emit/resource.ts)', async () => {
    const mod = (await import(pathToFileURL(workspace.entryOf('bug-prototype-params')).href)) as Record<string, unknown>;
    const build = Object.entries(mod).find(([k]) => k.startsWith('build'))![1] as (params?: object) => { query: unknown[] };
    expect(build({}).query).toEqual([]);
  });
});

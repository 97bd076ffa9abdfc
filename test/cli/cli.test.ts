/**
 * The CLI as users run it: exit codes, diagnostics with file:line:col and JSON pointer, no stack
 * traces, and an output folder left untouched by a failed run.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import { BIN, lathe, read, ROOT, tempDir } from '../helpers.js';

const SPEC = read('spec/cloudforce-one-message-create.yaml');
let dir: string;

beforeEach(() => {
  dir = tempDir();
  mkdirSync(join(dir, 'spec'));
  writeFileSync(join(dir, 'spec', 'api.yaml'), SPEC);
  writeFileSync(join(dir, 'lathe.config.yaml'), read('lathe.config.yaml').replace('spec/cloudforce-one-message-create.yaml', 'spec/api.yaml'));
});

function snapshotTree(out: string): Record<string, string> {
  const files = JSON.parse(readFileSync(join(out, '.lathe-manifest.json'), 'utf8')) as { files: Record<string, string> };
  return Object.fromEntries(Object.keys(files.files).map((p) => [p, readFileSync(join(out, p), 'utf8')]));
}

describe('lathe generate / check', () => {
  it('generates, then check passes, then check fails listing a changed file', () => {
    const gen = lathe(['generate'], dir);
    expect(gen.stderr).not.toMatch(/: error: /);
    expect(gen.code).toBe(0);
    expect(lathe(['check'], dir).code).toBe(0);
    const file = join(dir, 'generated', 'src', 'client.ts');
    writeFileSync(file, `${readFileSync(file, 'utf8')}// hand edit\n`);
    const check = lathe(['check'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('changed: generated/src/client.ts');
    expect(check.stderr).toContain('-// hand edit');
  });

  it('does not rewrite unchanged files', () => {
    expect(lathe(['generate'], dir).code).toBe(0);
    const file = join(dir, 'generated', 'src', 'client.ts');
    const before = statSync(file).mtimeMs;
    // Nothing changed: the recorded inputs match, so the pipeline does not even run.
    const again = lathe(['generate'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('up to date (inputs unchanged');
    expect(statSync(file).mtimeMs).toBe(before);
    // A changed spec runs it, and files whose content is the same keep their mtime.
    writeFileSync(join(dir, 'spec', 'api.yaml'), SPEC.replace('Adds a message to a Cloudforce One', 'Adds a NOTE to a Cloudforce One'));
    const edited = lathe(['generate'], dir);
    expect(edited.code).toBe(0);
    expect(edited.stdout).toMatch(/wrote generated: [1-9]\d* changed, 0 removed, [1-9]\d* unchanged/);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('after an edit, writes the wire types a first run writes (the last run\'s are reused where nothing changed)', () => {
    expect(lathe(['generate'], dir).code).toBe(0);
    const edited = SPEC.replace('summary: Create a New Request Message', 'summary: Create a New Request Message (edited)');
    expect(edited).not.toBe(SPEC);
    writeFileSync(join(dir, 'spec', 'api.yaml'), edited);
    expect(lathe(['generate'], dir).code).toBe(0);
    // The same spec under another name has no earlier wire types to reuse.
    writeFileSync(join(dir, 'spec', 'copy.yaml'), edited);
    expect(lathe(['generate', '--spec', 'spec/copy.yaml', '--out', 'fresh'], dir).code).toBe(0);
    const wire = readFileSync(join(dir, 'generated', 'src', 'openapi.ts'), 'utf8');
    expect(wire).toContain('Create a New Request Message (edited)');
    expect(wire).toBe(readFileSync(join(dir, 'fresh', 'src', 'openapi.ts'), 'utf8'));
  });

  it('records the fingerprint of the files the run loaded when the spec comes to refer to one more', () => {
    expect(lathe(['generate'], dir).code).toBe(0);
    writeFileSync(join(dir, 'spec', 'content.yaml'), 'type: string\ndescription: Content of a NOTE.\n');
    const referring = SPEC.replace(
      /cloudforce-one-requests_message-content:\n(\s+)description: Content of message\.\n\s+type: string\n\s+example: [^\n]*\n\s+x-auditable: true\n/,
      'cloudforce-one-requests_message-content:\n$1$ref: "./content.yaml"\n',
    );
    expect(referring).not.toBe(SPEC);
    writeFileSync(join(dir, 'spec', 'api.yaml'), referring);
    expect(lathe(['generate'], dir).stdout).toMatch(/wrote generated: [1-9]\d* changed/);
    expect(lathe(['check'], dir).stdout).toContain('inputs unchanged');
    writeFileSync(join(dir, 'spec', 'content.yaml'), 'type: string\ndescription: Content of a LINE.\n');
    const check = lathe(['check'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('Content of a LINE');
  });

  it('check takes the fast path only while the output is untouched', () => {
    expect(lathe(['generate'], dir).code).toBe(0);
    expect(lathe(['check'], dir).stdout).toContain('inputs unchanged');
    const readme = join(dir, 'generated', 'README.md');
    writeFileSync(readme, `${readFileSync(readme, 'utf8')}\nhand edit\n`);
    const r = lathe(['check'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('changed: generated/README.md');
  });

  it("does not answer from the manifest when a library lathe runs has another version than the one recorded", () => {
    expect(lathe(['generate'], dir).code).toBe(0);
    const manifestPath = join(dir, 'generated', '.lathe-manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { inputs: { libraries: Record<string, string> } };
    const pkg = JSON.parse(read('package.json')) as { name: string; version: string; dependencies: Record<string, string> };
    // Every runtime dependency is recorded, as resolved (not as the range package.json asks for).
    expect(Object.keys(manifest.inputs.libraries).sort()).toEqual([pkg.name, ...Object.keys(pkg.dependencies)].sort());
    expect(manifest.inputs.libraries[pkg.name]).toBe(pkg.version);
    const prettier = JSON.parse(read('node_modules/prettier/package.json')) as { version: string };
    expect(manifest.inputs.libraries.prettier).toBe(prettier.version);
    expect(lathe(['check'], dir).stdout).toContain('inputs unchanged');
    // As if prettier had been upgraded since the output was made.
    manifest.inputs.libraries.prettier = '0.0.1';
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    const check = lathe(['check'], dir);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/up to date \(\d+ files\)/);
    const gen = lathe(['generate'], dir);
    expect(gen.stdout).toMatch(/wrote generated: 0 changed, 0 removed, [1-9]\d* unchanged/);
    expect(lathe(['check'], dir).stdout).toContain('inputs unchanged');
  });

  it('a first run into an empty folder writes what generate() returns', async () => {
    mkdirSync(join(dir, 'empty'));
    const r = lathe(['generate', '--out', 'empty'], dir);
    expect(r.code).toBe(0);
    const { generate } = await import('../../generator/index.js');
    const { files } = await generate({ spec: SPEC, specPath: 'spec/api.yaml', config: read('lathe.config.yaml') });
    const tree = snapshotTree(join(dir, 'empty'));
    expect(Object.keys(tree).sort()).toEqual(files.map((f) => f.path).sort());
    for (const f of files) expect(tree[f.path], f.path).toBe(f.content);
    // Nothing is left beside it: the staging folder became the output.
    expect(readdirSync(dir).filter((e) => e.includes('.lathe-'))).toEqual([]);
  });

  it('says why when it cannot write the output, without a stack trace', () => {
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const r = lathe(['generate', '--out', 'a-file/out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^lathe: cannot write a-file\/out: .*(ENOTDIR|not a directory)/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'a-file'), 'utf8')).toBe('not a folder');
  });

  it('a failed first run leaves no output and no staging folder behind', () => {
    writeFileSync(join(dir, 'spec', 'api.yaml'), SPEC.replace('"#/components/schemas/cloudforce-one-requests_uuid"', '"#/components/schemas/Nope"'));
    mkdirSync(join(dir, 'empty'));
    const r = lathe(['generate', '--out', 'empty'], dir);
    expect(r.code).toBe(1);
    expect(readdirSync(join(dir, 'empty'))).toEqual([]);
    expect(readdirSync(dir).filter((e) => e.includes('.lathe-'))).toEqual([]);
  });

  it('reports a YAML syntax error with file:line:col, exits 1 and leaves the output untouched', () => {
    expect(lathe(['generate'], dir).code).toBe(0);
    const before = snapshotTree(join(dir, 'generated'));
    writeFileSync(join(dir, 'spec', 'api.yaml'), 'openapi: 3.0.3\ninfo:\n  title: x\n  version: [1\npaths: {}\n');
    const r = lathe(['generate'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^spec\/api\.yaml:\d+:\d+: error: /m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotTree(join(dir, 'generated'))).toEqual(before);
  });

  it('reports a $ref that does not resolve with its line, column and JSON pointer', () => {
    expect(lathe(['generate'], dir).code).toBe(0);
    const before = snapshotTree(join(dir, 'generated'));
    const broken = SPEC.replace(
      '$ref: "#/components/schemas/cloudforce-one-requests_request-message-item"',
      '$ref: "#/components/schemas/Nope"',
    );
    writeFileSync(join(dir, 'spec', 'api.yaml'), broken);
    const line = broken.split('\n').findIndex((l) => l.includes('schemas/Nope')) + 1;
    const column = broken.split('\n')[line - 1]!.indexOf('$ref') + 1;
    const r = lathe(['generate'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `spec/api.yaml:${line}:${column}: error: $ref '#/components/schemas/Nope' does not resolve (at #/paths/~1accounts~1{account_id}~1cloudforce-one~1requests~1{request_id}~1message~1new/post/responses/200/content/application~1json/schema/allOf/1/properties/result/$ref)`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotTree(join(dir, 'generated'))).toEqual(before);
  });

  it('exits 2 with usage on an unknown flag or command', () => {
    const flag = lathe(['generate', '--frobnicate'], dir);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('Usage: lathe');
    expect(lathe(['frobnicate'], dir).code).toBe(2);
  });

  it('--spec and --out override the config', () => {
    cpSync(join(dir, 'spec', 'api.yaml'), join(dir, 'other.yaml'));
    const r = lathe(['generate', '--spec', 'other.yaml', '--out', 'elsewhere'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'elsewhere', 'src', 'client.ts'), 'utf8')).toContain('class Cloudflare');
  });
});

describe("import { generate } from 'lathe-openapi'", () => {
  it('returns the files in memory and writes nothing', () => {
    const script = [
      "import { generate } from 'lathe-openapi';",
      "import { readFileSync, readdirSync } from 'node:fs';",
      "const before = readdirSync('.').sort().join();",
      "const r = await generate({ spec: readFileSync(process.argv[1], 'utf8'), config: readFileSync(process.argv[2], 'utf8') });",
      "console.log(JSON.stringify({ files: r.files.map((f) => f.path), client: r.files.find((f) => f.path === 'src/client.ts').content.includes('class Cloudflare'), untouched: readdirSync('.').sort().join() === before }));",
    ].join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, join(ROOT, 'spec/cloudforce-one-message-create.yaml'), join(ROOT, 'lathe.config.yaml')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { files: string[]; client: boolean; untouched: boolean };
    expect(out.files).toContain('src/resources/cloudforce-one/requests/message.ts');
    expect(out.client).toBe(true);
    expect(out.untouched).toBe(true);
  });
});

describe('lathe options', () => {
  it('--version prints the package version and --help the usage, both exit 0', () => {
    const pkg = JSON.parse(read('package.json')) as { version: string };
    const v = lathe(['--version'], dir);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(pkg.version);
    const h = lathe(['--help'], dir);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Usage: lathe');
    expect(h.stdout).toContain('--watch');
  });

  it('--verbose prints stage timings and --quiet prints nothing on success', () => {
    const verbose = lathe(['generate', '--verbose'], dir);
    expect(verbose.stdout).toMatch(/stages: load \d+ ms, ir \d+ ms, wire \d+ ms, emit \d+ ms, format \d+ ms, write \d+ ms/);
    const quiet = lathe(['generate', '--quiet'], dir);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe('');
  });

  it('points a config mistake found against the spec at its line in the config', () => {
    const config = read('lathe.config.yaml')
      .replace('spec/cloudforce-one-message-create.yaml', 'spec/api.yaml')
      .replace('create: post /accounts', 'create: put /accounts');
    writeFileSync(join(dir, 'lathe.config.yaml'), config);
    const line = config.split('\n').findIndex((l) => l.includes('create: put /accounts')) + 1;
    const r = lathe(['generate'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`lathe.config.yaml:${line}:`);
    expect(r.stderr).toContain("error: method 'create' names 'put /accounts/{account_id}/cloudforce-one/requests/{request_id}/message/new', which the spec does not have");
  });
});

describe('config errors of both kinds', () => {
  it('a shape error and an unknown auth scheme are both reported in one run, then exit 1', () => {
    const config = `${read('lathe.config.yaml')
      .replace('spec/cloudforce-one-message-create.yaml', 'spec/api.yaml')
      .replace('auth:\n', 'auth:\n  no_such_scheme:\n    env: X\n')}\nwireTypes: sometimes\n`;
    writeFileSync(join(dir, 'lathe.config.yaml'), config);
    const line = (needle: string) => config.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const r = lathe(['generate'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`lathe.config.yaml:${line('wireTypes: sometimes')}:`);
    expect(r.stderr).toMatch(new RegExp(`lathe\\.config\\.yaml:${line('no_such_scheme:')}:\\d+: error: .auth. names the security scheme 'no_such_scheme'`));
    expect(r.stderr).not.toMatch(/internal error/);
    expect(readdirSync(dir)).not.toContain('generated');
  });
});

describe('$refs outside the spec folder', () => {
  it('are refused, and allowed for the folders the config lists in refRoots', () => {
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', 'content.yaml'), 'type: string\ndescription: Shared content.\n');
    writeFileSync(
      join(dir, 'spec', 'api.yaml'),
      SPEC.replace(
        /cloudforce-one-requests_message-content:\n(\s+)description: Content of message\.\n\s+type: string\n\s+example: [^\n]*\n\s+x-auditable: true\n/,
        'cloudforce-one-requests_message-content:\n$1$ref: "../shared/content.yaml"\n',
      ),
    );
    const refused = lathe(['generate'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/spec\/api\.yaml:\d+:\d+: error: .*shared\/content\.yaml.*outside/);
    writeFileSync(join(dir, 'lathe.config.yaml'), `${read('lathe.config.yaml').replace('spec/cloudforce-one-message-create.yaml', 'spec/api.yaml')}\nrefRoots: [shared]\n`);
    const allowed = lathe(['generate'], dir);
    expect(allowed.stderr).not.toMatch(/: error: /);
    expect(allowed.code).toBe(0);
  });
});

describe("the consuming project's Prettier config", () => {
  it('is respected when one governs the output folder', () => {
    writeFileSync(join(dir, '.prettierrc.json'), JSON.stringify({ semi: false, singleQuote: false }));
    expect(lathe(['generate'], dir).code).toBe(0);
    const client = readFileSync(join(dir, 'generated', 'src', 'client.ts'), 'utf8');
    expect(client).toContain('import { BaseClient } from "./core/client.js"\n');
    expect(lathe(['check'], dir).code).toBe(0);
  });
});

describe('lathe generate --watch', () => {
  it('regenerates on a spec change, survives a bad edit and recovers on the next good one', async () => {
    const child = spawn(process.execPath, [BIN, 'generate', '--watch'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const waitFor = async (pattern: RegExp, from: number) => {
      for (let i = 0; i < 300 && !pattern.test(out.slice(from)); i++) await new Promise((r) => setTimeout(r, 100));
      expect(out.slice(from)).toMatch(pattern);
    };
    const spec = join(dir, 'spec', 'api.yaml');
    try {
      await waitFor(/watching for changes/, 0);
      let mark = out.length;
      writeFileSync(spec, SPEC.replace('Adds a message to a Cloudforce One', 'Adds a NOTE to a Cloudforce One'));
      await waitFor(/wrote generated: [1-9]\d* changed/, mark);
      expect(readFileSync(join(dir, 'generated', 'src/resources/cloudforce-one/requests/message.ts'), 'utf8')).toContain('Adds a NOTE');
      mark = out.length;
      writeFileSync(spec, 'openapi: 3.0.3\ninfo: [broken\n');
      await waitFor(/error: /, mark);
      mark = out.length;
      writeFileSync(spec, SPEC);
      await waitFor(/wrote generated: [1-9]\d* changed/, mark);
      expect(readFileSync(join(dir, 'generated', 'src/resources/cloudforce-one/requests/message.ts'), 'utf8')).toContain('Adds a message');
      // Ctrl-C right after a change, before its run starts: the run is dropped and the process exits
      // (it used to start the run anyway and watch again, never to exit).
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      writeFileSync(spec, SPEC.replace('Adds a message to a Cloudforce One', 'Adds a LAST message to a Cloudforce One'));
      child.kill('SIGINT');
      const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running'), 20_000))]);
      expect(code).toBe(0);
    } finally {
      child.kill('SIGINT');
    }
  }, 90_000);
});

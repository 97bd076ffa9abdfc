/**
 * Fault injection on the build step, through the built CLI: a spec saved while a run reads it,
 * runs at the same time, kill -9 at random points of a write, debris of killed runs, an output
 * folder that must not be replaced (a mount point), symbolic links, and a bad --out.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BIN, lathe, outputTree, read, tempDir } from '../helpers.js';

/** A pid no process has (above Linux's largest pid_max). */
const DEAD = 99999999;
const SPEC = read('examples/cloudforce-one/spec/cloudflare-cloudforce-one.yaml');
const CONFIG = read('examples/cloudforce-one/lathe.config.yaml').replace('spec/cloudflare-cloudforce-one.yaml', 'spec/api.yaml').replace('output: generated', 'output: out');
/** A spec in two files. */
const MULTI_FILE = `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /things:
    get:
      operationId: listThings
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: './part.yaml#/Thing' }
`;
/** The same spec with another client name: most files change. */
const CONFIG_B = CONFIG.replace('name: Cloudflare', 'name: Cloudburst');

let dir: string;
let out: string;

beforeEach(() => {
  dir = tempDir();
  out = join(dir, 'out');
  mkdirSync(join(dir, 'spec'));
  writeFileSync(join(dir, 'spec', 'api.yaml'), SPEC);
  writeFileSync(join(dir, 'lathe.config.yaml'), CONFIG);
  writeFileSync(join(dir, 'b.config.yaml'), CONFIG_B);
});


function start(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; output: () => string; done: Promise<{ code: number | null; signal: string | null; output: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const done = new Promise<{ code: number | null; signal: string | null; output: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, output })),
  );
  return { child, output: () => output, done };
}

/** The trees a whole run writes with each config. */
function referenceTrees(configB = 'b.config.yaml'): { a: Record<string, string>; b: Record<string, string> } {
  expect(lathe(['generate', '--config', configB], dir).code).toBe(0);
  const b = outputTree(out);
  rmSync(out, { recursive: true });
  expect(lathe(['generate'], dir).code).toBe(0);
  return { a: outputTree(out), b };
}

describe('a spec saved while generate runs', () => {
  it('gives output with the fingerprint of what was read, so check sees the spec on disk is newer', async () => {
    const spec = join(dir, 'spec', 'api.yaml');
    unlinkSync(spec);
    // A named pipe: the run reads exactly what the test writes, and the test knows when it has.
    expect(spawnSync('mkfifo', [spec]).status).toBe(0);
    const run = start(['generate']);
    await writeFile(spec, SPEC);
    // The editor saves a new version right after lathe read the old one.
    unlinkSync(spec);
    writeFileSync(spec, SPEC.replace('Creating a request adds the request', 'Creating a NEW request adds the request'));
    const { code } = await run.done;
    expect(code).toBe(0);
    const check = lathe(['check'], dir);
    expect(check.stdout).not.toContain('inputs unchanged');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('is stale');
    expect(lathe(['generate'], dir).stdout).toMatch(/wrote out: [1-9]\d* changed/);
  });
  it('also when the file saved is one the spec refers to', async () => {
    writeFileSync(join(dir, 'spec', 'api.yaml'), MULTI_FILE);
    const part = join(dir, 'spec', 'part.yaml');
    expect(spawnSync('mkfifo', [part]).status).toBe(0);
    writeFileSync(join(dir, 'none.yaml'), '');
    const run = start(['generate', '--spec', 'spec/api.yaml', '--config', 'none.yaml']);
    await writeFile(part, 'Thing:\n  type: object\n  properties:\n    id: { type: string }\n');
    unlinkSync(part);
    writeFileSync(part, 'Thing:\n  type: object\n  properties:\n    ident: { type: string }\n');
    expect((await run.done).code).toBe(0);
    const check = lathe(['check', '--spec', 'spec/api.yaml', '--config', 'none.yaml'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/^\s*\+\s+ident\?: string;$/m);
  });
});

describe('two runs into one output folder', () => {
  it('take turns: the second waits for the first, and the folder ends up as the second wrote it', async () => {
    // The second run reads a spec file of its own; the first reads a named pipe, so it holds the
    // lock until the test feeds it, after the second has said it waits: no timing to race.
    writeFileSync(join(dir, 'spec', 'b.yaml'), SPEC);
    writeFileSync(join(dir, 'b2.config.yaml'), CONFIG_B.replace('spec/api.yaml', 'spec/b.yaml'));
    const { a, b } = referenceTrees('b2.config.yaml');
    rmSync(out, { recursive: true });
    const spec = join(dir, 'spec', 'api.yaml');
    unlinkSync(spec);
    expect(spawnSync('mkfifo', [spec]).status).toBe(0);
    const first = start(['generate']);
    while (!existsSync(join(out, '.lathe-lock'))) await new Promise((r) => setTimeout(r, 20));
    const second = start(['generate', '--config', 'b2.config.yaml']);
    const waiting = /waiting for another lathe run \(pid \d+\) to finish with out/;
    for (let i = 0; i < 500 && !waiting.test(second.output()); i++) await new Promise((r) => setTimeout(r, 20));
    expect(second.output()).toMatch(waiting);
    await writeFile(spec, SPEC);
    const [r1, r2] = await Promise.all([first.done, second.done]);
    expect([r1.code, r2.code]).toEqual([0, 0]);
    // The second ran last, over the first's output.
    expect(JSON.stringify(outputTree(out))).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
  });

  it('gives up after LATHE_LOCK_TIMEOUT with a clear message while another live run holds the folder', async () => {
    mkdirSync(out);
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(join(out, '.lathe-lock'), JSON.stringify({ pid: holder.pid, host: hostname() }));
      const r = spawnSync(process.execPath, [BIN, 'generate'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LATHE_LOCK_TIMEOUT: '1' } });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`lathe: cannot write out: another lathe run (pid ${holder.pid}) is using it; gave up after 1 s (if no lathe is running, delete out/.lathe-lock)`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(out)).toEqual(['.lathe-lock']);
      // check writes nothing, but must not read a write half done: it waits too.
      const check = spawnSync(process.execPath, [BIN, 'check'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LATHE_LOCK_TIMEOUT: '1' } });
      expect(check.status).toBe(1);
      expect(check.stderr).toContain(`lathe: cannot check out: another lathe run (pid ${holder.pid}) is using it; gave up after 1 s`);
    } finally {
      holder.kill();
    }
  });
});

describe('kill -9 during generate', () => {
  it('leaves the old output or the new one (after the next run cleaned up), at random points of the run and of the write', async () => {
    const { a, b } = referenceTrees();
    const saved = join(dir, 'saved-a');
    cpSync(out, saved, { recursive: true });
    const seen = { old: 0, new: 0, mixed: 0 };
    for (let trial = 0; trial < 8; trial++) {
      rmSync(out, { recursive: true });
      cpSync(saved, out, { recursive: true });
      const run = start(['generate', '--config', 'b.config.yaml']);
      if (trial % 2 === 0) {
        // Anywhere in the run.
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 900));
      } else {
        // In the write itself: once the staging folder appears, after 0-3 ms.
        const staging = `.lathe-tmp-${run.child.pid}`;
        const deadline = Date.now() + 30_000;
        while (!existsSync(join(out, staging)) && run.child.exitCode === null && Date.now() < deadline) await new Promise((r) => setImmediate(r));
        const wait = Date.now() + Math.random() * 4;
        while (Date.now() < wait) await new Promise((r) => setImmediate(r));
      }
      run.child.kill('SIGKILL');
      await run.done;
      // The next run of either command finishes or drops what the killed one left.
      lathe(['check', '--config', 'b.config.yaml'], dir);
      const after = JSON.stringify(outputTree(out));
      const which = after === JSON.stringify(a) ? 'old' : after === JSON.stringify(b) ? 'new' : 'mixed';
      expect(which, `trial ${trial}`).not.toBe('mixed');
      seen[which]++;
    }
    expect(seen.mixed).toBe(0);
  }, 120_000);
});

describe('debris of killed runs', () => {
  it('is removed by the next run, also when it finds the output up to date', () => {
    expect(lathe(['generate'], dir).code).toBe(0);
    mkdirSync(join(out, `.lathe-tmp-${DEAD}`));
    writeFileSync(join(out, `.lathe-tmp-${DEAD}`, '0'), 'half a file');
    mkdirSync(`${out}.lathe-old-${DEAD}`);
    writeFileSync(join(`${out}.lathe-old-${DEAD}`, 'a.ts'), 'a whole previous output');
    mkdirSync(`${out}.lathe-tmp-${DEAD}`);
    writeFileSync(join(out, '.lathe-lock'), JSON.stringify({ pid: DEAD, host: hostname() }));
    writeFileSync(join(out, `.lathe-lock.${DEAD}`), JSON.stringify({ pid: DEAD, host: hostname() }));
    const again = lathe(['generate'], dir);
    expect(again.stdout).toContain('up to date (inputs unchanged');
    expect(readdirSync(dir).sort()).toEqual(['b.config.yaml', 'lathe.config.yaml', 'out', 'spec']);
    expect(readdirSync(out).filter((e) => e.startsWith('.lathe-'))).toEqual(['.lathe-manifest.json']);
    // check, which otherwise writes nothing, cleans up too: a staging folder, a dead run's lock.
    mkdirSync(join(out, `.lathe-tmp-${DEAD}`));
    expect(lathe(['check'], dir).stdout).toContain('up to date (inputs unchanged');
    expect(existsSync(join(out, `.lathe-tmp-${DEAD}`))).toBe(false);
    writeFileSync(join(out, '.lathe-lock'), JSON.stringify({ pid: DEAD, host: hostname() }));
    expect(lathe(['check'], dir).code).toBe(0);
    expect(readdirSync(out).filter((e) => e.startsWith('.lathe-'))).toEqual(['.lathe-manifest.json']);
  });
});

describe('an output folder that is a mount point', () => {
  it('is written inside, never replaced: its inode stays through a rewrite of most files, and nothing is put beside it', () => {
    // First the one-operation fragment, then the whole Cloudforce One spec: most files are new or changed.
    writeFileSync(join(dir, 'small.yaml'), read('spec/cloudforce-one-message-create.yaml'));
    writeFileSync(join(dir, 'small.config.yaml'), read('lathe.config.yaml').replace('spec/cloudforce-one-message-create.yaml', 'small.yaml').replace('output: generated', 'output: out'));
    expect(lathe(['generate', '--config', 'small.config.yaml'], dir).code).toBe(0);
    const inode = statSync(out).ino;
    const r = lathe(['generate'], dir);
    expect(r.code).toBe(0);
    expect(Number(/wrote out: (\d+) changed/.exec(r.stdout)?.[1])).toBeGreaterThan(32);
    expect(statSync(out).ino).toBe(inode);
    expect(readdirSync(dir).sort()).toEqual(['b.config.yaml', 'lathe.config.yaml', 'out', 'small.config.yaml', 'small.yaml', 'spec']);
  });
});

describe('a symbolic link inside the output folder', () => {
  it('is refused with a clear error, and nothing is written where it leads', () => {
    expect(lathe(['generate'], dir).code).toBe(0);
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    rmSync(join(out, 'docs'), { recursive: true });
    symlinkSync(outside, join(out, 'docs'));
    const r = lathe(['generate', '--config', 'b.config.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("lathe: cannot write out: refusing to write 'docs': it is a symbolic link");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('check --out FILE', () => {
  it('is a user error: exit 1 and a message, no stack trace', () => {
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const r = lathe(['check', '--out', 'a-file'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('lathe: cannot check a-file: it is a file, not a folder\n');
    expect(readFileSync(join(dir, 'a-file'), 'utf8')).toBe('not a folder');
  });
});

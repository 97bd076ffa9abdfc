/**
 * Restarting node with fewer V8 background threads for a big spec on a small machine
 * (generator/threads.ts): when it happens, and that the restarted run behaves like any other.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIG_SPEC_BYTES, poolSizeFor, type Launch } from '../../generator/threads.js';
import { BIN, lathe, read, tempDir } from '../helpers.js';

const SPEC = read('spec/cloudforce-one-message-create.yaml');
/** The fragment with an extension holding enough text to count as big. */
const BIG_SPEC = `${SPEC}\nx-filler: '${'a'.repeat(BIG_SPEC_BYTES)}'\n`;

function project(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('poolSizeFor', () => {
  const big = project({ 'spec/api.yaml': BIG_SPEC, 'small.yaml': SPEC });
  const launch = (argv: string[], more: Partial<Launch> = {}): number | undefined =>
    poolSizeFor({ argv, cwd: big, env: {}, execArgv: [], cores: 2, ...more });

  it('restarts generate on a big spec with one thread fewer than the cores, at least one', () => {
    expect(launch(['generate', '--spec', 'spec/api.yaml'])).toBe(1);
    expect(launch(['generate', '--spec=spec/api.yaml', '--quiet'])).toBe(1);
    expect(launch(['generate', '--spec', 'spec/api.yaml'], { cores: 1 })).toBe(1);
    expect(launch(['generate', '--spec', 'spec/api.yaml'], { cores: 4 })).toBe(3);
  });

  it('finds the spec through the config, relative to the config file', () => {
    // Run from spec/, with the config one folder up: its `spec:` is relative to the config.
    const withConfig = (config: string) => {
      writeFileSync(join(big, 'lathe.config.yaml'), config);
      return poolSizeFor({ argv: ['generate', '--config', '../lathe.config.yaml'], cwd: join(big, 'spec'), env: {}, execArgv: [], cores: 2 });
    };
    expect(withConfig('spec: spec/api.yaml\noutput: out\n')).toBe(1);
    expect(withConfig("package:\n  name: x\nspec: 'spec/api.yaml' # the API\n")).toBe(1);
    expect(withConfig('spec: small.yaml\n')).toBeUndefined();
    expect(withConfig('# spec: spec/api.yaml\n')).toBeUndefined();
  });

  it('leaves everything else as node started it', () => {
    expect(launch(['generate', '--spec', 'small.yaml'])).toBeUndefined();
    expect(launch(['generate', '--spec', 'missing.yaml'])).toBeUndefined();
    expect(launch(['generate'])).toBeUndefined();
    expect(launch(['check', '--spec', 'spec/api.yaml'])).toBeUndefined();
    // Node's own pool is 4: with 5 cores there is nothing to change.
    expect(launch(['generate', '--spec', 'spec/api.yaml'], { cores: 5 })).toBeUndefined();
    // A watch process is long-lived and handles Ctrl-C itself: it runs as started.
    expect(launch(['generate', '--spec', 'spec/api.yaml', '--watch'])).toBeUndefined();
    expect(launch(['generate', '--spec', 'spec/api.yaml'], { env: { LATHE_V8_POOL: '1' } })).toBeUndefined();
    expect(launch(['generate', '--spec', 'spec/api.yaml'], { execArgv: ['--v8-pool-size=3'] })).toBeUndefined();
    expect(launch(['generate', '--spec', 'spec/api.yaml'], { execArgv: ['--inspect-brk'] })).toBeUndefined();
    expect(launch(['generate', '--spec', 'spec/api.yaml'], { env: { NODE_OPTIONS: '--inspect=9230' } })).toBeUndefined();
    expect(launch(['generate', '--spec', 'spec/api.yaml'], { env: { NODE_OPTIONS: '--max-old-space-size=4096 --v8-pool-size=2' } })).toBeUndefined();
  });
});

describe('a restarted run', () => {
  const restarts = availableParallelism() < 5;

  it('writes the same SDK as a run that is not restarted, and says it was restarted', () => {
    const dir = project({ 'spec/api.yaml': BIG_SPEC, 'lathe.config.yaml': read('lathe.config.yaml').replace('spec/cloudforce-one-message-create.yaml', 'spec/api.yaml') });
    const run = lathe(['generate', '--verbose'], dir);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/lathe: wrote generated: \d+ changed, 0 removed, 0 unchanged/);
    expect(run.stdout.includes('restarted with')).toBe(restarts);
    // A pool size set on purpose is kept: no restart.
    const plain = spawnSync(process.execPath, [BIN, 'generate', '--verbose', '--out', 'plain'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '--v8-pool-size=4' },
    });
    expect(plain.status).toBe(0);
    expect(plain.stdout).not.toContain('restarted with');
    const tree = (out: string) => readdirSync(join(dir, out), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    const files = tree('generated').filter((f) => !f.endsWith('.lathe-manifest.json'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(readFileSync(f, 'utf8'), f).toBe(readFileSync(f.replace(join(dir, 'generated'), join(dir, 'plain')), 'utf8'));
  });

  it.runIf(restarts && existsSync('/proc'))('passes a signal on to the restarted run, and both end', async () => {
    const dir = project({ 'api.yaml': BIG_SPEC });
    const child = spawn(process.execPath, [BIN, 'generate', '--spec', 'api.yaml', '--out', 'out'], { cwd: dir, stdio: 'ignore' });
    const ended = new Promise<NodeJS.Signals | number | null>((done) => child.once('exit', (code, signal) => done(signal ?? code)));
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    // The restarted node: the process whose parent is the one we started.
    const restarted = async (): Promise<number | undefined> => {
      for (let i = 0; i < 200; i++) {
        for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
          try {
            const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
            if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === child.pid) return Number(entry);
          } catch {
            // Gone meanwhile.
          }
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      return undefined;
    };
    const pid = await restarted();
    expect(pid).toBeDefined();
    child.kill('SIGTERM');
    const how = await Promise.race([ended, new Promise<string>((r) => setTimeout(() => r('still running'), 20_000))]);
    expect(how).toBe('SIGTERM');
    for (let i = 0; i < 100 && alive(pid!); i++) await new Promise((r) => setTimeout(r, 50));
    expect(alive(pid!)).toBe(false);
    // Stopped, not left to finish on its own: it never wrote the output.
    expect(existsSync(join(dir, 'out', '.lathe-manifest.json'))).toBe(false);
  });

  it("ends with the run's exit code, its diagnostics on stderr", () => {
    const dir = project({ 'api.yaml': BIG_SPEC.replace(/^openapi: .*$/m, 'openapi: 9.9.9') });
    const run = lathe(['generate', '--spec', 'api.yaml'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/api\.yaml:\d+:\d+: error: /);
  });
});

/**
 * A generated package installs as a `file:` dependency of a fresh project with a plain
 * `npm install --offline` (issue 16): its `prepare` must not need the devDependencies npm does not
 * install there, and once built (as the README says) it imports by its name.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lathe, ROOT, tempDir, tsc } from '../helpers.js';

const npm = (args: string[], cwd: string) => {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });
  return { code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
};

describe('a generated package as a file: dependency', () => {
  // Under the OS temp folder: no node_modules above it, so no TypeScript to be found from it.
  const dir = tempDir('lathe-install-');
  const gen = join(dir, 'sdk');
  const app = join(dir, 'app');

  it('generates', () => {
    const r = lathe(['generate', '--spec', join(ROOT, 'spec/cloudforce-one-message-create.yaml'), '--config', join(ROOT, 'lathe.config.yaml'), '--out', gen, '--quiet'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('its prepare script succeeds where TypeScript is not installed, and says how to build', () => {
    const r = npm(['run', 'prepare'], gen);
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/TypeScript is not installed here: build this package with tsc -p tsconfig.json/);
  });

  it('installs with npm install --offline and imports by its name once built', { timeout: 180_000 }, () => {
    const name = (JSON.parse(readFileSync(join(gen, 'package.json'), 'utf8')) as { name: string }).name;
    const built = tsc(['-p', join(gen, 'tsconfig.json')]);
    expect(built.output).toBe('');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: { [name]: 'file:../sdk' } }));
    const install = npm(['install', '--offline'], app);
    expect(install.code, install.output).toBe(0);
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(name)}); console.log(typeof m.default, new m.default({ apiEmail: 'a', apiKey: 'b' }).constructor.name);`], { cwd: app, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('function Cloudflare');
  });
});

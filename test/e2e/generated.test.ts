/**
 * The committed outputs (generated/ and each example's generated/): every file snapshotted, fresh
 * (`lathe check`), equal to the in-memory API's result, and compiling on its own under tsc --strict.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generate } from '../../generator/index.js';
import { lathe, read, ROOT, tsc } from '../helpers.js';

const OUTPUTS = [
  { name: 'message-create', config: 'lathe.config.yaml' },
  { name: 'cloudforce-one', config: 'examples/cloudforce-one/lathe.config.yaml' },
];

describe.each(OUTPUTS)('$name', ({ name, config }) => {
  const configText = read(config);
  const { spec, output } = parse(configText) as { spec: string; output: string };
  const specPath = join(dirname(config), spec);
  const outDir = join(ROOT, dirname(config), output);
  const result = generate({ spec: read(specPath), specPath, config: configText });

  it('has the package layout the design asks for', async () => {
    const paths = (await result).files.map((f) => f.path);
    for (const p of ['package.json', 'tsconfig.json', 'README.md', 'api.md', 'src/index.ts', 'src/client.ts', 'src/openapi.ts'])
      expect(paths).toContain(p);
    expect(paths).toContain('docs/cloudforce-one/requests/message/create.md');
    expect(paths.some((p) => p.startsWith('src/core/'))).toBe(true);
  });

  it('matches the snapshot of every file', async () => {
    for (const file of (await result).files)
      await expect(file.content).toMatchFileSnapshot(join('__snapshots__', name, `${file.path}.snap`));
  });

  it('is committed fresh: `lathe check` exits 0', () => {
    const r = lathe(['check', '--config', config]);
    expect(r.stderr).not.toMatch(/: error: /);
    expect(r.stdout).toContain('up to date');
    expect(r.code).toBe(0);
  });

  it('is what generate() returns in memory, file for file', async () => {
    for (const f of (await result).files) expect(readFileSync(join(outDir, f.path), 'utf8'), f.path).toBe(f.content);
  });

  it.each([5, 7] as const)('compiles on its own with tsc --strict (TypeScript %i)', (version) => {
    const r = tsc(['-p', join(outDir, 'tsconfig.json'), '--noEmit', '--strict'], ROOT, version);
    expect(r.output, relative(ROOT, outDir)).toBe('');
    expect(r.code).toBe(0);
  });
});

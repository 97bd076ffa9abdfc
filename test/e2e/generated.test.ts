/**
 * The committed generated/ package: every file snapshotted, fresh (`lathe check`), and compiling
 * on its own under `tsc --strict`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.js';
import { lathe, read, ROOT, tsc } from '../helpers.js';

const files = await generate({
  spec: read('spec/cloudforce-one-message-create.yaml'),
  specPath: 'spec/cloudforce-one-message-create.yaml',
  config: read('lathe.config.yaml'),
});

describe('generated files (snapshots)', () => {
  it('writes the package layout the design asks for', () => {
    const paths = files.files.map((f) => f.path);
    for (const p of ['package.json', 'tsconfig.json', 'README.md', 'api.md', 'src/index.ts', 'src/client.ts', 'src/openapi.ts'])
      expect(paths).toContain(p);
    expect(paths).toContain('docs/cloudforce-one/requests/message/create.md');
    expect(paths.some((p) => p.startsWith('src/core/'))).toBe(true);
  });

  for (const file of files.files)
    it(file.path, async () => {
      await expect(file.content).toMatchFileSnapshot(join('__snapshots__', 'message-create', `${file.path}.snap`));
    });
});

describe('generated/ in the repository', () => {
  it('is fresh: `lathe check` exits 0', () => {
    const r = lathe(['check']);
    expect(r.stderr).not.toContain('error');
    expect(r.stdout).toContain('up to date');
    expect(r.code).toBe(0);
  });

  it('equals what generate() returns in memory, file for file', () => {
    for (const f of files.files) expect(readFileSync(join(ROOT, 'generated', f.path), 'utf8')).toBe(f.content);
  });

  it('compiles on its own with tsc --strict', () => {
    const r = tsc(['-p', join(ROOT, 'generated', 'tsconfig.json'), '--noEmit', '--strict']);
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  });
});

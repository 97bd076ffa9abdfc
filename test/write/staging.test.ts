/**
 * StagingWriter (early writes on a first run) runs its writes on a worker thread, so it only works
 * compiled: these tests use dist/, which `npm test` builds first.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

const { StagingWriter } = (await import(join(ROOT, 'dist/generator/write/staging.js'))) as typeof import('../../generator/write/staging.js');
const { stagingPath } = (await import(join(ROOT, 'dist/generator/write/paths.js'))) as typeof import('../../generator/write/paths.js');

describe('StagingWriter', () => {
  it('writes each file into the staging folder and reports what it wrote', async () => {
    const out = join(tempDir(), 'out');
    const writer = StagingWriter.forOutput(out)!;
    expect(writer).toBeDefined();
    writer.put({ path: 'src/a/b.ts', content: 'b' });
    writer.put({ path: 'README.md', content: 'r' });
    const staged = await writer.finish();
    expect(staged.dir).toBe(stagingPath(out));
    expect(readFileSync(join(staged.dir, 'src/a/b.ts'), 'utf8')).toBe('b');
    expect([...staged.files.keys()].sort()).toEqual(['README.md', 'src/a/b.ts']);
  });

  it('is not used for a folder that has files in it (they are compared and kept instead)', () => {
    const out = join(tempDir(), 'out');
    mkdirSync(join(out, 'x'), { recursive: true });
    expect(StagingWriter.forOutput(out)).toBeUndefined();
  });

  it('skips a path outside the output folder (writeOutput refuses it with a message) and removes everything on cancel', async () => {
    const out = join(tempDir(), 'out');
    const writer = StagingWriter.forOutput(out)!;
    writer.put({ path: '../escape.ts', content: 'x' });
    writer.put({ path: 'a.ts', content: 'a' });
    const staged = await writer.finish();
    expect([...staged.files.keys()]).toEqual(['a.ts']);
    expect(existsSync(join(out, '..', 'escape.ts'))).toBe(false);
    writer.cancel();
    expect(existsSync(staged.dir)).toBe(false);
  });
});

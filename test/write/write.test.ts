import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertInside, diffOutput, writeOutput } from '../../generator/write/index.js';
import { tempDir } from '../helpers.js';

describe('writeOutput', () => {
  it('writes, keeps unchanged files untouched, removes files it no longer produces, keeps foreign files', () => {
    const out = join(tempDir(), 'out');
    writeOutput(out, [
      { path: 'a.ts', content: 'a' },
      { path: 'dir/b.ts', content: 'b' },
    ]);
    writeFileSync(join(out, 'mine.txt'), 'user file');
    const mtime = statSync(join(out, 'a.ts')).mtimeMs;
    const diff = writeOutput(out, [
      { path: 'a.ts', content: 'a' },
      { path: 'c.ts', content: 'c' },
    ]);
    expect(diff).toEqual({ changed: ['c.ts'], removed: ['dir/b.ts'], unchanged: ['a.ts'] });
    expect(statSync(join(out, 'a.ts')).mtimeMs).toBe(mtime);
    expect(existsSync(join(out, 'dir'))).toBe(false);
    expect(readFileSync(join(out, 'mine.txt'), 'utf8')).toBe('user file');
    expect(readFileSync(join(out, 'c.ts'), 'utf8')).toBe('c');
  });

  it('leaves the previous output whole when a run fails midway', () => {
    const out = join(tempDir(), 'out');
    writeOutput(out, [{ path: 'a.ts', content: 'old' }]);
    expect(() =>
      writeOutput(out, [
        { path: 'a.ts', content: 'new' },
        { path: '../escape.ts', content: 'x' },
      ]),
    ).toThrow(/outside the output folder/);
    expect(readFileSync(join(out, 'a.ts'), 'utf8')).toBe('old');
    expect(existsSync(join(out, '..', 'escape.ts'))).toBe(false);
  });

  it('puts back an output folder that a killed run had moved aside', () => {
    const root = tempDir();
    const out = join(root, 'out');
    mkdirSync(`${out}.lathe-old-12345`, { recursive: true });
    writeFileSync(join(`${out}.lathe-old-12345`, 'a.ts'), 'previous');
    expect(diffOutput(out, []).changed).toEqual([]);
    writeOutput(out, [{ path: 'b.ts', content: 'b' }]);
    expect(readFileSync(join(out, 'a.ts'), 'utf8')).toBe('previous');
    expect(existsSync(`${out}.lathe-old-12345`)).toBe(false);
  });

  it.each(['../x', '/etc/passwd', 'a/../../x', 'a\\..\\x', ''])('refuses the path %j', (p) => {
    expect(() => assertInside('/tmp/out', p)).toThrow(/outside the output folder/);
  });
});

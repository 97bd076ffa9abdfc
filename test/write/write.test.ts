import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertInside, diffOutput, hash, writeOutput } from '../../generator/write/index.js';
import { OnDisk } from '../../generator/write/on-disk.js';
import { tempDir } from '../helpers.js';

/** A pid no process has (above Linux's largest pid_max). */
const DEAD = 99999999;

/** Waits until the file system's clock has moved past the folder's last change, and changes it (as a run's lock does). */
async function tickPast(dir: string): Promise<void> {
  const { ctimeMs } = statSync(dir);
  const probe = join(dir, '.lathe-lock');
  do {
    await new Promise((r) => setTimeout(r, 5));
    writeFileSync(probe, '');
    rmSync(probe);
  } while (statSync(dir).ctimeMs <= ctimeMs);
}

describe('writeOutput', () => {
  it('writes, keeps unchanged files untouched, removes files it no longer produces, keeps foreign files', () => {
    const out = join(tempDir(), 'out');
    writeOutput(out, [
      { path: 'a.ts', content: 'a' },
      { path: 'dir/b.ts', content: 'b' },
    ]);
    writeFileSync(join(out, 'mine.txt'), 'user file');
    const mtime = statSync(join(out, 'a.ts')).mtimeMs;
    // `known`: what the next run starts from (tested below).
    const { known, ...diff } = writeOutput(out, [
      { path: 'a.ts', content: 'a' },
      { path: 'c.ts', content: 'c' },
    ]);
    expect(Object.keys(known.manifest!.manifest.files).sort()).toEqual(['a.ts', 'c.ts']);
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

  it('puts back an output folder that an earlier lathe, killed, had moved aside', () => {
    const root = tempDir();
    const out = join(root, 'out');
    mkdirSync(`${out}.lathe-old-${DEAD}`, { recursive: true });
    writeFileSync(join(`${out}.lathe-old-${DEAD}`, 'a.ts'), 'previous');
    expect(diffOutput(out, []).changed).toEqual([]);
    writeOutput(out, [{ path: 'b.ts', content: 'b' }]);
    expect(readFileSync(join(out, 'a.ts'), 'utf8')).toBe('previous');
    expect(existsSync(`${out}.lathe-old-${DEAD}`)).toBe(false);
  });

  it('replaces a few changed files in place (no relinking of the tree) and leaves no temporary files', () => {
    const out = join(tempDir(), 'out');
    const many = Array.from({ length: 50 }, (_, i) => ({ path: `f${i}.ts`, content: String(i) }));
    writeOutput(out, many);
    const folder = statSync(out).ino;
    const diff = writeOutput(out, [...many.slice(1), { path: 'f0.ts', content: 'new' }, { path: 'sub/g.ts', content: 'g' }]);
    expect(diff.changed.sort()).toEqual(['f0.ts', 'sub/g.ts']);
    expect(statSync(out).ino).toBe(folder);
    expect(readFileSync(join(out, 'f0.ts'), 'utf8')).toBe('new');
    expect(readFileSync(join(out, 'sub/g.ts'), 'utf8')).toBe('g');
    expect(readdirSync(out, { recursive: true }).filter((e) => /\.lathe-(tmp|old)-/.test(String(e)))).toEqual([]);
  });

  it('keeps every old file when writing a changed file fails, in place or staged', () => {
    for (const count of [2, 60]) {
      const out = join(tempDir(), 'out');
      const before = Array.from({ length: count }, (_, i) => ({ path: `f${i}.ts`, content: 'old' }));
      writeOutput(out, [...before, { path: 'blocker', content: 'a file where a folder is needed' }]);
      const after = [...before.map((f) => ({ ...f, content: 'new' })), { path: 'blocker', content: 'x' }, { path: 'blocker/inner.ts', content: 'x' }];
      expect(() => writeOutput(out, after)).toThrow();
      for (const f of before) expect(readFileSync(join(out, f.path), 'utf8')).toBe('old');
      expect(readdirSync(join(out, '..')).filter((e) => /\.lathe-(tmp|old)-/.test(e))).toEqual([]);
      expect(readdirSync(out).filter((e) => /\.lathe-(tmp|old)-/.test(e))).toEqual([]);
    }
  });

  it('a file that replaces a folder (or a folder that replaces a file) in a small change ends up right', () => {
    const out = join(tempDir(), 'out');
    writeOutput(out, [
      { path: 'a/x.ts', content: 'x' },
      { path: 'b', content: 'file' },
    ]);
    writeOutput(out, [
      { path: 'a', content: 'now a file' },
      { path: 'b/y.ts', content: 'y' },
    ]);
    expect(readFileSync(join(out, 'a'), 'utf8')).toBe('now a file');
    expect(readFileSync(join(out, 'b/y.ts'), 'utf8')).toBe('y');
    expect(readdirSync(join(out, '..')).filter((e) => /\.lathe-(tmp|old)-/.test(e))).toEqual([]);
  });

  it('writes inside the output folder and never replaces it (it may be a mount point), even when every file changes', () => {
    const root = tempDir();
    const out = join(root, 'out');
    const many = Array.from({ length: 50 }, (_, i) => ({ path: `d${i % 3}/f${i}.ts`, content: String(i) }));
    writeOutput(out, many);
    const folder = statSync(out).ino;
    writeOutput(out, many.map((f) => ({ ...f, content: `${f.content}!` })));
    expect(statSync(out).ino).toBe(folder);
    expect(readFileSync(join(out, 'd1/f7.ts'), 'utf8')).toBe('7!');
    expect(readdirSync(root)).toEqual(['out']);
    expect(readdirSync(out).filter((e) => e.startsWith('.lathe-') && e !== '.lathe-manifest.json')).toEqual([]);
  });

  it('finds a same-size edit with its mtime put back, made right after the write (within the clock tick that wrote the file)', () => {
    const out = join(tempDir(), 'out');
    const files = [
      { path: 'a.ts', content: 'aaaa' },
      { path: 'b.ts', content: 'bbbb' },
    ];
    const first = writeOutput(out, files);
    const before = statSync(join(out, 'a.ts'));
    writeFileSync(join(out, 'a.ts'), 'AAAA');
    utimesSync(join(out, 'a.ts'), before.atime, before.mtime);
    const next = writeOutput(out, files, { disk: new OnDisk(out, { known: first.known }) });
    expect(next.changed).toEqual(['a.ts']);
    expect(readFileSync(join(out, 'a.ts'), 'utf8')).toBe('aaaa');
  });

  it('takes a file its stamp vouches for as the manifest records it, without reading it, once the clock has moved past the stamp', async () => {
    const out = join(tempDir(), 'out');
    const files = [
      { path: 'a.ts', content: 'aaaa' },
      { path: 'b.ts', content: 'bbbb' },
      // Names of an object's own keys and prototype: stamped like any other.
      { path: '__proto__', content: 'p' },
      { path: 'constructor', content: 'c' },
    ];
    writeOutput(out, files);
    await tickPast(out);
    // Nothing to write: the files are read, and their stamps kept as the clock is now past them.
    const read = writeOutput(out, files);
    expect(Object.keys(read.known.stamps!).sort()).toEqual(['__proto__', 'a.ts', 'b.ts', 'constructor']);
    // A manifest that says a.ts holds 'zzzz': only a run that does not read a.ts can believe it.
    const known = read.known.manifest!;
    const lying = { ...known, manifest: { ...known.manifest, files: { ...known.manifest.files, 'a.ts': hash('zzzz') } } };
    const disk = new OnDisk(out, { known: { ...read.known, manifest: lying } });
    expect(diffOutput(out, [{ path: 'a.ts', content: 'zzzz' }, ...files.slice(1)], disk).unchanged).toEqual(['a.ts', 'b.ts', '__proto__', 'constructor']);
    // A manifest of other content on disk than it knew: what it knew is not used.
    writeFileSync(join(out, '.lathe-manifest.json'), `${known.text} `);
    expect(diffOutput(out, [{ path: 'a.ts', content: 'zzzz' }, ...files.slice(1)], new OnDisk(out, { known: { ...read.known, manifest: lying } })).changed).toEqual(['a.ts']);
  });

  it.each(['../x', '/etc/passwd', 'a/../../x', 'a\\..\\x', '', '..', '.', 'a/..', 'a/b/../../..', 'a\0b'])('refuses the path %j', (p) => {
    expect(() => assertInside('/tmp/out', p)).toThrow(/outside the output folder/);
    expect(() => assertInside('/tmp/.hidden/out', p)).toThrow(/outside the output folder/);
  });

  it.each([
    ['/tmp/out', 'src/resources/a.ts', '/tmp/out/src/resources/a.ts'],
    ['/tmp/out', '.lathe/pristine/0af3', '/tmp/out/.lathe/pristine/0af3'],
    ['/tmp/.hidden/out', 'a/b', '/tmp/.hidden/out/a/b'],
    ['/tmp/out/', 'a', '/tmp/out/a'],
    ['/tmp/x/../out', 'a/./b', '/tmp/out/a/b'],
    ['/tmp/out', 'a//b', '/tmp/out/a/b'],
  ])('puts %j + %j at %j', (dir, p, target) => {
    expect(assertInside(dir, p)).toBe(target);
  });
});

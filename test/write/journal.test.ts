/**
 * A run killed at any point of a write leaves the old output or the new one, once the next run has
 * cleaned up; and nothing is written through a symbolic link.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageAndCommit } from '../../generator/write/journal.js';
import { recover, writeOutput } from '../../generator/write/index.js';
import { pristineChange } from '../../generator/write/pristine.js';
import { tempDir } from '../helpers.js';

const DEAD = 99999999;

/** Every file below `dir`, with its content. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) out[relative(dir, join(e.parentPath, e.name))] = readFileSync(join(e.parentPath, e.name), 'utf8');
  return out;
}

const OLD = [
  { path: 'a.ts', content: 'old a' },
  { path: 'gone/b.ts', content: 'old b' },
];
const NEW = [
  { path: 'a.ts', content: 'new a' },
  { path: 'c/d.ts', content: 'new d' },
];

describe('the write journal', () => {
  /** OLD written, then the write of NEW staged and committed but not carried out; `expected`: NEW written in one go. */
  function committed(): { out: string; staging: string; expected: Record<string, string> } {
    const done = join(tempDir(), 'out');
    writeOutput(done, NEW);
    const out = join(tempDir(), 'out');
    writeOutput(out, OLD);
    const staging = stageAndCommit(out, {
      writes: [...NEW.map((f) => ({ path: f.path, content: f.content })), { path: '.lathe-manifest.json', content: readFileSync(join(done, '.lathe-manifest.json'), 'utf8') }],
      removals: ['gone/b.ts'],
    });
    return { out, staging, expected: tree(done) };
  }

  it('a run stopped right after its commit is finished by the next recovery', () => {
    const { out: out2, staging, expected } = committed();
    expect(existsSync(staging)).toBe(true);
    expect(readFileSync(join(out2, 'a.ts'), 'utf8')).toBe('old a');
    recover(out2);
    expect(tree(out2)).toEqual(expected);
  });

  it('a run stopped halfway through its moves is finished by the next recovery', () => {
    const { out: out2, staging, expected } = committed();
    // The first move (a.ts) was done, the second (c/d.ts, whose folder does not exist yet) was not.
    renameSync(join(staging, '0'), join(out2, 'a.ts'));
    recover(out2);
    expect(tree(out2)).toEqual(expected);
    expect(existsSync(staging)).toBe(false);
  });

  it('a staging folder without a committed journal is dropped: the old output stays', () => {
    const out = join(tempDir(), 'out');
    writeOutput(out, OLD);
    const before = tree(out);
    mkdirSync(join(out, `.lathe-tmp-${DEAD}`));
    writeFileSync(join(out, `.lathe-tmp-${DEAD}`, '0'), 'half');
    writeFileSync(join(out, `.lathe-tmp-${DEAD}`, 'journal.json.part'), '{"mo');
    recover(out);
    expect(tree(out)).toEqual(before);
  });

  /** A first write into an empty folder, staged and committed but not carried out. */
  function firstCommitted(): { out: string; staging: string; files: { path: string; content: string }[] } {
    const out = join(tempDir(), 'out');
    mkdirSync(out);
    const files = [
      { path: 'README.md', content: 'readme' },
      { path: 'docs/a/get.md', content: 'get' },
      { path: 'src/index.ts', content: 'index' },
      { path: 'src/resources/a.ts', content: 'a' },
      { path: 'src/resources/b/c.ts', content: 'c' },
    ];
    const staging = stageAndCommit(out, { writes: [...files, { path: '.lathe-manifest.json', content: '{}' }], removals: [] });
    return { out, staging, files };
  }

  it('a folder the output does not have yet is moved in whole, not file by file', () => {
    const { out, staging, files } = firstCommitted();
    const { moves } = JSON.parse(readFileSync(join(staging, 'journal.json'), 'utf8')) as { moves: [string, string][] };
    // README.md, docs/, src/ and the manifest (last): 4 moves for 6 files.
    expect(moves.map(([, to]) => to)).toEqual(['README.md', 'docs', 'src', '.lathe-manifest.json']);
    recover(out);
    expect(tree(out)).toEqual({ ...Object.fromEntries(files.map((f) => [f.path, f.content])), '.lathe-manifest.json': '{}' });
    expect(readdirSync(out).filter((e) => e.startsWith('.lathe-tmp'))).toEqual([]);
  });

  it('a folder that appears between the commit and the moves is merged into, its own files kept', () => {
    const { out, files } = firstCommitted();
    mkdirSync(join(out, 'src', 'resources'), { recursive: true });
    writeFileSync(join(out, 'src', 'resources', 'mine.ts'), 'mine');
    writeFileSync(join(out, 'src', 'index.ts'), 'theirs');
    recover(out);
    const expected = { ...Object.fromEntries(files.map((f) => [f.path, f.content])), '.lathe-manifest.json': '{}', 'src/resources/mine.ts': 'mine' };
    expect(tree(out)).toEqual(expected);
  });

  it('a folder moved in before the run stopped is not moved again', () => {
    const { out, staging, files } = firstCommitted();
    renameSync(join(staging, 'tree', 'src'), join(out, 'src'));
    recover(out);
    expect(tree(out)).toEqual({ ...Object.fromEntries(files.map((f) => [f.path, f.content])), '.lathe-manifest.json': '{}' });
  });

  it('a link put where a new folder goes after the commit is not written through', () => {
    const { out } = firstCommitted();
    const outside = join(tempDir(), 'outside');
    mkdirSync(outside);
    symlinkSync(outside, join(out, 'src'));
    expect(() => recover(out)).toThrow(/'src'.*not a folder/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('removes the debris of earlier versions beside the output (dead runs only)', () => {
    const root = tempDir();
    const out = join(root, 'out');
    writeOutput(out, OLD);
    mkdirSync(`${out}.lathe-old-${DEAD}`);
    mkdirSync(`${out}.lathe-tmp-${DEAD}`);
    mkdirSync(`${out}.lathe-tmp-${process.pid}`);
    recover(out);
    expect(readdirSync(root).sort()).toEqual(['out', `out.lathe-tmp-${process.pid}`]);
  });
});

describe('symbolic links in the output folder', () => {
  it('a folder link is refused with a clear error and nothing is written through it', () => {
    const root = tempDir();
    const out = join(root, 'out');
    const outside = join(root, 'outside');
    mkdirSync(outside);
    writeOutput(out, [{ path: 'src/x/a.ts', content: 'a' }]);
    // A generated folder replaced with a link out of the output.
    rmSync(join(out, 'src', 'x'), { recursive: true });
    symlinkSync(outside, join(out, 'src', 'x'));
    expect(() => writeOutput(out, [{ path: 'src/x/a.ts', content: 'evil' }])).toThrow(/refusing to write 'src\/x': it is a symbolic link/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('a removal under a folder link is refused too (it would delete outside)', () => {
    const root = tempDir();
    const out = join(root, 'out');
    const outside = join(root, 'outside');
    writeOutput(out, [{ path: 'lib/old.ts', content: 'old' }]);
    mkdirSync(outside);
    writeFileSync(join(outside, 'old.ts'), 'old');
    rmSync(join(out, 'lib'), { recursive: true });
    symlinkSync(outside, join(out, 'lib'));
    expect(() => writeOutput(out, [{ path: 'new.ts', content: 'n' }])).toThrow(/refusing to write 'lib': it is a symbolic link/);
    expect(readFileSync(join(outside, 'old.ts'), 'utf8')).toBe('old');
  });

  it('a link to a copy of a folder whose files are all unchanged is left as it is: nothing is written through it', () => {
    const root = tempDir();
    const out = join(root, 'out');
    const outside = join(root, 'outside');
    const files = [
      { path: 'a.ts', content: 'a' },
      { path: 'lib/b.ts', content: 'b' },
    ];
    writeOutput(out, files);
    renameSync(join(out, 'lib'), outside);
    symlinkSync(outside, join(out, 'lib'));
    const next = [{ path: 'a.ts', content: 'new a' }, files[1]!];
    expect(writeOutput(out, next).changed).toEqual(['a.ts']);
    expect(tree(outside)).toEqual({ 'b.ts': 'b' });
    // Once one of them changes, the run is refused.
    expect(() => writeOutput(out, [next[0]!, { path: 'lib/b.ts', content: 'new b' }])).toThrow(/refusing to write 'lib': it is a symbolic link/);
    expect(tree(outside)).toEqual({ 'b.ts': 'b' });
  });

  it("lathe's own state folder as a link is refused too (the pristine store would be written where it leads)", () => {
    const root = tempDir();
    const out = join(root, 'out');
    const outside = join(root, 'outside');
    const files = [{ path: 'a.ts', content: 'a' }];
    writeOutput(out, files, { state: pristineChange(out, files) });
    renameSync(join(out, '.lathe'), outside);
    symlinkSync(outside, join(out, '.lathe'));
    const before = tree(outside);
    const next = [{ path: 'a.ts', content: 'new a' }];
    expect(() => writeOutput(out, next, { state: pristineChange(out, next) })).toThrow(/refusing to write '\.lathe': it is a symbolic link/);
    expect(tree(outside)).toEqual(before);
    expect(readFileSync(join(out, 'a.ts'), 'utf8')).toBe('a');
  });
});

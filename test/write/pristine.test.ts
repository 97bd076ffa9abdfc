/**
 * The pristine store: the last run's output by digest, kept in packs (one per run) that a later
 * run keeps while half their bytes are in use, and blob files of older lathe versions read as well.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hash, writeOutput } from '../../generator/write/index.js';
import { pristineBlobs, pristineChange, readPristine, type FoundPristine } from '../../generator/write/pristine.js';
import { tempDir } from '../helpers.js';

type File = { path: string; content: string };

/** A run as the CLI writes it: the output and its pristine change in one journal. */
function run(out: string, files: File[]): void {
  writeOutput(out, files, { state: pristineChange(out, files) });
}

const store = (out: string) => readdirSync(join(out, '.lathe', 'pristine')).sort();
const packs = (out: string) => store(out).filter((n) => n.endsWith('.pack'));

/** Each output path's pristine text, read back through the index. */
function contents(out: string): Record<string, string | undefined> {
  const index = readPristine(out)!;
  const blobs = pristineBlobs(out, index);
  return Object.fromEntries(Object.entries(index.files).map(([path, digest]) => [path, blobs.read(digest)]));
}

const big = (tag: string) => `${tag}\n${'x'.repeat(1000)}\n`;
const FIRST: File[] = [
  { path: 'a.ts', content: big('a') },
  { path: 'b.ts', content: big('b') },
  { path: 'c/d.ts', content: 'déjà vu ✓\n' }, // not ASCII: places are in bytes
  { path: 'same.ts', content: big('a') },
];
const asRecord = (files: File[]) => Object.fromEntries(files.map((f) => [f.path, f.content]));

describe('the pristine store', () => {
  it('keeps a first run in one pack, and gives back every file', () => {
    const out = join(tempDir(), 'out');
    run(out, FIRST);
    expect(store(out)).toEqual(packs(out));
    expect(packs(out)).toHaveLength(1);
    expect(contents(out)).toEqual(asRecord(FIRST));
    expect(pristineBlobs(out).size(hash('déjà vu ✓\n'))).toBe(Buffer.byteLength('déjà vu ✓\n'));
  });

  it('adds one pack of the new blobs on an edit, leaving the first pack as it was', () => {
    const out = join(tempDir(), 'out');
    run(out, FIRST);
    const [first] = packs(out);
    const bytes = readFileSync(join(out, '.lathe', 'pristine', first!));
    const edited = FIRST.map((f) => (f.path === 'c/d.ts' ? { ...f, content: 'edited\n' } : f));
    run(out, edited);
    expect(packs(out)).toHaveLength(2);
    expect(readFileSync(join(out, '.lathe', 'pristine', first!))).toEqual(bytes);
    const added = packs(out).find((p) => p !== first)!;
    expect(readFileSync(join(out, '.lathe', 'pristine', added), 'utf8')).toBe('edited\n');
    expect(contents(out)).toEqual(asRecord(edited));
  });

  it('drops a pack less than half in use, moving what is left of it into the new one', () => {
    const out = join(tempDir(), 'out');
    run(out, FIRST);
    const [first] = packs(out);
    // a.ts and same.ts (one blob) and b.ts change: of the first pack only c/d.ts is left.
    const next = [{ path: 'a.ts', content: big('A') }, { path: 'b.ts', content: big('B') }, FIRST[2]!];
    run(out, next);
    expect(packs(out)).toHaveLength(1);
    expect(packs(out)).not.toContain(first);
    expect(contents(out)).toEqual(asRecord(next));
    // Once nothing changes, nothing is written.
    const [pack] = packs(out);
    run(out, next);
    expect(packs(out)).toEqual([pack]);
  });

  it("reads an older lathe's blob files, keeps those still in use and removes the rest", () => {
    const out = join(tempDir(), 'out');
    const blobs = join(out, '.lathe', 'pristine');
    mkdirSync(blobs, { recursive: true });
    for (const f of FIRST) writeFileSync(join(blobs, hash(f.content)), f.content);
    writeFileSync(join(out, '.lathe', 'pristine.json'), JSON.stringify({ files: Object.fromEntries(FIRST.map((f) => [f.path, hash(f.content)])) }));
    expect(contents(out)).toEqual(asRecord(FIRST));
    const next = [...FIRST.filter((f) => f.path !== 'b.ts'), { path: 'e.ts', content: 'new\n' }];
    run(out, next);
    expect(store(out)).toEqual([...new Set(FIRST.filter((f) => f.path !== 'b.ts').map((f) => hash(f.content)))].concat(packs(out)).sort());
    expect(contents(out)).toEqual(asRecord(next));
  });

  it('makes the same store from the index this process last made (--watch) as from the index on disk', () => {
    const [kept, read] = [join(tempDir(), 'out'), join(tempDir(), 'out')];
    const runs = [FIRST, FIRST.map((f) => (f.path === 'c/d.ts' ? { ...f, content: 'edited\n' } : f)), [{ path: 'a.ts', content: big('A') }, FIRST[2]!]];
    let last: FoundPristine | undefined;
    for (const files of runs) {
      const change = pristineChange(kept, files, last);
      writeOutput(kept, files, { state: change });
      last = change.pristine;
      run(read, files);
      expect(readFileSync(join(kept, '.lathe', 'pristine.json'), 'utf8')).toBe(readFileSync(join(read, '.lathe', 'pristine.json'), 'utf8'));
      expect(store(kept)).toEqual(store(read));
      expect(contents(kept)).toEqual(asRecord(files));
    }
  });

  it('gives no base from a damaged pack', () => {
    const out = join(tempDir(), 'out');
    run(out, FIRST);
    const pack = join(out, '.lathe', 'pristine', packs(out)[0]!);
    writeFileSync(pack, readFileSync(pack, 'utf8').replace('b\n', 'B\n'));
    const got = contents(out);
    expect(got['b.ts']).toBeUndefined();
    expect(got['a.ts']).toBe(big('a'));
  });
});

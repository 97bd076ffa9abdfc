/**
 * A module over the analysis limit (1 MB: Cloudflare's src/openapi.ts is 4.4 MB) is reported as
 * changed and not parsed. When the new side alone is over the limit, the old side is not read at
 * all: reading 4.4 MB of the last output back from disk was most of a one-edit run's report.
 */
import { describe, expect, it } from 'vitest';
import { partsFile } from '../../generator/emit/output.js';
import { compareOutput } from '../../generator/surface/cli.js';
import { memoryTree, surfaceDiff, type Tree } from '../../generator/surface/index.js';

const INDEX = "export * from './small.js';\n";
const big = (marker: string) => `export interface paths {\n${`  /** ${marker} */\n  a: string;\n`.repeat(60_000)}}\n`;

/** `tree`, counting its reads by path. */
function counted(tree: Tree, reads: Map<string, number>): Tree {
  return { ...tree, read: (p) => (reads.set(p, (reads.get(p) ?? 0) + 1), tree.read(p)) };
}

describe('surface diff: modules over the size limit', () => {
  it('reports a changed big module as not analysed, without reading its old text', () => {
    const reads = new Map<string, number>();
    const before = counted(memoryTree(new Map([['src/index.ts', INDEX], ['src/small.ts', 'export const x = 1;\n'], ['src/openapi.ts', big('old')]])), reads);
    const after = memoryTree(new Map([['src/index.ts', INDEX], ['src/small.ts', 'export const x = 1;\n'], ['src/openapi.ts', big('new')]]));
    expect(after.read('src/openapi.ts')!.length).toBeGreaterThan(1 << 20);
    const report = surfaceDiff(before, after, (p) => p !== 'src/openapi.ts');
    expect(report.changes).toEqual([expect.objectContaining({ impact: 'internal', subject: 'src/openapi.ts', message: expect.stringMatching(/not analysed .*over the 1 MB limit/) })]);
    expect(report.analysed).toEqual([]);
    expect(reads.get('src/openapi.ts')).toBeUndefined();
  });

  it('still reads the old side when only it is over the limit', () => {
    const before = memoryTree(new Map([['src/index.ts', INDEX], ['src/openapi.ts', big('old')]]));
    const after = memoryTree(new Map([['src/index.ts', INDEX], ['src/openapi.ts', 'export type paths = Record<string, never>;\n']]));
    const report = surfaceDiff(before, after, (p) => p !== 'src/openapi.ts');
    expect(report.changes.find((c) => c.subject === 'src/openapi.ts')?.message).toMatch(/not analysed \(\d+\.\d MB/);
  });

  it('reads neither side of a generated file over the limit whose size it knows (src/openapi.ts made of parts)', () => {
    const reads = new Map<string, number>();
    const before = counted(memoryTree(new Map([['src/index.ts', INDEX], ['src/openapi.ts', big('old')]])), reads);
    const text = big('new');
    let joined = 0;
    const parts = new Proxy([text.slice(0, 1000), text.slice(1000)], {
      get: (target, key, receiver) => (key === 'join' ? (...args: [string?]) => (joined++, target.join(...args)) : Reflect.get(target, key, receiver)),
    });
    const report = compareOutput(before, [{ path: 'src/index.ts', content: INDEX }, partsFile('src/openapi.ts', parts)], (f) => f.path === 'src/index.ts');
    expect(report.changes.find((c) => c.subject === 'src/openapi.ts')?.message).toBe(`changed; not analysed (${(Buffer.byteLength(text) / 2 ** 20).toFixed(1)} MB, over the 1 MB limit)`);
    expect(reads.get('src/openapi.ts')).toBeUndefined();
    expect(joined).toBe(0);
  });
});

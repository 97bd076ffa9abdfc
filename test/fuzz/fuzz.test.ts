/**
 * The spec fuzzer at CI size (issue 16): 200 structured mutants of the project's specs and
 * fixtures, each generated through the pipeline the CLI runs. Accepted ⇒ the package compiles with
 * `tsc --strict` and esbuild bundles and loads it; refused ⇒ every diagnostic has file:line:col;
 * never a crash or a run over 30 s. A few mutants also go through the built CLI, which must agree.
 * Longer runs: `npm run fuzz -- --count 2000 [--corpus]`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lathe, tempDir } from '../helpers.js';
import { FIXTURE_SEEDS, fuzz, loadSeeds, type FuzzFailure, type FuzzResult } from './fuzz.mjs';

const SEED = 16;
const COUNT = 200;

describe('spec fuzzer', () => {
  let results: FuzzResult[] = [];

  it(`${COUNT} mutants: no crash, no silent miscompile, no unlocated diagnostic, no hang`, { timeout: 600_000 }, async () => {
    const lines: string[] = [];
    const run = await fuzz({ seeds: loadSeeds(FIXTURE_SEEDS), seed: SEED, count: COUNT, dir: tempDir('lathe-fuzz-'), log: (l) => lines.push(l) });
    results = run.results;
    const report = (f: FuzzFailure) => `#${f.index} ${f.kind} (npm run fuzz -- --seed ${SEED} --only ${f.index}): ${f.seed} ${f.steps.join('; ')}\n${f.detail}`;
    // src/openapi.ts is lathe's own now: an error there is a miscompile like any other.
    expect(run.failures.map(report)).toEqual([]);
    expect(run.counts.mutants).toBe(COUNT);
    // The mutations must reach both outcomes, or the check proves little.
    expect(run.counts.accepted).toBeGreaterThan(COUNT / 5);
    expect(run.counts.refused).toBeGreaterThan(COUNT / 5);
  });

  it('the CLI agrees with the API on a few mutants: exit 0 or 1, never a stack trace', { timeout: 120_000 }, () => {
    const dir = tempDir('lathe-fuzz-cli-');
    const picks = [...results.filter((r) => r.status === 'ok').slice(0, 2), ...results.filter((r) => r.status === 'refused').slice(0, 2)];
    expect(picks).toHaveLength(4);
    for (const r of picks) {
      const spec = join(dir, `m${r.index}.${r.yaml ? 'yaml' : 'json'}`);
      writeFileSync(spec, r.text);
      const run = lathe(['generate', '--spec', spec, '--out', join(dir, `out${r.index}`), '--quiet'], dir);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(run.code, `#${r.index}: ${run.stderr}`).toBe(r.status === 'ok' ? 0 : 1);
    }
  });
});

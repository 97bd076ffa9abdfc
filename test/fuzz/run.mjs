#!/usr/bin/env node
/**
 * `npm run fuzz -- --count N [--seed S] [--only I] [--corpus]`: a long fuzz run over the built
 * generator (dist/). Prints each failure with the seed, index and mutation steps that rebuild it,
 * then the counts; exits 1 when anything failed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CORPUS_SEEDS, FIXTURE_SEEDS, fuzz, loadSeeds, ROOT } from './fuzz.mjs';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string' },
    corpus: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const dir = mkdtempSync(join(tmpdir(), 'lathe-fuzz-'));
let seeds = loadSeeds(FIXTURE_SEEDS);
if (values.corpus) {
  const corpus = join(dir, 'corpus');
  execFileSync('mkdir', ['-p', corpus]);
  execFileSync('tar', ['-xzf', join(ROOT, 'test/fixtures/specs/corpus-valid.tar.gz'), '-C', corpus]);
  seeds = [...seeds, ...loadSeeds(CORPUS_SEEDS, corpus)];
}
const start = Date.now();
const { counts } = await fuzz({
  seeds,
  seed: Number(values.seed),
  count: Number(values.count),
  ...(values.only !== undefined ? { only: Number(values.only) } : {}),
  dir: join(dir, 'out'),
  log: (line) => console.log(line),
});
console.log(`seed ${values.seed}, ${seeds.length} seed specs, ${((Date.now() - start) / 1000).toFixed(0)} s`);
console.log(JSON.stringify(counts));
if (values.keep) console.log(`outputs kept in ${dir}`);
else rmSync(dir, { recursive: true, force: true });
process.exitCode = counts.crashes + counts.miscompiles + counts.wireMiscompiles + counts.unlocated + counts.hangs ? 1 : 0;

/**
 * The spec fuzzer: generates each mutant (mutate.mjs) in a worker and checks what lathe promises
 * (issue 16). A mutant lathe accepts must give a package that `tsc --strict` compiles and esbuild
 * bundles and loads; a refused one must place every diagnostic (file:line:col); none may crash
 * (anything but a LatheError) or take longer than the timeout.
 *
 * Outputs are compiled in batches, many packages in one tsc program: tsc's start-up dominates.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { stringify, parse } from 'yaml';
import { mutant } from './mutate.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The project's own specs and fixtures: small enough for CI. */
export const FIXTURE_SEEDS = [
  'spec/cloudforce-one-message-create.yaml',
  'examples/cloudforce-one/spec/cloudflare-cloudforce-one.yaml',
  'test/fixtures/hostile/names.yaml',
  'test/fixtures/hostile/text.yaml',
  'test/fixtures/hostile/known-bugs/client-members.yaml',
  'test/fixtures/hostile/known-bugs/prototype-params.yaml',
  'test/fixtures/hostile/known-bugs/positional-names.yaml',
  'test/fixtures/fuzz/petstore-3.1.yaml',
];

/** Seeds from the valid corpus (already extracted into `dir`): single files, or with their folder. */
export const CORPUS_SEEDS = [
  'valid/heyapi-3.1.x/full.yaml',
  'valid/heyapi-3.1.x/external.yaml',
  'valid/swagger-parser-circular/circular.yaml',
  'valid/swagger-parser-deep-circular/deep-circular.yaml',
  'valid/openapi-spec-validator-parent-reference/openapi.yaml',
];

export function loadSeeds(files, base = ROOT) {
  return files.map((f) => {
    const path = resolve(base, f);
    const text = readFileSync(path, 'utf8');
    const doc = path.endsWith('.json') ? JSON.parse(text) : parse(text, { maxAliasCount: 100 });
    // A multi-file spec brings the files beside it (at most a few dozen in the seeds used).
    const folder = dirname(path);
    const siblings = {};
    if (folder !== resolve(base) && !FIXTURE_SEEDS.includes(f))
      for (const other of walk(folder)) if (other !== path) siblings[relative(folder, other)] = readFileSync(other, 'utf8');
    return { name: f, doc, ...(Object.keys(siblings).length ? { files: siblings } : {}) };
  });
}

function walk(dir) {
  const out = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.(ya?ml|json)$/.test(e)) out.push(p);
  }
  return out;
}

class Runner {
  constructor() {
    this.spawn();
  }
  spawn() {
    this.worker = new Worker(new URL('./worker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 1536 } });
    this.worker.unref();
  }
  run(job, timeoutMs) {
    return new Promise((resolveRun) => {
      const done = (r) => {
        clearTimeout(timer);
        this.worker.off('message', onMessage);
        this.worker.off('error', onError);
        resolveRun(r);
      };
      const onMessage = (m) => m.id === job.id && done(m);
      const onError = (e) => {
        this.spawn();
        done({ id: job.id, status: 'crash', error: String(e?.stack ?? e) });
      };
      const timer = setTimeout(() => {
        void this.worker.terminate();
        this.spawn();
        done({ id: job.id, status: 'hang' });
      }, timeoutMs);
      this.worker.on('message', onMessage);
      this.worker.once('error', onError);
      this.worker.postMessage(job);
    });
  }
  async restart() {
    await this.worker.terminate();
    this.spawn();
  }
  close() {
    return this.worker.terminate();
  }
}

const located = (d) => Boolean(d.displayFile && d.line && d.column);

/**
 * Runs `count` mutants of `seeds` (or just `only`) and returns the counts and every failure with
 * what it takes to rebuild it. `dir` receives the outputs to compile.
 */
export async function fuzz({ seeds, seed = 1, count = 200, only, dir, timeoutMs = 30_000, batch = 60, log = () => {} }) {
  const runner = new Runner();
  const counts = { mutants: 0, accepted: 0, refused: 0, crashes: 0, miscompiles: 0, wireMiscompiles: 0, unlocated: 0, hangs: 0 };
  const failures = [];
  const results = [];
  const accepted = [];
  const indices = only === undefined ? [...Array(count).keys()] : [only];
  const fail = (kind, m, detail) => {
    failures.push({ kind, index: m.index, seed: m.seed, steps: m.steps, detail });
    log(`#${m.index} ${kind}: ${m.seed} ${m.steps.join('; ')}\n  ${String(detail).split('\n').slice(0, 6).join('\n  ')}`);
  };
  // Accepted outputs are compiled a batch at a time, so a long run reports as it goes.
  const check = async (group) => {
    if (!group.length) return;
    const broken = compile(dir, group.map((m) => `m${m.index}`));
    for (const m of group) {
      const errors = broken.get(`m${m.index}`) ?? (await load(join(dir, `m${m.index}`)));
      if (!errors) continue;
      // Counted apart to say where a failure is (the wire types or the SDK); both fail the run.
      const wireOnly = errors.split('\n').filter(Boolean).every((l) => /^m\d+\/src\/openapi\.ts\(/.test(l));
      if (wireOnly) counts.wireMiscompiles++;
      else counts.miscompiles++;
      fail(wireOnly ? 'wire' : 'miscompile', m, errors);
    }
  };
  for (const index of indices) {
    const m = { index, ...mutant(seeds, seed, index, (d) => stringify(d, { aliasDuplicateObjects: false })) };
    counts.mutants++;
    // A fresh worker now and then: deep mutants leave a large heap behind.
    if (counts.mutants % 100 === 0) await runner.restart();
    const r = await runner.run({ id: index, text: m.text, yaml: m.yaml, files: m.files, config: m.config }, timeoutMs);
    results.push({ index, status: r.status, text: m.text, yaml: m.yaml });
    if (r.status === 'hang') {
      counts.hangs++;
      fail('hang', m, `over ${timeoutMs} ms`);
    } else if (r.status === 'crash') {
      counts.crashes++;
      fail('crash', m, r.error);
    } else {
      const unplaced = r.diagnostics.filter((d) => !located(d));
      if (unplaced.length) {
        counts.unlocated++;
        fail('unlocated', m, unplaced.map((d) => `${d.severity}: ${d.message} ${d.loc?.pointer ?? ''}`).join('\n'));
      }
      if (r.status === 'refused') counts.refused++;
      else {
        counts.accepted++;
        const out = join(dir, `m${index}`);
        for (const f of r.files) {
          const target = resolve(out, f.path);
          if (!target.startsWith(out + sep)) throw new Error(`output path escapes its folder: ${f.path}`);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, f.content);
        }
        accepted.push(m);
      }
    }
    if (accepted.length >= batch) await check(accepted.splice(0));
    if (counts.mutants % 50 === 0) log(`${counts.mutants} mutants: ${JSON.stringify(counts)}`);
  }
  await runner.close();
  await check(accepted.splice(0));
  return { counts, failures, results };
}

/** One tsc program over several packages, with the generated tsconfig's options. Errors by package. */
function compile(dir, names) {
  const options = JSON.parse(readFileSync(join(dir, names[0], 'tsconfig.json'), 'utf8')).compilerOptions;
  const tsconfig = { compilerOptions: { ...options, rootDir: '.', noEmit: true, declaration: false }, include: names.map((n) => `${n}/src/**/*.ts`) };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const byPackage = new Map();
  const lines = `${r.stdout}${r.stderr}`.split('\n').filter(Boolean);
  for (const line of lines) {
    const name = /^(m\d+)\//.exec(line)?.[1] ?? names[0];
    byPackage.set(name, `${byPackage.get(name) ?? ''}${line}\n`);
  }
  // tsc itself crashed (its stack, on a deep type): find the package by compiling halves.
  if (r.status !== 0 && !lines.some((l) => /^m\d+\//.test(l))) {
    if (names.length === 1) return new Map([[names[0], lines.slice(0, 8).join('\n') || `tsc exited ${r.status}`]]);
    const half = Math.ceil(names.length / 2);
    return new Map([...compile(dir, names.slice(0, half)), ...compile(dir, names.slice(half))]);
  }
  return byPackage;
}

/** Bundles the package's entry with esbuild and imports the bundle; undefined when both work. */
async function load(pkg) {
  const esbuild = await import('esbuild');
  const outfile = join(pkg, 'esbuild-bundle.mjs');
  try {
    await esbuild.build({ entryPoints: [join(pkg, 'src/index.ts')], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'silent' });
    await import(pathToFileURL(outfile).href);
    return undefined;
  } catch (e) {
    return `esbuild: ${e.message ?? e}`;
  }
}

#!/usr/bin/env node
// Counts, from tsc logs and vitest JSON results, the parity numbers of the whole-API measurement.
//
//   node bench/parity/summarize.mjs --tests <dir holding tests/> \
//        --lathe-tsc <log> --sdk-tsc <log> \
//        --run <label>=<vitest json> [--run ...]      (labels start with `lathe` or `sdk`)
//        [--classes <classify-errors.mjs --json output>]
//
// "Type-clean" is counted two ways: per file (no tsc error in the file) and per test (no tsc error
// on the lines of that test's body; a test spans from its `test(` line to the next test's).
// Skipped tests (`test.skip`, Stainless's own "mock server returns invalid data" ones) are left
// out of every count.
//
// "Spec rejects" are the tests that lathe's token run fails with a 400 or 422 from the mock and
// that Stainless's SDK fails in every run too. Prism answers 400/422 only to a request that fails
// its validation (the tests never ask for an error status): here, the test's own values under the
// 2024-08 spec (ids that break a pattern, required fields the test leaves out; prism.log names
// each violation). No SDK can pass them against this spec; the last column counts each run's
// passes in the lathe-clean files without them.
//
// With --classes, the files lathe does not type-check are accounted for: each type error is spec
// drift as classify-errors.mjs tells it (A, C, D), or sits in a test whose values the spec itself
// rejects (Prism answers Stainless's own SDK with a 400/422 in every run of that test: the value
// that fails to type-check against lathe's spec-made types fails the spec's validation too), or sits
// in a test Stainless skips (never run: no verdict); the rest are listed, with whether Prism never
// validated them (a 401 to Stainless's credentials comes first) or accepted Stainless's request.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const argv = process.argv.slice(2);
const get = (k) => argv[argv.indexOf(`--${k}`) + 1];
const runs = argv.flatMap((a, i) => (a === '--run' ? [argv[i + 1].split('=')] : []));
const testsDir = get('tests');

const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : n.endsWith('.test.ts') ? [join(d, n)] : []));
const files = walk(join(testsDir, 'tests')).map((f) => relative(testsDir, f));

// Tests and their line spans.
const tests = [];
for (const f of files) {
  const lines = readFileSync(join(testsDir, f), 'utf8').split('\n');
  const starts = [];
  lines.forEach((l, i) => {
    const m = /^\s*test(\.skip)?\('([^']*)'/.exec(l);
    if (m) starts.push({ file: f, title: m[2], skip: !!m[1], from: i + 1 });
  });
  starts.forEach((t, i) => tests.push({ ...t, to: (starts[i + 1]?.from ?? lines.length + 1) - 1 }));
}

const errorsOf = (log) => {
  const byFile = new Map();
  for (const l of readFileSync(log, 'utf8').split('\n')) {
    const m = /^(tests\/.*?)\((\d+),\d+\): error/.exec(l);
    if (m) (byFile.get(m[1]) ?? byFile.set(m[1], []).get(m[1])).push(+m[2]);
  }
  return byFile;
};
const lErr = errorsOf(get('lathe-tsc'));
const sErr = errorsOf(get('sdk-tsc'));
const fileClean = (errs, f) => !errs.has(f);
const testClean = (errs, t) => !(errs.get(t.file) ?? []).some((l) => l >= t.from && l <= t.to);

const active = tests.filter((t) => !t.skip);
console.log(`test files: ${files.length}; tests: ${tests.length} (${tests.length - active.length} skipped by Stainless, ${active.length} run)`);
console.log(`type-clean files: lathe ${files.filter((f) => fileClean(lErr, f)).length}, Stainless ${files.filter((f) => fileClean(sErr, f)).length} of ${files.length}`);
const sets = {
  'lathe-clean files': active.filter((t) => fileClean(lErr, t.file)),
  'lathe-clean tests': active.filter((t) => testClean(lErr, t)),
  'Stainless-clean files': active.filter((t) => fileClean(sErr, t.file)),
  'all run tests': active,
};
for (const [k, v] of Object.entries(sets)) console.log(`  ${k}: ${v.length} tests`);

const key = (file, title) => `${file}\u0000${title}`;
const results = runs.map(([label, json]) => {
  const passed = new Set();
  const rejected = new Set();
  // Prism checks credentials before it validates a request: a 401 says nothing of the values.
  const unauthorized = new Set();
  for (const f of JSON.parse(readFileSync(json, 'utf8')).testResults)
    for (const a of f.assertionResults) {
      const k = key(f.name.slice(f.name.lastIndexOf('/tests/api-resources/') + 1), a.title);
      if (a.status === 'passed') passed.add(k);
      else if (/^\w*Error: (400|422) /.test(a.failureMessages?.[0] ?? '')) rejected.add(k);
      else if (/^\w*Error: 401 /.test(a.failureMessages?.[0] ?? '')) unauthorized.add(k);
    }
  return { label, passed, rejected, unauthorized };
});
const latheToken = results.find((r) => r.label === 'lathe-token');
const stainless = results.filter((r) => r.label.startsWith('stainless'));
const specRejects = (t) =>
  !!latheToken && stainless.length > 0 && latheToken.rejected.has(key(t.file, t.title)) && stainless.every((r) => !r.passed.has(key(t.file, t.title)));
const passable = sets['lathe-clean files'].filter((t) => !specRejects(t));
console.log(`  spec rejects (400/422 to lathe with a token, failed by Stainless): ${active.filter(specRejects).length} tests, ${sets['lathe-clean files'].length - passable.length} of them in lathe-clean files`);
sets['lathe-clean files, less spec rejects'] = passable;
const header = ['run', ...Object.keys(sets)];
console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
for (const { label, passed } of results) {
  const cells = Object.values(sets).map((set) => `${set.filter((t) => passed.has(key(t.file, t.title))).length} / ${set.length}`);
  console.log(`| ${label} | ${cells.join(' | ')} |`);
}

const classesFile = get('classes');
if (classesFile && argv.includes('--classes')) {
  const { errors } = JSON.parse(readFileSync(classesFile, 'utf8'));
  const testAt = (file, line) => tests.find((t) => t.file === file && line >= t.from && line <= t.to);
  const refused = (t) => stainless.length > 0 && stainless.every((r) => r.rejected.has(key(t.file, t.title)));
  const why = (e) => {
    if (/^[ACD]\./.test(e.cls)) return 'drift';
    const t = testAt(e.file, e.line);
    if (t?.skip) return 'skipped';
    if (t && refused(t)) return 'refused';
    return t && stainless.length > 0 && stainless.every((r) => r.unauthorized.has(key(t.file, t.title))) ? 'unvalidated' : 'unexplained';
  };
  const byFile = new Map();
  for (const e of errors.filter((x) => x.file.startsWith('tests/'))) (byFile.get(e.file) ?? byFile.set(e.file, []).get(e.file)).push({ ...e, why: why(e) });
  const count = (pred) => [...byFile.values()].filter(pred).length;
  const only = (...kinds) => (es) => es.every((e) => kinds.includes(e.why));
  console.log(`\nfiles lathe does not type-check: ${byFile.size}`);
  console.log(`  every error spec drift (A, C, D): ${count(only('drift'))}`);
  console.log(`  every error drift, or in a test whose values Prism refuses from Stainless's SDK too: ${count(only('drift', 'refused'))}`);
  console.log(`  ... or in a test Stainless skips (never run): ${count(only('drift', 'refused', 'skipped'))}`);
  const left = [...byFile.values()].flat().filter((e) => e.why === 'unvalidated' || e.why === 'unexplained');
  console.log(`  files with another error: ${new Set(left.map((e) => e.file)).size} (${left.length} errors), in tests Prism never validated (401 to Stainless's credentials) or accepted from Stainless:`);
  for (const e of left) console.log(`    ${e.why === 'unvalidated' ? '401' : 'ok '} ${e.file}:${e.line} ${e.call ?? ''} ${e.code} ${e.msg.slice(0, 160)}`);
}

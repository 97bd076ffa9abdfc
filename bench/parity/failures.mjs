#!/usr/bin/env node
// Failure messages of one vitest JSON run, grouped (numbers, quoted strings and paths blanked),
// optionally only for tests in files without tsc errors in a given log.
//
//   node bench/parity/failures.mjs <vitest json> [<tsc log: restrict to its clean files>] [top N]
import { readFileSync } from 'node:fs';

const [json, tsc, top = '12'] = process.argv.slice(2);
const dirty = new Set();
if (tsc && tsc !== '-') for (const l of readFileSync(tsc, 'utf8').split('\n')) { const m = /^(tests\/.*?)\(\d+,\d+\): error/.exec(l); if (m) dirty.add(m[1]); }
const r = JSON.parse(readFileSync(json, 'utf8'));
const groups = new Map();
let failed = 0;
for (const f of r.testResults) {
  const file = f.name.slice(f.name.lastIndexOf('/tests/api-resources/') + 1);
  if (dirty.has(file)) continue;
  for (const t of f.assertionResults) {
    if (t.status !== 'failed') continue;
    failed++;
    const msg = ((t.failureMessages ?? [])[0] ?? '').split('\n')[0].replace(/\/[^\s'"]*/g, 'P').replace(/'[^']*'/g, "'X'").replace(/\d+/g, 'N').slice(0, 150);
    const g = groups.get(msg) ?? [];
    g.push(`${file} :: ${t.title}`);
    groups.set(msg, g);
  }
}
console.log(`failed: ${failed}`);
for (const [m, g] of [...groups].sort((a, b) => b[1].length - a[1].length).slice(0, +top)) console.log(`${g.length}  ${m}\n     e.g. ${g[0]}`);

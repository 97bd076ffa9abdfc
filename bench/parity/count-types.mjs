#!/usr/bin/env node
// How many of api.md's `Types:` names the generated SDK has at Stainless's place: the type
// `Cloudflare.<Resource>.<Sub>.<Name>` (the resource path of the file the entry links to, from
// that file's method lines), checked by the type checker like count-methods.mjs. Types of files
// without methods (shared.ts) are left out.
//
//   node bench/parity/count-types.mjs --api-md <sdk>/api.md --dir <consumer dir> [--package lathe-cloudflare]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const args = Object.fromEntries(process.argv.slice(2).reduce((a, x, i, all) => (x.startsWith('--') ? [...a, [x.slice(2), all[i + 1]]] : a), []));
const md = readFileSync(args['api-md'], 'utf8').split('\n');
const fileKeys = new Map();
const types = [];
for (const l of md) {
  let m = /^- <code title="\w+ [^"]+">client\.((?:[A-Za-z0-9_]+\.)*)<a href="\.\/([^"]+)">/.exec(l);
  if (m && !fileKeys.has(m[2])) fileKeys.set(m[2], m[1].split('.').filter(Boolean));
  m = /^- <code><a href="\.\/([^"]+)">([A-Za-z0-9_]+)<\/a><\/code>/.exec(l);
  if (m) types.push({ file: m[1], name: m[2] });
}
const pascal = (k) => k[0].toUpperCase() + k.slice(1);
const checked = types.filter((t) => fileKeys.has(t.file)).map((t) => ({ ...t, ref: ['Cloudflare', ...fileKeys.get(t.file).map(pascal), t.name].join('.') }));
const lines = [`import Cloudflare from '${args.package ?? 'lathe-cloudflare'}';`];
const first = lines.length + 1;
checked.forEach((t, i) => lines.push(`export type T${i} = ${t.ref};`));
writeFileSync(join(args.dir, 'types-check.ts'), lines.join('\n') + '\n');
writeFileSync(join(args.dir, 'tsconfig.types.json'), JSON.stringify({ extends: './tsconfig.json', include: ['types-check.ts'], files: [] }));
const tsc = spawnSync(process.execPath, [join(args.dir, 'node_modules/typescript/bin/tsc'), '-p', join(args.dir, 'tsconfig.types.json'), '--pretty', 'false'], { encoding: 'utf8', maxBuffer: 1 << 28 });
const bad = new Set();
for (const l of tsc.stdout.split('\n')) {
  const m = /types-check\.ts\((\d+),\d+\): error/.exec(l);
  if (m && +m[1] >= first) bad.add(+m[1] - first);
}
const kinds = (f) => ({ all: checked.filter(f).length, ok: checked.filter((t, i) => f(t) && !bad.has(i)).length });
const resp = kinds((t) => /Response$/.test(t.name));
const page = kinds((t) => /(SinglePage|PagePagination\w*|CursorPagination\w*)$/.test(t.name));
const rest = kinds((t) => !/Response$|(SinglePage|PagePagination\w*|CursorPagination\w*)$/.test(t.name));
console.log(`api.md types at Stainless's place: ${checked.length - bad.size} of ${checked.length} (of ${types.length} listed; shared/method-less files left out)`);
console.log(`  <...>Response: ${resp.ok} / ${resp.all}; other (models): ${rest.ok} / ${rest.all}`);

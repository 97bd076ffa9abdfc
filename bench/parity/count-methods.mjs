#!/usr/bin/env node
// How many api.md methods the generated SDK has at the same accessor path (client.a.b.method),
// checked by the type checker: one statement per method in a consumer file, compiled against the
// generated package; a method whose line has an error is missing (or not callable).
//
//   node bench/parity/count-methods.mjs --methods <dir>/methods.json --dir <consumer dir> \
//        --package lathe-cloudflare [--client Cloudflare]
//
// <consumer dir> needs node_modules with the package and typescript (see README.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const args = Object.fromEntries(process.argv.slice(2).reduce((a, x, i, all) => (x.startsWith('--') ? [...a, [x.slice(2), all[i + 1]]] : a), []));
const list = JSON.parse(readFileSync(args.methods, 'utf8'));
const pkg = args.package ?? 'lathe-cloudflare';
const lines = [`import ${args.client ?? 'Cloudflare'} from '${pkg}';`, `declare const client: ${args.client ?? 'Cloudflare'};`, `type Fn = (...args: never[]) => unknown;`];
const first = lines.length + 1;
list.forEach((m, i) => lines.push(`export const m${i}: Fn = ${m.path};`));
writeFileSync(join(args.dir, 'methods-check.ts'), lines.join('\n') + '\n');
writeFileSync(
  join(args.dir, 'tsconfig.methods.json'),
  JSON.stringify({ extends: './tsconfig.json', include: ['methods-check.ts'], files: [] }, null, 1),
);
const tsc = spawnSync(process.execPath, [join(args.dir, 'node_modules/typescript/bin/tsc'), '-p', join(args.dir, 'tsconfig.methods.json'), '--noEmit', '--pretty', 'false'], { encoding: 'utf8', maxBuffer: 1 << 28 });
const bad = new Map();
for (const l of tsc.stdout.split('\n')) {
  const m = /methods-check\.ts\((\d+),\d+\): error (TS\d+): (.*)/.exec(l);
  if (m && +m[1] >= first) bad.set(+m[1] - first, `${m[2]} ${m[3]}`);
  else if (/error TS/.test(l) && !/methods-check/.test(l)) console.log(`outside the check file: ${l}`);
}
const inSpec = list.filter((m) => m.inSpec);
const ok = (arr) => arr.filter((m) => !bad.has(list.indexOf(m))).length;
console.log(`methods at the same path: ${ok(list)} of ${list.length} api.md methods; ${ok(inSpec)} of ${inSpec.length} whose endpoint the spec has`);
for (const [i, why] of bad) if (list[i].inSpec) console.log(`  missing (in spec): ${list[i].path}  [${list[i].endpoint}]  ${why.slice(0, 160)}`);

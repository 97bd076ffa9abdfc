#!/usr/bin/env node
// Classifies the type errors of the copied Stainless tests compiled against the generated SDK.
//
//   node bench/parity/classify-errors.mjs --tsc <tsc --pretty false output> --tests <dir holding tests/>
//        --methods <methods.json> --spec <spec.json> [--json out.json]
//
// Each error is tied to the method call it sits in (the last `client.a.b.m(` at or above its line)
// and put in a class; the output lists classes with counts, files and one example each, and the
// test files whose only errors come from the spec being older than the SDK ("drift").
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((a, x, i, all) => (x.startsWith('--') ? [...a, [x.slice(2), all[i + 1]]] : a), []));
const methods = JSON.parse(readFileSync(args.methods, 'utf8'));
const byPath = new Map(methods.map((m) => [m.path, m]));
const spec = JSON.parse(readFileSync(args.spec, 'utf8'));
const deref = (s, seen = new Set()) => {
  while (s && s.$ref && !seen.has(s.$ref)) {
    seen.add(s.$ref);
    s = s.$ref.split('/').slice(1).reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return s;
};
/** Every property name the operation's params and body (any depth) know. */
const namesCache = new Map();
const knownNames = (endpoint) => {
  if (namesCache.has(endpoint)) return namesCache.get(endpoint);
  const [verb, path] = endpoint.split(' ');
  const item = spec.paths[path] ?? {};
  const op = item[verb] ?? {};
  const names = new Set();
  for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) names.add(deref(p)?.name);
  const seen = new Set();
  const walk = (s) => {
    s = deref(s);
    if (!s || typeof s !== 'object' || seen.has(s)) return;
    seen.add(s);
    for (const [k, v] of Object.entries(s.properties ?? {})) (names.add(k), walk(v));
    for (const k of ['allOf', 'anyOf', 'oneOf']) for (const x of s[k] ?? []) walk(x);
    if (s.items) walk(s.items);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') walk(s.additionalProperties);
  };
  for (const c of Object.values(deref(op.requestBody)?.content ?? {})) walk(c.schema);
  namesCache.set(endpoint, names);
  return names;
};

const files = new Map();
const text = (f) => (files.has(f) ? files.get(f) : (files.set(f, readFileSync(join(args.tests, f), 'utf8').split('\n')), files.get(f)));
const callAt = (f, line) => {
  const ls = text(f);
  for (let i = line - 1; i >= 0; i--) {
    const m = /client\.([\w.]+)\(/.exec(ls[i]);
    if (m) return `client.${m[1]}`;
  }
  return undefined;
};

const errors = [];
for (const l of readFileSync(args.tsc, 'utf8').split('\n')) {
  const m = /^(.*?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(l);
  if (!m) continue;
  const [, file, line, , code, msg] = m;
  if (!file.startsWith('tests/')) {
    errors.push({ file, line: +line, code, msg, cls: 'error inside the SDK itself' });
    continue;
  }
  const call = callAt(file, +line);
  const meth = call && byPath.get(call);
  let cls;
  if (meth && !meth.inSpec) cls = 'A. method of an endpoint the 2024-08 spec lacks (spec older than the SDK)';
  else if (code === 'TS2339' || code === 'TS2551') cls = meth ? 'B. method whose endpoint the spec has is missing at its path' : 'B2. property missing (not an api.md method)';
  else if (code === 'TS2353' || code === 'TS2561') {
    const prop = /'([^']+)' does not exist in type/.exec(msg)?.[1];
    const names = meth?.specEndpoint ? knownNames(meth.specEndpoint) : new Set();
    if (/^(account|zone)_id$/.test(prop) && meth?.specEndpoint && !meth.specEndpoint.includes(`{${prop}}`))
      cls = 'C. path param renamed since the spec (account_id/zone_id for {zone_identifier}, ...)';
    else if (!names.has(prop)) cls = 'D. param/body field the spec does not have (spec older than the SDK)';
    else cls = 'E. known field rejected (the spec has the name: shape differs)';
  } else if (code === 'TS2322' || code === 'TS2345' || code === 'TS2559' || code === 'TS2741') cls = `F. type not assignable (${code})`;
  else if (code === 'TS2554') cls = 'G. wrong argument count (positional params differ)';
  else cls = `H. other (${code})`;
  errors.push({ file, line: +line, code, msg, cls, call });
}

const classes = new Map();
for (const e of errors) {
  const c = classes.get(e.cls) ?? { count: 0, files: new Set(), example: e };
  c.count++;
  c.files.add(e.file);
  classes.set(e.cls, c);
}
const badFiles = new Set(errors.filter((e) => e.file.startsWith('tests/')).map((e) => e.file));
const driftOnly = [...badFiles].filter((f) => errors.filter((e) => e.file === f).every((e) => /^[ACD]\./.test(e.cls)));
console.log(`errors: ${errors.length} in ${badFiles.size} test files; files whose every error is spec drift (A, C, D): ${driftOnly.length}`);
for (const [cls, c] of [...classes].sort((a, b) => b[1].count - a[1].count)) {
  console.log(`\n${c.count} errors, ${c.files.size} files — ${cls}`);
  console.log(`  e.g. ${c.example.file}:${c.example.line} ${c.example.call ?? ''}\n       ${c.example.code} ${c.example.msg.slice(0, 300)}`);
}
if (args.json) writeFileSync(args.json, JSON.stringify({ errors, driftOnly }, null, 1));

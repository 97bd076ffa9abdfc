#!/usr/bin/env node
// Derives a lathe config (`resources` tree, models where the spec makes it feasible) from the
// api.md of Stainless's Cloudflare TypeScript SDK, for the whole-API parity measurement (issue 18).
//
//   node bench/parity/derive-config.mjs --api-md <sdk>/api.md --spec <cloudflare-openapi.json> \
//        --out <dir>/lathe.config.yaml [--output <generated dir>] [--package <name>]
//
// Writes the config and, next to it, methods.json: every api.md method as
// { path: 'client.a.b.method', endpoint: 'verb /path', inSpec: boolean }.
// Methods whose `verb /path` the spec does not have (param names aside) are left out of the config (counted in the
// summary). The tree comes from each method line's accessor (`client.a.b.<a>method</a>`); the
// headings only delimit the `Types:` lists, which are tied to a resource through their file link.
// A listed type becomes a model when a method of the SDK returns it (or pages over it) and the
// spec's envelope `result` for that method is a `$ref` (or an array of a `$ref`).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import YAML from 'yaml';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
for (const k of ['api-md', 'spec', 'out']) if (!args[k]) throw new Error(`--${k} is required`);
const outFile = resolve(args.out);
const md = readFileSync(args['api-md'], 'utf8');
const spec = JSON.parse(readFileSync(args.spec, 'utf8'));

// ---- api.md ----
const METHOD = /^- <code title="(\w+) ([^"]+)">client\.((?:[A-Za-z0-9_]+\.)*)<a href="\.\/([^"]+)">([A-Za-z0-9_]+)<\/a>\((.*?)\)(?: -&gt; | -> )?(.*)<\/code>/;
const TYPE = /^- <code><a href="\.\/([^"]+)">([A-Za-z0-9_]+)<\/a><\/code>/;
const methods = [];
const typesByFile = new Map();
for (const line of md.split('\n')) {
  let m = METHOD.exec(line);
  if (m) {
    const [, verb, path, acc, file, name, params, ret] = m;
    const keys = acc.split('.').filter(Boolean);
    methods.push({ verb, path, keys, file, name, params, ret: ret.replace(/&gt;/g, '>').replace(/&lt;/g, '<').trim() });
    continue;
  }
  m = TYPE.exec(line);
  if (m) {
    if (!typesByFile.has(m[1])) typesByFile.set(m[1], []);
    typesByFile.get(m[1]).push(m[2]);
  }
}

// ---- spec ----
// api.md titles spell some path params differently from the 2024-08 spec (`{account_id}` for
// `{account_identifier}`): endpoints are matched with the param names blanked, and the config names
// the spec's own spelling.
const norm = (endpoint) => endpoint.replace(/\{[^}]+\}/g, '{}');
const specOps = new Map();
const specEndpoint = new Map();
for (const [p, item] of Object.entries(spec.paths ?? {}))
  for (const [verb, op] of Object.entries(item))
    if (['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].includes(verb)) {
      specOps.set(`${verb} ${p}`, op);
      specEndpoint.set(norm(`${verb} ${p}`), `${verb} ${p}`);
    }

const deref = (s, seen = new Set()) => {
  while (s && s.$ref && !seen.has(s.$ref)) {
    seen.add(s.$ref);
    s = s.$ref.split('/').slice(1).reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return s;
};
/** The `result` property's schema of an envelope schema (through $ref and allOf). */
const resultOf = (schema, depth = 0) => {
  const s = deref(schema);
  if (!s || depth > 8) return undefined;
  if (s.properties?.result) return s.properties.result;
  for (const part of s.allOf ?? []) {
    const r = resultOf(part, depth + 1);
    if (r) return r;
  }
  return undefined;
};
/** The component ref a method returns (its result's $ref, or its items' $ref). */
const resultRef = (op) => {
  const res = Object.entries(op.responses ?? {}).find(([code]) => /^2/.test(code))?.[1];
  const schema = deref(res)?.content?.['application/json']?.schema;
  if (!schema) return undefined;
  let r = resultOf(schema);
  if (!r) return undefined;
  if (r.allOf?.length === 1) r = r.allOf[0];
  if (r.$ref) {
    const t = deref(r);
    if (t?.type === 'array' && t.items?.$ref) return { ref: t.items.$ref, array: true };
    return { ref: r.$ref, array: false };
  }
  if (r.type === 'array' && r.items?.$ref) return { ref: r.items.$ref, array: true };
  return undefined;
};

// ---- tree ----
const root = {};
const nodeAt = (keys) => {
  let level = root;
  let node;
  for (const k of keys) {
    level[k] ??= { methods: {}, models: {}, subresources: {} };
    node = level[k];
    level = node.subresources;
  }
  return node;
};
const list = [];
const fileKeys = new Map();
let inSpec = 0;
// Path params that stay in the params object: a method's last path param is positional in lathe
// unless listed; list each name that Stainless more often leaves out of the positional arguments.
const posVotes = new Map();
for (const m of methods) {
  m.endpoint = specEndpoint.get(norm(`${m.verb} ${m.path}`));
  const last = m.endpoint && [...m.endpoint.matchAll(/\{([^}]+)\}/g)].at(-1)?.[1];
  if (!last) continue;
  const positional = m.params.split(',').map((a) => a.trim()).some((a) => a && !a.startsWith('{'));
  const v = posVotes.get(last) ?? { yes: 0, no: 0 };
  v[positional ? 'yes' : 'no']++;
  posVotes.set(last, v);
}
const exclude = [...posVotes].filter(([, v]) => v.no > v.yes).map(([k]) => k).sort();
// Where the rule above picks another path param than the method's own last positional argument
// in api.md (`create(accountIdentifier, { ...params })`), the method says which (`positional`),
// as a stainless.yml's `positional_params` does. Arguments are tied to the api.md path's params by
// name and to the spec's by position; lathe methods take one positional argument: the last.
const squash = (name) => name.replace(/[_-]/g, '').toLowerCase();
const positionalOf = (m) => {
  const specParams = [...m.endpoint.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]);
  const mdParams = [...m.path.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]);
  const args = m.params.split(',').map((a) => a.trim()).filter((a) => a && !a.startsWith('{') && !a.startsWith('...'));
  const chosen = args.length ? mdParams.findIndex((p) => squash(p) === squash(args.at(-1))) : -1;
  if (args.length && chosen < 0) return undefined; // an argument api.md names unlike its path: keep the rule
  const want = chosen < 0 ? [] : [specParams[chosen]];
  const rule = specParams.filter((p) => !exclude.includes(p)).slice(-1);
  return want.length === rule.length && want.every((p, i) => p === rule[i]) ? undefined : want;
};
let positionalOverrides = 0;
for (const m of methods) {
  const endpoint = m.endpoint;
  const ok = endpoint !== undefined;
  list.push({ path: ['client', ...m.keys, m.name].join('.'), endpoint: `${m.verb} ${m.path}`, specEndpoint: endpoint, inSpec: ok });
  if (!fileKeys.has(m.file)) fileKeys.set(m.file, m.keys);
  if (!ok) continue;
  inSpec++;
  const node = nodeAt(m.keys);
  if (node.methods[m.name]) console.warn(`duplicate method ${m.keys.join('.')}.${m.name}`);
  const positional = positionalOf(m);
  if (positional) positionalOverrides++;
  node.methods[m.name] = positional ? { endpoint, positional } : endpoint;
}

// ---- models ----
const PAGE = /(V4PagePaginationArray|V4PagePagination|SinglePage|CursorPagination|CursorLimitPagination|CursorPaginationAfter)$/;
const plural = (t) => [t, `${t}s`, `${t}es`, t.replace(/y$/, 'ies'), t.replace(/s$/, 'ses')];
const usedRefs = new Set();
let models = 0;
for (const [file, types] of typesByFile) {
  const keys = fileKeys.get(file);
  if (!keys) continue; // a file with types and no methods (e.g. shared.ts): no resource to hang them on
  const node = nodeAt(keys);
  for (const t of types) {
    if (/Response$|Params$/.test(t)) continue;
    for (const m of methods) {
      if (!m.endpoint) continue;
      const ret = m.ret.replace(/\s*\|\s*null$/, '');
      const page = PAGE.exec(ret);
      const hit = page ? plural(t).includes(ret.slice(0, -page[1].length)) : ret === t;
      if (!hit) continue;
      const r = resultRef(specOps.get(m.endpoint));
      if (!r || usedRefs.has(r.ref) || node.models[t]) continue;
      if (!r.ref.startsWith('#/components/schemas/')) continue;
      node.models[t] = r.ref;
      usedRefs.add(r.ref);
      models++;
      break;
    }
  }
}

const prune = (tree) => {
  for (const n of Object.values(tree)) {
    prune(n.subresources);
    if (!Object.keys(n.methods).length) delete n.methods;
    if (!Object.keys(n.models).length) delete n.models;
    if (!Object.keys(n.subresources).length) delete n.subresources;
  }
  for (const [k, n] of Object.entries(tree)) if (!Object.keys(n).length) delete tree[k];
};
prune(root);

const example = YAML.parse(readFileSync(new URL('../../examples/cloudforce-one/lathe.config.yaml', import.meta.url), 'utf8'));
const config = {
  spec: relative(dirname(outFile), resolve(args.spec)),
  output: args.output ? relative(dirname(outFile), resolve(args.output)) : 'generated',
  package: { name: args.package ?? 'lathe-cloudflare', version: '0.1.0', description: 'Cloudflare API, generated by lathe from a tree derived from Stainless\'s api.md' },
  client: example.client,
  envelope: example.envelope,
  positional: { exclude },
  pagination: example.pagination,
  docs: { permissionsExtension: 'x-api-token-group' },
  auth: example.auth,
  // Stainless's SDK sends the credentials the client has: 436 operations of the spec list email, key
  // and token in one requirement object, which the strict default would demand all together.
  authMode: 'any',
  leftOutOperations: 'ignore',
  resources: root,
};
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, YAML.stringify(config, { lineWidth: 0 }));
writeFileSync(join(dirname(outFile), 'methods.json'), JSON.stringify(list, null, 1));
console.log(`api.md methods: ${methods.length}; in the spec: ${inSpec}; not in the spec: ${methods.length - inSpec}; models: ${models}; positional.exclude: ${exclude.join(', ')}; methods with their own positional: ${positionalOverrides}`);

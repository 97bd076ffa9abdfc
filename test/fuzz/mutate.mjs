/**
 * Structured mutations of OpenAPI documents, drawn with fast-check so that a mutant is a pure
 * function of (seed, index): `npm run fuzz -- --seed S --only I` rebuilds exactly the mutant a run
 * reported. Each mutation targets a class of input that once broke lathe (issue 16): deleted keys,
 * type swaps, `$ref`s to nowhere / to themselves / to siblings, cycles, deep nesting, weird names
 * and enums, injected text, byte flips, parts of a spec lathe skips.
 */
import fc from 'fast-check';

/** Names that break generators: reserved words, prototype keys, quotes, empty, long, unicode. */
export const WEIRD_NAMES = [
  'constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', "q'uote\"d", 'with space', '',
  '0', '123abc', 'class', 'default', 'delete', 'then', 'a/b', '~1', 'ü-ñ', '💥', 'x'.repeat(300), '$ref', 'a.b', '-',
  'Client', 'Error', 'Promise', 'APIError', 'index', 'core', '*/', '${x}', '`', '\\', 'a\nb', '\u2028', 'Array', 'Record',
];

/** Text that must stay text in comments, strings and Markdown. */
export const INJECTIONS = [
  '*/ throw new Error("x"); /*', '`${process.exit(1)}`', '</script><script>', '\u2028\u2029', '\\', "'", '"', '<!-- x -->',
  'a\r\nb', '\0', '@param x', '```ts\nx\n```', '${', '| a | b |\n|---|', '// ', '#/components/schemas/X',
];

const SWAPS = [42, -1.5, 'str', '', true, false, null, [], {}, [1, 'a'], { x: 1 }, { $ref: 42 }];

/** Schema shapes that refer to themselves; `N` is replaced by the schema's own name. */
const CYCLES = [
  (n) => ({ [n]: { anyOf: [{ $ref: `#/components/schemas/${n}` }] } }),
  (n) => ({ [n]: { oneOf: [{ $ref: `#/components/schemas/${n}` }, { type: 'string' }] } }),
  (n) => ({ [n]: { allOf: [{ $ref: `#/components/schemas/${n}` }] } }),
  (n) => ({ [n]: { allOf: [{ $ref: `#/components/schemas/${n}B` }] }, [`${n}B`]: { allOf: [{ $ref: `#/components/schemas/${n}` }] } }),
  (n) => ({ [n]: { $ref: `#/components/schemas/${n}B` }, [`${n}B`]: { allOf: [{ $ref: `#/components/schemas/${n}` }] } }),
  (n) => ({ [n]: { type: 'object', properties: { self: { allOf: [{ $ref: `#/components/schemas/${n}` }] } } } }),
  (n) => ({ [n]: { type: 'object', properties: { x: { $ref: `#/components/schemas/${n}/properties/x` } } } }),
  (n) => ({ [n]: { type: 'array', items: { $ref: `#/components/schemas/${n}` } } }),
  (n) => ({ [n]: { anyOf: [{ $ref: `#/components/schemas/${n}` }, { type: 'object', properties: { a: { $ref: `#/components/schemas/${n}` } } }] } }),
  (n) => ({ [n]: { type: 'object', additionalProperties: { $ref: `#/components/schemas/${n}` } } }),
  (n) => ({ [n]: { $ref: `#/components/schemas/${n}` } }),
];

const NESTINGS = ['anyOf', 'oneOf', 'allOf', 'items', 'additionalProperties', 'properties', 'example', 'not'];

const OPS = ['delete', 'swap', 'refNowhere', 'refSelf', 'refSibling', 'cycle', 'nest', 'rename', 'enum', 'inject', 'flip', 'skipped'];

const step = fc.record({
  op: fc.constantFrom(...OPS),
  a: fc.nat(),
  b: fc.nat(),
  name: fc.constantFrom(...WEIRD_NAMES),
  text: fc.constantFrom(...INJECTIONS),
  depth: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 41, max: 1200 }), fc.constant(10_000)),
});

const plan = fc.record({
  seed: fc.nat(),
  steps: fc.array(step, { minLength: 1, maxLength: 3 }),
  yaml: fc.boolean(),
});

/**
 * The `index`-th mutant of a run with `seed`, made from one of `seeds` ({ name, doc }).
 * Returns the text to generate from (JSON or YAML), the steps applied (for the report) and the seed used.
 */
export function mutant(seeds, seed, index, stringifyYaml) {
  const [p] = fc.sample(plan, { seed: seed + index * 7919, numRuns: 1 });
  const base = seeds[p.seed % seeds.length];
  const doc = structuredClone(base.doc);
  const applied = [];
  let flip;
  for (const s of p.steps) {
    if (s.op === 'flip') flip = s;
    else applied.push(apply(doc, s));
  }
  // Deep nests go out as JSON: it is what a generator would write, and yaml's stringifier recurses.
  const deep = p.steps.some((s) => s.op === 'nest' && s.depth > 200);
  let text = p.yaml && !deep ? stringifyYaml(doc) : deep ? compactJson(doc) : JSON.stringify(doc, null, 2);
  if (flip) {
    text = flipBytes(text, flip.a, flip.b);
    applied.push(`flip ${1 + (flip.b % 4)} byte(s) from ${flip.a % Math.max(1, text.length)}`);
  }
  return { seed: base.name, config: base.config, files: base.files, text, yaml: p.yaml && !deep, steps: applied };
}

function apply(doc, s) {
  const all = paths(doc);
  const schemas = all.filter((p) => isSchemaLike(get(doc, p)));
  const pick = (list, n) => list[n % list.length];
  switch (s.op) {
    case 'delete': {
      const p = pick(all.filter((q) => q.length > 0 && !Array.isArray(get(doc, q.slice(0, -1)))), s.a);
      if (!p) return 'delete (nothing)';
      delete get(doc, p.slice(0, -1))[p.at(-1)];
      return `delete ${shown(p)}`;
    }
    case 'swap': {
      const p = pick(all.filter((q) => q.length > 0), s.a);
      if (!p) return 'swap (nothing)';
      const value = SWAPS[s.b % SWAPS.length];
      set(doc, p, structuredClone(value));
      return `swap ${shown(p)} = ${JSON.stringify(value)}`;
    }
    case 'refNowhere': {
      const targets = ['#/components/schemas/DoesNotExist', '#/nope', 'missing.yaml#/X', `${'a'.repeat(300)}.yaml`, '#/components/schemas/', 'http://example.com/x.yaml', '#/info'];
      return replaceSchema(doc, schemas, s.a, () => ({ $ref: targets[s.b % targets.length] }), 'ref to nowhere');
    }
    case 'refSelf':
      return replaceSchema(doc, schemas, s.a, (p) => ({ $ref: ptr(p) }), 'ref to itself');
    case 'refSibling': {
      const target = pick(all, s.b) ?? [];
      return replaceSchema(doc, schemas, s.a, () => ({ $ref: ptr(target) }), `ref to ${shown(target)}`);
    }
    case 'cycle': {
      const name = `Cyc${s.b % 1000}`;
      const extra = CYCLES[s.b % CYCLES.length](name);
      doc.components = isObj(doc.components) ? doc.components : {};
      doc.components.schemas = isObj(doc.components.schemas) ? doc.components.schemas : {};
      Object.assign(doc.components.schemas, extra);
      return replaceSchema(doc, schemas, s.a, () => ({ $ref: `#/components/schemas/${name}` }), `cycle ${JSON.stringify(extra)} used`);
    }
    case 'nest': {
      const how = NESTINGS[s.b % NESTINGS.length];
      return replaceSchema(doc, schemas, s.a, () => nest(how, s.depth), `nest ${how} x${s.depth}`);
    }
    case 'rename': {
      const owners = all.filter((q) => {
        const v = get(doc, q);
        return isObj(v) && Object.keys(v).length > 0 && /^(properties|schemas|securitySchemes|paths|responses|parameters)$/.test(String(q.at(-1)));
      });
      const p = pick(owners.length ? owners : all.filter((q) => isObj(get(doc, q)) && Object.keys(get(doc, q)).length), s.a);
      if (!p) return 'rename (nothing)';
      const obj = get(doc, p);
      const keys = Object.keys(obj);
      const key = keys[s.b % keys.length];
      const renamed = Object.fromEntries(Object.entries(obj).map(([k, v]) => [k === key ? s.name : k, v]));
      // Keep the order of keys; `__proto__` must land as an own key, as JSON.parse would make it.
      for (const k of keys) delete obj[k];
      for (const [k, v] of Object.entries(renamed)) Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
      return `rename ${shown([...p, key])} -> ${JSON.stringify(s.name)}`;
    }
    case 'enum': {
      const values = [s.name, s.text, WEIRD_NAMES[s.a % WEIRD_NAMES.length], 1, 1.5, null, true, s.name];
      const e = values.slice(0, 1 + (s.a % values.length));
      return replaceSchema(doc, schemas, s.b, () => ({ type: s.a % 3 === 0 ? 'string' : undefined, enum: e }), `enum ${JSON.stringify(e)}`);
    }
    case 'inject': {
      const strings = all.filter((q) => typeof get(doc, q) === 'string' && /^(description|summary|title|example|default|name|operationId|pattern|format)$/.test(String(q.at(-1))));
      const p = pick(strings.length ? strings : all.filter((q) => typeof get(doc, q) === 'string'), s.a);
      if (!p) return 'inject (nothing)';
      set(doc, p, `${get(doc, p)}${s.text}`);
      return `inject ${shown(p)} += ${JSON.stringify(s.text)}`;
    }
    case 'skipped': {
      const parts = [
        () => (doc.webhooks = { [s.name || 'hook']: { post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: { 200: { description: 'ok' } } } } }),
        () => (doc.components = { ...(isObj(doc.components) ? doc.components : {}), callbacks: { cb: { '{$request.body#/url}': { post: { responses: { 200: { description: 'ok' } } } } } } }),
        () => (doc.components = { ...(isObj(doc.components) ? doc.components : {}), links: { l: { operationId: 'x' } } }),
      ];
      parts[s.b % parts.length]();
      return `add skipped part ${s.b % parts.length}`;
    }
    default:
      throw new Error(`unknown op ${s.op}`);
  }
}

function replaceSchema(doc, schemas, n, make, what) {
  const p = schemas[n % Math.max(1, schemas.length)];
  if (!p || p.length === 0) return `${what} (no schema)`;
  const value = make(p);
  if (value && 'type' in value && value.type === undefined) delete value.type;
  set(doc, p, value);
  return `${shown(p)} := ${what}`;
}

/** `depth` levels of one keyword around a string schema; `example` nests arrays in an example. */
export function nest(how, depth) {
  let s = { type: 'string' };
  if (how === 'example') {
    let v = [];
    for (let i = 0; i < depth; i++) v = [v];
    return { type: 'array', items: { type: 'string' }, example: v };
  }
  for (let i = 0; i < depth; i++) {
    switch (how) {
      case 'items': s = { type: 'array', items: s }; break;
      case 'additionalProperties': s = { type: 'object', additionalProperties: s }; break;
      case 'properties': s = { type: 'object', properties: { p: s } }; break;
      case 'not': s = { not: s }; break;
      default: s = { [how]: [s, { type: 'integer' }] };
    }
  }
  return s;
}

/** Every path in the document, breadth first, capped so huge specs stay cheap. */
export function paths(doc, cap = 20_000) {
  const out = [[]];
  for (let i = 0; i < out.length && out.length < cap; i++) {
    const v = get(doc, out[i]);
    // Below 300 levels only deep nests live, and listing them all would be quadratic.
    if (v && typeof v === 'object' && out[i].length < 300) for (const k of Object.keys(v)) out.push([...out[i], Array.isArray(v) ? Number(k) : k]);
  }
  return out;
}

function isSchemaLike(v) {
  return isObj(v) && ('type' in v || '$ref' in v || 'properties' in v || 'allOf' in v || 'anyOf' in v || 'oneOf' in v || 'items' in v || 'enum' in v);
}

function isObj(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function get(doc, p) {
  let v = doc;
  for (const k of p) v = v?.[k];
  return v;
}

function set(doc, p, value) {
  if (p.length === 0) return;
  get(doc, p.slice(0, -1))[p.at(-1)] = value;
}

export function ptr(p) {
  return `#${p.map((k) => `/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`;
}

/** A pointer for the report: deep ones with their middle cut out. */
function shown(p) {
  const s = ptr(p);
  return s.length > 160 ? `${s.slice(0, 80)}…(${p.length} tokens)…${s.slice(-60)}` : s;
}

function flipBytes(text, at, n) {
  const bytes = Buffer.from(text);
  if (!bytes.length) return text;
  for (let i = 0; i <= n % 4; i++) bytes[(at + i * 131) % bytes.length] ^= 1 << ((at + i) % 8);
  return bytes.toString('utf8');
}

/** JSON.stringify without recursion: 10,000 levels of nesting overflow V8's own. */
export function compactJson(root) {
  const out = [];
  const stack = [{ v: root }];
  while (stack.length) {
    const top = stack.pop();
    if (typeof top === 'string') {
      out.push(top);
      continue;
    }
    const v = top.v;
    if (v === null || typeof v !== 'object') {
      out.push(JSON.stringify(v) ?? 'null');
      continue;
    }
    const arr = Array.isArray(v);
    const entries = arr ? v.map((x) => [undefined, x]) : Object.entries(v).filter(([, x]) => x !== undefined);
    const parts = [arr ? ']' : '}'];
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, x] = entries[i];
      parts.push({ v: x });
      parts.push(`${i ? ',' : ''}${k === undefined ? '' : `${JSON.stringify(k)}:`}`);
    }
    parts.push(arr ? '[' : '{');
    // Pushed in reverse: the opening bracket is popped first.
    for (const part of parts) stack.push(part);
  }
  return out.join('');
}

/**
 * Example values synthesised from schemas, for example calls (JSDoc, docs) and example responses.
 * Spec examples win; otherwise the placeholders Cloudflare's docs use: strings get their property
 * name, numbers their minimum or 0, booleans true, enums their first value.
 */
import { camelCase, isIdentifier, safeIdentifier, singular } from '../ir/names.js';
import type { IR, IROperation, IRSchema } from '../ir/types.js';
import { quote } from './syntax.js';
import { orderProperties, visibleProperties, type Direction } from './types.js';

const MAX_DEPTH = 8;

export interface ExampleOptions {
  readonly direction: Direction;
  /** Only required properties (the shortest valid call). */
  readonly requiredOnly: boolean;
}

const FORMAT_PLACEHOLDERS: Record<string, string> = {
  'date-time': '2019-12-27T18:11:19.117Z',
  date: '2019-12-27',
  time: '18:11:19.117Z',
  uuid: '182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e',
  email: 'user@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
};

export function exampleValue(schema: IRSchema, ir: IR, name: string, options: ExampleOptions, depth = 0): unknown {
  const ex = schema.docs.example;
  if (ex && !(Array.isArray(ex.value) && ex.value.length === 0)) return ex.value;
  if (depth > MAX_DEPTH) return undefined;
  switch (schema.kind) {
    case 'string':
      return (schema.docs.format && FORMAT_PLACEHOLDERS[schema.docs.format]) ?? (name || 'string');
    case 'integer':
    case 'number':
      return schema.docs.constraints?.minimum ?? schema.docs.constraints?.exclusiveMinimum ?? 0;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'literal':
      return schema.value;
    case 'binary':
      return undefined;
    case 'unknown':
      return {};
    case 'never':
      return undefined;
    case 'array': {
      const item = exampleValue(schema.items, ir, name, options, depth + 1);
      return item === undefined ? [] : [item];
    }
    case 'tuple':
      return schema.items.map((s) => exampleValue(s, ir, name, options, depth + 1));
    case 'object': {
      // Spec property names are data: `__proto__` must become a key, not the object's prototype.
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const p of orderProperties(visibleProperties(schema.properties, options.direction))) {
        if (options.requiredOnly && !p.required) continue;
        const v = exampleValue(p.schema, ir, p.name, options, depth + 1);
        if (v !== undefined) out[p.name] = v;
      }
      return out;
    }
    case 'union': {
      const first = schema.members.find((m) => m.kind !== 'null') ?? schema.members[0];
      return first ? exampleValue(first, ir, name, options, depth + 1) : undefined;
    }
    case 'intersection': {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const m of schema.members) {
        const v = exampleValue(m, ir, name, options, depth + 1);
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) out[k] = x;
      }
      return out;
    }
    case 'ref': {
      const model = ir.models.get(schema.model);
      return model ? exampleValue(model.schema, ir, name, options, depth + 1) : undefined;
    }
    default: {
      const never: never = schema;
      return never;
    }
  }
}

/** A value as TypeScript source, single-quoted like the SDKs we learn from. */
export function tsLiteral(value: unknown, indent = ''): string {
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value.map((v) => tsLiteral(v, inner));
    const flat = `[${items.join(', ')}]`;
    return flat.length <= 60 ? flat : `[\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).map(([k, v]) => `${propertyName(k)}: ${tsLiteral(v, inner)}`);
  if (!entries.length) return '{}';
  const flat = `{ ${entries.join(', ')} }`;
  return flat.length <= 60 ? flat : `{\n${entries.map((e) => `${inner}${e},`).join('\n')}\n${indent}}`;
}

/** A key in an object literal; `__proto__: x` would set the prototype, `['__proto__']: x` is a property. */
function propertyName(key: string): string {
  if (key === '__proto__') return `['__proto__']`;
  return isIdentifier(key) ? key : tsLiteral(key);
}

/** `client.cloudforceOne.requests.message.create` for an operation. */
export function accessorOf(accessPath: readonly string[], op: IROperation): string {
  return ['client', ...accessPath, op.methodName].join('.');
}

/** Arguments of the shortest valid call: the positional example and the required params. */
export function exampleArgs(ir: IR, op: IROperation, requiredOnly = true): string[] {
  const args: string[] = [];
  if (op.positional) {
    const p = op.positional.param;
    args.push(tsLiteral(exampleValue(p.schema, ir, p.name, { direction: 'request', requiredOnly })));
  }
  if (op.paramsType) {
    const params: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const f of op.fields) {
      if (requiredOnly && !f.required) continue;
      const v = exampleValue(f.schema, ir, f.name, { direction: 'request', requiredOnly });
      if (v !== undefined) params[f.name] = v;
    }
    if (Object.keys(params).length || op.paramsRequired) args.push(tsLiteral(params, '  '));
  }
  return args;
}

/** Arguments from params the config gives (`docs.readmeExample`): the positional one taken out by its name. */
function givenArgs(ir: IR, op: IROperation, params: Readonly<Record<string, unknown>>): string[] {
  const args = exampleArgs(ir, op).slice(0, op.positional && !(op.positional.param.name in params) ? 1 : 0);
  const rest: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(params)) {
    if (op.positional && k === op.positional.param.name) args.push(tsLiteral(v));
    else rest[k] = v;
  }
  if (Object.keys(rest).length || op.paramsRequired) args.push(tsLiteral(rest, '  '));
  return args;
}

/** The example call shown in JSDoc and docs pages. */
export function exampleCall(ir: IR, op: IROperation, accessPath: readonly string[], params?: Readonly<Record<string, unknown>>): string {
  const args = params ? givenArgs(ir, op, params) : exampleArgs(ir, op);
  const callee = accessorOf(accessPath, op);
  const oneLine = `${callee}(${args.join(', ')})`;
  const call = oneLine.length <= 72 && !oneLine.includes('\n') ? oneLine : `${callee}(\n${args.map((a) => `  ${a},`).join('\n')}\n)`;
  // A resource named `class` or `client` must not give `const class = await client...`.
  const stem = safeIdentifier(camelCase(singular(accessPath[accessPath.length - 1] ?? 'result')) || 'result');
  const variable = stem === 'client' || stem === 'arguments' || stem === 'eval' || stem.endsWith('_') ? 'result' : stem;
  if (op.returns.pagination) return `for await (const ${variable} of ${call}) {\n  console.log(${variable});\n}`;
  if (!op.returns.schema) return `await ${call};`;
  const first = firstProperty(op.returns.schema, ir);
  return `const ${variable} = await ${call};\n\nconsole.log(${variable}${first ? propertyAccess(first) : ''});`;
}

function propertyAccess(name: string): string {
  return isIdentifier(name) ? `.${name}` : `[${tsLiteral(name)}]`;
}

function firstProperty(schema: IRSchema, ir: IR): string | undefined {
  const s = schema.kind === 'ref' ? ir.models.get(schema.model)?.schema : schema;
  if (s?.kind !== 'object') return undefined;
  return orderProperties(visibleProperties(s.properties, 'response'))[0]?.name;
}

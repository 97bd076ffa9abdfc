/**
 * The docs model: what a reference page says about an operation (the sections of Cloudflare's API
 * reference), built from the IR once and rendered twice, as Markdown (markdown.ts) and as HTML
 * (html/). Text is kept as the spec wrote it; each renderer cleans or escapes it for its format.
 */
import type { IR, IRField, IROperation, IRProperty, IRResource, IRSchema, IRSecurityScheme } from '../ir/types.js';
import { kebabCase } from '../ir/names.js';
import { exampleCall, exampleValue } from '../emit/examples.js';
import { itemType, pageClass, valueType } from '../emit/resource.js';
import { orderProperties, visibleProperties } from '../emit/types.js';

export interface DocConstraint {
  readonly label: string;
  /** Shown as code (`maxLength: 36`). */
  readonly code?: string;
  /** Shown as text after the label (`one of "a", "b"`). */
  readonly text?: string;
}

/** Where a field of the params object goes on the wire. */
export type FieldLocation = 'Path' | 'Query' | 'Header' | 'Cookie' | 'Body';

export interface DocField {
  readonly name: string;
  readonly optional: boolean;
  readonly type: string;
  readonly description?: string;
  readonly constraints: readonly DocConstraint[];
  /** Set on params fields when an operation mixes locations (as the seed page labels them). */
  readonly location?: FieldLocation;
  /** `param-params.content`: unique on its page and the same on every run. */
  readonly anchor: string;
  /** Fields of the object this field holds (or holds a list of); only when built `nested`. */
  readonly children: readonly DocField[];
}

export interface DocScheme {
  readonly key: string;
  readonly title: string;
  readonly description?: string;
  /** `X-Auth-Key: 144c...`: how the credential is sent. */
  readonly example: string;
  readonly option: string;
  readonly env: string;
}

export interface DocSecurityAlternative {
  readonly title: string;
  readonly schemes: readonly DocScheme[];
}

export interface OperationDoc {
  readonly title: string;
  readonly signature: string;
  readonly method: IROperation['method'];
  readonly path: string;
  readonly description?: string;
  readonly deprecated: boolean;
  /** Empty: the operation needs no credentials. */
  readonly security: readonly DocSecurityAlternative[];
  readonly permissions: readonly string[];
  readonly positional?: DocField;
  readonly params?: { readonly optional: boolean; readonly type: string; readonly fields: readonly DocField[] };
  /** Undefined: the response has no body. */
  readonly returns?: { readonly type: string; readonly paginated: boolean; readonly fields: readonly DocField[] };
  readonly example: { readonly setup: string; readonly call: string };
  /** The example response body as JSON text. */
  readonly response?: string;
}

export interface BuildOptions {
  /** Fill in `children` of fields (the HTML renderer shows them behind "expand"). */
  readonly nested: boolean;
}

/** Visits every resource with the property path the client reaches it by. */
export function eachResource(ir: IR, visit: (r: IRResource, access: string[]) => void): void {
  const walk = (r: IRResource, parent: string[]) => {
    const access = [...parent, r.propertyName];
    visit(r, access);
    r.children.forEach((c) => walk(c, access));
  };
  ir.resources.forEach((r) => walk(r, []));
}

/** `cloudforce-one/requests/message`: a resource's folder in docs/ and in the site. */
export function resourceDir(resource: IRResource): string {
  return resource.keys.map((k) => kebabCase(k) || 'resource').join('/');
}

export function docPath(resource: IRResource, op: IROperation): string {
  return `docs/${resourceDir(resource)}/${pageName(resource, op)}.md`;
}

const pageNamesCache = new WeakMap<IRResource, Map<IROperation, string>>();

/**
 * The page name of a method: its kebab-case name, numbered when two methods' names kebab-case
 * alike (`getFooBAR` and `getFooBar`), so no page overwrites another.
 */
export function pageName(resource: IRResource, op: IROperation): string {
  let names = pageNamesCache.get(resource);
  if (!names) {
    names = new Map();
    const taken = new Set<string>();
    for (const o of resource.operations) {
      const base = kebabCase(o.methodName) || 'method';
      let name = base;
      for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
      taken.add(name);
      names.set(o, name);
    }
    pageNamesCache.set(resource, names);
  }
  return names.get(op) ?? 'method';
}

type Direction = 'request' | 'response';

function resolved(schema: IRSchema | undefined, ir: IR): IRSchema | undefined {
  return schema?.kind === 'ref' ? ir.models.get(schema.model)?.schema : schema;
}

function objectProps(schema: IRSchema | undefined, ir: IR, direction: Direction): IRProperty[] | undefined {
  const s = resolved(schema, ir);
  return s?.kind === 'object' ? orderProperties(visibleProperties(s.properties, direction)) : undefined;
}

/** `Message { id, author, content, 3 more }` */
export function typeSummary(schema: IRSchema | undefined, name: string, ir: IR, direction: Direction = 'response'): string {
  const props = objectProps(schema, ir, direction);
  if (!props) return name;
  const names = props.map((p) => p.name);
  const shown = names.length > 4 ? [...names.slice(0, 3), `${names.length - 3} more`] : names;
  return shown.length ? `${name} { ${shown.join(', ')} }` : name;
}

/** A short human type for docs: model names, primitives, arrays, literal unions. */
export function docType(s: IRSchema, ir: IR): string {
  switch (s.kind) {
    case 'ref':
      return ir.models.get(s.model)?.name ?? 'unknown';
    case 'integer':
      return 'number';
    case 'binary':
      return 'Blob';
    case 'literal':
      return JSON.stringify(s.value);
    case 'array':
      return `Array<${docType(s.items, ir)}>`;
    case 'tuple':
      return `[${s.items.map((i) => docType(i, ir)).join(', ')}]`;
    case 'object':
      return s.properties.length ? 'object' : 'Record<string, unknown>';
    case 'union': {
      const members = [...new Set(s.members.map((m) => docType(m, ir)))];
      return members.length > 4 ? `${members.slice(0, 3).join(' | ')} | … ${members.length - 3} more` : members.join(' | ');
    }
    case 'intersection':
      return s.members.map((m) => docType(m, ir)).join(' & ');
    default:
      return s.kind;
  }
}

function returnType(ir: IR, op: IROperation): string {
  if (op.returns.pagination) return `${pageClass(op)}<${itemType(op, ir)}>`;
  return op.returns.schema ? typeSummary(op.returns.schema, valueType(op, ir), ir) : 'void';
}

function paramsType(op: IROperation): string {
  return `${op.paramsType} { ${op.fields.map((f) => f.name).join(', ')} }`;
}

export function signatureOf(ir: IR, op: IROperation, access: string[]): string {
  const args: string[] = [];
  if (op.positional) args.push(`${docType(op.positional.param.schema, ir)} ${op.positional.tsName}`);
  if (op.paramsType) args.push(`${paramsType(op)} params${op.paramsRequired ? '' : '?'}`);
  args.push('RequestOptions options?');
  return `client.${[...access, op.methodName].join('.')}(${args.join(', ')}): ${returnType(ir, op)}`;
}

function constraintsOf(s: IRSchema): DocConstraint[] {
  const out: DocConstraint[] = [];
  if (s.docs.format) out.push({ label: 'format', code: s.docs.format });
  for (const [k, v] of Object.entries(s.docs.constraints ?? {})) out.push({ label: k, code: String(v) });
  if (s.kind === 'union' && s.members.every((m) => m.kind === 'literal')) {
    const values = s.members.map((m) => (m.kind === 'literal' ? JSON.stringify(m.value) : ''));
    out.push({ label: 'one of', text: values.length > 5 ? `${values.slice(0, 3).join(', ')} … ${values.length - 3} more` : values.join(', ') });
  }
  if (s.docs.default) out.push({ label: 'default', code: JSON.stringify(s.docs.default.value) });
  if (s.docs.deprecated) out.push({ label: 'deprecated' });
  return out;
}

/** Characters an anchor keeps as they are; others become `~xx` (`.` separates levels) so distinct names stay distinct. */
function anchorPart(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, (c) => `~${c.codePointAt(0)!.toString(16)}`);
}

/** Nested fields shown per page at most: a schema thousands of fields deep stays readable (and fast). */
const MAX_NESTED = 200;
const MAX_DEPTH = 4;

/** Builds fields, descending into nested objects when asked, never into a model already on the path. */
export class FieldBuilder {
  private budget = MAX_NESTED;
  constructor(
    private readonly ir: IR,
    private readonly nested: boolean,
  ) {}

  field(
    name: string,
    optional: boolean,
    schema: IRSchema,
    description: string | undefined,
    anchor: string,
    direction: Direction,
    location?: FieldLocation,
  ): DocField {
    return {
      name,
      optional,
      type: docType(schema, this.ir),
      ...(description ? { description } : {}),
      constraints: constraintsOf(schema),
      ...(location ? { location } : {}),
      anchor,
      children: this.nested ? this.children(schema, anchor, direction, new Set(), 1) : [],
    };
  }

  private children(schema: IRSchema, anchor: string, direction: Direction, seen: ReadonlySet<string>, depth: number): DocField[] {
    if (depth > MAX_DEPTH || this.budget <= 0) return [];
    let s: IRSchema | undefined = schema;
    const path = new Set(seen);
    for (let i = 0; s && i < 4; i++) {
      if (s.kind === 'ref') {
        if (path.has(s.model)) return [];
        path.add(s.model);
        s = this.ir.models.get(s.model)?.schema;
      } else if (s.kind === 'array') s = s.items;
      else if (s.kind === 'union') {
        const objects: IRSchema[] = s.members.filter((m) => m.kind !== 'null');
        s = objects.length === 1 ? objects[0] : undefined;
      } else break;
    }
    if (s?.kind !== 'object') return [];
    const props = orderProperties(visibleProperties(s.properties, direction));
    const out: DocField[] = [];
    for (const p of props) {
      if (this.budget-- <= 0) break;
      const a = `${anchor}.${anchorPart(p.name)}`;
      out.push({
        name: p.name,
        optional: !p.required,
        type: docType(p.schema, this.ir),
        ...(p.schema.docs.description || p.schema.docs.title ? { description: (p.schema.docs.description ?? p.schema.docs.title)! } : {}),
        constraints: constraintsOf(p.schema),
        anchor: a,
        children: this.children(p.schema, a, direction, path, depth + 1),
      });
    }
    return out;
  }
}

const LOCATION: Record<IRField['origin'], FieldLocation> = { path: 'Path', query: 'Query', header: 'Header', cookie: 'Cookie', body: 'Body' };

function headerExample(scheme: IRSecurityScheme): string {
  if (scheme.type === 'apiKey') return `${scheme.name}: ${scheme.example}`;
  if (scheme.type === 'http') return `Authorization: ${scheme.scheme === 'basic' ? 'Basic' : 'Bearer'} ${scheme.example}`;
  return `Authorization: Bearer ${scheme.example}`;
}

function securityOf(ir: IR, op: IROperation): DocSecurityAlternative[] {
  return (op.security ?? ir.security)
    .filter((a) => a.length)
    .map((alt) => {
      const schemes = alt.map((k) => ir.securitySchemes.find((s) => s.key === k));
      return {
        title: schemes.map((s, i) => s?.title ?? alt[i]).join(' + '),
        schemes: schemes
          .filter((s): s is IRSecurityScheme => !!s)
          .map((s) => ({ key: s.key, title: s.title, ...(s.description ? { description: s.description } : {}), example: headerExample(s), option: s.option, env: s.env })),
      };
    });
}

/** The import and constructor of the example: the first security alternative's options. */
export function clientSetup(ir: IR, op: IROperation): string {
  const alt = (op.security ?? ir.security).find((a) => a.length) ?? [];
  const schemes = alt.map((k) => ir.securitySchemes.find((s) => s.key === k)).filter((s): s is IRSecurityScheme => !!s);
  const opts = schemes.map((s) => `  ${s.option}: process.env['${s.env}'], // This is the default and can be omitted`);
  return [
    `import ${ir.client.className} from '${ir.client.packageName}';`,
    '',
    opts.length ? `const client = new ${ir.client.className}({\n${opts.join('\n')}\n});` : `const client = new ${ir.client.className}();`,
  ].join('\n');
}

export function operationDoc(ir: IR, op: IROperation, access: string[], options: BuildOptions): OperationDoc {
  const fields = new FieldBuilder(ir, options.nested);
  const positional = op.positional;
  const mixed = new Set(op.fields.map((f) => f.origin)).size > 1;
  const body = op.returns.body;
  const response = body ? exampleValue(body, ir, '', { direction: 'response', requiredOnly: false }) : undefined;
  return {
    title: op.summary ?? `${op.method} ${op.path}`,
    signature: signatureOf(ir, op, access),
    method: op.method,
    path: op.path,
    ...(op.description ? { description: op.description } : {}),
    deprecated: op.deprecated,
    security: securityOf(ir, op),
    permissions: op.permissions,
    ...(positional
      ? {
          positional: fields.field(
            positional.tsName,
            false,
            positional.param.schema,
            positional.param.description ?? positional.param.schema.docs.description,
            `param-${anchorPart(positional.tsName)}`,
            'request',
          ),
        }
      : {}),
    ...(op.paramsType
      ? {
          params: {
            optional: !op.paramsRequired,
            type: paramsType(op),
            fields: op.fields.map((f) =>
              fields.field(f.name, !f.required, f.schema, f.description, `param-params.${anchorPart(f.name)}`, 'request', mixed ? LOCATION[f.origin] : undefined),
            ),
          },
        }
      : {}),
    ...(op.returns.schema
      ? {
          returns: {
            type: returnType(ir, op),
            paginated: !!op.returns.pagination,
            fields: (objectProps(op.returns.schema, ir, 'response') ?? []).map((p) =>
              fields.field(p.name, !p.required, p.schema, p.schema.docs.description ?? p.schema.docs.title, `return-${anchorPart(p.name)}`, 'response'),
            ),
          },
        }
      : {}),
    example: { setup: clientSetup(ir, op), call: exampleCall(ir, op, access) },
    ...(response !== undefined ? { response: JSON.stringify(response, null, 2) } : {}),
  };
}

/** One line per method for overview pages and api.md: `client.a.b.create(requestId, { ...params }) -> Message`. */
export function methodLine(ir: IR, op: IROperation): { args: string; returns: string } {
  const args = [op.positional?.tsName, op.paramsType ? '{ ...params }' : undefined].filter(Boolean).join(', ');
  const returns = op.returns.pagination ? `${pageClass(op)}<${itemType(op, ir)}>` : valueType(op, ir);
  return { args, returns };
}

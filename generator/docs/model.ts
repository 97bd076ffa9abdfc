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
import { hasClientOption } from '../emit/security.js';

export interface DocConstraint {
  readonly label: string;
  /** Shown as code (`maxLength: 36`). */
  readonly code?: string;
  /** Shown as text after the label (`one of "a", "b"`). */
  readonly text?: string;
}

/** Where a field of the params object goes on the wire. */
export type FieldLocation = 'Path' | 'Query' | 'Header' | 'Cookie' | 'Body';

/** Enum values of a field (its own literal union or the enum model it refers to), as JSON text. */
export interface DocValues {
  /** At most MAX_VALUES of them, in the spec's order. */
  readonly values: readonly string[];
  /** How many there are in all. */
  readonly total: number;
}

/** A named type and the module (relative to src/, no extension) that declares it. */
export interface DocTypeRef {
  readonly name: string;
  readonly module: string;
}

export interface DocField {
  readonly name: string;
  readonly optional: boolean;
  readonly type: string;
  readonly description?: string;
  readonly constraints: readonly DocConstraint[];
  readonly values?: DocValues;
  /** Set on params fields when an operation mixes locations (as the seed page labels them). */
  readonly location?: FieldLocation;
  /** `param-params.content`: unique on its page and the same on every run. */
  readonly anchor: string;
  /** Fields of the object this field holds (or holds a list of), to the depth the page was built with. */
  readonly children: readonly DocField[];
  /** The named type that declares `children` (the field's model, else the nearest enclosing named type). */
  readonly childrenOf?: DocTypeRef;
}

export interface DocScheme {
  readonly key: string;
  readonly title: string;
  readonly description?: string;
  /** What the client takes for it; none for mutualTLS, whose certificate the transport presents (CERTIFICATE_NOTE). */
  readonly credential?: {
    /** `X-Auth-Key: 144c...`: how the credential is sent. */
    readonly example: string;
    readonly option: string;
    readonly env: string;
  };
}

/** What the docs say of a mutualTLS scheme: the client has no option for it. */
export const CERTIFICATE_NOTE = 'Mutual TLS: the client certificate is presented by the transport, so pass a `fetch` that presents it (client option `fetch`).';

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
  /** Levels of `children` to fill in below the top fields: 0 for none. */
  readonly depth: number;
  /** The module declaring the operation's params and response types (its resource's). */
  readonly module?: string;
}

/**
 * Nested field lists longer than this show their first SHOWN_FIELDS fields and "N more" (as the
 * Cloudflare reference does); a page's top-level lists are shown whole.
 */
export const SHOWN_FIELDS = 8;
/** Enum values listed before "N more". */
export const SHOWN_VALUES = 10;

/** The first `shown` items of a list and the rest. */
export function shortList<T>(items: readonly T[], shown: number): { shown: readonly T[]; rest: readonly T[] } {
  // One hidden item costs as much room as "1 more": show it.
  return items.length <= shown + 1 ? { shown: items, rest: [] } : { shown: items.slice(0, shown), rest: items.slice(shown) };
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
  return props.length ? `${name} { ${fieldNames(props.map((p) => p.name))} }` : name;
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
  return `${op.paramsType} { ${fieldNames(op.fields.map((f) => f.name))} }`;
}

/** `id, author, content, 3 more`: the fields a type summary names. */
function fieldNames(names: readonly string[]): string {
  return (names.length > 4 ? [...names.slice(0, 3), `${names.length - 3} more`] : names).join(', ');
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
  if (s.docs.default) out.push({ label: 'default', code: JSON.stringify(s.docs.default.value) });
  if (s.docs.deprecated) out.push({ label: 'deprecated' });
  return out;
}

/** Values kept per field: an enum of every country code stays a few lines of the page. */
const MAX_VALUES = 50;

/** The values of an enum: a union of literals (nullable or not), directly or through a model. */
function valuesOf(schema: IRSchema, ir: IR): DocValues | undefined {
  let s = schema;
  if (s.kind === 'array') s = s.items;
  if (s.kind === 'ref') s = ir.models.get(s.model)?.schema ?? s;
  if (s.kind !== 'union') return undefined;
  const members = s.members.filter((m) => m.kind !== 'null');
  if (!members.length || !members.every((m) => m.kind === 'literal')) return undefined;
  const values = members.slice(0, MAX_VALUES).map((m) => (m.kind === 'literal' ? JSON.stringify(m.value) : ''));
  return { values, total: members.length };
}

/** Characters an anchor keeps as they are; others become `~xx` (`.` separates levels) so distinct names stay distinct. */
function anchorPart(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, (c) => `~${c.codePointAt(0)!.toString(16)}`);
}

/** Nested fields shown per page at most: a schema thousands of fields deep stays readable (and fast). */
const MAX_NESTED = 200;

interface FieldInput {
  readonly name: string;
  readonly optional: boolean;
  readonly schema: IRSchema;
  readonly description: string | undefined;
  readonly anchor: string;
  readonly direction: Direction;
  /** The named type declaring the field: where "N more" of its inline children links. */
  readonly owner: DocTypeRef | undefined;
  readonly location?: FieldLocation;
}

const shared = new WeakMap<IR, Map<string, { children: readonly DocField[]; count: number }>>();

function sharedChildren(ir: IR): Map<string, { children: readonly DocField[]; count: number }> {
  let map = shared.get(ir);
  if (!map) shared.set(ir, (map = new Map()));
  return map;
}

/** Builds fields, descending into nested objects to the page's depth, never into a model already on the path. */
export class FieldBuilder {
  private budget = MAX_NESTED;
  constructor(
    private readonly ir: IR,
    private readonly depth: number,
  ) {}

  field(f: FieldInput): DocField {
    return this.make(f, new Set(), 1);
  }

  private make(f: FieldInput, seen: ReadonlySet<string>, depth: number): DocField {
    const { name, optional, schema, description, anchor, direction, owner, location } = f;
    const values = valuesOf(schema, this.ir);
    const nested = depth <= this.depth && this.budget > 0 ? this.objectOf(schema, seen, direction) : undefined;
    const childrenOf = nested?.model ?? owner;
    // A top field holding a model (Cloudflare's `errors` and `messages` on every page) has the same
    // children on every page that shows it: built once, shared, and rendered once (html/page.ts).
    const key = nested?.model && depth === 1 ? `${[...nested.path].join('\0')}\0${anchor}\0${direction}\0${this.depth}` : undefined;
    const cached = key === undefined ? undefined : sharedChildren(this.ir).get(key);
    let children: readonly DocField[];
    if (cached && cached.count <= this.budget) {
      children = cached.children;
      this.budget -= cached.count;
    } else {
      const before = this.budget;
      const built: DocField[] = [];
      for (const p of nested?.props ?? []) {
        if (this.budget-- <= 0) break;
        const d = p.schema.docs.description ?? p.schema.docs.title;
        const child = { name: p.name, optional: !p.required, schema: p.schema, description: d, anchor: `${anchor}.${anchorPart(p.name)}`, direction, owner: childrenOf };
        built.push(this.make(child, nested!.path, depth + 1));
      }
      children = built;
      // Only a list the budget did not cut is the same on every page.
      if (key !== undefined && this.budget > 0) sharedChildren(this.ir).set(key, { children, count: before - this.budget });
    }
    return {
      name,
      optional,
      type: docType(schema, this.ir),
      ...(description ? { description } : {}),
      constraints: constraintsOf(schema),
      ...(values ? { values } : {}),
      ...(location ? { location } : {}),
      anchor,
      children,
      ...(children.length && childrenOf ? { childrenOf } : {}),
    };
  }

  /** The object a field holds (through refs, arrays and nullable unions), with the models passed on the way. */
  private objectOf(schema: IRSchema, seen: ReadonlySet<string>, direction: Direction): { props: IRProperty[]; model?: DocTypeRef; path: Set<string> } | undefined {
    let s: IRSchema | undefined = schema;
    let model: DocTypeRef | undefined;
    const path = new Set(seen);
    for (let i = 0; s && i < 4; i++) {
      if (s.kind === 'ref') {
        if (path.has(s.model)) return undefined;
        path.add(s.model);
        const m = this.ir.models.get(s.model);
        if (m) model = { name: m.name, module: m.module };
        s = m?.schema;
      } else if (s.kind === 'array') s = s.items;
      else if (s.kind === 'union') {
        const objects: IRSchema[] = s.members.filter((m) => m.kind !== 'null');
        s = objects.length === 1 ? objects[0] : undefined;
      } else break;
    }
    if (s?.kind !== 'object') return undefined;
    return { props: orderProperties(visibleProperties(s.properties, direction)), ...(model ? { model } : {}), path };
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
        // In `authMode: any` one configured scheme of a requirement is enough.
        title: schemes.map((s, i) => s?.title ?? alt[i]).join(ir.anyAuth ? ' or ' : ' + '),
        schemes: schemes
          .filter((s): s is IRSecurityScheme => !!s)
          .map((s) => ({
            key: s.key,
            title: s.title,
            ...(s.description ? { description: s.description } : {}),
            ...(hasClientOption(s) ? { credential: { example: headerExample(s), option: s.option, env: s.env } } : {}),
          })),
      };
    });
}

/** The import and constructor of the example: the first security alternative's options. */
export function clientSetup(ir: IR, op: IROperation): string {
  const alt = (op.security ?? ir.security).find((a) => a.length) ?? [];
  const schemes = alt.map((k) => ir.securitySchemes.find((s) => s.key === k)).filter((s): s is IRSecurityScheme => !!s && hasClientOption(s));
  const opts = schemes.map((s) => `  ${s.option}: process.env['${s.env}'], // This is the default and can be omitted`);
  return [
    `import ${ir.client.className} from '${ir.client.packageName}';`,
    '',
    opts.length ? `const client = new ${ir.client.className}({\n${opts.join('\n')}\n});` : `const client = new ${ir.client.className}();`,
  ].join('\n');
}

/** The schema whose fields a method's Returns lists (a page's items) and the named type declaring them. */
function returnedObject(ir: IR, op: IROperation, module: string | undefined): { schema?: IRSchema; owner?: DocTypeRef } {
  let schema = op.returns.schema;
  if (op.returns.pagination) schema = schema?.kind === 'array' ? schema.items : schema?.kind === 'ref' ? arrayItems(ir.models.get(schema.model)?.schema) : undefined;
  const model = schema?.kind === 'ref' ? ir.models.get(schema.model) : undefined;
  if (model) return { schema, owner: { name: model.name, module: model.module } };
  if (op.returns.typeName && !op.returns.pagination && module !== undefined) return { schema, owner: { name: op.returns.typeName, module } };
  return schema ? { schema } : {};
}

function arrayItems(s: IRSchema | undefined): IRSchema | undefined {
  return s?.kind === 'array' ? s.items : undefined;
}

export function operationDoc(ir: IR, op: IROperation, access: string[], options: BuildOptions): OperationDoc {
  const fields = new FieldBuilder(ir, options.depth);
  const params: DocTypeRef | undefined = op.paramsType && options.module !== undefined ? { name: op.paramsType, module: options.module } : undefined;
  const returned = returnedObject(ir, op, options.module);
  const positional = op.positional;
  const mixed = new Set(op.fields.map((f) => f.origin)).size > 1;
  return {
    ...pageParts(ir, op, access),
    ...(positional
      ? {
          positional: fields.field({
            name: positional.tsName,
            optional: false,
            schema: positional.param.schema,
            description: positional.param.description ?? positional.param.schema.docs.description,
            anchor: `param-${anchorPart(positional.tsName)}`,
            direction: 'request',
            owner: undefined,
          }),
        }
      : {}),
    ...(op.paramsType
      ? {
          params: {
            optional: !op.paramsRequired,
            type: paramsType(op),
            fields: op.fields.map((f) =>
              fields.field({
                name: f.name,
                optional: !f.required,
                schema: f.schema,
                description: f.description,
                anchor: `param-params.${anchorPart(f.name)}`,
                direction: 'request',
                owner: params,
                ...(mixed ? { location: LOCATION[f.origin] } : {}),
              }),
            ),
          },
        }
      : {}),
    ...(op.returns.schema
      ? {
          returns: {
            type: returnType(ir, op),
            paginated: !!op.returns.pagination,
            fields: (objectProps(returned.schema, ir, 'response') ?? []).map((p) =>
              fields.field({
                name: p.name,
                optional: !p.required,
                schema: p.schema,
                description: p.schema.docs.description ?? p.schema.docs.title,
                anchor: `return-${anchorPart(p.name)}`,
                direction: 'response',
                owner: returned.owner,
              }),
            ),
          },
        }
      : {}),
  };
}

type PageParts = Pick<OperationDoc, 'title' | 'signature' | 'method' | 'path' | 'description' | 'deprecated' | 'security' | 'permissions' | 'example' | 'response'>;

const partsCache = new WeakMap<IROperation, PageParts>();

/** What an operation's pages say whatever their depth: made once for its Markdown and HTML pages. */
function pageParts(ir: IR, op: IROperation, access: string[]): PageParts {
  let parts = partsCache.get(op);
  if (parts) return parts;
  const body = op.returns.body;
  const response = body ? exampleValue(body, ir, '', { direction: 'response', requiredOnly: false }) : undefined;
  parts = {
    title: op.summary ?? `${op.method} ${op.path}`,
    signature: signatureOf(ir, op, access),
    method: op.method,
    path: op.path,
    ...(op.description ? { description: op.description } : {}),
    deprecated: op.deprecated,
    security: securityOf(ir, op),
    permissions: op.permissions,
    example: { setup: clientSetup(ir, op), call: exampleCall(ir, op, access) },
    ...(response !== undefined ? { response: JSON.stringify(response, null, 2) } : {}),
  };
  partsCache.set(op, parts);
  return parts;
}

/** One line per method for overview pages and api.md: `client.a.b.create(requestId, { ...params }) -> Message`. */
export function methodLine(ir: IR, op: IROperation): { args: string; returns: string } {
  const args = [op.positional?.tsName, op.paramsType ? '{ ...params }' : undefined].filter(Boolean).join(', ');
  const returns = op.returns.pagination ? `${pageClass(op)}<${itemType(op, ir)}>` : valueType(op, ir);
  return { args, returns };
}

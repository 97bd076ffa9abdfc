/**
 * Reference docs: one Markdown page per operation with the sections of Cloudflare's API reference
 * (signature, route, description, security, permissions, parameters, returns, example, example
 * response), `api.md` listing every resource, method and type, and the package README.
 */
import type { IR, IRField, IROperation, IRResource, IRSchema, IRSecurityScheme } from '../ir/types.js';
import { kebabCase } from '../ir/names.js';
import { exampleCall, exampleValue } from './examples.js';
import { cleanText } from './jsdoc.js';
import type { OutputFile } from './modules.js';
import { itemType, pageClass, valueType } from './resource.js';
import { orderProperties, visibleProperties } from './types.js';

/** Visits every resource with the property path the client reaches it by. */
export function eachResource(ir: IR, visit: (r: IRResource, access: string[]) => void): void {
  const walk = (r: IRResource, parent: string[]) => {
    const access = [...parent, r.propertyName];
    visit(r, access);
    r.children.forEach((c) => walk(c, access));
  };
  ir.resources.forEach((r) => walk(r, []));
}

export function docPath(resource: IRResource, op: IROperation): string {
  return `docs/${resource.keys.map((k) => kebabCase(k) || 'resource').join('/')}/${pageNames(resource).get(op) ?? 'method'}.md`;
}

const pageNamesCache = new WeakMap<IRResource, Map<IROperation, string>>();

/**
 * The page name of each method of a resource: its kebab-case name, numbered when two methods' names
 * kebab-case alike (`getFooBAR` and `getFooBar`), so no page overwrites another.
 */
function pageNames(resource: IRResource): Map<IROperation, string> {
  let names = pageNamesCache.get(resource);
  if (names) return names;
  names = new Map();
  const taken = new Set<string>();
  for (const op of resource.operations) {
    const base = kebabCase(op.methodName) || 'method';
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    names.set(op, name);
  }
  pageNamesCache.set(resource, names);
  return names;
}

/** `Message { id, author, content, 3 more }` */
function typeSummary(schema: IRSchema | undefined, name: string, ir: IR, direction: 'request' | 'response' = 'response'): string {
  const props = objectProps(schema, ir, direction);
  if (!props) return name;
  const names = props.map((p) => p.name);
  const shown = names.length > 4 ? [...names.slice(0, 3), `${names.length - 3} more`] : names;
  return shown.length ? `${name} { ${shown.join(', ')} }` : name;
}

function objectProps(schema: IRSchema | undefined, ir: IR, direction: 'request' | 'response') {
  const s = schema?.kind === 'ref' ? ir.models.get(schema.model)?.schema : schema;
  return s?.kind === 'object' ? orderProperties(visibleProperties(s.properties, direction)) : undefined;
}

/** A short human type for docs: model names, primitives, arrays, literal unions. */
function docType(s: IRSchema, ir: IR): string {
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

export function signatureOf(ir: IR, op: IROperation, access: string[]): string {
  const args: string[] = [];
  if (op.positional) args.push(`${docType(op.positional.param.schema, ir)} ${op.positional.tsName}`);
  if (op.paramsType) {
    const fields = op.fields.map((f) => f.name);
    args.push(`${op.paramsType} { ${fields.join(', ')} } params${op.paramsRequired ? '' : '?'}`);
  }
  args.push('RequestOptions options?');
  const ret = op.returns.pagination ? `${pageClass(op)}<${itemType(op, ir)}>` : op.returns.schema ? typeSummary(op.returns.schema, valueType(op, ir), ir) : 'void';
  return `client.${[...access, op.methodName].join('.')}(${args.join(', ')}): ${ret}`;
}

function constraintsText(s: IRSchema): string[] {
  const out: string[] = [];
  if (s.docs.format) out.push(`format: \`${s.docs.format}\``);
  for (const [k, v] of Object.entries(s.docs.constraints ?? {})) out.push(`${k}: \`${String(v)}\``);
  if (s.kind === 'union' && s.members.every((m) => m.kind === 'literal')) {
    const values = s.members.map((m) => (m.kind === 'literal' ? JSON.stringify(m.value) : ''));
    out.push(values.length > 5 ? `one of ${values.slice(0, 3).join(', ')} … ${values.length - 3} more` : `one of ${values.join(', ')}`);
  }
  if (s.docs.default) out.push(`default: \`${JSON.stringify(s.docs.default.value)}\``);
  if (s.docs.deprecated) out.push('deprecated');
  return out;
}

function fieldLines(name: string, optional: boolean, type: string, description: string | undefined, schema: IRSchema, indent: string): string[] {
  const lines = [`${indent}- \`${name}${optional ? '?' : ''}: ${type}\``];
  if (description) lines.push('', ...cleanText(description).split('\n').map((l) => (l ? `${indent}  ${l}` : '')));
  const c = constraintsText(schema);
  if (c.length) lines.push('', `${indent}  ${c.join(' · ')}`);
  return lines;
}

const PREFIX: Record<IRField['origin'], string> = { path: 'Path', query: 'Query', header: 'Header', cookie: 'Cookie', body: 'Body' };

function parametersSection(ir: IR, op: IROperation): string[] {
  const lines: string[] = [];
  if (op.positional) {
    const p = op.positional.param;
    lines.push(...fieldLines(op.positional.tsName, false, docType(p.schema, ir), p.description ?? p.schema.docs.description, p.schema, ''), '');
  }
  if (op.paramsType) {
    lines.push(`- \`params${op.paramsRequired ? '' : '?'}: ${op.paramsType} { ${op.fields.map((f) => f.name).join(', ')} }\``, '');
    const mixed = new Set(op.fields.map((f) => f.origin)).size > 1;
    for (const f of op.fields) {
      const description = f.description ? `${mixed ? `${PREFIX[f.origin]} param: ` : ''}${f.description}` : '';
      lines.push(...fieldLines(f.name, !f.required, docType(f.schema, ir), description || undefined, f.schema, '  '), '');
    }
  }
  return lines.length ? ['## Parameters', '', ...lines] : [];
}

function returnsSection(ir: IR, op: IROperation): string[] {
  if (!op.returns.schema) return ['## Returns', '', 'Nothing (the response has no body).', ''];
  const summary = op.returns.pagination ? `${pageClass(op)}<${itemType(op, ir)}>` : typeSummary(op.returns.schema, valueType(op, ir), ir);
  const lines = ['## Returns', '', `- \`${summary}\``, ''];
  if (op.returns.pagination) lines.push('  Iterate with `for await`: every item of every page.', '');
  for (const p of objectProps(op.returns.schema, ir, 'response') ?? [])
    lines.push(...fieldLines(p.name, !p.required, docType(p.schema, ir), p.schema.docs.description ?? p.schema.docs.title, p.schema, '  '), '');
  return lines;
}

function headerExample(s: IRSchema | undefined, scheme: IRSecurityScheme): string {
  void s;
  if (scheme.type === 'apiKey') return `${scheme.name}: ${scheme.example}`;
  if (scheme.type === 'http') return `Authorization: ${scheme.scheme === 'basic' ? 'Basic' : 'Bearer'} ${scheme.example}`;
  return `Authorization: Bearer ${scheme.example}`;
}

function securitySection(ir: IR, op: IROperation): string[] {
  const alternatives = (op.security ?? ir.security).filter((a) => a.length);
  if (!alternatives.length) return ['## Security', '', 'None: this operation needs no credentials.', ''];
  const lines = ['## Security', ''];
  if (alternatives.length > 1) lines.push('Any one of:', '');
  for (const alt of alternatives) {
    const schemes = alt.map((k) => ir.securitySchemes.find((s) => s.key === k));
    lines.push(`### ${schemes.map((s, i) => s?.title ?? alt[i]).join(' + ')}`, '');
    for (const s of schemes) {
      if (!s) continue;
      if (s.description) lines.push(cleanText(s.description), '');
      lines.push(`Example: \`${headerExample(undefined, s)}\``, '');
      lines.push(`Client option \`${s.option}\`, default \`process.env['${s.env}']\`.`, '');
    }
  }
  return lines;
}

function clientSetup(ir: IR, op: IROperation): string {
  const alt = (op.security ?? ir.security).find((a) => a.length) ?? [];
  const schemes = alt.map((k) => ir.securitySchemes.find((s) => s.key === k)).filter((s): s is IRSecurityScheme => !!s);
  const opts = schemes.map((s) => `  ${s.option}: process.env['${s.env}'], // This is the default and can be omitted`);
  return [
    `import ${ir.client.className} from '${ir.client.packageName}';`,
    '',
    opts.length ? `const client = new ${ir.client.className}({\n${opts.join('\n')}\n});` : `const client = new ${ir.client.className}();`,
  ].join('\n');
}

export function operationPage(ir: IR, resource: IRResource, op: IROperation, access: string[]): OutputFile {
  const title = cleanText(op.summary ?? `${op.method} ${op.path}`);
  const body = op.returns.body;
  const response = body ? exampleValue(body, ir, '', { direction: 'response', requiredOnly: false }) : undefined;
  const lines = [
    `# ${title}`,
    '',
    `\`${signatureOf(ir, op, access)}\``,
    '',
    `**${op.method}** \`${op.path}\``,
    '',
    ...(op.description ? [cleanText(op.description), ''] : []),
    ...(op.deprecated ? ['> **Deprecated.**', ''] : []),
    ...securitySection(ir, op),
    ...(op.permissions.length ? ['## Accepted Permissions (at least one required)', '', ...op.permissions.map((p) => `- ${cleanText(p)}`), ''] : []),
    ...parametersSection(ir, op),
    ...returnsSection(ir, op),
    '## Example',
    '',
    '```ts',
    clientSetup(ir, op),
    '',
    exampleCall(ir, op, access),
    '```',
    '',
    ...(response !== undefined ? ['## Example response', '', '```json', JSON.stringify(response, null, 2), '```', ''] : []),
  ];
  void resource;
  // Written in prettier's Markdown style already; on a big API, prettier over a page per operation
  // cost more than everything else lathe does (16 s of 24 s for Cloudflare's 1,533 pages).
  return { path: docPath(resource, op), content: `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`, preformatted: true };
}

/** Every resource, method and type, linked to the files that declare them. */
export function apiMd(ir: IR): OutputFile {
  const lines = [`# ${cleanText(ir.title)}: API reference`, ''];
  const modelsByModule = new Map<string, string[]>();
  for (const m of ir.models.values()) modelsByModule.set(m.module, [...(modelsByModule.get(m.module) ?? []), m.name]);
  eachResource(ir, (r, access) => {
    lines.push(`${'#'.repeat(Math.min(r.keys.length + 1, 6))} ${r.className}`, '');
    const types = [
      ...(modelsByModule.get(r.module) ?? []),
      ...r.operations.flatMap((o) => (o.returns.typeName ? [o.returns.typeName] : [])),
    ];
    const params = r.operations.flatMap((o) => (o.paramsType ? [o.paramsType] : []));
    const file = `./src/${r.module}.ts`;
    if (types.length) lines.push('Types:', '', ...types.map((t) => `- <code><a href="${file}">${t}</a></code>`), '');
    if (params.length) lines.push('Params:', '', ...params.map((t) => `- <code><a href="${file}">${t}</a></code>`), '');
    if (r.operations.length) {
      lines.push('Methods:', '');
      for (const op of r.operations) {
        const args = [op.positional?.tsName, op.paramsType ? '{ ...params }' : undefined].filter(Boolean).join(', ');
        const ret = op.returns.pagination ? `${pageClass(op)}<${itemType(op, ir)}>` : valueType(op, ir);
        lines.push(
          `- <code title="${op.method.toLowerCase()} ${escapeHtml(op.path)}">client.${access.join('.')}.<a href="${file}">${op.methodName}</a>(${args}) -> ${escapeHtml(ret)}</code> ([docs](./${docPath(r, op)}))`,
        );
      }
      lines.push('');
    }
  });
  return { path: 'api.md', content: lines.join('\n'), ...(plainText(ir.title) ? { styled: true } : {}) };
}

/**
 * Text prettier's Markdown printer leaves as it is. Spec text with Markdown syntax in it (a title
 * with `*`) may be rewritten by prettier, so a file holding such text is left to prettier.
 */
function plainText(text: string): boolean {
  return /^[A-Za-z0-9 .,:;()'/@+-]*$/.test(text);
}

/** A Markdown table as prettier lays it out: every column padded to its widest cell. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i]!.length)));
  const row = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [row(header), row(widths.map((w) => '-'.repeat(w))), ...rows.map(row)];
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function packageReadme(ir: IR): OutputFile {
  let first: { r: IRResource; op: IROperation; access: string[] } | undefined;
  eachResource(ir, (r, access) => {
    if (!first && r.operations[0]) first = { r, op: r.operations[0], access };
  });
  const schemes = ir.securitySchemes;
  const lines = [
    `# ${ir.client.packageName}`,
    '',
    `${cleanText(ir.client.packageDescription)}`,
    '',
    `TypeScript client for ${cleanText(ir.title)} (API version ${cleanText(ir.version)}). No runtime dependencies: it uses the global \`fetch\` of Node.js 20+, browsers, Deno, Bun and edge workers.`,
    '',
    '## Usage',
    '',
    '```ts',
    ...(first ? [clientSetup(ir, first.op), '', exampleCall(ir, first.op, first.access)] : [`import ${ir.client.className} from '${ir.client.packageName}';`]),
    '```',
    '',
    'Every method is listed in [api.md](./api.md), with a reference page per method under [docs/](./docs).',
    '',
    '## Authentication',
    '',
    ...(schemes.length
      ? [
          ...table(
            ['client option', 'environment variable', 'sent as'],
            schemes.map((s) => [
              `\`${s.option}\``,
              `\`${s.env}\``,
              s.type === 'apiKey' ? `\`${s.name}\` ${s.in}` : `\`Authorization: ${s.scheme === 'basic' ? 'Basic' : 'Bearer'}\``,
            ]),
          ),
          '',
          "Each request sends only the credentials that its operation's security allows; when none of those is configured, the call fails before anything is sent and names the options to set.",
        ]
      : ['The API declares no security schemes.']),
    '',
    '## Base URL',
    '',
    `\`baseURL\` option, else \`process.env['${ir.client.baseURLEnv}']\`, else \`${ir.baseURL || '(none: pass baseURL)'}\`.`,
    '',
    '## Request builders',
    '',
    'Each operation also has a pure builder (`build…Request`) that returns the method, path, query, headers and body without sending anything, for use with your own transport.',
    '',
    '## Wire types',
    '',
    "`import type { wire } from '" + ir.client.packageName + "'` gives the spec's `paths`, `components` and `operations` wire types, for use with openapi-fetch.",
    '',
  ];
  const plain =
    plainText(ir.title) &&
    plainText(ir.version) &&
    plainText(ir.client.packageDescription) &&
    schemes.every((s) => [s.option, s.env, s.name ?? '', s.in ?? ''].every((cell) => /^[\w.-]*$/.test(cell)));
  return { path: 'README.md', content: lines.join('\n'), ...(plain ? { styled: true } : {}) };
}

/**
 * The Markdown renderer of the docs model: a page per operation (docs/), `api.md` listing every
 * resource, method and type, and the package README.
 */
import type { IR, IROperation, IRResource } from '../ir/types.js';
import { pascalCase } from '../ir/names.js';
import { exampleCall } from '../emit/examples.js';
import { cleanText } from '../emit/jsdoc.js';
import type { OutputFile } from '../emit/modules.js';
import { webhooksApiLines, webhooksReadmeLines } from './webhooks.js';
import { modelsByModule } from '../emit/surface.js';
import { hasClientOption } from '../emit/security.js';
import {
  CERTIFICATE_NOTE,
  clientSetup,
  docPath,
  eachResource,
  methodLine,
  operationDoc,
  shortList,
  SHOWN_FIELDS,
  SHOWN_VALUES,
  type DocConstraint,
  type DocField,
  type OperationDoc,
} from './model.js';

/** Levels of nested fields a Markdown page lists below the top ones (the HTML pages go deeper, collapsed). */
const MARKDOWN_DEPTH = 2;

function constraintText(c: DocConstraint): string {
  return c.code !== undefined ? `${c.label}: \`${c.code}\`` : c.text !== undefined ? `${c.label} ${c.text}` : c.label;
}

/** An inline code span that holds any text, backticks included. */
function codeSpan(text: string): string {
  const ticks = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((t) => t.length)) + 1);
  return ticks.length > 1 || text.startsWith(' ') || text.endsWith(' ') ? `${ticks} ${text} ${ticks}` : `\`${text}\``;
}

/** Where a page links: the site-root-relative `root` (`../../../`) of the page being written. */
export interface PageContext {
  readonly root: string;
}

export function fieldLines(page: PageContext, f: DocField, description: string | undefined, indent: string): string[] {
  // The anchor is the HTML page's: a link to `#return-errors.source` works on both.
  const lines = [`${indent}- <a id="${f.anchor}"></a>\`${f.name}${f.optional ? '?' : ''}: ${f.type}\``];
  const inner = `${indent}  `;
  if (description) lines.push('', ...cleanText(description).split('\n').map((l) => (l ? `${inner}${l}` : '')));
  if (f.constraints.length) lines.push('', `${inner}${f.constraints.map(constraintText).join(' · ')}`);
  if (f.values) {
    const { shown } = shortList(f.values.values, SHOWN_VALUES);
    const more = f.values.total - shown.length;
    lines.push('', `${inner}One of: ${shown.map(codeSpan).join(', ')}${more ? `, …and ${more} more` : ''}`);
  }
  if (f.children.length) lines.push('', ...childLines(page, f, inner));
  return lines;
}

/** Lines of a field's children, by the children list: lists shared by many pages (model.ts) are written once per indent and folder depth. */
const childCache = new WeakMap<readonly DocField[], Map<string, readonly string[]>>();

function childLines(page: PageContext, f: DocField, indent: string): readonly string[] {
  let byPlace = childCache.get(f.children);
  if (!byPlace) childCache.set(f.children, (byPlace = new Map()));
  const place = `${indent}\0${page.root}`;
  let lines = byPlace.get(place);
  if (!lines) {
    const out: string[] = [];
    const { shown, rest } = shortList(f.children, SHOWN_FIELDS);
    for (const c of shown) out.push(...fieldLines(page, c, c.description, indent), '');
    if (rest.length) {
      const type = f.childrenOf ? ` in [\`${f.childrenOf.name}\`](${page.root}src/${f.childrenOf.module}.ts)` : '';
      out.push(`${indent}- …and ${rest.length} more${type}`);
    }
    byPlace.set(place, (lines = out));
  }
  return lines;
}

function parametersSection(page: PageContext, doc: OperationDoc): string[] {
  const lines: string[] = [];
  if (doc.positional) lines.push(...fieldLines(page, doc.positional, doc.positional.description, ''), '');
  if (doc.params) {
    lines.push(`- \`params${doc.params.optional ? '?' : ''}: ${doc.params.type}\``, '');
    for (const f of doc.params.fields) {
      const description = f.description ? `${f.location ? `${f.location} param: ` : ''}${f.description}` : undefined;
      lines.push(...fieldLines(page, f, description, '  '), '');
    }
  }
  return lines.length ? ['## Parameters', '', ...lines] : [];
}

function returnsSection(page: PageContext, doc: OperationDoc): string[] {
  if (!doc.returns) return ['## Returns', '', 'Nothing (the response has no body).', ''];
  const lines = ['## Returns', '', `- \`${doc.returns.type}\``, ''];
  if (doc.returns.paginated) lines.push('  Iterate with `for await`: every item of every page.', '');
  for (const f of doc.returns.fields) lines.push(...fieldLines(page, f, f.description, '  '), '');
  return lines;
}

function securitySection(doc: OperationDoc): string[] {
  if (!doc.security.length) return ['## Security', '', 'None: this operation needs no credentials.', ''];
  const lines = ['## Security', ''];
  if (doc.security.length > 1) lines.push('Any one of:', '');
  for (const alt of doc.security) {
    lines.push(`### ${alt.title}`, '');
    for (const s of alt.schemes) {
      if (s.description) lines.push(cleanText(s.description), '');
      if (!s.credential) {
        lines.push(CERTIFICATE_NOTE, '');
        continue;
      }
      lines.push(`Example: \`${s.credential.example}\``, '');
      lines.push(`Client option \`${s.credential.option}\`, default \`process.env['${s.credential.env}']\`.`, '');
    }
  }
  return lines;
}

export function operationPage(ir: IR, resource: IRResource, op: IROperation, access: string[]): OutputFile {
  const doc = operationDoc(ir, op, access, { depth: MARKDOWN_DEPTH, module: resource.module });
  const path = docPath(resource, op);
  const page: PageContext = { root: '../'.repeat(path.split('/').length - 1) };
  const lines = [
    `# ${cleanText(doc.title)}`,
    '',
    `\`${doc.signature}\``,
    '',
    `**${doc.method}** \`${doc.path}\``,
    '',
    ...(doc.description ? [cleanText(doc.description), ''] : []),
    ...(doc.deprecated ? ['> **Deprecated.**', ''] : []),
    ...securitySection(doc),
    ...(doc.permissions.length ? ['## Accepted Permissions (at least one required)', '', ...doc.permissions.map((p) => `- ${cleanText(p)}`), ''] : []),
    ...parametersSection(page, doc),
    ...returnsSection(page, doc),
    '## Example',
    '',
    '```ts',
    doc.example.setup,
    '',
    doc.example.call,
    '```',
    '',
    ...(doc.response !== undefined ? ['## Example response', '', '```json', doc.response, '```', ''] : []),
  ];
  // Written in prettier's Markdown style already; on a big API, prettier over a page per operation
  // cost more than everything else lathe does (16 s of 24 s for Cloudflare's 1,533 pages).
  return { path, content: `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n` };
}

/**
 * Every resource, method and type, in the layout of the `api.md` that Stainless writes: per resource
 * a heading (nested by depth), `Types:` declared in its module, then `Methods:` lines with the call,
 * its return type, and the HTTP method and path.
 */
export function apiMd(ir: IR): OutputFile {
  const lines: string[] = [];
  const byModule = modelsByModule(ir);
  eachResource(ir, (r, access) => {
    lines.push(`${'#'.repeat(Math.min(r.keys.length, 6))} ${pascalCase(r.keys[r.keys.length - 1] ?? '') || r.className}`, '');
    const file = `./src/${r.module}.ts`;
    const types = [...new Set([...(byModule.get(r.module) ?? []), ...r.operations.flatMap((o) => (o.returns.typeName ? [o.returns.typeName] : []))])];
    if (types.length) lines.push('Types:', '', ...types.map((t) => `- <code><a href="${file}">${t}</a></code>`), '');
    if (r.operations.length) {
      lines.push('Methods:', '');
      for (const op of r.operations) {
        const { args, returns } = methodLine(ir, op);
        lines.push(
          `- <code title="${op.method.toLowerCase()} ${escapeHtml(op.path)}">client.${access.join('.')}.<a href="${file}">${op.methodName}</a>(${args}) -> ${escapeHtml(returns)}</code> **${op.method}** ${codeSpan(op.path)} ([docs](./${docPath(r, op)}))`,
        );
      }
      lines.push('');
    }
  });
  lines.push(...webhooksApiLines(ir));
  return { path: 'api.md', content: `${lines.join('\n').trimEnd()}\n` };
}

/** A Markdown table as prettier lays it out: every column padded to its widest cell. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i]!.length)));
  const row = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [row(header), row(widths.map((w) => '-'.repeat(w))), ...rows.map(row)];
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function packageReadme(ir: IR): OutputFile {
  // The config's example call, else the first method's.
  const wanted = ir.readmeExample;
  let first: { r: IRResource; op: IROperation; access: string[] } | undefined;
  eachResource(ir, (r, access) => {
    const op = wanted ? r.operations.find((o) => o.method === wanted.method && o.path === wanted.path) : r.operations[0];
    if (!first && op) first = { r, op, access };
  });
  const schemes = ir.securitySchemes.filter(hasClientOption);
  const certificates = ir.securitySchemes.length > schemes.length ? [CERTIFICATE_NOTE] : [];
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
    ...(first ? [clientSetup(ir, first.op), '', exampleCall(ir, first.op, first.access, wanted?.params)] : [`import ${ir.client.className} from '${ir.client.packageName}';`]),
    '```',
    '',
    `The package is ESM-only (\`"type": "module"\`): \`import\` it as above. From CommonJS, load it with \`const { default: ${ir.client.className} } = await import('${ir.client.packageName}');\`.`,
    '',
    'Every method is listed in [api.md](./api.md), with a reference page per method under [docs/](./docs).',
    '',
    ...webhooksReadmeLines(ir),
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
          ir.anyAuth
            ? "Each request sends the configured credentials among those its operation's security lists (any one of a requirement is enough); when none of those is configured, the call fails before anything is sent and names the options to set."
            : "Each request sends only the credentials that its operation's security allows; when none of those is configured, the call fails before anything is sent and names the options to set.",
          ...(certificates.length ? ['', ...certificates] : []),
        ]
      : certificates.length
        ? certificates
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
  return { path: 'README.md', content: lines.join('\n') };
}

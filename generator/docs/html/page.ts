/**
 * The HTML renderer of the docs model: a page per operation, an overview per resource, the index.
 * Every piece of spec text goes through escapeHtml, or through markdownHtml when it is a
 * description; code is highlighted (and escaped) by highlight.js.
 */
import type { IR, IROperation, IRResource } from '../../ir/types.js';
import { CERTIFICATE_NOTE, methodLine, shortList, SHOWN_FIELDS, SHOWN_VALUES, type DocConstraint, type DocField, type OperationDoc } from '../model.js';
import { highlight } from './highlight.js';
import { escapeHtml as esc, markdownHtml } from './text.js';

import { ASSETS } from './paths.js';

export interface Crumb {
  readonly name: string;
  /** Site-root-relative; none for the current page. */
  readonly href?: string;
}

export interface PageFrame {
  readonly ir: IR;
  /** Site-root-relative path of this page. */
  readonly path: string;
  readonly title: string;
  readonly crumbs: readonly Crumb[];
  /** Links shown in the sidebar until the navigation tree loads (and without scripts). */
  readonly fallbackNav: readonly Crumb[];
}

function rootOf(path: string): string {
  return '../'.repeat(path.split('/').length - 1);
}

/** `cloudforce_one` -> `Cloudforce One` */
export function humanName(key: string): string {
  return key
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

export function layout(frame: PageFrame, body: string, wide = false): string {
  const root = rootOf(frame.path);
  const a = (p: string) => esc(root + p);
  const crumbs = frame.crumbs
    .map((c) => (c.href !== undefined ? `<a href="${a(c.href)}">${esc(c.name)}</a>` : `<span aria-current="page">${esc(c.name)}</span>`))
    .join(' <span aria-hidden="true">/</span> ');
  const fallback = frame.fallbackNav.map((c) => `<li><a class="nav-op" href="${a(c.href ?? '')}">${esc(c.name)}</a></li>`).join('');
  return `<!doctype html>
<html lang="en" data-root="${esc(root)}" data-page="${esc(frame.path)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="lathe">
<title>${esc(frame.title)} · ${esc(frame.ir.title)}</title>
<link rel="stylesheet" href="${a(`${ASSETS}/site.css`)}">
<script src="${a(`${ASSETS}/theme.js`)}"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="topbar">
<button type="button" class="icon-button menu-button" id="menu-toggle" aria-expanded="false" aria-controls="sidebar">Menu</button>
<a class="brand" href="${a('index.html')}">${esc(frame.ir.title)}<small>${esc(frame.ir.version)}</small></a>
<div class="search" role="search">
<label for="search-input" class="sr-only">Search the API</label>
<input id="search-input" type="search" placeholder="Search (press /)" autocomplete="off" role="combobox" aria-expanded="false" aria-controls="search-results" aria-autocomplete="list">
<ul id="search-results" class="search-results" role="listbox" aria-label="Search results" hidden></ul>
</div>
<button type="button" class="icon-button" id="theme-toggle" aria-label="Toggle theme">◐</button>
</header>
<div class="layout">
<aside class="sidebar" id="sidebar">
<nav id="nav-tree" aria-label="API resources"><p class="nav-title">Resources</p><ul>${fallback}</ul></nav>
</aside>
<main id="main" class="content${wide ? ' wide' : ''}">
<nav class="breadcrumbs" aria-label="Breadcrumb">${crumbs}</nav>
${body}
</main>
</div>
<script src="${a(`${ASSETS}/nav.js`)}"></script>
<script src="${a(`${ASSETS}/site.js`)}"></script>
</body>
</html>
`;
}

function methodBadge(method: string): string {
  return `<span class="method method-${esc(method.toLowerCase())}">${esc(method)}</span>`;
}

function constraintHtml(c: DocConstraint): string {
  if (c.code !== undefined) return `<li>${esc(c.label)} <code>${esc(c.code)}</code></li>`;
  if (c.text !== undefined) return `<li>${esc(c.label)} <code>${esc(c.text)}</code></li>`;
  return `<li>${esc(c.label)}</li>`;
}

function valuesHtml(f: DocField): string {
  if (!f.values) return '';
  const item = (v: string) => `<li><code>${esc(v)}</code></li>`;
  const { shown, rest } = shortList(f.values.values, SHOWN_VALUES);
  const unlisted = f.values.total - f.values.values.length;
  const more = rest.length ? `<details class="more"><summary>${rest.length + unlisted} more</summary><ul class="values">${rest.map(item).join('')}</ul>${unlisted ? `<p>…and ${unlisted} more</p>` : ''}</details>` : '';
  return `<div class="enum"><span class="label">One of:</span><ul class="values">${shown.map(item).join('')}</ul>${more}</div>`;
}

/** The nested part of a field, by its children: lists shared by many pages (model.ts) are rendered once. */
const nestedCache = new WeakMap<readonly DocField[], string>();

function fieldHtml(f: DocField): string {
  const id = esc(f.anchor);
  let nested = nestedCache.get(f.children) ?? '';
  if (f.children.length && !nested) {
    // Long lists show their first fields; the rest wait behind "N more" (anchors inside still open it).
    const { shown, rest } = shortList(f.children, SHOWN_FIELDS);
    const more = rest.length
      ? `<details class="nested more"><summary>${rest.length} more<span class="sr-only"> fields of ${esc(f.name)}</span></summary><div class="fields">${rest.map(fieldHtml).join('')}</div></details>`
      : '';
    nested = `<details class="nested"><summary>Expand ${f.children.length} field${f.children.length === 1 ? '' : 's'}<span class="sr-only"> of ${esc(f.name)}</span></summary><div class="fields">${shown.map(fieldHtml).join('')}${more}</div></details>`;
    nestedCache.set(f.children, nested);
  }
  return `<div class="field" id="${id}"><div class="field-head"><span class="field-sig mono"><a class="field-name" href="#${id}">${esc(f.name)}</a>${
    f.optional ? '<span class="field-optional" title="optional">?</span>' : ''
  }<span class="field-type">: ${esc(f.type)}</span></span>${f.location ? `<span class="location">${esc(f.location)}</span>` : ''}</div>${
    f.description ? `<div class="description">${markdownHtml(f.description)}</div>` : ''
  }${f.constraints.length ? `<ul class="constraints" aria-label="Constraints">${f.constraints.map(constraintHtml).join('')}</ul>` : ''}${valuesHtml(f)}${nested}</div>`;
}

/** Highlighted code parts: the client setup is the same on most pages of an API. */
const highlighted = new Map<string, string>();

function highlightPart(code: string, language: 'typescript' | 'json'): string {
  let html = highlighted.get(code);
  if (html === undefined) {
    html = highlight(code, language);
    if (highlighted.size > 1000) highlighted.clear();
    highlighted.set(code, html);
  }
  return html;
}

/** `parts` are whole statements or values, highlighted apart and joined by a blank line. */
function codeBlock(parts: readonly string[], language: 'typescript' | 'json', label: string, id: string): string {
  const code = parts.map((p, i) => (i === 0 ? highlightPart(p, language) : highlight(p, language))).join('\n\n');
  return `<div class="code"><div class="code-head"><span>${esc(label)}</span><button type="button" class="icon-button copy" data-copy="${esc(id)}" aria-label="Copy ${esc(label)}">Copy</button></div><pre tabindex="0" aria-label="${esc(label)}"><code id="${esc(id)}" class="hljs language-${language}">${code}</code></pre></div>`;
}

function section(id: string, title: string, content: string, actions = ''): string {
  return `<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${title}${actions ? `<span class="section-actions">${actions}</span>` : ''}</h2>${content}</section>`;
}

function expandAll(sectionId: string, fields: readonly DocField[]): string {
  return fields.some((f) => f.children.length)
    ? `<button type="button" class="icon-button section-toggle" data-section="${sectionId}" aria-pressed="false">Expand all</button>`
    : '';
}

function securityHtml(doc: OperationDoc): string {
  if (!doc.security.length) return '<p>None: this operation needs no credentials.</p>';
  const alternatives = doc.security
    .map(
      (alt) =>
        `<div class="scheme"><h3>${esc(alt.title)}</h3>${alt.schemes
          .map(
            (s) =>
              `${alt.schemes.length > 1 ? `<h4>${esc(s.title)}</h4>` : ''}${s.description ? `<div class="description">${markdownHtml(s.description)}</div>` : ''}${
                s.credential
                  ? `<p><span class="label">Example:</span><code class="inline-code">${esc(s.credential.example)}</code></p><p><span class="label">Client option</span><code class="inline-code">${esc(s.credential.option)}</code>, default <code class="inline-code">process.env['${esc(s.credential.env)}']</code></p>`
                  : markdownHtml(CERTIFICATE_NOTE)
              }`,
          )
          .join('')}</div>`,
    )
    .join('');
  return `${doc.security.length > 1 ? '<p>Any one of:</p>' : ''}${alternatives}`;
}

export function operationHtml(frame: PageFrame, doc: OperationDoc): string {
  const parts: string[] = [
    `<h1>${esc(doc.title)}</h1>`,
    `<pre class="signature" aria-label="Signature"><code>${esc(doc.signature)}</code></pre>`,
    `<p class="route">${methodBadge(doc.method)}<code>${esc(doc.path)}</code></p>`,
  ];
  if (doc.deprecated) parts.push('<p class="notice"><strong>Deprecated.</strong></p>');
  if (doc.description) parts.push(`<div class="description">${markdownHtml(doc.description)}</div>`);
  parts.push(section('security', 'Security', securityHtml(doc)));
  if (doc.permissions.length)
    parts.push(
      section('permissions', 'Accepted Permissions <small>(at least one required)</small>', `<ul class="permissions">${doc.permissions.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`),
    );
  const params: string[] = [];
  if (doc.positional) params.push(fieldHtml(doc.positional));
  if (doc.params)
    params.push(
      `<div class="field" id="param-params"><div class="field-head"><span class="field-sig mono"><a class="field-name" href="#param-params">params</a>${
        doc.params.optional ? '<span class="field-optional" title="optional">?</span>' : ''
      }<span class="field-type">: ${esc(doc.params.type)}</span></span></div><div class="fields">${doc.params.fields.map(fieldHtml).join('')}</div></div>`,
    );
  if (params.length) {
    const all = [...(doc.positional ? [doc.positional] : []), ...(doc.params?.fields ?? [])];
    parts.push(section('parameters', 'Parameters', `<div class="fields">${params.join('')}</div>`, expandAll('parameters', all)));
  }
  if (doc.returns)
    parts.push(
      section(
        'returns',
        'Returns',
        `<p><code class="inline-code">${esc(doc.returns.type)}</code></p>${doc.returns.paginated ? '<p>Iterate with <code class="inline-code">for await</code>: every item of every page.</p>' : ''}${
          doc.returns.fields.length ? `<div class="fields">${doc.returns.fields.map(fieldHtml).join('')}</div>` : ''
        }`,
        expandAll('returns', doc.returns.fields),
      ),
    );
  else parts.push(section('returns', 'Returns', '<p>Nothing (the response has no body).</p>'));
  const examples = [section('example', 'Example', codeBlock([doc.example.setup, doc.example.call], 'typescript', 'TypeScript', 'example-code'))];
  if (doc.response !== undefined) examples.push(section('example-response', 'Example response', codeBlock([doc.response], 'json', 'JSON', 'example-response-code')));
  // On a wide screen the examples sit beside the reference, as in Cloudflare's and Stripe's docs.
  return layout(frame, `<div class="operation"><div class="reference">${parts.join('\n')}</div><div class="examples">${examples.join('\n')}</div></div>`, true);
}

export interface ResourceLink {
  readonly resource: IRResource;
  readonly access: readonly string[];
  readonly href: string;
  readonly opHref: (op: IROperation) => string;
  readonly total: number;
}

export function resourceHtml(frame: PageFrame, link: ResourceLink, children: readonly ResourceLink[]): string {
  const { resource: r, access } = link;
  const rows = r.operations
    .map((op) => {
      const { args, returns } = methodLine(frame.ir, op);
      return `<tr><td><a href="${esc(rootOf(frame.path) + link.opHref(op))}"><strong>${esc(op.summary ?? op.methodName)}</strong></a><br><code>${esc(op.methodName)}(${esc(args)}) → ${esc(returns)}</code></td><td>${methodBadge(op.method)} <code>${esc(op.path)}</code></td></tr>`;
    })
    .join('');
  const body = [
    `<h1>${esc(humanName(r.keys[r.keys.length - 1] ?? r.className))}</h1>`,
    `<p class="lede"><code class="inline-code">client.${esc(access.join('.'))}</code></p>`,
    r.operations.length
      ? section('methods', 'Methods', `<table class="ops"><thead><tr><th scope="col">Method</th><th scope="col">HTTP</th></tr></thead><tbody>${rows}</tbody></table>`)
      : '',
    children.length ? section('subresources', 'Subresources', cards(frame, children)) : '',
  ];
  return layout(frame, body.join('\n'));
}

function cards(frame: PageFrame, links: readonly ResourceLink[]): string {
  const root = rootOf(frame.path);
  return `<ul class="cards">${links
    .map(
      (l) =>
        `<li><a href="${esc(root + l.href)}"><strong>${esc(humanName(l.resource.keys[l.resource.keys.length - 1] ?? l.resource.className))}</strong><span class="count">${l.total} method${l.total === 1 ? '' : 's'}</span></a></li>`,
    )
    .join('')}</ul>`;
}

export function indexHtml(frame: PageFrame, top: readonly ResourceLink[], operations: number): string {
  const ir = frame.ir;
  const body = [
    `<h1>${esc(ir.title)}</h1>`,
    `<p class="lede">API version ${esc(ir.version)} · ${operations} operation${operations === 1 ? '' : 's'} · TypeScript SDK <code class="inline-code">${esc(ir.client.packageName)}</code></p>`,
    ir.description ? `<div class="description">${markdownHtml(ir.description)}</div>` : '',
    section('resources', 'Resources', cards(frame, top)),
  ];
  return layout(frame, body.join('\n'));
}

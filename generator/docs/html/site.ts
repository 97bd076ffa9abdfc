/**
 * The static HTML reference: every page, the navigation tree and the search index, as files
 * relative to the site's root. Works from file:// (scripts are loaded with <script src>, never
 * fetched) and from any static host, with nothing from the network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import MiniSearch from 'minisearch';
import type { IR, IROperation, IRResource } from '../../ir/types.js';
import type { OutputFile } from '../../emit/modules.js';
import { eachResource, operationDoc, pageName, resourceDir } from '../model.js';
import { templatesDir } from '../../package-root.js';
import { ASSETS } from './paths.js';
import { webhookSiteFiles } from './webhooks.js';
import { humanName, indexHtml, operationHtml, resourceHtml, type Crumb, type ResourceLink } from './page.js';

export const SEARCH_OPTIONS = {
  fields: ['title', 'accessor', 'path', 'description'],
  storeFields: ['title', 'href', 'method', 'path'],
};

interface NavNode {
  name: string;
  dir: string;
  href: string;
  ops: { name: string; href: string }[];
  children: NavNode[];
}

function opFile(resource: IRResource, op: IROperation): string {
  const name = pageName(resource, op);
  // `index.html` is the resource's overview.
  return `${resourceDir(resource)}/${name === 'index' ? 'index-method' : name}.html`;
}

/** Plain words of a description for the index: no Markdown punctuation, at most a paragraph. */
function searchText(text: string | undefined): string {
  return (text ?? '').replace(/[`*_#>[\]()!|]/g, ' ').slice(0, 400);
}

export function siteFiles(ir: IR): OutputFile[] {
  const files: OutputFile[] = [];
  const page = (path: string, content: string) => files.push({ path, content });
  const links = new Map<IRResource, ResourceLink>();
  const total = (r: IRResource): number => r.operations.length + r.children.reduce((n, c) => n + total(c), 0);
  eachResource(ir, (r, access) =>
    links.set(r, { resource: r, access, href: `${resourceDir(r)}/index.html`, opHref: (op) => opFile(r, op), total: total(r) }),
  );
  const crumbsOf = (r: IRResource): Crumb[] => {
    const out: Crumb[] = [{ name: 'API', href: 'index.html' }];
    let walk: readonly IRResource[] = ir.resources;
    for (const key of r.keys) {
      const next = walk.find((c) => c.keys[c.keys.length - 1] === key);
      if (!next) break;
      out.push({ name: humanName(key), href: links.get(next)!.href });
      walk = next.children;
    }
    return out;
  };
  const search = new MiniSearch<{ id: string; title: string; accessor: string; path: string; description: string; href: string; method: string }>(SEARCH_OPTIONS);
  const docs: { id: string; title: string; accessor: string; path: string; description: string; href: string; method: string }[] = [];
  let operations = 0;
  eachResource(ir, (r, access) => {
    const link = links.get(r)!;
    const crumbs = crumbsOf(r);
    const siblings: Crumb[] = r.operations.map((op) => ({ name: op.summary ?? op.methodName, href: link.opHref(op) }));
    for (const op of r.operations) {
      operations++;
      const path = link.opHref(op);
      const doc = operationDoc(ir, op, access, { depth: 4, module: r.module });
      // Without scripts an operation's sidebar links its resource's overview, which lists the methods:
      // every sibling on every page made the site grow with the square of a resource's methods.
      const fallbackNav = [{ name: `${crumbs[crumbs.length - 1]!.name}: all methods`, href: link.href }];
      page(path, operationHtml({ ir, path, title: doc.title, crumbs: [...crumbs, { name: doc.title }], fallbackNav }, doc));
      docs.push({
        id: path,
        href: path,
        title: doc.title,
        accessor: `client.${[...access, op.methodName].join('.')}`,
        path: op.path,
        method: op.method,
        description: searchText(op.description),
      });
    }
    const children = r.children.map((c) => links.get(c)!);
    const title = crumbs[crumbs.length - 1]!.name;
    page(link.href, resourceHtml({ ir, path: link.href, title, crumbs: [...crumbs.slice(0, -1), { name: title }], fallbackNav: siblings }, link, children));
  });
  const top = ir.resources.map((r) => links.get(r)!);
  page('index.html', indexHtml({ ir, path: 'index.html', title: 'API reference', crumbs: [{ name: 'API' }], fallbackNav: top.map((l) => ({ name: humanName(l.resource.keys.at(-1) ?? ''), href: l.href })) }, top, operations));
  const webhooks = webhookSiteFiles(ir);
  files.push(...webhooks.files);
  search.addAll([...docs, ...webhooks.search]);
  const nav = (r: IRResource): NavNode => ({
    name: humanName(r.keys[r.keys.length - 1] ?? r.className),
    dir: resourceDir(r),
    href: links.get(r)!.href,
    ops: r.operations.map((op) => ({ name: op.summary ?? op.methodName, href: links.get(r)!.opHref(op) })),
    children: r.children.map(nav),
  });
  // Data for scripts, in files of their own: a spec's `</script>` inside them is just a string.
  // Webhooks have no overview page: their node links the first one.
  const hooks = webhooks.search.map((w) => ({ name: w.title, href: w.href }));
  const webhookNav: NavNode[] = hooks.length ? [{ name: 'Webhooks', dir: 'webhooks', href: hooks[0]!.href, ops: hooks, children: [] }] : [];
  page(`${ASSETS}/nav.js`, `window.LATHE_NAV = ${JSON.stringify([...ir.resources.map(nav), ...webhookNav])};\n`);
  page(`${ASSETS}/search-index.js`, `window.LATHE_SEARCH = ${JSON.stringify({ options: SEARCH_OPTIONS, index: search.toJSON() })};\n`);
  for (const asset of staticAssets()) files.push(asset);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

let assets: OutputFile[] | undefined;

/** The stylesheet and scripts (templates/site) and MiniSearch's browser build, read once per process. */
function staticAssets(): OutputFile[] {
  if (assets) return assets;
  const site = templatesDir('site');
  assets = ['site.css', 'site.js', 'theme.js'].map((f) => ({ path: `${ASSETS}/${f}`, content: readFileSync(join(site, f), 'utf8') }));
  assets.push({ path: `${ASSETS}/minisearch.js`, content: miniSearchBrowserBuild() });
  return assets;
}

/** MiniSearch's published browser (UMD) build, the file its package.json names for CDNs (`unpkg`). */
function miniSearchBrowserBuild(): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve('minisearch'));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { unpkg?: string };
  return readFileSync(join(dir, pkg.unpkg ?? 'dist/umd/index.js'), 'utf8');
}

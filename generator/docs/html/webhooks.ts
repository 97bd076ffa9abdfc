/**
 * The HTML site's webhook pages: the Markdown page of each webhook (docs/webhooks.ts) in the site's
 * layout, at `webhooks/<name>.html`, with an entry for the search index.
 */
import type { IR } from '../../ir/types.js';
import type { OutputFile } from '../../emit/modules.js';
import { webhookDocs, webhookPages } from '../webhooks.js';
import { layout } from './page.js';
import { escapeHtml, markdownHtml } from './text.js';

export interface WebhookSearchEntry {
  readonly id: string;
  readonly href: string;
  readonly title: string;
  readonly accessor: string;
  readonly path: string;
  readonly method: string;
  readonly description: string;
}

export function webhookSiteFiles(ir: IR): { files: OutputFile[]; search: WebhookSearchEntry[] } {
  const docs = webhookDocs(ir, { depth: 0 });
  const pages = webhookPages(ir);
  const files: OutputFile[] = [];
  const search: WebhookSearchEntry[] = [];
  const hrefs = docs.map((d) => d.page.replace(/^docs\//, '').replace(/\.md$/, '.html'));
  const nav = docs.map((d, i) => ({ name: d.title, href: hrefs[i]! }));
  docs.forEach((doc, i) => {
    const path = hrefs[i]!;
    const frame = { ir, path, title: doc.title, crumbs: [{ name: 'API', href: 'index.html' }, { name: 'Webhooks' }, { name: doc.title }], fallbackNav: nav };
    // The page's own Markdown, rendered and sanitized like every description the site shows.
    files.push({ path, content: layout(frame, pageHtml(pages[i]!.content)) });
    search.push({ id: path, href: path, title: doc.title, accessor: doc.payload?.typeName ?? doc.headers?.typeName ?? doc.name, path: doc.name, method: doc.method, description: (doc.description ?? '').slice(0, 400) });
  });
  return { files, search };
}

/**
 * The Markdown page as HTML: its headings here (the sanitizer keeps none, as descriptions must not
 * break the page's outline), the text between them through the site's sanitizing renderer.
 */
function pageHtml(markdown: string): string {
  const out: string[] = [];
  let chunk: string[] = [];
  let fenced = false;
  const flush = () => {
    if (chunk.join('').trim()) out.push(markdownHtml(chunk.join('\n')));
    chunk = [];
  };
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = fenced ? undefined : /^(#{1,2}) (.*)$/.exec(line);
    if (!heading) {
      chunk.push(line);
      continue;
    }
    flush();
    const level = heading[1]!.length;
    out.push(`<h${level}>${escapeHtml(heading[2]!)}</h${level}>`);
  }
  flush();
  return out.join('\n');
}

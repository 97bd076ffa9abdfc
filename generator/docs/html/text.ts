/**
 * Spec text in HTML. Descriptions are Markdown written by whoever wrote the spec: markdown-it renders
 * them with raw HTML off (a `<script>` in a description stays text), and sanitize-html keeps only
 * harmless tags, attributes and link schemes of what it renders, in case a Markdown construct ever
 * yields something that should not run.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'a', 'code', 'pre', 'em', 'strong', 'ul', 'ol', 'li', 'blockquote', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 's', 'del'],
  allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['style'], td: ['style'] },
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
};
SANITIZE.allowedAttributes = { ...SANITIZE.allowedAttributes, a: ['href', 'title', 'rel'] };

/** Text without a character Markdown or HTML would treat specially: escaping it is all it needs. */
const PLAIN = /^[^<>&*_`[\]#!|~\\\n]*$/;
/** ...unless it starts like a list item, a quote or a heading. */
const BLOCK_START = /^\s*([-+*>=]|\d+[.)])(\s|$)/;

const cache = new Map<string, string>();

/** A description as sanitized HTML (block level: paragraphs, lists, code). */
export function markdownHtml(text: string): string {
  let html = cache.get(text);
  if (html !== undefined) return html;
  // Most spec descriptions are one plain sentence; markdown-it and the sanitizer would return it
  // escaped in a <p>, at a cost that adds up over Cloudflare's tens of thousands of fields.
  html = PLAIN.test(text) && !BLOCK_START.test(text) ? `<p>${escapeHtml(text.trim())}</p>` : sanitizeHtml(md.render(text), SANITIZE);
  if (cache.size > 50_000) cache.clear();
  cache.set(text, html);
  return html;
}

const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element or a quoted attribute value. Most text has nothing to escape: one test. */
export function escapeHtml(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ENTITY[c]!) : s;
}

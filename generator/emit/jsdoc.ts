/**
 * JSDoc text from spec docs. Spec text is untrusted: it must never be able to close the comment.
 */
import type { SchemaDocs } from '../ir/types.js';

/**
 * Text that cleanText leaves as it is: nothing to collapse, trim or defuse. Most spec text is like
 * that, and testing for it is one pass instead of five (cleanText runs for every description).
 */
const NEEDS_CLEANING = /[\r\u2028\u2029\t\f\v]| {2}|[^\S\n]\n|\n{3}|^\s|\s$|\*\//;

/** Collapses whitespace runs inside lines, keeps paragraph breaks, and defuses comment terminators. */
export function cleanText(text: string): string {
  return NEEDS_CLEANING.test(text) ? clean(text) : text;
}

function clean(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v]+/g, ' ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .replace(/\*\//g, '*\\/');
}

export function inlineValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return cleanText(text.length > 200 ? `${text.slice(0, 197)}...` : text);
}

/** The lines of a property's or type's JSDoc: description, then tags. */
export function docLines(docs: SchemaDocs, options: { description?: string; prefix?: string } = {}): string[] {
  const description = options.description ?? docs.description ?? docs.title;
  const lines: string[] = [];
  if (description || options.prefix) lines.push(cleanText(`${options.prefix ?? ''}${description ?? ''}`));
  const tags: string[] = [];
  if (docs.format) tags.push(`@format ${cleanText(docs.format)}`);
  for (const [k, v] of Object.entries(docs.constraints ?? {})) tags.push(`@${k} ${inlineValue(v)}`);
  if (docs.default) tags.push(`@default ${inlineValue(docs.default.value)}`);
  if (docs.example) tags.push(`@example ${inlineValue(docs.example.value)}`);
  if (docs.deprecated) tags.push('@deprecated');
  if (lines.length && tags.length) lines.push('');
  return [...lines, ...tags];
}

/** A declaration's `docs` (the printer adds the comment frame); none when there are no lines. */
export function jsDoc(lines: readonly string[]): { docs?: string } {
  return lines.length ? { docs: lines.join('\n') } : {};
}

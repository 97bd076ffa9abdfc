/**
 * The names Stainless gives a paged method's types, so code written for a Stainless SDK finds them:
 * the item is `<Resource><Method>Response` unless a config model names it, and the page class is
 * the item's plural before the page kind (`MessagesSinglePage`, `ListItemsV4PagePaginationArray`).
 */
import type { NameRegistry } from './names.js';
import type { SchemaConverter } from './schema.js';
import type { IRReturn, IRSchema } from './types.js';

const PAGE_KIND = { single: 'SinglePage', v4page: 'V4PagePaginationArray' } as const;

/** `pages` maps a wanted page class name to the one claimed, per resource module. */
export function pageNames(
  returns: IRReturn,
  builderName: string,
  qualifiers: readonly string[],
  names: NameRegistry,
  converter: SchemaConverter,
  pages: Map<string, string>,
): IRReturn {
  if (!returns.pagination) return returns;
  const items = itemsOf(returns.schema, converter);
  const stem = builderName.replace(/^build/, '').replace(/Request$/, '');
  const declared = items?.kind === 'ref' && converter.isDeclared(items.model) ? converter.models.get(items.model)?.name : undefined;
  const itemTypeName = declared ? undefined : names.claim(`${stem}Response`, qualifiers);
  const itemName = declared ?? itemTypeName!;
  const wanted = `${plural(itemName)}${PAGE_KIND[returns.pagination]}`;
  const pageClass = pages.get(wanted) ?? names.claim(wanted, qualifiers);
  pages.set(wanted, pageClass);
  return { ...returns, ...(itemTypeName ? { itemTypeName } : {}), pageClass };
}

/** The item schema of a paged result: an array, or a model that is one. */
export function itemsOf(s: IRSchema | undefined, converter: { readonly models: ReadonlyMap<string, { readonly schema?: IRSchema }> }): IRSchema | undefined {
  if (s?.kind === 'array') return s.items;
  const target = s?.kind === 'ref' ? converter.models.get(s.model)?.schema : undefined;
  return target?.kind === 'array' ? target.items : undefined;
}

/** English plural of a PascalCase name's last word (Message -> Messages, Priority -> Priorities). */
export function plural(name: string): string {
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(name)) return `${name}es`;
  return `${name}s`;
}

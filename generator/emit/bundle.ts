/**
 * One self-contained document from a multi-file spec, for openapi-typescript: schemas that live in
 * other files become `#/components/schemas/<name>` (named after where they live), anything else a
 * ref reaches in another file is inlined. The loader already checked and resolved every ref, so
 * openapi-typescript never reads a file itself (and `generate()` stays free of disk I/O).
 */
import { joinPointer, type Loc } from '../diagnostics.js';
import { pascalCase } from '../ir/names.js';
import type { LoadedSpec } from '../load/types.js';

/** Parent keys under which a value is a schema (so a ref there may become a named component). */
const SCHEMA_PARENTS = new Set(['schema', 'items', 'additionalProperties', 'not', 'contains', 'if', 'then', 'else']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'schemas', '$defs', 'definitions']);
const SCHEMA_LISTS = new Set(['allOf', 'oneOf', 'anyOf', 'prefixItems']);

function isSchemaSite(path: readonly string[]): boolean {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (last === undefined) return false;
  if (SCHEMA_PARENTS.has(last)) return true;
  if (parent !== undefined && SCHEMA_MAPS.has(parent)) return true;
  return parent !== undefined && SCHEMA_LISTS.has(parent) && /^\d+$/.test(last);
}

export function bundle(spec: LoadedSpec): unknown {
  const entry = spec.entry.path;
  const named = new Map<string, string>();
  const taken = new Set(Object.keys(((spec.entry.root as { components?: { schemas?: object } }).components?.schemas ?? {}) as object));
  const extra: Record<string, unknown> = {};
  const inlining = new Set<string>();

  const nameFor = (loc: Loc): string => {
    const last = loc.pointer.split('/').pop();
    const base = pascalCase(last && last !== '#' ? last : (loc.file.split(/[\\/]/).pop() ?? 'Schema').replace(/\.(ya?ml|json)$/i, '')) || 'Schema';
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    taken.add(name);
    return name;
  };

  const rewrite = (node: unknown, loc: Loc, path: readonly string[]): unknown => {
    if (typeof node !== 'object' || node === null) return node;
    if (Array.isArray(node)) return node.map((v, i) => rewrite(v, { file: loc.file, pointer: joinPointer(loc.pointer, i) }, [...path, String(i)]));
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === 'string') {
      const target = spec.deref(record, loc);
      if (!target) return record;
      if (target.loc.file === entry) return { $ref: target.loc.pointer };
      const id = `${target.loc.file}${target.loc.pointer}`;
      if (isSchemaSite(path)) {
        let name = named.get(id);
        if (!name) {
          named.set(id, (name = nameFor(target.loc)));
          extra[name] = rewrite(target.value, target.loc, ['components', 'schemas', name]);
        }
        return { $ref: `#/components/schemas/${name}` };
      }
      // A parameter, response or path item from another file: inlined (a loop of them stops empty).
      if (inlining.has(id)) return {};
      inlining.add(id);
      const inlined = rewrite(target.value, target.loc, path);
      inlining.delete(id);
      return inlined;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) out[k] = rewrite(v, { file: loc.file, pointer: joinPointer(loc.pointer, k) }, [...path, k]);
    const mapping = (out.discriminator as { mapping?: Record<string, unknown> } | undefined)?.mapping;
    if (mapping && typeof mapping === 'object') out.discriminator = { ...(out.discriminator as object), mapping: mappingRefs(mapping, loc) };
    return out;
  };

  /** Discriminator mapping values are refs in a string: into another file, they follow the schema. */
  const mappingRefs = (mapping: Record<string, unknown>, loc: Loc): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(mapping)) {
      out[k] = v;
      if (typeof v !== 'string' || !v.includes('#') && !/\.(ya?ml|json)$/i.test(v)) continue;
      const at = { file: loc.file, pointer: joinPointer(loc.pointer, 'discriminator', 'mapping', k) };
      const schema = rewrite({ $ref: v }, at, ['schema']) as { $ref?: string };
      if (typeof schema.$ref === 'string') out[k] = schema.$ref;
    }
    return out;
  };

  const root = rewrite(spec.entry.root, { file: entry, pointer: '#' }, []) as Record<string, unknown>;
  if (Object.keys(extra).length) {
    const components = (root.components ??= {}) as Record<string, unknown>;
    components.schemas = { ...((components.schemas as object | undefined) ?? {}), ...extra };
  }
  return root;
}

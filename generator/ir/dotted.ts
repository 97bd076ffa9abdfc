/**
 * Query params with dotted names (`action.type`, `action.id`) as Stainless types them: one field per
 * first segment holding an object (`action?: { type?: string; id?: number }`), each leaf still sent
 * under its dotted name.
 */
import type { DottedParam, IRField, IRProperty, IRSchema } from './types.js';

interface Leaf {
  readonly path: readonly string[];
  readonly field: IRField;
}

/**
 * `fields` with each group of dotted query params replaced by one nested field, where the first one
 * stood. A plain query param named like a group (`comment` next to `comment.exact`, typically an
 * alias of one of them) gives way to the group, as in Stainless's SDKs: it is returned in `shadowed`.
 */
export function nestDottedQuery(fields: readonly IRField[]): { fields: IRField[]; shadowed: IRField[] } {
  const groups = new Map<string, IRField[]>();
  for (const f of fields) {
    const root = dottedRoot(f);
    if (root !== undefined) groups.set(root, [...(groups.get(root) ?? []), f]);
  }
  const plain = (root: string) => fields.find((f) => f.name === root);
  for (const [root, members] of groups) {
    const other = plain(root);
    if ((other && other.origin !== 'query') || !nestable(members.map((m) => m.name))) groups.delete(root);
  }
  if (!groups.size) return { fields: [...fields], shadowed: [] };
  const shadowed = [...groups.keys()].map(plain).filter((f): f is IRField => f !== undefined);
  const out: IRField[] = [];
  for (const f of fields) {
    if (shadowed.includes(f)) continue;
    const root = dottedRoot(f);
    const members = root === undefined ? undefined : groups.get(root);
    if (!members) out.push(f);
    else if (members[0] === f) out.push(nestedField(root!, members));
  }
  return { fields: out, shadowed };
}

function dottedRoot(f: IRField): string | undefined {
  if (f.origin !== 'query' || !f.name.includes('.')) return undefined;
  const segments = f.name.split('.');
  return segments.every(Boolean) ? segments[0] : undefined;
}

/** No name may be another's prefix (`a.b` next to `a.b.c` would need `b` to be a value and an object). */
function nestable(names: readonly string[]): boolean {
  return names.every((a) => names.every((b) => a === b || !b.startsWith(`${a}.`)));
}

function nestedField(root: string, members: readonly IRField[]): IRField {
  const leaves = members.map((field) => ({ path: field.name.split('.').slice(1), field }));
  const dotted = members.map(
    (f, i): DottedParam => ({
      name: f.name,
      path: leaves[i]!.path,
      ...(f.style !== undefined ? { style: f.style } : {}),
      ...(f.explode !== undefined ? { explode: f.explode } : {}),
    }),
  );
  return { name: root, origin: 'query', required: members.some((m) => m.required), schema: objectOf(leaves), dotted };
}

function objectOf(leaves: readonly Leaf[]): IRSchema {
  const byKey = new Map<string, Leaf[]>();
  for (const leaf of leaves) byKey.set(leaf.path[0]!, [...(byKey.get(leaf.path[0]!) ?? []), leaf]);
  const properties = [...byKey].map(([name, list]): IRProperty => {
    const single = list.length === 1 && list[0]!.path.length === 1 ? list[0]!.field : undefined;
    if (single) {
      const { schema, description, deprecated } = single;
      const docs = { ...schema.docs, ...(description !== undefined ? { description } : {}), ...(deprecated ? { deprecated } : {}) };
      return { name, required: single.required, schema: { ...schema, docs } };
    }
    return { name, required: list.some((l) => l.field.required), schema: objectOf(list.map((l) => ({ path: l.path.slice(1), field: l.field }))) };
  });
  return { kind: 'object', properties, loc: leaves[0]!.field.schema.loc, docs: {} };
}

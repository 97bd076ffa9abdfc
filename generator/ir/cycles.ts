/**
 * Circular type aliases. `A: {anyOf: [$ref A, string]}` would print `type A = A | string`, which
 * TypeScript rejects (TS2456): an alias may refer to itself only inside an object, array or tuple.
 * A union or intersection member that leads back to its own model (directly, or through other
 * models that are unions, intersections or aliases) adds nothing to the type, so it is dropped,
 * with a warning at the member; a model left with no members is `unknown`.
 */
import type { Loc } from '../diagnostics.js';
import type { IRSchema } from './types.js';

export interface CycleModel {
  readonly id: string;
  readonly name: string;
  schema?: IRSchema;
}

export function breakAliasCycles(models: ReadonlyMap<string, CycleModel>, warn: (loc: Loc, message: string) => void): void {
  for (const model of models.values()) {
    if (!model.schema) continue;
    const reaches = (id: string) => reachesAtTop(models, id, model.id);
    const pruned = prune(model.schema, reaches, (member) =>
      warn(member.loc, `'${model.name}' is a member of itself through anyOf/oneOf/allOf or an alias; that member adds nothing and is dropped`),
    );
    if (pruned !== model.schema) model.schema = pruned;
  }
}

/** The schema without the members `cyclic` says lead back; the same object when nothing changed. */
function prune(schema: IRSchema, cyclic: (id: string) => boolean, dropped: (member: IRSchema) => void): IRSchema {
  if (schema.kind === 'ref') {
    if (!cyclic(schema.model)) return schema;
    dropped(schema);
    return { kind: 'unknown', loc: schema.loc, docs: schema.docs };
  }
  if (schema.kind !== 'union' && schema.kind !== 'intersection') return schema;
  let changed = false;
  const members: IRSchema[] = [];
  for (const m of schema.members) {
    if (m.kind === 'ref' && cyclic(m.model)) {
      dropped(m);
      changed = true;
      continue;
    }
    const inner = prune(m, cyclic, dropped);
    if (inner !== m) changed = true;
    members.push(inner);
  }
  if (!changed) return schema;
  if (!members.length) return { kind: 'unknown', loc: schema.loc, docs: schema.docs };
  return { ...schema, members };
}

/**
 * Whether model `from` leads to model `target` through what TypeScript resolves eagerly: aliases,
 * union and intersection members (not object properties, array items or index signatures).
 */
function reachesAtTop(models: ReadonlyMap<string, CycleModel>, from: string, target: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === target) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    const schema = models.get(id)?.schema;
    if (schema) topRefs(schema, stack);
  }
  return false;
}

function topRefs(schema: IRSchema, into: string[]): void {
  const pending = [schema];
  while (pending.length) {
    const s = pending.pop()!;
    if (s.kind === 'ref') into.push(s.model);
    else if (s.kind === 'union' || s.kind === 'intersection') pending.push(...s.members);
  }
}

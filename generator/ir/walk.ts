import type { IRSchema } from './types.js';

/** Calls `visit` for every schema nested in `schema` (not following model refs), itself included. */
export function walkSchema(schema: IRSchema, visit: (s: IRSchema) => void): void {
  visit(schema);
  switch (schema.kind) {
    case 'array':
      return walkSchema(schema.items, visit);
    case 'tuple':
      schema.items.forEach((s) => walkSchema(s, visit));
      if (schema.rest) walkSchema(schema.rest, visit);
      return;
    case 'object':
      schema.properties.forEach((p) => walkSchema(p.schema, visit));
      if (schema.additional) walkSchema(schema.additional, visit);
      return;
    case 'union':
    case 'intersection':
      schema.members.forEach((s) => walkSchema(s, visit));
      return;
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
    case 'null':
    case 'unknown':
    case 'never':
    case 'binary':
    case 'literal':
    case 'ref':
      return;
    default: {
      const never: never = schema;
      return never;
    }
  }
}

/** Model ids referenced by `schema`, directly. */
export function refsOf(schema: IRSchema): string[] {
  const ids: string[] = [];
  walkSchema(schema, (s) => {
    if (s.kind === 'ref') ids.push(s.model);
  });
  return ids;
}

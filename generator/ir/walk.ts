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

/**
 * Model ids referenced by `schema`, directly. Found once per schema object: schemas are never
 * changed once made, and `--watch` keeps those an edit did not touch from one build to the next.
 */
export function refsOf(schema: IRSchema): readonly string[] {
  let ids = refs.get(schema);
  if (!ids) {
    const found: string[] = [];
    walkSchema(schema, (s) => {
      if (s.kind === 'ref') found.push(s.model);
    });
    refs.set(schema, (ids = found));
  }
  return ids;
}

const refs = new WeakMap<IRSchema, readonly string[]>();

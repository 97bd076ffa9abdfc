/**
 * Whether a `$ref` target is a place where OpenAPI keeps a schema. `schema: {$ref: '#/info'}`
 * resolves, but to an Info object: typed as a schema it would print nonsense (issue 16), so it is
 * an error. Files that are not OpenAPI documents (a `pet.yaml` of schemas) may hold schemas anywhere.
 */
import { unescapePointerToken, type Loc } from '../diagnostics.js';
import type { LoadedSpec } from '../load/types.js';
import { isRecord } from './schema.js';

/** Schema keywords whose value is a schema. */
const ONE = new Set(['additionalProperties', 'items', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema', 'additionalItems']);
/** Schema keywords whose value maps names (or indexes) to schemas. */
const MANY = new Set(['properties', 'patternProperties', 'allOf', 'anyOf', 'oneOf', 'prefixItems', '$defs', 'definitions', 'dependentSchemas']);

export function isSchemaPlace(spec: LoadedSpec, loc: Loc): boolean {
  const root = spec.files.get(loc.file)?.root;
  if (!isRecord(root) || (!('openapi' in root) && !('swagger' in root))) return true;
  const tokens = loc.pointer.replace(/^#\/?/, '').split('/').filter((t, i, all) => t !== '' || all.length > 1).map(unescapePointerToken);
  // Where a schema starts: a named component, or the `schema` of a parameter, header or media type.
  let start = -1;
  if (tokens[0] === 'components' && tokens[1] === 'schemas' && tokens.length >= 3) start = 3;
  else if (tokens[0] === 'definitions' && tokens.length >= 2) start = 2;
  else if (tokens.includes('schema')) start = tokens.lastIndexOf('schema') + 1;
  if (start < 0) return false;
  for (let i = start; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (ONE.has(t)) continue;
    // `items` as a list (draft 4 tuples) holds schemas by index too.
    if (MANY.has(t) || t === 'items') {
      if (i + 1 >= tokens.length) return false;
      i++;
      continue;
    }
    return false;
  }
  return true;
}

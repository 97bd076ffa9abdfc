/**
 * Runs openapi-typescript (which loads the TypeScript compiler, so only the wire worker, or a test
 * running from sources, imports this module).
 */
import openapiTS, { astToString } from 'openapi-typescript';
import { EMPTY } from './wire.js';

/** What the worker needs: the document, in one piece (multi-file specs bundled first). */
export interface WireInput {
  readonly root: unknown;
}

export interface WireResult {
  readonly text: string;
  readonly warning?: string;
}

/**
 * Discriminator mappings may name a schema bare (`dog: Dog`); openapi-typescript only follows refs,
 * so bare names of existing components are spelled out as refs first.
 */
function withQualifiedMappings(root: unknown): unknown {
  const schemas = (root as { components?: { schemas?: Record<string, unknown> } }).components?.schemas ?? {};
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as Record<string, unknown>;
    const mapping = (record.discriminator as { mapping?: Record<string, unknown> } | undefined)?.mapping;
    if (mapping && typeof mapping === 'object')
      for (const [k, v] of Object.entries(mapping))
        if (typeof v === 'string' && /^[A-Za-z0-9_.-]+$/.test(v) && Object.hasOwn(schemas, v)) mapping[k] = `#/components/schemas/${v}`;
    Object.values(record).forEach(visit);
  };
  visit(root);
  return root;
}

/** Runs openapi-typescript; never throws (a spec it cannot type gets empty wire types and a warning). */
export async function renderWire(input: WireInput): Promise<WireResult> {
  try {
    // The spec goes in as data: openapi-typescript reads no file.
    const root = breakTypeCycles(withQualifiedMappings(input.root));
    const ast = await openapiTS(root as Parameters<typeof openapiTS>[0], { silent: true });
    return { text: astToString(ast) };
  } catch (e) {
    return { text: EMPTY, warning: (e as Error).message.split('\n')[0] ?? String(e) };
  }
}


/** Keys under which a schema becomes an object member in TypeScript: a reference there is deferred. */
const OBJECT_BOUNDARIES = new Set(['properties', 'additionalProperties', 'patternProperties']);

/**
 * openapi-typescript prints components as members of one interface, so a component that contains
 * itself other than through an object property (`NestedList: (string | components['schemas']['NestedList'])[]`)
 * does not compile (TS2502). Such a reference is loosened to an unconstrained schema in the copy
 * given to openapi-typescript; lathe's own types keep the recursion.
 */
function breakTypeCycles(root: unknown): unknown {
  const schemas = (root as { components?: { schemas?: Record<string, unknown> } }).components?.schemas;
  if (!schemas) return root;
  const prefix = '#/components/schemas/';
  const state = new Map<string, 'open' | 'done'>();
  const visit = (name: string): void => {
    state.set(name, 'open');
    const walk = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      if (Array.isArray(node)) return node.forEach(walk);
      const record = node as Record<string, unknown>;
      const ref = record.$ref;
      if (typeof ref === 'string' && ref.startsWith(prefix)) {
        const target = ref.slice(prefix.length).replace(/~1/g, '/').replace(/~0/g, '~');
        if (state.get(target) === 'open') delete record.$ref;
        else if (!state.has(target) && target in schemas) visit(target);
        return;
      }
      for (const [k, v] of Object.entries(record)) if (!OBJECT_BOUNDARIES.has(k)) walk(v);
    };
    walk(schemas[name]);
    state.set(name, 'done');
  };
  for (const name of Object.keys(schemas)) if (!state.has(name)) visit(name);
  return root;
}

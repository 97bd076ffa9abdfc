/**
 * Runs openapi-typescript (which loads the TypeScript compiler, so only the wire worker, or a test
 * running from sources, imports this module).
 *
 * It calls openapi-typescript's transform itself, not `openapiTS`: that first has redocly parse,
 * lint and bundle the document, which lathe's loader has already validated (and `wireInput`
 * bundled), and on Cloudflare's 4 MB spec redocly's pass is about 1.3 s of 3 s, and memory. The
 * deep imports are what `openapiTS` calls in openapi-typescript 7.13.0 (the version the lockfile
 * installs; they are internals, so an upgrade must pass test/emit/wire.test.ts, which checks the
 * text is byte-identical to `openapiTS`'s). They also leave redocly's main module unloaded.
 */
import { createRequire } from 'node:module';
import type * as OpenapiTS from 'openapi-typescript';
import { textWriter, type TextWriter } from './ts-writer.js';
import { readStored, store, unitsOf, type Units, type WireCacheInput } from './wire-cache.js';
import { splice } from './wire-splice.js';
import { EMPTY } from './wire.js';

// The CommonJS builds: `import` of the TypeScript compiler (9 MB of CommonJS) makes Node scan it for
// ESM syntax and named exports first, which cost ~260 ms more than `require` on every run.
const require = createRequire(import.meta.url);
// The deep modules ship no declarations: each is typed here from the package's own index.d.mts.
const transformSchema = require('openapi-typescript/dist/transform/index.cjs') as (
  schema: OpenapiTS.OpenAPI3,
  ctx: TransformContext,
) => ReturnType<typeof OpenapiTS.transformSchema>;
const utils = require('openapi-typescript/dist/lib/utils.cjs') as Pick<typeof OpenapiTS, 'resolveRef' | 'scanDiscriminators'>;
const { resolveRef, scanDiscriminators } = utils;
const ts = require('typescript') as typeof import('typescript');
const OPENAPI_TS_VERSION = (require('openapi-typescript/package.json') as { version: string }).version;

/** Only redocly's own steps read `redoc` (its config); no transform does. */
type TransformContext = Omit<OpenapiTS.GlobalContext, 'redoc'>;

/** What the worker needs: the document, in one piece (multi-file specs bundled first). */
export interface WireInput {
  readonly root?: unknown;
  /** The document as JSON text instead: the worker parses it, so it can start before lathe's load is done. */
  readonly json?: string;
  /** Keep the text for the next run, and reuse the last run's for path items that did not change. */
  readonly cache?: WireCacheInput;
}

/** More changed path items than this and typing the whole spec again costs about the same. */
const SPLICE_LIMIT = 64;

export interface WireResult {
  readonly text: string;
  readonly warning?: string;
  /** What came from the last run: all of the text (no path item changed), or all but the changed items' members. */
  readonly reused?: 'all' | 'spliced';
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

/** What renderWire does to the document (in place) before openapi-typescript sees it. */
export function prepareWireRoot(root: unknown): unknown {
  return breakTypeCycles(withQualifiedMappings(root));
}

/** Runs openapi-typescript; never throws (a spec it cannot type gets empty wire types and a warning). */
export async function renderWire(input: WireInput): Promise<WireResult> {
  try {
    // The spec goes in as data: openapi-typescript reads no file.
    const document: unknown = input.json === undefined ? input.root : JSON.parse(input.json);
    refuseAsOpenapiTS(document);
    // The text also depends on openapi-typescript's and TypeScript's versions.
    const cache = input.cache && { ...input.cache, maker: `${input.cache.maker} openapi-typescript ${OPENAPI_TS_VERSION} typescript ${ts.version}` };
    // Hashed before anything below changes the document in place.
    const units = cache ? unitsOf(document) : undefined;
    // Typing changes the components in place; if the splice then fails, the whole document is
    // typed from an untouched copy (parsed again from JSON text, else copied beforehand).
    const reused = units && cache ? reuseOrNot(document, units, cache, input.json === undefined) : undefined;
    const text = reused?.text ?? typed(reused?.touched && input.json !== undefined ? JSON.parse(input.json) : document);
    // Nothing changed since the stored text: it stays as it is.
    if (units && cache && reused?.how !== 'all') store(cache, units, text);
    return reused?.text === undefined ? { text } : { text, reused: reused.how };
  } catch (e) {
    return { text: EMPTY, warning: (e as Error).message.split('\n')[0] ?? String(e) };
  }
}

/** The whole document through openapi-typescript. */
function typed(document: unknown): string {
  const root = prepareWireRoot(document) as OpenapiTS.OpenAPI3;
  // redocly's bundle gives every 3.x document a `components` object, so without one the text
  // would say `type components = Record<string, never>` where openapiTS declared empty groups.
  root.components ||= {};
  return print(transformSchema(root, transformContext(root)));
}

/**
 * Only the path items `keys` (and the operations they declare) of `document`: references and
 * discriminators still resolve against its components, which are not typed again (the last run's
 * text has them, and they did not change). When other path items hold discriminators, the whole
 * document is scanned for them, as a full run does: they change how components are typed, and so
 * how the path items that use those components are.
 */
function typedPaths(document: unknown, keys: readonly string[], scanAll: boolean): string {
  const paths = (document as { paths: Record<string, unknown> }).paths;
  const some = { ...(document as object), paths: Object.fromEntries(keys.map((k) => [k, paths[k]])) };
  const root = prepareWireRoot(scanAll ? document : some) as OpenapiTS.OpenAPI3;
  const { components: _, webhooks: __, $defs: ___, ...rest } = (scanAll ? some : root) as OpenapiTS.OpenAPI3 & { $defs?: unknown };
  return print(transformSchema({ ...rest, components: {} } as OpenapiTS.OpenAPI3, transformContext(root)));
}

/** `reuse`, where openapi-typescript failing on the changed path items means typing the whole spec (and reporting that). */
function reuseOrNot(...args: Parameters<typeof reuse>): ReturnType<typeof reuse> {
  try {
    return reuse(...args);
  } catch {
    return { how: 'spliced', touched: true };
  }
}

/**
 * The last run's text, with the path items that changed since typed again (wire-splice.ts). Its
 * text is undefined when that cannot be done; `touched` says the document was used (and changed).
 */
function reuse(
  document: unknown,
  units: Units,
  cache: WireCacheInput,
  copy: boolean,
): { text?: string; how: 'all' | 'spliced'; touched?: boolean } | undefined {
  const previous = readStored(cache);
  if (!previous || previous.frame !== units.frame || previous.keys.join('\0') !== units.keys.join('\0')) return undefined;
  const changed = units.hashes.flatMap((h, i) => (h === previous.hashes[i] ? [] : [i]));
  if (!changed.length) return { text: previous.text, how: 'all' };
  // A discriminator in a changed path item can change how components are typed: type everything.
  if (changed.length > SPLICE_LIMIT || changed.some((i) => units.discriminated[i])) return undefined;
  const keys = changed.map((i) => units.keys[i]!);
  const scanAll = units.discriminated.some(Boolean);
  const paths = (document as { paths: Record<string, unknown> }).paths;
  const only = { ...(document as object), paths: Object.fromEntries(keys.map((k) => [k, paths[k]])) };
  // Typing changes what it is given in place: a parsed document (not JSON text) is copied first.
  const given = scanAll ? document : only;
  return { text: splice(previous.text, typedPaths(copy ? structuredClone(given) : given, keys, scanAll), changed), how: 'spliced', touched: !copy };
}

/**
 * What openapi-typescript's `astToString` prints, through lathe's copy of TypeScript's text writer
 * (ts-writer.ts: TypeScript's own spends ~100 ms of Cloudflare's run counting line breaks).
 * `writeFile` is the printer method `printFile` calls with TypeScript's writer; it is on every
 * printer, though not in the declarations. test/emit/wire.test.ts compares the text with
 * `openapiTS`'s, byte for byte.
 */
function print(nodes: readonly import('typescript').Node[]): string {
  const sourceFile = ts.createSourceFile('openapi-ts.ts', '', ts.ScriptTarget.ESNext, false, ts.ScriptKind.TS);
  (sourceFile as { statements: unknown }).statements = ts.factory.createNodeArray(nodes as import('typescript').Statement[]);
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: false }) as import('typescript').Printer & {
    writeFile(file: import('typescript').SourceFile, writer: TextWriter, sourceMap: undefined): void;
  };
  const writer = textWriter();
  printer.writeFile(sourceFile, writer, undefined);
  return writer.getText();
}

/** `openapiTS`'s context for `{ silent: true }`: every option at its default. */
function transformContext(schema: OpenapiTS.OpenAPI3): TransformContext {
  const options: OpenapiTS.OpenAPITSOptions = { silent: true };
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(schema, options),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    silent: true,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(schema, $ref, { silent: true }),
  };
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Throws for what `openapiTS` refused that still matters without redocly: anything but OpenAPI 3.x
 * (its checks and messages), and duplicate operationIds (its lint makes them an error; they would
 * be declared twice in `operations`). lathe's loader already refuses duplicates; renderWire checks
 * again so that it keeps its contract for any caller.
 */
function refuseAsOpenapiTS(root: unknown): void {
  if (!root) throw new Error('Empty schema');
  if (typeof root !== 'object' || Array.isArray(root)) throw new Error(`Expected an OpenAPI document (an object), got ${Array.isArray(root) ? 'an array' : typeof root}`);
  const doc = root as Record<string, unknown>;
  if (doc.swagger) throw new Error('Unsupported Swagger version: 2.x. Use OpenAPI 3.x instead.');
  const version = Number.parseFloat(String(doc.openapi));
  if (!doc.openapi || Number.isNaN(version) || version < 3 || version >= 4) {
    throw new Error(doc.openapi ? `Unsupported OpenAPI version: ${String(doc.openapi)}` : 'Unsupported schema format, expected `openapi: 3.x`');
  }
  // Where openapi-typescript declares operations; path items are followed through local refs, and
  // an operation reached twice (one path item under two paths) counts once, as in redocly's rule.
  const seen = new Set<unknown>();
  const ids = new Map<string, string>();
  const pathItems = (group: unknown, at: string): void => {
    if (!group || typeof group !== 'object') return;
    for (const [key, value] of Object.entries(group)) {
      const ref = (value as { $ref?: unknown } | null)?.$ref;
      const item = typeof ref === 'string' ? resolveRef<Record<string, unknown>>(root, ref, { silent: true }) : (value as Record<string, unknown> | null);
      if (!item || typeof item !== 'object') continue;
      for (const method of METHODS) {
        const op = item[method] as { operationId?: unknown } | undefined;
        if (!op || typeof op !== 'object' || seen.has(op)) continue;
        seen.add(op);
        if (typeof op.operationId !== 'string' || !op.operationId) continue;
        const where = `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`;
        const first = ids.get(op.operationId);
        if (first) throw new Error(`Duplicate operationId '${op.operationId}' at ${where} (also at ${first})`);
        ids.set(op.operationId, where);
      }
    }
  };
  pathItems(doc.paths, '#/paths');
  pathItems(doc.webhooks, '#/webhooks');
  pathItems((doc.components as { pathItems?: unknown } | undefined)?.pathItems, '#/components/pathItems');
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

/**
 * load -> **ir**: builds the IR from a loaded spec and the config. Decides every name of the SDK
 * surface (resources, methods, params and response types, builders) so emitters only print.
 */
import { joinPointer, type Diagnostic, type Loc } from '../diagnostics.js';
import type { LatheConfig } from '../config.js';
import type { LoadedSpec } from '../load/types.js';
import { BUILDER_HELPERS, camelCase, isIdentifier, kebabCase, NameRegistry, pascalCase, safeIdentifier, singular, words } from './names.js';
import { pathsOf, readPathItem, securityOf, type RawOperation } from './operations.js';
import { Tape, type IRMemory } from './replay.js';
import { inferPlan, moduleOf, planFromConfig, type Paginated, type Positional, type ResourcePlan } from './resources.js';
import { configTarget, isRecord, SchemaConverter, sentInRequests } from './schema.js';
import type { IR, IRBody, IRField, IROperation, IRParam, IRResource, IRReturn, IRSchema, IRSecurityScheme, IRWebhooks } from './types.js';
import { refsOf } from './walk.js';
import { nestDottedQuery } from './dotted.js';
import { skippedParts } from './skipped.js';
import { readWebhooks } from './webhooks.js';
import { widenSecurity } from './also-for.js';
import { pageNames } from './page-names.js';

export type { IR } from './types.js';

/**
 * @param reserved names the output already exports besides the spec's (the runtime core's), which
 *   no spec-derived name may take.
 */
export function buildIR(spec: LoadedSpec, config: LatheConfig, reserved: readonly string[] = [], memory?: IRMemory): { ir: IR; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const root = spec.entry.root as Record<string, unknown>;
  const info = isRecord(root.info) ? root.info : {};
  const clientName = pascalCase(config.client.name ?? 'Client');
  // Names the generated package itself exports, so no spec name can shadow them.
  const names = new NameRegistry([clientName, 'ClientOptions', 'wire', ...reserved]);
  const declared = configModels(config, spec);
  const tape = memory && new Tape(memory, buildKey(spec, config, reserved, declared), spec, diagnostics, config.file);
  const step = <T>(id: string, inputs: readonly unknown[], work: () => T): T => (tape ? tape.step(id, inputs, work) : work());
  // The steps read the spec through the tape, which records what they read.
  const steps = tape?.spec ?? spec;
  const converter = new SchemaConverter(steps, names, diagnostics, declared, tape !== undefined);
  tape?.attach(names, converter.trackedState());

  const permissions = config.docs.permissionsExtension;
  const rawOps = Object.entries(pathsOf(spec)).flatMap(([path, item]) =>
    step(`path ${path}`, [item], () => readPathItem(steps, converter, path, item, permissions)),
  );
  const plan = config.resources ? planFromConfig(config.resources, rawOps, config, diagnostics) : inferPlan(rawOps);
  if (config.resources) reportLeftOut(plan, rawOps, config, diagnostics);

  step('models', [], () => declareModels(plan, steps, converter, diagnostics));
  const built = plan.map((p) => step(`resource ${p.keys.join('.')}`, planInputs(p), () => buildResource(p, [], names, converter, config, diagnostics)));
  tape?.finish();
  assignModelModules(built, converter);
  // After the resources, so no name or module of theirs changes because a spec has webhooks.
  const webhooks = readWebhooks(spec, converter, names, built, diagnostics);
  if (webhooks) placeWebhookModels(webhooks, converter);

  const schemes = securitySchemes(spec, config, clientName, diagnostics);
  const security = Array.isArray(root.security) ? securityOf(root.security) : [];
  reportUndefinedSchemes(spec, rawOps, diagnostics);
  const resources = widenSecurity(built, spec, config, schemes, security, diagnostics);
  diagnostics.push(...skippedParts(spec));
  const ir: IR = {
    title: typeof info.title === 'string' ? info.title : 'API',
    version: typeof info.version === 'string' || typeof info.version === 'number' ? String(info.version) : '0.0.0',
    ...(typeof info.description === 'string' ? { description: info.description } : {}),
    baseURL: config.client.baseURL ?? Object.values(config.client.environments ?? {})[0] ?? baseURLOf(root),
    security,
    securitySchemes: schemes,
    resources,
    ...(webhooks ? { webhooks } : {}),
    models: converter.finishedModels(),
    client: {
      className: clientName,
      baseURLEnv: config.client.baseURLEnv ?? `${upperSnake(clientName)}_BASE_URL`,
      ...(config.client.defaultHeaders ? { defaultHeaders: config.client.defaultHeaders } : {}),
      ...(config.client.environments ? { environments: Object.entries(config.client.environments) } : {}),
      packageName: config.package.name ?? (kebabCase(typeof info.title === 'string' ? info.title : '') || 'api-client'),
      packageVersion: config.package.version ?? '0.1.0',
      packageDescription: config.package.description ?? `TypeScript SDK for ${typeof info.title === 'string' ? info.title : 'the API'}, generated by lathe.`,
    },
    ...(config.envelope ? { envelope: config.envelope } : {}),
    ...(config.wireTypes === false ? { wireTypes: false as const } : {}),
    ...(config.validation === 'strict' ? { strictValidation: true as const } : {}),
    ...(config.authMode === 'any' ? { anyAuth: true as const } : {}),
    ...readmeExample(config, resources, diagnostics),
  };
  return { ir, diagnostics };
}

/** Model names the config forces (`models:`), by schema id. */
function configModels(config: LatheConfig, spec: LoadedSpec): Map<string, string> {
  const declared = new Map<string, string>();
  const walk = (tree: LatheConfig['resources']) => {
    for (const rc of Object.values(tree ?? {})) {
      for (const [name, ref] of Object.entries(rc.models)) {
        const target = configTarget(spec, ref);
        if (target) declared.set(target.id, pascalCase(name));
      }
      walk(rc.subresources);
    }
  };
  walk(config.resources);
  return declared;
}

/**
 * What every step of a build depends on besides its own inputs: a build with another key replays
 * nothing. The config is plain data (its Maps only say where its keys came from).
 */
function buildKey(spec: LoadedSpec, config: LatheConfig, reserved: readonly string[], declared: ReadonlyMap<string, string>): string {
  const root = spec.entry.root as Record<string, unknown>;
  // Swagger 2.0 operations fall back to the document's media types.
  const swagger2 = spec.version === '2.0' ? [root.consumes, root.produces] : [];
  // Whether each file is an OpenAPI document decides where its schemas may be (schema-place.ts).
  const files = [...spec.files.values()].map((f) => [f.path, isRecord(f.root) && ('openapi' in f.root || 'swagger' in f.root)]);
  return JSON.stringify([config, reserved, spec.version, spec.entry.path, swagger2, files, [...declared]]);
}

/** A resource plan as a step's inputs: its shape, and its operations by identity. */
function planInputs(p: ResourcePlan, out: unknown[] = []): unknown[] {
  out.push(p.keys.join('.'), p.methods.length, p.models.length, p.children.length);
  for (const m of p.methods) out.push(m.name, m.op, m.paginated?.scheme, m.positional?.names.join(','));
  for (const m of p.models) out.push(m.name, m.ref);
  for (const c of p.children) planInputs(c, out);
  return out;
}

function declareModels(plan: readonly ResourcePlan[], spec: LoadedSpec, converter: SchemaConverter, diagnostics: Diagnostic[]): void {
  for (const p of plan) {
    for (const m of p.models) {
      const target = configTarget(spec, m.ref);
      if (!target) {
        diagnostics.push({ severity: 'error', message: `model '${m.name}' refers to '${m.ref}', which does not resolve`, loc: m.loc });
        continue;
      }
      converter.declare(target.id, pascalCase(m.name), target.loc);
      converter.modelRef(target.id, target.value, target.loc);
    }
    declareModels(p.children, spec, converter, diagnostics);
  }
}

function buildResource(
  plan: ResourcePlan,
  parentNames: string[],
  names: NameRegistry,
  converter: SchemaConverter,
  config: LatheConfig,
  diagnostics: Diagnostic[],
): IRResource {
  const key = plan.keys[plan.keys.length - 1]!;
  const base = pascalCase(key);
  // A model named like the resource keeps the plain name; the class takes a suffix (Stainless does the same).
  const className = names.has(base) ? names.claim(`${base}Resource`, parentNames) : names.claim(base, parentNames);
  const module = moduleOf(plan.keys, plan.children.length > 0);
  const singularName = pascalCase(singular(key));
  const propertyOf = (k: string) => (config.resources && isIdentifier(k) && !k.includes('_') ? k : camelCase(k));
  const childProps = new Set(plan.children.map((c) => propertyOf(c.keys[c.keys.length - 1]!)));
  // One page class per item type and resource, shared by its methods (as Stainless declares them).
  const pages = new Map<string, string>();
  const operations = plan.methods.map(({ name, op, paginated, positional }) => {
    const methodName = childProps.has(name) ? `${name}Method` : safeMethod(name);
    const built = buildOperation(op, methodName, singularName, [...parentNames, base], names, converter, config, diagnostics, paginated, positional);
    return { ...built, returns: pageNames(built.returns, built.builderName, [...parentNames, base], names, converter, pages) };
  });
  const children = plan.children.map((c) => buildResource(c, [...parentNames, base], names, converter, config, diagnostics));
  const models = plan.models.flatMap((m) => {
    const target = converter.configRef(m.ref);
    return target ? [target.id] : [];
  });
  // A config's key is the property as Stainless spells it: snake_case camel-cased, `RayID` kept.
  const property = safeMethod(propertyOf(key));
  // Top-level resources are properties of the client: they must not hide its own members.
  const propertyName = parentNames.length === 0 && CLIENT_MEMBERS.includes(property) ? `${property}_` : property;
  return { keys: plan.keys, propertyName, className, module, operations, children, models };
}

// BaseClient's public members (templates/core/client.ts), raw calls (`get`, `delete`, ...) included.
const CLIENT_MEMBERS = [
  ...['baseURL', 'timeout', 'maxRetries', 'maxResponseSize', 'logLevel', 'request', 'requestPage', 'withOptions'],
  ...['get', 'post', 'put', 'patch', 'delete', 'toString', 'toJSON'],
];

/** Client options lathe or the runtime already define. */
const RESERVED_OPTIONS = [
  ...['baseURL', 'options', 'timeout', 'maxRetries', 'defaultHeaders', 'defaultQuery', 'fetch', 'fetchOptions'],
  ...['maxResponseSize', 'idempotencyHeader', 'logLevel', 'logger', 'environment'],
];

function safeMethod(name: string): string {
  return ['constructor', '_client', 'toString', 'valueOf', 'hasOwnProperty'].includes(name) ? `${name}_` : name;
}

function buildOperation(
  op: RawOperation,
  methodName: string,
  resourceSingular: string,
  qualifiers: string[],
  names: NameRegistry,
  converter: SchemaConverter,
  config: LatheConfig,
  diagnostics: Diagnostic[],
  paginated?: Paginated,
  chosen?: Positional,
): IROperation {
  const stem = `${resourceSingular}${pascalCase(methodName)}`;
  const pathOrder = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const pathParams = op.params
    .filter((p) => p.in === 'path')
    .sort((a, b) => pathOrder.indexOf(a.name) - pathOrder.indexOf(b.name));
  const candidates = pathParams.filter((p) => !config.positional.exclude.includes(p.name));
  const positionalParam = chosen ? chosenPositional(chosen, pathParams, op, diagnostics) : candidates[candidates.length - 1];
  const positional = positionalParam ? { param: positionalParam, tsName: localName(positionalParam.name) } : undefined;

  const fields: IRField[] = [];
  for (const p of [...pathParams, ...op.params.filter((q) => q.in !== 'path')]) {
    if (p === positionalParam) continue;
    if (fields.some((f) => f.name === p.name)) {
      // One params object cannot hold two fields of one name; renaming would change the wire name.
      diagnostics.push({ severity: 'warning', message: `${p.in} parameter '${p.name}' has the name of another parameter of this operation; only the first is sent`, loc: p.loc });
      continue;
    }
    fields.push({
      name: p.name,
      origin: p.in,
      required: p.required,
      schema: p.schema,
      ...(p.description ?? p.schema.docs.description ? { description: p.description ?? p.schema.docs.description } : {}),
      ...(p.deprecated ? { deprecated: true } : {}),
      ...(p.style !== undefined ? { style: p.style } : {}),
      ...(p.explode !== undefined ? { explode: p.explode } : {}),
    });
  }
  const nested = nestDottedQuery(fields);
  for (const f of nested.shadowed)
    diagnostics.push({
      severity: 'warning',
      message: `query parameter '${f.name}' has the name of the dotted parameters '${f.name}.*', which nest under it: it is left out of the params (as in Stainless's SDKs)`,
      loc: op.params.find((p) => p.in === 'query' && p.name === f.name)!.loc,
    });
  fields.splice(0, fields.length, ...nested.fields);
  let bodyField: string | undefined;
  let bodyVariants: IRField[][] | undefined;
  const body = bodyOf(op, diagnostics);
  if (body) {
    const structured = body.encoding !== 'binary' && body.encoding !== 'text';
    const object = structured ? converter.bodyObjectView(body.schema) : undefined;
    // Stainless flattens a union of object bodies too: one params variant per member.
    const members = structured && !object ? converter.unionObjectsView(body.schema) : undefined;
    if (object && !object.additional) {
      fields.push(...bodyFields(object, fields));
    } else if (members) {
      bodyVariants = members.map((member) => bodyFields(member, fields));
      fields.push(...bodyVariants[0]!);
    } else {
      const wanted = body.paramName ?? 'body';
      bodyField = fields.some((f) => f.name === wanted) ? `${wanted}_` : wanted;
      // A body the spec gives no schema (`application/json: {}`) may be anything, nothing included:
      // Stainless makes it optional, and a forced `body: undefined` says nothing.
      const required = body.required && body.schema.kind !== 'unknown';
      fields.push({ name: bodyField, origin: 'body', required, schema: body.schema, ...(body.description ? { description: body.description } : {}) });
    }
  }
  // Path params first, then required, then optional; stable within each group.
  const rank = (f: IRField) => (f.origin === 'path' ? 0 : f.required ? 1 : 2);
  fields.sort((a, b) => rank(a) - rank(b));

  const returns = methodNamedReturn(returnOf(op, converter, config, paginated, diagnostics), converter, config);
  const namedReturn = returns.schema && needsName(returns.schema) ? { ...returns, typeName: names.claim(`${stem}Response`, qualifiers) } : returns;
  const { params: _params, body: _body, success: _success, ...described } = op;
  return {
    ...described,
    ...(body ? { body: { mediaType: body.mediaType, encoding: body.encoding, ...(emptyObject(body) ? { emptyObject: true as const } : {}) } } : {}),
    methodName,
    ...(positional ? { positional } : {}),
    ...(fields.length ? { paramsType: names.claim(`${stem}Params`, qualifiers) } : {}),
    fields,
    ...(bodyField ? { bodyField } : {}),
    ...(bodyVariants ? { bodyVariants } : {}),
    // `= {}` must fit the params type: with variants, it does when one variant requires nothing.
    paramsRequired: bodyVariants
      ? fields.some((f) => f.required && f.origin !== 'body') || bodyVariants.every((v) => v.some((f) => f.required))
      : fields.some((f) => f.required),
    returns: namedReturn,
    builderName: names.claim(`build${stem}Request`, qualifiers),
  };
}

/** The request body the method sends: none on GET and HEAD, whose requests fetch refuses to give one. */
function bodyOf(op: RawOperation, diagnostics: Diagnostic[]): IRBody | undefined {
  if (!op.body || (op.method !== 'GET' && op.method !== 'HEAD')) return op.body;
  diagnostics.push({ severity: 'warning', message: `a ${op.method} request cannot carry a body (fetch refuses one): the method sends none`, loc: op.body.loc });
  return undefined;
}

/**
 * A body the caller may leave out though the spec requires one: JSON with no schema. Sending none
 * breaks the spec (Prism answers 422), and `{}` is the least a JSON body can say.
 */
function emptyObject(body: IRBody): boolean {
  return body.required && body.encoding === 'json' && body.schema.kind === 'unknown';
}

/** The path param a method's config `positional` names (none for `[]`); a name that is not one is an error. */
function chosenPositional(chosen: Positional, pathParams: readonly IRParam[], op: RawOperation, diagnostics: Diagnostic[]): IRParam | undefined {
  const [name] = chosen.names;
  if (name === undefined) return undefined;
  const param = pathParams.find((p) => p.name === name);
  if (!param)
    diagnostics.push({
      severity: 'error',
      message: `'${name}' is not a path parameter of '${op.method.toLowerCase()} ${op.path}'${pathParams.length ? ` (it has: ${pathParams.map((p) => p.name).join(', ')})` : ''}`,
      loc: chosen.loc,
    });
  return param;
}

/** The params fields of an object body's properties, less readOnly ones and names a param already has. */
function bodyFields(object: IRSchema & { kind: 'object' }, params: readonly IRField[]): IRField[] {
  const out: IRField[] = [];
  for (const prop of object.properties) {
    if (!sentInRequests(prop)) continue;
    if (params.some((f) => f.name === prop.name) || out.some((f) => f.name === prop.name)) continue;
    out.push({
      name: prop.name,
      origin: 'body',
      required: prop.required && !prop.schema.docs.readOnly,
      schema: prop.schema,
      ...(prop.schema.docs.description ? { description: prop.schema.docs.description } : {}),
      ...(prop.schema.docs.deprecated ? { deprecated: true } : {}),
    });
  }
  return out;
}

/** Names the builder and method already use for their own locals and imports. */
const TAKEN_LOCALS = ['params', 'options', 'body', ...BUILDER_HELPERS];

function localName(name: string): string {
  const n = safeIdentifier(camelCase(name));
  return TAKEN_LOCALS.includes(n) ? `${n}_` : n;
}

/**
 * With a configured resource tree (Stainless's model), a method returns either a model the config
 * names or a type named after the method: a component the config does not name (the bare envelope
 * of a delete) is spelled out as `<Resource><Method>Response`, its nested objects in its namespace.
 */
function methodNamedReturn(returns: IRReturn, converter: SchemaConverter, config: LatheConfig): IRReturn {
  const s = returns.schema;
  if (!config.resources || returns.pagination || s?.kind !== 'ref' || converter.isDeclared(s.model)) return returns;
  const target = converter.models.get(s.model)?.schema;
  if (!target || !needsName(target)) return returns;
  return { ...returns, schema: { ...target, docs: { ...target.docs, ...s.docs } } };
}

function needsName(schema: IRSchema): boolean {
  return schema.kind === 'object' || schema.kind === 'union' || schema.kind === 'intersection';
}

function returnOf(op: RawOperation, converter: SchemaConverter, config: LatheConfig, paginated: Paginated | undefined, diagnostics: Diagnostic[]): IRReturn {
  const success = op.success;
  if (!success?.schema) return success?.mediaType ? { mediaType: success.mediaType } : {};
  const field = config.envelope?.result;
  const object = converter.objectView(success.schema);
  const unwrapped = field ? object?.properties.find((p) => p.name === field) : undefined;
  const schema = unwrapped?.schema ?? success.schema;
  const isArray = converter.objectView(schema) === undefined && arrayItems(schema, converter) !== undefined;
  return {
    schema,
    body: success.schema,
    ...(unwrapped ? { unwrap: field } : {}),
    ...(success.mediaType ? { mediaType: success.mediaType } : {}),
    ...(unwrapped && isArray && paginated?.scheme !== false ? { pagination: paginationOf(op, object, config, paginated, diagnostics) } : {}),
  };
}

/**
 * Page-number lists, as the config's `pagination` schemes describe them: an envelope with the
 * scheme's info field and its page query param; the next page is the same request with page + 1.
 * Any other array result is a single page.
 */
function paginationOf(
  op: RawOperation,
  envelope: (IRSchema & { kind: 'object' }) | undefined,
  config: LatheConfig,
  paginated: Paginated | undefined,
  diagnostics: Diagnostic[],
): 'single' | 'v4page' {
  const fits = (s: LatheConfig['pagination'][number]) =>
    !!envelope?.properties.some((p) => p.name === s.response.info) && op.params.some((p) => p.in === 'query' && p.name === s.request.page);
  // A method's `paginated: <scheme>` picks the scheme, which must fit it as it would by itself.
  const named = typeof paginated?.scheme === 'string' ? paginated.scheme : undefined;
  if (named !== undefined) {
    const scheme = config.pagination.find((s) => s.name === named);
    if (!scheme) {
      const known = config.pagination.map((s) => `'${s.name}'`).join(', ') || 'none';
      diagnostics.push({ severity: 'error', message: `'${named}' is not a \`pagination\` scheme of the config (its schemes: ${known})`, loc: paginated!.loc });
    } else if (!fits(scheme))
      diagnostics.push({
        severity: 'error',
        message: `pagination scheme '${named}' needs a '${scheme.request.page}' query param and a '${scheme.response.info}' response field, which ${op.method} ${op.path} does not have`,
        loc: paginated!.loc,
      });
    else return 'v4page';
  }
  return config.pagination.some(fits) ? 'v4page' : 'single';
}

function arrayItems(schema: IRSchema, converter: SchemaConverter): IRSchema | undefined {
  // Through chains of alias models; a chain that loops (A = B, B = A, broken only when the models
  // are finished) is not an array.
  let s: IRSchema | undefined = schema;
  for (let hops = 0; s?.kind === 'ref' && hops < 16; hops++) s = converter.models.get(s.model)?.schema;
  return s?.kind === 'array' ? s.items : undefined;
}

/** Puts a model, and the models it refers to, in `module` unless an earlier user placed them. */
function placeModel(converter: SchemaConverter, id: string, module: string): void {
  const draft = converter.models.get(id);
  if (!draft || draft.module) return;
  draft.module = module;
  if (draft.schema) for (const next of refsOf(draft.schema)) placeModel(converter, next, module);
}

/** Models only webhooks use are declared next to the webhook types. */
function placeWebhookModels(webhooks: IRWebhooks, converter: SchemaConverter): void {
  for (const hook of webhooks.hooks)
    for (const s of [...(hook.payload ? [hook.payload.schema] : []), ...hook.headers.map((h) => h.schema)])
      for (const id of refsOf(s)) placeModel(converter, id, webhooks.module);
}

/** Each model lives in the module of the first resource (in tree order) that uses it. */
function assignModelModules(resources: readonly IRResource[], converter: SchemaConverter): void {
  const walk = (r: IRResource) => {
    for (const id of modelsUsed(r)) placeModel(converter, id, r.module);
    r.children.forEach(walk);
  };
  resources.forEach(walk);
}

/**
 * The models a resource's own methods use, in the order they are placed: its config models, then
 * each operation's fields, body variants and result. Once per resource: a `--watch` rebuild keeps
 * the resources an edit did not touch (replay.ts) and places the models again on every run.
 */
function modelsUsed(r: IRResource): readonly string[] {
  let ids = usedByResource.get(r);
  if (ids) return ids;
  ids = [...r.models];
  for (const op of r.operations) {
    const schemas = [...op.fields, ...(op.bodyVariants ?? []).flat()].map((f) => f.schema);
    if (op.returns.schema) schemas.push(op.returns.schema);
    for (const s of schemas) ids.push(...refsOf(s));
  }
  usedByResource.set(r, ids);
  return ids;
}
const usedByResource = new WeakMap<IRResource, string[]>();

/** Config `docs.readmeExample`, when its endpoint is a method of the SDK. */
function readmeExample(config: LatheConfig, resources: readonly IRResource[], diagnostics: Diagnostic[]): Pick<IR, 'readmeExample'> {
  const wanted = config.docs.readmeExample;
  if (!wanted) return {};
  const [verb, ...rest] = wanted.endpoint.split(/\s+/);
  const method = verb!.toUpperCase() as IROperation['method'];
  const path = rest.join(' ');
  const has = (r: IRResource): boolean => r.operations.some((o) => o.method === method && o.path === path) || r.children.some(has);
  if (!resources.some(has)) {
    const message = `readmeExample's endpoint '${wanted.endpoint}' is not a method of the SDK`;
    diagnostics.push({ severity: 'error', message, loc: { file: config.file ?? 'lathe.config.yaml', pointer: '#/docs/readmeExample/endpoint' } });
    return {};
  }
  return { readmeExample: { method, path, ...(wanted.params ? { params: wanted.params } : {}) } };
}

/** Operations a `resources` tree leaves out vanish from the SDK: said once, with all of them. */
function reportLeftOut(plan: readonly ResourcePlan[], ops: readonly RawOperation[], config: LatheConfig, diagnostics: Diagnostic[]): void {
  const mode = config.leftOutOperations ?? 'warning';
  if (mode === 'ignore') return;
  const listed = new Set<RawOperation>();
  const walk = (p: ResourcePlan) => {
    for (const m of p.methods) listed.add(m.op);
    p.children.forEach(walk);
  };
  plan.forEach(walk);
  const left = ops.filter((op) => !listed.has(op)).map((op) => `${op.method.toLowerCase()} ${op.path}`);
  if (!left.length) return;
  const shown = left.length > 50 ? [...left.slice(0, 50), `and ${left.length - 50} more`] : left;
  diagnostics.push({
    severity: mode,
    message: `\`resources\` leaves out ${left.length} of ${ops.length} operations, which the SDK will not have: ${shown.join(', ')} (set \`leftOutOperations: ignore\` to accept this, or \`error\` to refuse it)`,
    loc: { file: config.file ?? 'lathe.config.yaml', pointer: '#/resources' },
  });
}

/**
 * The security schemes the document defines: 3.x's `components.securitySchemes`, or Swagger 2.0's
 * `securityDefinitions` (with `basic` for http basic).
 */
function schemesSection(root: Record<string, unknown>): { readonly raw: Record<string, unknown>; readonly pointer: string } {
  const components = isRecord(root.components) ? root.components : {};
  if (isRecord(components.securitySchemes)) return { raw: components.securitySchemes, pointer: '#/components/securitySchemes' };
  return { raw: isRecord(root.securityDefinitions) ? root.securityDefinitions : {}, pointer: '#/securityDefinitions' };
}

/** A requirement naming a scheme the document does not define can never be met: the SDK has no option for it. */
function reportUndefinedSchemes(spec: LoadedSpec, ops: readonly RawOperation[], diagnostics: Diagnostic[]): void {
  const root = spec.entry.root as Record<string, unknown>;
  const { raw } = schemesSection(root);
  const check = (requirements: readonly (readonly string[])[], at: Loc) =>
    requirements.forEach((names, i) => {
      for (const name of names)
        if (!Object.hasOwn(raw, name))
          diagnostics.push({
            severity: 'warning',
            message: `the security requirement names '${name}', which is not a security scheme of the document: the client has no option for it, so a call that needs it fails with MissingCredentialsError`,
            loc: { file: at.file, pointer: joinPointer(joinPointer(joinPointer(at.pointer, 'security'), String(i)), name) },
          });
    });
  if (Array.isArray(root.security)) check(securityOf(root.security), { file: spec.entry.path, pointer: '#' });
  for (const op of ops) if (op.security) check(op.security, op.loc);
}

/** The security scheme types OpenAPI defines (`basic` is Swagger 2.0's http basic). */
const SCHEME_TYPES: ReadonlySet<string> = new Set(['apiKey', 'http', 'oauth2', 'openIdConnect', 'mutualTLS', 'basic']);

/** An HTTP auth scheme name (RFC 9110's token): what goes before the credential in `Authorization`. */
const AUTH_SCHEME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function securitySchemes(spec: LoadedSpec, config: LatheConfig, clientName: string, diagnostics: Diagnostic[]): IRSecurityScheme[] {
  const root = spec.entry.root as Record<string, unknown>;
  const taken = new Set(RESERVED_OPTIONS);
  const option = (wanted: string) => {
    let name = wanted;
    while (taken.has(name)) name = `${name}_`;
    taken.add(name);
    return name;
  };
  const { raw, pointer: section } = schemesSection(root);
  for (const key of Object.keys(config.auth))
    if (!Object.hasOwn(raw, key))
      diagnostics.push({
        severity: 'error',
        message: `\`auth\` names the security scheme '${key}', which the spec does not define${Object.keys(raw).length ? ` (it has: ${Object.keys(raw).join(', ')})` : ''}`,
        loc: { file: config.file ?? 'lathe.config.yaml', pointer: joinPointer('#/auth', key) },
      });
  return Object.entries(raw).flatMap(([key, given]) => {
    // A Reference Object is the scheme it refers to (an unresolvable one was reported by the load).
    const found = spec.deref(given, { file: spec.entry.path, pointer: joinPointer(section, key) });
    if (!found) return [];
    const value = found.value;
    if (!isRecord(value) || typeof value.type !== 'string') {
      diagnostics.push({
        severity: 'warning',
        message: `security scheme '${key}' has no \`type\`: the client has no option for it, and an operation that needs it cannot be sent with credentials`,
        loc: found.loc,
      });
      return [];
    }
    if (!SCHEME_TYPES.has(value.type)) {
      diagnostics.push({
        severity: 'warning',
        message: `security scheme '${key}' has the type '${value.type}', which is none of ${[...SCHEME_TYPES].join(', ')}: the client has no option for it, and an operation that needs it cannot be sent with credentials`,
        loc: { file: found.loc.file, pointer: joinPointer(found.loc.pointer, 'type') },
      });
      return [];
    }
    const s: Record<string, unknown> = value.type === 'basic' ? { ...value, type: 'http', scheme: 'basic' } : value;
    const scheme = typeof s.scheme === 'string' && AUTH_SCHEME.test(s.scheme) ? s.scheme.toLowerCase() : undefined;
    if (s.type === 'http' && s.scheme !== undefined && scheme === undefined)
      diagnostics.push({
        severity: 'warning',
        message: `http security scheme '${key}' has the scheme ${JSON.stringify(s.scheme)}, which is not an auth scheme name (such as bearer or basic): the client sends its credential as a bearer token`,
        loc: { file: found.loc.file, pointer: joinPointer(found.loc.pointer, 'scheme') },
      });
    const c = config.auth[key] ?? {};
    const description = c.description ?? (typeof s.description === 'string' ? s.description : undefined);
    return [
      {
        key,
        type: s.type as IRSecurityScheme['type'],
        ...(s.in === 'header' || s.in === 'query' || s.in === 'cookie' ? { in: s.in } : {}),
        ...(typeof s.name === 'string' ? { name: s.name } : {}),
        ...(scheme ? { scheme } : {}),
        ...(description ? { description } : {}),
        option: c.option ?? option(safeIdentifier(camelCase(key))),
        env: c.env ?? `${upperSnake(clientName)}_${upperSnake(key)}`,
        title: c.title ?? words(key).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' '),
        example: c.example ?? 'my-secret',
      },
    ];
  });
}

function upperSnake(name: string): string {
  return words(name)
    .map((w) => w.toUpperCase())
    .join('_');
}

function baseURLOf(root: Record<string, unknown>): string {
  if (typeof root.swagger === 'string' && typeof root.host === 'string') {
    const scheme = Array.isArray(root.schemes) && root.schemes.includes('https') ? 'https' : Array.isArray(root.schemes) && typeof root.schemes[0] === 'string' ? root.schemes[0] : 'https';
    return `${scheme}://${root.host}${typeof root.basePath === 'string' ? root.basePath.replace(/\/$/, '') : ''}`;
  }
  const server = Array.isArray(root.servers) ? root.servers.find(isRecord) : undefined;
  if (!server || typeof server.url !== 'string') return '';
  const vars = isRecord(server.variables) ? server.variables : {};
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const v = vars[name];
    return isRecord(v) && v.default !== undefined ? String(v.default) : whole;
  });
}


/**
 * Reads the operations of a document: parameters (path-level merged with operation-level), the
 * request body, responses and security, in the IR's spec-neutral shapes.
 */
import { joinPointer, type Loc } from '../diagnostics.js';
import { isMediaType } from '../load/media-type.js';
import { isIdentifier } from './names.js';
import type { LoadedSpec } from '../load/types.js';
import { docsOf, isRecord, type SchemaConverter } from './schema.js';
import type { BodyEncoding, IRBody, IROperation, IRParam, IRSchema, ParamLocation } from './types.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** An operation before the SDK surface (names, positional param, fields) is decided. */
export type RawOperation = Pick<
  IROperation,
  'id' | 'loc' | 'method' | 'path' | 'summary' | 'description' | 'deprecated' | 'tags' | 'permissions' | 'security' | 'accept'
> & {
  readonly params: readonly IRParam[];
  readonly body?: IRBody;
  /** The response the method resolves with (see `successResponse`); undefined when none is declared. */
  readonly success?: SuccessResponse;
};

/** What the method's return is made from; no schema when the response declares no content. */
export interface SuccessResponse {
  readonly mediaType?: string;
  readonly schema?: IRSchema;
}

/** `permissionsKey`: the operation extension that lists who may call it (config `docs.permissionsExtension`). */
export function readOperations(spec: LoadedSpec, schemas: SchemaConverter, permissionsKey?: string): RawOperation[] {
  return Object.entries(pathsOf(spec)).flatMap(([path, rawItem]) => readPathItem(spec, schemas, path, rawItem, permissionsKey));
}

export function pathsOf(spec: LoadedSpec): Record<string, unknown> {
  const root = spec.entry.root as Record<string, unknown>;
  return isRecord(root.paths) ? root.paths : {};
}

/** The operations of one entry of `paths`, in method order. */
export function readPathItem(spec: LoadedSpec, schemas: SchemaConverter, path: string, rawItem: unknown, permissionsKey: string | undefined): RawOperation[] {
  const root = spec.entry.root as Record<string, unknown>;
  const swagger2 = spec.version === '2.0';
  const itemLoc: Loc = { file: spec.entry.path, pointer: joinPointer('#/paths', path) };
  const item = spec.deref<Record<string, unknown>>(rawItem, itemLoc);
  if (!item || !isRecord(item.value)) return [];
  const out: RawOperation[] = [];
  const shared = paramList(spec, schemas, item.value.parameters, at(item.loc, 'parameters'));
  for (const method of HTTP_METHODS) {
    // Not allowed by OpenAPI, but real specs (DigitalOcean's) keep each operation in its own file.
    const op = spec.deref<Record<string, unknown>>(item.value[method], at(item.loc, method));
    if (!op || !isRecord(op.value)) continue;
    out.push(readOperation(spec, schemas, path, method, op.value, op.loc, shared, swagger2 ? root : undefined, permissionsKey));
  }
  return out;
}

function readOperation(
  spec: LoadedSpec,
  schemas: SchemaConverter,
  path: string,
  method: (typeof HTTP_METHODS)[number],
  op: Record<string, unknown>,
  loc: Loc,
  shared: IRParam[],
  /** The document root when it is Swagger 2.0 (bodies and responses are spelled differently). */
  swagger2: Record<string, unknown> | undefined,
  permissionsKey: string | undefined,
): RawOperation {
  const permissions = permissionsKey === undefined ? undefined : op[permissionsKey];
  const params = operationParams(spec, schemas, op, loc, shared);
  // A `{name}` with no declared parameter (the loader warned): a required string.
  for (const m of path.matchAll(/\{([^}]+)\}/g))
    if (!params.some((p) => p.in === 'path' && p.name === m[1]))
      params.push({ name: m[1]!, in: 'path', required: true, schema: { kind: 'string', loc, docs: {} }, loc });
  const body = swagger2
    ? swagger2Body(spec, schemas, op, loc, swagger2)
    : readBody(spec, schemas, op.requestBody, at(loc, 'requestBody'));
  const produces = swagger2 ? mediaTypes(op.produces ?? swagger2.produces, 'application/json') : undefined;
  const success = successResponse(spec, schemas, op.responses, at(loc, 'responses'), produces);
  const accept = acceptOf(spec, op.responses, at(loc, 'responses'), produces);
  return {
    id: typeof op.operationId === 'string' ? op.operationId : `${method} ${path}`,
    loc,
    method: method.toUpperCase() as RawOperation['method'],
    path,
    ...operationText(op),
    tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : [],
    permissions: Array.isArray(permissions) ? permissions.filter((t): t is string => typeof t === 'string') : [],
    ...(Array.isArray(op.security) ? { security: securityOf(op.security) } : {}),
    ...(accept ? { accept } : {}),
    params,
    ...(body ? { body } : {}),
    ...(success ? { success } : {}),
  };
}

function mediaTypes(value: unknown, fallback: string): string[] {
  const list = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  return list.length ? list : [fallback];
}

/** Swagger 2.0: the body is an `in: body` parameter, or the `in: formData` parameters together. */
function swagger2Body(
  spec: LoadedSpec,
  schemas: SchemaConverter,
  op: Record<string, unknown>,
  loc: Loc,
  root: Record<string, unknown>,
): IRBody | undefined {
  const raw = Array.isArray(op.parameters) ? op.parameters : [];
  const resolved = raw.flatMap((p, i) => {
    const r = spec.deref<Record<string, unknown>>(p, at(loc, 'parameters', i));
    return r && isRecord(r.value) ? [{ value: r.value, loc: r.loc }] : [];
  });
  const consumes = mediaTypes(op.consumes ?? root.consumes, 'application/json');
  const body = resolved.find((p) => p.value.in === 'body');
  if (body) {
    const mediaType = consumes.find((m) => encodingOf(m) === 'json') ?? consumes[0]!;
    return {
      mediaType,
      encoding: encodingOf(mediaType),
      required: body.value.required === true,
      schema: schemas.requestView(schemas.convert(body.value.schema ?? {}, at(body.loc, 'schema')), true),
      ...(typeof body.value.description === 'string' ? { description: body.value.description } : {}),
      loc: body.loc,
    };
  }
  const form = resolved.filter((p) => p.value.in === 'formData' && typeof p.value.name === 'string');
  if (!form.length) return undefined;
  const hasFile = form.some((p) => p.value.type === 'file');
  const mediaType = hasFile ? 'multipart/form-data' : consumes.find((m) => encodingOf(m) === 'form') ?? 'application/x-www-form-urlencoded';
  const properties = form.map((p) => ({
    name: p.value.name as string,
    required: p.value.required === true,
    schema: p.value.type === 'file' ? ({ kind: 'binary', loc: p.loc, docs: docsOf(p.value) } as const) : schemas.requestView(schemas.convert(paramSchema(p.value), p.loc)),
  }));
  return {
    mediaType,
    encoding: encodingOf(mediaType),
    required: properties.some((p) => p.required),
    schema: { kind: 'object', properties, loc, docs: {} },
    loc,
  };
}

/** A Swagger 2.0 non-body parameter carries its schema keywords itself. */
function paramSchema(p: Record<string, unknown>): Record<string, unknown> {
  const { name: _n, in: _i, required: _r, description: _d, collectionFormat: _c, allowEmptyValue: _a, ...schema } = p;
  return schema;
}

export function securityOf(list: unknown[]): string[][] {
  return list.filter(isRecord).map((req) => Object.keys(req));
}

/** What an operation object says about itself, for docs. */
export function operationText(op: Record<string, unknown>): { summary?: string; description?: string; deprecated: boolean } {
  return {
    ...(typeof op.summary === 'string' ? { summary: op.summary } : {}),
    ...(typeof op.description === 'string' ? { description: op.description } : {}),
    deprecated: op.deprecated === true,
  };
}

/** An operation's parameters: its own, and those of its path item it does not redeclare. */
export function operationParams(spec: LoadedSpec, schemas: SchemaConverter, op: Record<string, unknown>, loc: Loc, shared: readonly IRParam[]): IRParam[] {
  const own = paramList(spec, schemas, op.parameters, at(loc, 'parameters'));
  return [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
}

export function paramList(spec: LoadedSpec, schemas: SchemaConverter, list: unknown, loc: Loc): IRParam[] {
  if (!Array.isArray(list)) return [];
  const out: IRParam[] = [];
  list.forEach((raw, i) => {
    const p = spec.deref<Record<string, unknown>>(raw, at(loc, i));
    if (!p || !isRecord(p.value)) return;
    const v = p.value;
    if (typeof v.name !== 'string' || !['path', 'query', 'header', 'cookie'].includes(String(v.in))) return;
    const schemaLoc = at(p.loc, 'schema');
    let schema =
      v.schema !== undefined ? schemas.convert(v.schema, schemaLoc) : typeof v.type === 'string' ? schemas.convert(paramSchema(v), p.loc) : undefined;
    if (!schema && isRecord(v.content)) {
      const [mediaType, media] = Object.entries(v.content)[0] ?? [];
      if (mediaType && isRecord(media)) schema = schemas.convert(media.schema ?? {}, at(p.loc, 'content', mediaType, 'schema'));
    }
    schema ??= { kind: 'unknown', loc: schemaLoc, docs: {} };
    schema = schemas.requestView(schema);
    // Swagger 2.0 spells array serialization as collectionFormat (default csv).
    const legacy = v.schema === undefined && v.type === 'array' ? collectionStyle(v.collectionFormat) : undefined;
    out.push({
      name: v.name,
      in: v.in as ParamLocation,
      required: v.in === 'path' || v.required === true,
      schema,
      ...(typeof v.description === 'string' ? { description: v.description } : {}),
      ...(v.deprecated === true ? { deprecated: true } : {}),
      ...(typeof v.style === 'string' ? { style: v.style } : legacy ? { style: legacy.style } : {}),
      ...(typeof v.explode === 'boolean' ? { explode: v.explode } : legacy ? { explode: legacy.explode } : {}),
      loc: p.loc,
    });
  });
  return out;
}

/** OpenAPI 3 style and explode for a Swagger 2.0 collectionFormat (`tsv` has no equivalent: csv-like). */
function collectionStyle(format: unknown): { style: string; explode: boolean } {
  switch (format) {
    case 'multi':
      return { style: 'form', explode: true };
    case 'ssv':
      return { style: 'spaceDelimited', explode: false };
    case 'pipes':
      return { style: 'pipeDelimited', explode: false };
    default:
      return { style: 'form', explode: false };
  }
}

/** Picks the media type lathe sends, preferring JSON, then forms, then the first one. */
export function encodingOf(mediaType: string): BodyEncoding {
  const m = mediaType.toLowerCase().split(';')[0]!.trim();
  if (m === 'application/json' || m.endsWith('+json') || m === '*/*') return 'json';
  if (m === 'application/x-www-form-urlencoded') return 'form';
  if (m.startsWith('multipart/')) return 'multipart';
  if (m.startsWith('text/')) return 'text';
  return 'binary';
}

const BODY_PREFERENCE: readonly BodyEncoding[] = ['json', 'multipart', 'form', 'text', 'binary'];

function readBody(spec: LoadedSpec, schemas: SchemaConverter, raw: unknown, loc: Loc): IRBody | undefined {
  if (raw === undefined) return undefined;
  const body = spec.deref<Record<string, unknown>>(raw, loc);
  if (!body || !isRecord(body.value) || !isRecord(body.value.content)) return undefined;
  const entries = Object.entries(body.value.content);
  if (!entries.length) return undefined;
  const ranked = [...entries].sort(
    ([a], [b]) => BODY_PREFERENCE.indexOf(encodingOf(a)) - BODY_PREFERENCE.indexOf(encodingOf(b)),
  );
  const [mediaType, media] = ranked[0]!;
  const encoding = encodingOf(mediaType);
  const schemaLoc = at(body.loc, 'content', mediaType, 'schema');
  const rawSchema = isRecord(media) && media.schema !== undefined ? media.schema : encoding === 'binary' ? { type: 'string', format: 'binary' } : {};
  const converted = schemas.convert(rawSchema, schemaLoc);
  // Under a binary media type a `type: string` without `format: binary` is still the bytes sent.
  const schema = encoding === 'binary' && converted.kind === 'string' ? { kind: 'binary' as const, loc: converted.loc, docs: converted.docs } : converted;
  const paramName = stainlessParam(body.value) ?? stainlessParam(isRecord(media) ? spec.deref<unknown>(media.schema, schemaLoc)?.value : undefined);
  return {
    mediaType,
    encoding,
    required: body.value.required === true,
    ...(paramName ? { paramName } : {}),
    schema: schemas.requestView(schema, encoding !== 'binary' && encoding !== 'text'),
    ...(typeof body.value.description === 'string' ? { description: body.value.description } : {}),
    loc: body.loc,
  };
}

/**
 * Stainless's `x-stainless-param` on a request body (or its schema): the name of the params field
 * that holds a body which is not spread into the params (an array, a scalar), instead of `body`.
 */
function stainlessParam(value: unknown): string | undefined {
  const name = isRecord(value) ? value['x-stainless-param'] : undefined;
  return typeof name === 'string' && isIdentifier(name) ? name : undefined;
}

/**
 * The response a method resolves with: the lowest 2xx, else `2XX`, else a `default` with a schema.
 * Only its schema is converted: the others (error envelopes) never reach the SDK's types, and
 * converting them only cost time and named models nobody uses (openapi.ts still has every response).
 */
function successResponse(
  spec: LoadedSpec,
  schemas: SchemaConverter,
  raw: unknown,
  loc: Loc,
  /** Swagger 2.0 `produces`: the response `schema` sits on the response itself. */
  produces?: string[],
): SuccessResponse | undefined {
  if (!isRecord(raw)) return undefined;
  const read = (status: string) => {
    const r = spec.deref<Record<string, unknown>>(raw[status], at(loc, status));
    if (!r || !isRecord(r.value)) return undefined;
    const content = produces
      ? r.value.schema !== undefined
        ? [[produces.find((m) => encodingOf(m) === 'json') ?? produces[0]!, { schema: r.value.schema }] as const]
        : []
      : isRecord(r.value.content)
        ? Object.entries(r.value.content)
        : [];
    const [key, media] = content.find(([m]) => encodingOf(m) === 'json') ?? content.find(([m]) => isMediaType(m)) ?? content[0] ?? ([undefined, undefined] as const);
    const schema = key && isRecord(media) && media.schema !== undefined ? media.schema : undefined;
    const schemaLoc = (): Loc => (produces ? at(r.loc, 'schema') : at(r.loc, 'content', key!, 'schema'));
    // A key that is no media type (`string`) still gives the schema, but nothing to check responses against.
    return { status, mediaType: key !== undefined && isMediaType(key) ? key : undefined, schema, schemaLoc };
  };
  const statuses = Object.keys(raw);
  const found =
    statuses
      .filter((s) => /^2\d\d$/.test(s))
      .sort((a, b) => a.localeCompare(b))
      .map(read)
      .find((r) => r !== undefined) ??
    (statuses.includes('2XX') ? read('2XX') : undefined) ??
    (statuses.includes('default') ? read('default') : undefined);
  if (!found || (found.status === 'default' && found.schema === undefined)) return undefined;
  return {
    ...(found.mediaType ? { mediaType: found.mediaType } : {}),
    ...(found.schema !== undefined ? { schema: schemas.convert(found.schema, found.schemaLoc()) } : {}),
  };
}

/**
 * What the request's Accept header lists: every media type the 2xx responses declare (a server
 * answers 406 to an Accept that leaves out its only one). Undefined when that is JSON alone or
 * nothing, which the client's default `application/json` says already. When the 2xx content keys
 * are none of them media types (`string`), the success representation is unknown, so it is `*\/*`:
 * the default would ask for JSON the server may not have.
 */
function acceptOf(spec: LoadedSpec, raw: unknown, loc: Loc, produces: string[] | undefined): string | undefined {
  if (!isRecord(raw)) return undefined;
  const types = new Set<string>();
  let unknown = false;
  for (const status of Object.keys(raw).filter((s) => /^2(\d\d|XX)$/.test(s))) {
    const r = spec.deref<Record<string, unknown>>(raw[status], at(loc, status));
    if (!r || !isRecord(r.value)) continue;
    const declared = produces ? (r.value.schema !== undefined ? produces : []) : isRecord(r.value.content) ? Object.keys(r.value.content) : [];
    for (const type of declared) {
      if (isMediaType(type)) types.add(type);
      else unknown = true;
    }
  }
  if (!types.size && unknown) return '*/*';
  const list = [...types];
  return list.length && !list.every((t) => t.toLowerCase() === 'application/json') ? list.join(', ') : undefined;
}

export function at(loc: Loc, ...tokens: (string | number)[]): Loc {
  return { file: loc.file, pointer: joinPointer(loc.pointer, ...tokens) };
}


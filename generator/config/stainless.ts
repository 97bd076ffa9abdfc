/**
 * A Stainless config (`stainless.yml`) read as a lathe config, so a project leaving Stainless points
 * `--config` at the file it already has. This module only moves values: it turns the Stainless
 * shape into lathe's (config.ts checks the result, the one place that validates a config) and
 * remembers where each moved value came from, so a problem the checker finds is placed at the key
 * the user wrote. Keys with no lathe meaning become warnings at their place, never silent drops.
 */
import { joinPointer, unescapePointerToken } from '../diagnostics.js';
import { camelCase, pascalCase } from '../ir/names.js';

/** A problem found while mapping, at a pointer into the Stainless file. */
export interface MappingProblem {
  readonly severity: 'error' | 'warning';
  readonly pointer: string;
  readonly message: string;
}

export interface StainlessMapping {
  /** The config in lathe's shape, unchecked. */
  readonly config: Record<string, unknown>;
  /** Where each lathe key came from: lathe pointer → pointer into the Stainless file. */
  readonly origins: ReadonlyMap<string, string>;
  readonly problems: readonly MappingProblem[];
}

/**
 * Keys only a lathe config can say (the spec and output paths, the envelope's `success`/`errors`,
 * docs and positional settings, ...), written under `x-lathe` in stainless.yml in lathe's own shape.
 */
export const LATHE_EXTENSION = 'x-lathe';

/** Top-level keys that only Stainless configs have. */
const STAINLESS_ONLY = ['organization', 'client_settings', 'targets', 'environments', 'settings', 'readme'];

/** Keys both formats have: their presence says nothing about which one a file is. */
const SHARED = ['resources', 'pagination'];

/**
 * A Stainless config: named `stainless.yml`/`.yaml`, or with a key only Stainless has and none only
 * lathe has (so a lathe config with a stray `settings:` gets lathe's "unknown key" error).
 */
export function isStainlessConfig(file: string, raw: Record<string, unknown>, latheKeys: readonly string[]): boolean {
  if (/(^|[\\/])stainless\.ya?ml$/i.test(file)) return true;
  const keys = Object.keys(raw);
  return keys.some((k) => STAINLESS_ONLY.includes(k)) && !keys.some((k) => latheKeys.includes(k) && !SHARED.includes(k));
}

/**
 * A lathe pointer turned into the Stainless pointer of the value it was made from: the origin of
 * its longest recorded prefix, plus what follows that prefix.
 */
export function originOf(origins: ReadonlyMap<string, string>, pointer: string): string {
  for (let prefix = pointer; ; prefix = prefix.slice(0, prefix.lastIndexOf('/'))) {
    const origin = origins.get(prefix);
    if (origin !== undefined) return origin + pointer.slice(prefix.length);
    if (!prefix.includes('/')) return pointer;
  }
}

/** The checker's message names lathe's key (`env`); say the key the user wrote (`read_env`). */
export function renameKey(message: string, lathePointer: string, origin: string): string {
  const last = (p: string) => unescapePointerToken(p.slice(p.lastIndexOf('/') + 1));
  const [from, to] = [last(lathePointer), last(origin)];
  return from === to ? message : message.split(`\`${from}\``).join(`\`${to}\``);
}

/** Keys are user-given names (a security scheme may be called `__proto__`): no prototype to collide with. */
function record(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

class Mapper {
  readonly config = record();
  readonly origins = new Map<string, string>();
  readonly problems: MappingProblem[] = [];

  /** Sets `config` at the lathe path `to` (created as needed), remembering it came from `from`. */
  set(to: readonly string[], value: unknown, from: string): void {
    let node = this.config;
    for (const key of to.slice(0, -1)) {
      if (!isRecord(node[key])) node[key] = record();
      node = node[key] as Record<string, unknown>;
    }
    node[to[to.length - 1]!] = value;
    this.origins.set(joinPointer('#', ...to), from);
  }

  unsupported(pointer: string, why: string): void {
    this.problems.push({ severity: 'warning', pointer, message: `\`${dotted(pointer)}\` is not supported by lathe and is ignored: ${why}` });
  }

  error(pointer: string, message: string): void {
    this.problems.push({ severity: 'error', pointer, message });
  }

  /** The entries of a mapping; anything else is an error at `pointer`. */
  entries(value: unknown, pointer: string, what: string): [string, unknown][] {
    if (value === undefined) return [];
    if (!isRecord(value)) {
      this.error(pointer, `\`${dotted(pointer)}\` must be a mapping of ${what}`);
      return [];
    }
    return Object.entries(value);
  }

  /** Warns about each key of `value` not in `known`. */
  rest(value: Record<string, unknown>, known: readonly string[], pointer: string, why: string): void {
    for (const k of Object.keys(value)) if (!known.includes(k)) this.unsupported(joinPointer(pointer, k), why);
  }
}

/** Maps a Stainless config to lathe's shape. Never throws; problems are returned. */
export function fromStainless(raw: Record<string, unknown>, latheKeys: readonly string[]): StainlessMapping {
  const m = new Mapper();
  const known = ['organization', 'targets', 'client_settings', 'pagination', 'settings', 'environments', 'resources', 'readme', LATHE_EXTENSION];
  for (const k of Object.keys(raw)) {
    if (known.includes(k)) continue;
    if (latheKeys.includes(k)) m.error(joinPointer('#', k), `\`${k}\` is a lathe config key: in a stainless.yml, put it under \`${LATHE_EXTENSION}\``);
    else m.unsupported(joinPointer('#', k), 'lathe has no such setting');
  }
  readNames(raw, m);
  // Stainless SDKs send whatever credentials the client has (never all of an operation's
  // requirement object or nothing): `x-lathe.authMode: all` restores lathe's strict check.
  m.set(['authMode'], 'any', '#');
  readOpts(raw.client_settings, m);
  if (raw.pagination !== undefined) readPagination(raw.pagination, m);
  readSettings(raw.settings, m);
  readEnvironments(raw.environments, m);
  if (raw.readme !== undefined) {
    for (const [k, v] of m.entries(raw.readme, '#/readme', 'README settings'))
      if (k === 'example_requests') readExampleRequests(v, m);
      else m.unsupported(joinPointer('#/readme', k), 'lathe reads only `readme.example_requests.default`');
  }
  if (raw.resources !== undefined) m.set(['resources'], readResources(raw.resources, '#/resources', m), '#/resources');
  if (raw[LATHE_EXTENSION] !== undefined) mergeExtension(raw[LATHE_EXTENSION], m);
  return { config: m.config, origins: m.origins, problems: m.problems };
}

/** `organization.name` names the client (`cloudflare` → `Cloudflare`); the TypeScript target's `package_name` the package. */
function readNames(raw: Record<string, unknown>, m: Mapper): void {
  const org = raw.organization;
  if (isRecord(org)) {
    m.rest(org, ['name'], '#/organization', 'lathe reads only `organization.name` (the client class name)');
    if (typeof org.name === 'string') m.set(['client', 'name'], pascalCase(org.name), '#/organization/name');
    else if (org.name !== undefined) m.set(['client', 'name'], org.name, '#/organization/name');
  } else if (org !== undefined) m.error('#/organization', '`organization` must be a mapping with `name`');
  for (const [target, settings] of m.entries(raw.targets, '#/targets', 'SDK targets')) {
    const at = joinPointer('#/targets', target);
    if (target !== 'typescript') {
      m.unsupported(at, 'lathe generates the TypeScript SDK only');
      continue;
    }
    if (!isRecord(settings)) {
      if (settings !== null) m.error(at, '`targets.typescript` must be a mapping with `package_name`');
      continue;
    }
    m.rest(settings, ['package_name'], at, 'lathe reads only `package_name` of the TypeScript target');
    if (settings.package_name !== undefined) m.set(['package', 'name'], settings.package_name, joinPointer(at, 'package_name'));
  }
}

/**
 * Client options that carry a credential (`auth.security_scheme`) become lathe's `auth` entries:
 * the option is the camel-cased opt name, `read_env` its env var.
 */
function readOpts(value: unknown, m: Mapper): void {
  if (value === undefined) return;
  if (!isRecord(value)) return m.error('#/client_settings', '`client_settings` must be a mapping with `opts`');
  m.rest(value, ['opts'], '#/client_settings', 'lathe reads only `client_settings.opts`');
  for (const [name, opt] of m.entries(value.opts, '#/client_settings/opts', 'client options')) {
    const at = joinPointer('#/client_settings/opts', name);
    if (!isRecord(opt)) {
      m.error(at, `client option '${name}' must be a mapping (type, read_env, auth, ...)`);
      continue;
    }
    const auth = opt.auth;
    if (auth === undefined) {
      m.unsupported(at, 'lathe generates client options for credentials (`auth.security_scheme`) only');
      continue;
    }
    if (!isRecord(auth) || typeof auth.security_scheme !== 'string') {
      m.error(joinPointer(at, 'auth'), '`auth` must be a mapping with `security_scheme` naming a security scheme of the spec');
      continue;
    }
    m.rest(auth, ['security_scheme'], joinPointer(at, 'auth'), 'lathe reads only `auth.security_scheme`');
    m.rest(opt, ['type', 'nullable', 'description', 'example', 'read_env', 'auth'], at, 'lathe has no such option setting');
    if (opt.type !== undefined && opt.type !== 'string') m.error(joinPointer(at, 'type'), "a credential option's `type` must be 'string'");
    if (opt.nullable !== undefined && typeof opt.nullable !== 'boolean') m.error(joinPointer(at, 'nullable'), '`nullable` must be true or false');
    if (opt.nullable === false)
      m.unsupported(joinPointer(at, 'nullable'), 'credential options are always optional in lathe (a missing one fails the call that needs it)');
    const scheme = ['auth', auth.security_scheme];
    if (m.origins.has(joinPointer('#', ...scheme))) {
      m.error(joinPointer(at, 'auth', 'security_scheme'), `another client option already carries security scheme '${auth.security_scheme}'`);
      continue;
    }
    m.set(scheme, record(), joinPointer(at, 'auth', 'security_scheme'));
    m.set([...scheme, 'option'], camelCase(name), at);
    const fields = [['read_env', 'env'], ['example', 'example'], ['description', 'description']] as const;
    for (const [from, to] of fields) if (opt[from] !== undefined) m.set([...scheme, to], opt[from], joinPointer(at, from));
  }
}

/**
 * A Stainless scheme describes its request and response fields as schemas; lathe needs two names
 * of them: the page-number query parameter and the envelope field describing the page. The rest
 * (page size, the items field) lathe reads from the spec.
 */
function readPagination(value: unknown, m: Mapper): void {
  if (!Array.isArray(value)) return m.set(['pagination'], value, '#/pagination');
  const schemes = value.map((raw, i) => {
    const at = joinPointer('#/pagination', i);
    if (!isRecord(raw)) return raw;
    m.rest(raw, ['name', 'type', 'request', 'response'], at, 'lathe has no such pagination setting');
    const lathe = joinPointer('#/pagination', i);
    m.origins.set(lathe, at);
    const request = isRecord(raw.request) ? raw.request : undefined;
    const response = isRecord(raw.response) ? raw.response : undefined;
    const page = request ? (Object.keys(request).find((k) => purpose(request[k]) === 'page_number_param') ?? (('page' in request) ? 'page' : undefined)) : undefined;
    const info = response ? Object.keys(response).find((k) => isRecord(response[k]) && response[k].type === 'object') : undefined;
    if (page) m.origins.set(joinPointer(lathe, 'request', 'page'), joinPointer(at, 'request', page));
    if (info) m.origins.set(joinPointer(lathe, 'response', 'info'), joinPointer(at, 'response', info));
    return {
      ...(raw.name !== undefined ? { name: raw.name } : {}),
      ...(raw.type !== undefined ? { type: raw.type } : {}),
      request: page ? { page } : {},
      response: info ? { info } : {},
    };
  });
  m.set(['pagination'], schemes, '#/pagination');
}

function purpose(schema: unknown): unknown {
  const p = isRecord(schema) ? schema['x-stainless-pagination-property'] : undefined;
  return isRecord(p) ? p.purpose : undefined;
}

/** `unwrap_response_fields: [result]`: methods return that field of the response (lathe's `envelope.result`). */
function readSettings(value: unknown, m: Mapper): void {
  if (value === undefined) return;
  if (!isRecord(value)) return m.error('#/settings', '`settings` must be a mapping');
  m.rest(value, ['unwrap_response_fields'], '#/settings', 'lathe reads only `settings.unwrap_response_fields`');
  const fields = value.unwrap_response_fields;
  if (fields === undefined) return;
  const at = '#/settings/unwrap_response_fields';
  if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string'))
    return m.error(at, '`unwrap_response_fields` must be a list of response field names');
  if (fields.length) m.set(['envelope', 'result'], fields[0], joinPointer(at, 0));
  for (let i = 1; i < fields.length; i++) m.unsupported(joinPointer(at, i), 'lathe unwraps one response field');
}

/** `readme.example_requests.default` is the call the package README shows; the other examples lathe does not write. */
function readExampleRequests(value: unknown, m: Mapper): void {
  const at = '#/readme/example_requests';
  for (const [k, v] of m.entries(value, at, 'example names to requests')) {
    const here = joinPointer(at, k);
    if (k !== 'default') {
      m.unsupported(here, "lathe's README shows one example call (`default`)");
      continue;
    }
    if (!isRecord(v)) return m.error(here, 'an example request must be a mapping with `type: request`, `endpoint` and `params`');
    m.rest(v, ['type', 'endpoint', 'params'], here, 'lathe reads `endpoint` and `params` of an example request');
    if (v.type !== undefined && v.type !== 'request') m.unsupported(joinPointer(here, 'type'), "lathe's README example is a request");
    m.set(['docs', 'readmeExample'], { endpoint: v.endpoint, ...(v.params !== undefined ? { params: v.params } : {}) }, here);
  }
}

/** One environment is the client's base URL; more become `client.environments` (the client's `environment` option). */
function readEnvironments(value: unknown, m: Mapper): void {
  const entries = m.entries(value, '#/environments', 'environment names to base URLs');
  if (entries.length === 1) return m.set(['client', 'baseURL'], entries[0]![1], joinPointer('#/environments', entries[0]![0]));
  for (const [name, url] of entries) m.set(['client', 'environments', name], url, joinPointer('#/environments', name));
}

/** Stainless's resource tree is lathe's, but a method may be an object: its `endpoint` is read. */
function readResources(value: unknown, pointer: string, m: Mapper): unknown {
  if (!isRecord(value)) return value;
  const out = record();
  for (const [name, res] of Object.entries(value)) {
    const at = joinPointer(pointer, name);
    if (!isRecord(res)) {
      out[name] = res;
      continue;
    }
    m.rest(res, ['methods', 'models', 'subresources'], at, 'lathe reads methods, models and subresources of a resource');
    const mapped: Record<string, unknown> = {};
    if (res.models !== undefined) mapped.models = res.models;
    if (res.methods !== undefined) mapped.methods = readMethods(res.methods, joinPointer(at, 'methods'), m);
    if (res.subresources !== undefined) mapped.subresources = readResources(res.subresources, joinPointer(at, 'subresources'), m);
    out[name] = mapped;
  }
  return out;
}

function readMethods(value: unknown, pointer: string, m: Mapper): unknown {
  if (!isRecord(value)) return value;
  const out = record();
  for (const [name, method] of Object.entries(value)) {
    const at = joinPointer(pointer, name);
    if (!isRecord(method)) {
      out[name] = method;
      continue;
    }
    if (method.type !== undefined && method.type !== 'http') {
      m.unsupported(at, `lathe generates HTTP methods only, not type '${String(method.type)}'`);
      continue;
    }
    m.rest(method, ['type', 'endpoint', 'positional_params', 'paginated'], at, 'lathe reads `endpoint`, `paginated` and `positional_params` of a method');
    const positional = readPositional(method.positional_params, joinPointer(at, 'positional_params'), m);
    // lathe's tree has Stainless's shape: only the key's name differs.
    if (positional !== undefined) m.origins.set(joinPointer(at, 'positional'), joinPointer(at, 'positional_params'));
    if (method.endpoint === undefined) out[name] = method;
    else if (method.paginated === undefined && positional === undefined) out[name] = method.endpoint;
    else
      out[name] = {
        endpoint: method.endpoint,
        ...(method.paginated !== undefined ? { paginated: method.paginated } : {}),
        ...(positional !== undefined ? { positional } : {}),
      };
  }
  return out;
}

/**
 * A method's `positional_params` becomes its `positional`. lathe's methods take at most one
 * positional argument: of a longer list the last stays positional, with a warning.
 */
function readPositional(params: unknown, pointer: string, m: Mapper): string[] | undefined {
  if (params === undefined) return undefined;
  if (!Array.isArray(params) || !params.every((p) => typeof p === 'string')) {
    m.error(pointer, '`positional_params` must be a list of parameter names');
    return undefined;
  }
  if (params.length <= 1) return params;
  const last = params[params.length - 1]!;
  m.unsupported(pointer, `lathe methods take one positional argument: '${last}' is positional, the others go in the params object`);
  return [last];
}

/** `x-lathe` is lathe's own config shape; its values are merged over the mapped ones. */
function mergeExtension(value: unknown, m: Mapper): void {
  if (!isRecord(value)) return m.error(joinPointer('#', LATHE_EXTENSION), `\`${LATHE_EXTENSION}\` must be a mapping of lathe config keys`);
  const merge = (path: string[], v: unknown) => {
    const existing = path.reduce<unknown>((node, k) => (isRecord(node) ? node[k] : undefined), m.config);
    if (isRecord(v) && isRecord(existing)) {
      for (const [k, inner] of Object.entries(v)) merge([...path, k], inner);
    } else m.set(path, v, joinPointer('#', LATHE_EXTENSION, ...path));
  };
  for (const [k, v] of Object.entries(value)) merge([k], v);
}

/** `#/client_settings/opts/api_token` as the user reads it: `client_settings.opts.api_token`. */
function dotted(pointer: string): string {
  return pointer.split('/').slice(1).map(unescapePointerToken).join('.');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

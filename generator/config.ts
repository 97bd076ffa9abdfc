/**
 * lathe.config.yaml: what a spec does not say about the SDK (package and client names, auth
 * options, the resource tree, the envelope). Parsed with positions so a mistake is reported as
 * `lathe.config.yaml:12:3: error: ...` like a spec mistake.
 */
import type { Document, LineCounter, Node } from 'yaml';
import { semver, validatePackageName, yaml } from './on-first-use.js';
import { hasErrors, joinPointer, type Diagnostic, type Severity } from './diagnostics.js';
import { fromStainless, isStainlessConfig, originOf, renameKey } from './config/stainless.js';

export interface AuthOptionConfig {
  /** Client constructor option that holds the credential (`apiKey`). */
  readonly option?: string;
  /** Environment variable read when the option is not given. */
  readonly env?: string;
  /** Human name of the scheme in docs (`API Key`). */
  readonly title?: string;
  /** Example credential shown in docs. */
  readonly example?: string;
  /** Overrides the security scheme's description in docs and JSDoc. */
  readonly description?: string;
  /** Operations this scheme may also be sent for, though their `security` does not list it. */
  readonly alsoFor?: AlsoFor;
}

/**
 * Operations a scheme is added to as one more alternative: those carrying the `extension` (a
 * non-empty value), and those whose operationId or `VERB /path` matches one of the `operations`
 * globs (`*` matches any run of characters).
 */
export interface AlsoFor {
  readonly extension?: string;
  readonly operations?: readonly string[];
}

export interface MethodConfig {
  /** `verb /path`, as in the spec. */
  readonly endpoint: string;
  /** `false`: not paged though the result is a list; a `pagination` scheme's name: paged by that scheme. */
  readonly paginated?: false | string;
  /**
   * The path parameter that is the method's positional argument (`[]`: none), instead of the last
   * one not in `positional.exclude`; Stainless's `positional_params`.
   */
  readonly positional?: readonly string[];
}

export interface ResourceConfig {
  readonly models: Readonly<Record<string, string>>;
  readonly methods: Readonly<Record<string, MethodConfig>>;
  readonly subresources: Readonly<Record<string, ResourceConfig>>;
}

/**
 * A paged-list scheme, in the shape of Stainless's `pagination` entries (`name`, `type`, `request`,
 * `response`), keyed by role: an operation is paged this way when its envelope has the `response.info`
 * field and it takes the `request.page` query parameter.
 */
export interface PaginationScheme {
  readonly name: string;
  readonly type: 'page_number';
  /** The query parameter holding the page number. */
  readonly request: { readonly page: string };
  /** The envelope field describing the page (page, per_page, total_pages, count). */
  readonly response: { readonly info: string };
}

export interface LatheConfig {
  /** Paths as written in the config, relative to `dir`. */
  readonly spec?: string;
  readonly output?: string;
  /** Folder the config file is in (relative paths in it are relative to this). */
  readonly dir: string;
  readonly file?: string;
  /** As the user should read the file's path (relative to the working directory). */
  readonly displayFile?: string;
  /** The config's text, kept so later stages can point at a line in it. */
  readonly text?: string;
  /** Read from a Stainless config: where each lathe key came from in it (config/stainless.ts). */
  readonly origins?: ReadonlyMap<string, string>;
  readonly package: { readonly name?: string; readonly version?: string; readonly description?: string };
  readonly client: {
    readonly name?: string;
    readonly baseURLEnv?: string;
    readonly baseURL?: string;
    /** Headers every request carries (e.g. an API version); the client's `defaultHeaders` option overrides them. */
    readonly defaultHeaders?: Readonly<Record<string, string>>;
    /** Named base URLs, the first the default: the client's `environment` option picks one. */
    readonly environments?: Readonly<Record<string, string>>;
  };
  readonly envelope?: { readonly result?: string; readonly success?: string; readonly errors?: string };
  readonly positional: { readonly exclude: readonly string[] };
  readonly auth: Readonly<Record<string, AuthOptionConfig>>;
  /** Undefined: infer the resource tree from the spec. */
  readonly resources?: Readonly<Record<string, ResourceConfig>>;
  /** Folders (relative to the config) that `$ref`s may reach besides the spec's own folder tree. */
  readonly refRoots: readonly string[];
  /** Paged lists; an array result no scheme matches is a single page. */
  readonly pagination: readonly PaginationScheme[];
  /**
   * `permissionsExtension`: the operation extension listing the permissions that may call it;
   * `html`: also write the HTML reference into `site/` of the output.
   */
  readonly docs: {
    readonly permissionsExtension?: string;
    readonly html?: boolean;
    /** The call the package README shows (default: the first method's, with its required params). */
    readonly readmeExample?: { readonly endpoint: string; readonly params?: Readonly<Record<string, unknown>> };
  };
  /** `false`: no `src/openapi.ts` (openapi-fetch wire types). Default true. */
  readonly wireTypes?: boolean;
  /** Operations a `resources` tree leaves out: one warning (default), an error, or nothing. */
  readonly leftOutOperations?: LeftOutOperations;
  /** `strict`: path params are checked against their `pattern`, `minLength` and `maxLength` too. */
  readonly validation?: Validation;
  /**
   * `any`: an operation's security requirement is met by any of its schemes that the client has
   * (those are sent); `all` (default): by all of them. A stainless.yml defaults to `any`.
   */
  readonly authMode?: AuthMode;
}

export const AUTH_MODES = ['all', 'any'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

export const VALIDATION = ['lenient', 'strict'] as const;
export type Validation = (typeof VALIDATION)[number];

export const LEFT_OUT_OPERATIONS = ['warning', 'error', 'ignore'] as const;
export type LeftOutOperations = (typeof LEFT_OUT_OPERATIONS)[number];

export function emptyConfig(dir: string): LatheConfig {
  return { dir, package: {}, client: {}, positional: { exclude: [] }, auth: {}, refRoots: [], pagination: [], docs: {} };
}

interface Reader {
  readonly diagnostics: Diagnostic[];
  error(pointer: string, message: string): void;
}

/**
 * A checked config. With errors there is no `config`, but `partial` (when the text is a mapping)
 * holds what the well-formed keys say, so the checks against the spec can still run in the same
 * run (see config-spec.ts): the user learns of every problem at once.
 */
export interface ConfigResult {
  readonly config?: LatheConfig;
  readonly partial?: LatheConfig;
  readonly diagnostics: Diagnostic[];
}

/**
 * Parses and checks a config file's text: lathe's own, or a Stainless config (config/stainless.ts),
 * mapped to lathe's shape first. Problems are returned, never thrown; warnings come with a config.
 */
export function parseConfig(
  text: string,
  file: string,
  displayFile: string,
  dir: string,
): ConfigResult {
  const lineCounter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  const at = (pointer: string, message: string, severity: Severity = 'error', offset = offsetOf(doc, pointer)) => {
    const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
    diagnostics.push({
      severity,
      message,
      loc: { file, pointer },
      displayFile,
      ...(pos ? { line: pos.line, column: pos.col } : {}),
    });
  };
  for (const e of doc.errors) at('#', e.message.split('\n')[0] ?? e.message, 'error', e.pos[0]);
  if (diagnostics.length) return { diagnostics };
  const raw: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  if (!isRecord(raw)) {
    at('#', 'the config must be a mapping');
    return { diagnostics };
  }
  const mapped = mapStainless(raw, file, (p) => at(p.pointer, p.message, p.severity));
  const reader: Reader = { diagnostics, error: (pointer, message) => at(...mapped.place(pointer, message)) };
  const config = { ...readConfig(mapped.raw, dir, file, reader), displayFile, text, ...mapped.origins };
  return hasErrors(diagnostics) ? { diagnostics, partial: config } : { config, diagnostics };
}

/** A Stainless config in lathe's shape, and how to place the checker's findings back in it. */
function mapStainless(
  raw: Record<string, unknown>,
  file: string,
  report: (p: { pointer: string; message: string; severity: Severity }) => void,
): { raw: Record<string, unknown>; origins: { origins?: ReadonlyMap<string, string> }; place: (pointer: string, message: string) => [string, string] } {
  if (!isStainlessConfig(file, raw, TOP_KEYS)) return { raw, origins: {}, place: (pointer, message) => [pointer, message] };
  const { config, origins, problems } = fromStainless(raw, TOP_KEYS);
  for (const p of problems) report(p);
  return {
    raw: config,
    origins: { origins },
    place: (pointer, message) => {
      const origin = originOf(origins, pointer);
      return [origin, renameKey(message, pointer, origin)];
    },
  };
}

/** A config given as data (the programmatic API). Problems are reported with pointers only. */
export function configFromObject(raw: unknown, dir: string, file = '<config>'): ConfigResult {
  const diagnostics: Diagnostic[] = [];
  const at = (pointer: string, message: string, severity: Severity = 'error') =>
    diagnostics.push({ severity, message, loc: { file, pointer }, displayFile: file });
  if (!isRecord(raw)) {
    at('#', 'the config must be an object');
    return { diagnostics };
  }
  const mapped = mapStainless(raw, file, (p) => at(p.pointer, p.message, p.severity));
  const reader: Reader = { diagnostics, error: (pointer, message) => at(...mapped.place(pointer, message)) };
  const config = { ...readConfig(mapped.raw, dir, file, reader), ...mapped.origins };
  return hasErrors(diagnostics) ? { diagnostics, partial: config } : { config, diagnostics };
}

/** Fills in file:line:col for a diagnostic about the config (found by a later stage). */
export function placeInConfig(config: LatheConfig, d: Diagnostic): Diagnostic {
  if (!d.loc || d.loc.file !== config.file || d.line || config.text === undefined) return d;
  const lineCounter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(config.text, { lineCounter });
  const pointer = config.origins ? originOf(config.origins, d.loc.pointer) : d.loc.pointer;
  const offset = offsetOf(doc, pointer);
  const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
  const moved = pointer === d.loc.pointer ? {} : { loc: { ...d.loc, pointer }, message: renameKey(d.message, d.loc.pointer, pointer) };
  return { ...d, ...moved, ...(config.displayFile ? { displayFile: config.displayFile } : {}), ...(pos ? { line: pos.line, column: pos.col } : {}) };
}

const TOP_KEYS = ['spec', 'output', 'package', 'client', 'envelope', 'positional', 'auth', 'resources', 'refRoots', 'pagination', 'docs', 'wireTypes', 'leftOutOperations', 'validation', 'authMode'];

function readConfig(raw: Record<string, unknown>, dir: string, file: string, r: Reader): LatheConfig {
  unknownKeys(raw, TOP_KEYS, '#', r);
  const paths = strings(raw, ['spec', 'output'], '#', r, false);
  const pkg = strings(raw.package, ['name', 'version', 'description'], '#/package', r);
  checkPackage(pkg, r);
  const client = {
    ...strings(raw.client, ['name', 'baseURLEnv', 'baseURL'], '#/client', r, false),
    ...readHeaders(raw.client, r),
    ...readEnvironments(raw.client, r),
  };
  if (isRecord(raw.client)) unknownKeys(raw.client, ['name', 'baseURLEnv', 'baseURL', 'defaultHeaders', 'environments'], '#/client', r);
  const envelope = raw.envelope === undefined ? undefined : strings(raw.envelope, ['result', 'success', 'errors'], '#/envelope', r);
  // Records keyed by user-given names have no prototype: a `__proto__` key is a key like any other.
  const auth: Record<string, AuthOptionConfig> = Object.create(null) as Record<string, AuthOptionConfig>;
  if (raw.auth !== undefined) {
    if (!isRecord(raw.auth)) r.error('#/auth', '`auth` must map security scheme names to options');
    else
      for (const [scheme, value] of Object.entries(raw.auth)) {
        const at = joinPointer('#/auth', scheme);
        const { alsoFor, ...rest } = isRecord(value) ? value : {};
        auth[scheme] = { ...strings(isRecord(value) ? rest : value, ['option', 'env', 'title', 'example', 'description'], at, r), ...readAlsoFor(alsoFor, joinPointer(at, 'alsoFor'), r) };
      }
  }
  let exclude: string[] = [];
  if (raw.positional !== undefined) {
    const p = raw.positional;
    if (!isRecord(p) || (p.exclude !== undefined && !isStringArray(p.exclude)))
      r.error('#/positional', '`positional.exclude` must be a list of path parameter names');
    else {
      unknownKeys(p, ['exclude'], '#/positional', r);
      exclude = (p.exclude as string[] | undefined) ?? [];
    }
  }
  const leftOut = raw.leftOutOperations;
  if (leftOut !== undefined && !LEFT_OUT_OPERATIONS.includes(leftOut as LeftOutOperations))
    r.error('#/leftOutOperations', `\`leftOutOperations\` must be one of: ${LEFT_OUT_OPERATIONS.join(', ')}`);
  if (raw.validation !== undefined && !VALIDATION.includes(raw.validation as Validation))
    r.error('#/validation', `\`validation\` must be one of: ${VALIDATION.join(', ')}`);
  if (raw.authMode !== undefined && !AUTH_MODES.includes(raw.authMode as AuthMode))
    r.error('#/authMode', `\`authMode\` must be one of: ${AUTH_MODES.join(', ')}`);
  const resources = raw.resources === undefined ? undefined : readResources(raw.resources, '#/resources', r);
  if (raw.refRoots !== undefined && !isStringArray(raw.refRoots)) r.error('#/refRoots', '`refRoots` must be a list of folders');
  const refRoots = isStringArray(raw.refRoots) ? raw.refRoots : [];
  if (raw.wireTypes !== undefined && typeof raw.wireTypes !== 'boolean') r.error('#/wireTypes', '`wireTypes` must be true or false');
  return {
    dir,
    file,
    ...(paths.spec !== undefined ? { spec: paths.spec } : {}),
    ...(paths.output !== undefined ? { output: paths.output } : {}),
    package: pkg,
    client,
    ...(envelope ? { envelope } : {}),
    positional: { exclude },
    auth,
    ...(resources ? { resources } : {}),
    refRoots,
    pagination: readPagination(raw.pagination, r),
    docs: readDocs(raw.docs, r),
    ...(raw.wireTypes === false ? { wireTypes: false } : {}),
    ...(typeof leftOut === 'string' && LEFT_OUT_OPERATIONS.includes(leftOut as LeftOutOperations) ? { leftOutOperations: leftOut as LeftOutOperations } : {}),
    ...(raw.validation === 'strict' ? { validation: 'strict' as const } : {}),
    ...(raw.authMode === 'any' ? { authMode: 'any' as const } : {}),
  };
}

/**
 * lathe's runtime pages with `page` and `result_info` (templates/core/pagination.ts): a scheme
 * naming others would be detected but then paged wrong, so it is refused until the runtime
 * takes the names from the scheme.
 */
const RUNTIME_PAGE_NUMBER = { page: 'page', info: 'result_info' };

function readPagination(value: unknown, r: Reader): PaginationScheme[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    r.error('#/pagination', '`pagination` must be a list of schemes ({ name, type, request, response })');
    return [];
  }
  return value.flatMap((raw, i): PaginationScheme[] => {
    const at = joinPointer('#/pagination', String(i));
    if (!isRecord(raw)) {
      r.error(at, 'a pagination scheme must be a mapping with name, type, request and response');
      return [];
    }
    unknownKeys(raw, ['name', 'type', 'request', 'response'], at, r);
    const { name, type } = strings({ name: raw.name, type: raw.type }, ['name', 'type'], at, r);
    const request = strings(raw.request, ['page'], joinPointer(at, 'request'), r);
    const response = strings(raw.response, ['info'], joinPointer(at, 'response'), r);
    if (type !== 'page_number') r.error(joinPointer(at, 'type'), "`type` must be 'page_number' (the only paged scheme lathe's runtime has)");
    if (request.page === undefined) r.error(joinPointer(at, 'request'), '`request.page` must name the query parameter holding the page number');
    else if (request.page !== RUNTIME_PAGE_NUMBER.page)
      r.error(joinPointer(at, 'request', 'page'), `lathe's runtime pages with the query parameter '${RUNTIME_PAGE_NUMBER.page}' only`);
    if (response.info === undefined) r.error(joinPointer(at, 'response'), '`response.info` must name the envelope field describing the page');
    else if (response.info !== RUNTIME_PAGE_NUMBER.info)
      r.error(joinPointer(at, 'response', 'info'), `lathe's runtime reads the page info from '${RUNTIME_PAGE_NUMBER.info}' only`);
    if (type !== 'page_number' || request.page === undefined || response.info === undefined) return [];
    return [{ name: name ?? `pagination_${i}`, type, request: { page: request.page }, response: { info: response.info } }];
  });
}

/** RFC 9110 token characters: what a header name may hold. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function readHeaders(client: unknown, r: Reader): { defaultHeaders?: Record<string, string> } {
  const value = isRecord(client) ? client.defaultHeaders : undefined;
  if (value === undefined) return {};
  if (!isRecord(value)) {
    r.error('#/client/defaultHeaders', '`defaultHeaders` must map header names to values');
    return {};
  }
  const headers = strings(value, Object.keys(value), '#/client/defaultHeaders', r);
  for (const name of Object.keys(headers))
    if (!HEADER_NAME.test(name)) r.error(joinPointer('#/client/defaultHeaders', name), `'${name}' is not a valid header name`);
  for (const [name, v] of Object.entries(headers))
    if (/[\0\r\n]/.test(v!)) r.error(joinPointer('#/client/defaultHeaders', name), 'a header value must not hold CR, LF or NUL');
  return { defaultHeaders: headers as Record<string, string> };
}

function readEnvironments(client: unknown, r: Reader): { environments?: Record<string, string> } {
  const value = isRecord(client) ? client.environments : undefined;
  if (value === undefined) return {};
  const at = '#/client/environments';
  if (!isRecord(value) || !Object.keys(value).length) {
    r.error(at, '`environments` must map environment names to base URLs');
    return {};
  }
  if (isRecord(client) && client.baseURL !== undefined)
    r.error('#/client/baseURL', 'set `baseURL` or `environments`, not both: the first environment is the default base URL');
  for (const name of Object.keys(value))
    if (!/^[A-Za-z_$][\w$-]*$/.test(name) || name === '__proto__') r.error(joinPointer(at, name), `'${name}' is not usable as an environment name (letters, digits, _ and -)`);
  const urls = strings(value, Object.keys(value), at, r);
  for (const [name, url] of Object.entries(urls))
    if (url !== undefined && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) r.error(joinPointer(at, name), `'${url}' is not an absolute URL`);
  const environments: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, url] of Object.entries(urls)) if (url !== undefined) environments[name] = url;
  return { environments };
}

function readAlsoFor(value: unknown, at: string, r: Reader): { alsoFor?: AlsoFor } {
  if (value === undefined) return {};
  if (!isRecord(value)) {
    r.error(at, '`alsoFor` must be a mapping with `extension` and/or `operations`');
    return {};
  }
  const { operations, ...rest } = value;
  const { extension } = strings(rest, ['extension'], at, r);
  if (extension !== undefined && !extension.startsWith('x-')) r.error(joinPointer(at, 'extension'), '`extension` must name a specification extension (`x-...`)');
  if (operations !== undefined && !isStringArray(operations))
    r.error(joinPointer(at, 'operations'), '`operations` must be a list of operationIds or `VERB /path` globs');
  const globs = isStringArray(operations) ? operations : undefined;
  if (extension === undefined && globs === undefined) return {};
  return { alsoFor: { ...(extension !== undefined ? { extension } : {}), ...(globs ? { operations: globs } : {}) } };
}

function readDocs(value: unknown, r: Reader): LatheConfig['docs'] {
  if (value !== undefined && !isRecord(value)) {
    r.error('#/docs', '`docs` must be a mapping, e.g. `docs: { html: true }`');
    return {};
  }
  const given = (value ?? {}) as Record<string, unknown>;
  unknownKeys(given, ['permissionsExtension', 'html', 'readmeExample'], '#/docs', r);
  const { html, readmeExample, ...rest } = given;
  const docs = strings(rest, ['permissionsExtension'], '#/docs', r, false);
  if (docs.permissionsExtension !== undefined && !docs.permissionsExtension.startsWith('x-'))
    r.error('#/docs/permissionsExtension', '`permissionsExtension` must name a specification extension (`x-...`)');
  if (html !== undefined && typeof html !== 'boolean') r.error('#/docs/html', '`docs.html` must be true or false');
  return { ...docs, ...(typeof html === 'boolean' ? { html } : {}), ...readReadmeExample(readmeExample, r) };
}

function readReadmeExample(value: unknown, r: Reader): { readmeExample?: NonNullable<LatheConfig['docs']['readmeExample']> } {
  if (value === undefined) return {};
  const at = '#/docs/readmeExample';
  if (!isRecord(value)) {
    r.error(at, '`readmeExample` must be a mapping with `endpoint` ("<verb> <path>") and optional `params`');
    return {};
  }
  const { params, ...rest } = value;
  const { endpoint } = strings(rest, ['endpoint'], at, r);
  if (endpoint === undefined) r.error(at, '`readmeExample` needs an `endpoint` ("<verb> <path>")');
  else if (!/^(get|put|post|delete|options|head|patch|trace) \//i.test(endpoint.trim()))
    r.error(joinPointer(at, 'endpoint'), '`endpoint` must be "<verb> <path>", e.g. "post /accounts/{account_id}/things"');
  if (params !== undefined && !isRecord(params)) r.error(joinPointer(at, 'params'), '`params` must be a mapping of parameter names to values');
  if (endpoint === undefined) return {};
  return { readmeExample: { endpoint: endpoint.trim(), ...(isRecord(params) ? { params } : {}) } };
}

/** The generated package's name and version, held to npm's own rules so `npm publish` accepts them. */
function checkPackage(pkg: { name?: string; version?: string }, r: Reader): void {
  if (pkg.name !== undefined) {
    const v = validatePackageName()(pkg.name);
    if (!v.validForNewPackages) r.error('#/package/name', `'${pkg.name}' is not a valid npm package name: ${[...(v.errors ?? []), ...(v.warnings ?? [])].join('; ')}`);
  }
  if (pkg.version !== undefined && semver().valid(pkg.version) !== pkg.version)
    r.error('#/package/version', `'${pkg.version}' is not a semantic version as npm reads it (e.g. 1.0.0)`);
}

function readResources(value: unknown, pointer: string, r: Reader): Record<string, ResourceConfig> {
  const out: Record<string, ResourceConfig> = Object.create(null) as Record<string, ResourceConfig>;
  if (!isRecord(value)) {
    r.error(pointer, 'resources must be a mapping of resource names');
    return out;
  }
  for (const [name, res] of Object.entries(value)) {
    const at = joinPointer(pointer, name);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) r.error(at, `resource name '${name}' must be snake_case letters, digits and _`);
    if (!isRecord(res)) {
      r.error(at, `resource '${name}' must be a mapping with methods, models or subresources`);
      continue;
    }
    unknownKeys(res, ['methods', 'models', 'subresources'], at, r);
    for (const k of ['methods', 'models'] as const)
      if (res[k] !== undefined && !isRecord(res[k])) r.error(joinPointer(at, k), `\`${k}\` must be a mapping of names`);
    const methods: Record<string, MethodConfig> = Object.create(null) as Record<string, MethodConfig>;
    for (const [m, endpoint] of Object.entries(isRecord(res.methods) ? res.methods : {})) {
      const e = typeof endpoint === 'string' ? endpoint : isRecord(endpoint) ? endpoint.endpoint : undefined;
      const paginated = isRecord(endpoint) ? endpoint.paginated : undefined;
      const positional = isRecord(endpoint) ? endpoint.positional : undefined;
      if (isRecord(endpoint)) unknownKeys(endpoint, ['endpoint', 'paginated', 'positional'], joinPointer(at, 'methods', m), r);
      if (paginated !== undefined && paginated !== false && (typeof paginated !== 'string' || paginated === ''))
        r.error(joinPointer(at, 'methods', m, 'paginated'), '`paginated` must be `false` or the name of a `pagination` scheme');
      const positionalOk = positional === undefined || (isStringArray(positional) && positional.length <= 1);
      if (!positionalOk) r.error(joinPointer(at, 'methods', m, 'positional'), '`positional` must be a list of at most one path parameter name (`[]`: none)');
      if (typeof e !== 'string' || !/^(get|put|post|delete|options|head|patch|trace) \//i.test(e.trim()))
        r.error(joinPointer(at, 'methods', m), `method '${m}' must be "<verb> <path>", e.g. "get /accounts/{account_id}"`);
      else
        methods[m] = {
          endpoint: e.trim(),
          ...(paginated === false || typeof paginated === 'string' ? { paginated } : {}),
          ...(positional !== undefined && positionalOk ? { positional: positional as string[] } : {}),
        };
    }
    const models: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [m, ref] of Object.entries(isRecord(res.models) ? res.models : {})) {
      if (typeof ref !== 'string' || !ref.includes('#')) r.error(joinPointer(at, 'models', m), `model '${m}' must be a $ref such as '#/components/schemas/Name'`);
      else models[m] = ref;
    }
    const subresources = res.subresources === undefined ? {} : readResources(res.subresources, joinPointer(at, 'subresources'), r);
    out[name] = { methods, models, subresources };
  }
  return out;
}

/**
 * The string values of `keys` in a mapping. Anything else is an error, numbers too: YAML reads
 * `version: 1.10` as the number 1.1, so turning it back into a string would silently change it.
 */
function strings<K extends string>(value: unknown, keys: readonly K[], pointer: string, r: Reader, closed = true): { [P in K]?: string } {
  const out: { [P in K]?: string } = {};
  if (value === undefined) return out;
  if (!isRecord(value)) {
    r.error(pointer, `expected a mapping with ${keys.join(', ')}`);
    return out;
  }
  if (closed) unknownKeys(value, keys, pointer, r);
  for (const k of keys) {
    const v = value[k];
    if (v === undefined) continue;
    const at = joinPointer(pointer, k);
    if (typeof v === 'string') {
      if (v.trim() === '') r.error(at, `\`${k}\` must not be empty`);
      else out[k] = v;
    } else if (typeof v === 'number' || typeof v === 'boolean')
      r.error(at, `\`${k}\` must be a string, not the ${typeof v} ${String(v)}: put the value in quotes`);
    else r.error(at, v === null ? `\`${k}\` must not be empty` : `\`${k}\` must be a string, not ${v instanceof Array ? 'a list' : 'a mapping'}`);
  }
  return out;
}

function unknownKeys(value: Record<string, unknown>, known: readonly string[], pointer: string, r: Reader): void {
  for (const k of Object.keys(value))
    if (!known.includes(k)) r.error(joinPointer(pointer, k), `unknown key '${k}' (expected one of: ${known.join(', ')})`);
}

/** Where the node at `pointer` is: at its key when it is a mapping entry (a mapping value starts a line below). */
function offsetOf(doc: Document, pointer: string): number | undefined {
  let node: unknown = doc.contents;
  const tokens = pointer.split('/').slice(1);
  for (const [i, raw] of tokens.entries()) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (yaml().isMap(node)) {
      const pair = node.items.find((p) => yaml().isScalar(p.key) && String(p.key.value) === token);
      if (!pair) break;
      node = i === tokens.length - 1 ? pair.key : (pair.value ?? pair.key);
      if (!node) break;
    } else if (yaml().isSeq(node)) node = node.items[Number(token)];
    else break;
  }
  return (node as Node | undefined)?.range?.[0];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

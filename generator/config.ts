/**
 * lathe.config.yaml: what a spec does not say about the SDK (package and client names, auth
 * options, the resource tree, the envelope). Parsed with positions so a mistake is reported as
 * `lathe.config.yaml:12:3: error: ...` like a spec mistake.
 */
import type { Document, LineCounter, Node } from 'yaml';
import { yaml } from './yaml.js';
import { joinPointer, type Diagnostic } from './diagnostics.js';

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
}

export interface MethodConfig {
  /** `verb /path`, as in the spec. */
  readonly endpoint: string;
}

export interface ResourceConfig {
  readonly models: Readonly<Record<string, string>>;
  readonly methods: Readonly<Record<string, MethodConfig>>;
  readonly subresources: Readonly<Record<string, ResourceConfig>>;
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
  readonly package: { readonly name?: string; readonly version?: string; readonly description?: string };
  readonly client: { readonly name?: string; readonly baseURLEnv?: string; readonly baseURL?: string };
  readonly envelope?: { readonly result?: string; readonly success?: string; readonly errors?: string };
  readonly positional: { readonly exclude: readonly string[] };
  readonly auth: Readonly<Record<string, AuthOptionConfig>>;
  /** Undefined: infer the resource tree from the spec. */
  readonly resources?: Readonly<Record<string, ResourceConfig>>;
  /** Folders (relative to the config) that `$ref`s may reach besides the spec's own folder tree. */
  readonly refRoots: readonly string[];
  /** `html`: also write the HTML reference into `site/` of the output. */
  readonly docs?: { readonly html?: boolean };
}

export function emptyConfig(dir: string): LatheConfig {
  return { dir, package: {}, client: {}, positional: { exclude: [] }, auth: {}, refRoots: [] };
}

interface Reader {
  readonly diagnostics: Diagnostic[];
  error(pointer: string, message: string): void;
}

/** Parses and checks a config file's text. Problems are returned, never thrown. */
export function parseConfig(
  text: string,
  file: string,
  displayFile: string,
  dir: string,
): { config?: LatheConfig; diagnostics: Diagnostic[] } {
  const lineCounter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  const at = (pointer: string, offset: number | undefined, message: string) => {
    const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
    diagnostics.push({
      severity: 'error',
      message,
      loc: { file, pointer },
      displayFile,
      ...(pos ? { line: pos.line, column: pos.col } : {}),
    });
  };
  for (const e of doc.errors) at('#', e.pos[0], e.message.split('\n')[0] ?? e.message);
  if (diagnostics.length) return { diagnostics };
  const reader: Reader = {
    diagnostics,
    error: (pointer, message) => at(pointer, offsetOf(doc, pointer), message),
  };
  const raw: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  if (!isRecord(raw)) {
    reader.error('#', 'the config must be a mapping');
    return { diagnostics };
  }
  const config = { ...readConfig(raw, dir, file, reader), displayFile, text };
  return diagnostics.length ? { diagnostics } : { config, diagnostics };
}

/** A config given as data (the programmatic API). Problems are reported with pointers only. */
export function configFromObject(raw: unknown, dir: string, file = '<config>'): { config?: LatheConfig; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const reader: Reader = {
    diagnostics,
    error: (pointer, message) => diagnostics.push({ severity: 'error', message, loc: { file, pointer }, displayFile: file }),
  };
  if (!isRecord(raw)) {
    reader.error('#', 'the config must be an object');
    return { diagnostics };
  }
  const config = readConfig(raw, dir, file, reader);
  return diagnostics.length ? { diagnostics } : { config, diagnostics };
}

/** Fills in file:line:col for a diagnostic about the config (found by a later stage). */
export function placeInConfig(config: LatheConfig, d: Diagnostic): Diagnostic {
  if (!d.loc || d.loc.file !== config.file || d.line || config.text === undefined) return d;
  const lineCounter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(config.text, { lineCounter });
  const offset = offsetOf(doc, d.loc.pointer);
  const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
  return { ...d, ...(config.displayFile ? { displayFile: config.displayFile } : {}), ...(pos ? { line: pos.line, column: pos.col } : {}) };
}

const TOP_KEYS = ['spec', 'output', 'package', 'client', 'envelope', 'positional', 'auth', 'resources', 'refRoots', 'docs'];

function readConfig(raw: Record<string, unknown>, dir: string, file: string, r: Reader): LatheConfig {
  unknownKeys(raw, TOP_KEYS, '#', r);
  const pkg = strings(raw.package, ['name', 'version', 'description'], '#/package', r);
  const client = strings(raw.client, ['name', 'baseURLEnv', 'baseURL'], '#/client', r);
  const envelope = raw.envelope === undefined ? undefined : strings(raw.envelope, ['result', 'success', 'errors'], '#/envelope', r);
  // Records keyed by user-given names have no prototype: a `__proto__` key is a key like any other.
  const auth: Record<string, AuthOptionConfig> = Object.create(null) as Record<string, AuthOptionConfig>;
  if (raw.auth !== undefined) {
    if (!isRecord(raw.auth)) r.error('#/auth', '`auth` must map security scheme names to options');
    else
      for (const [scheme, value] of Object.entries(raw.auth))
        auth[scheme] = strings(value, ['option', 'env', 'title', 'example', 'description'], joinPointer('#/auth', scheme), r);
  }
  let exclude: string[] = [];
  if (raw.positional !== undefined) {
    const p = raw.positional;
    if (!isRecord(p) || (p.exclude !== undefined && !isStringArray(p.exclude)))
      r.error('#/positional', '`positional.exclude` must be a list of path parameter names');
    else exclude = (p.exclude as string[] | undefined) ?? [];
  }
  const resources = raw.resources === undefined ? undefined : readResources(raw.resources, '#/resources', r);
  if (raw.refRoots !== undefined && !isStringArray(raw.refRoots)) r.error('#/refRoots', '`refRoots` must be a list of folders');
  const refRoots = isStringArray(raw.refRoots) ? raw.refRoots : [];
  const docs = readDocs(raw.docs, r);
  return {
    dir,
    file,
    ...(typeof raw.spec === 'string' ? { spec: raw.spec } : {}),
    ...(typeof raw.output === 'string' ? { output: raw.output } : {}),
    package: pkg,
    client,
    ...(envelope ? { envelope } : {}),
    positional: { exclude },
    auth,
    ...(resources ? { resources } : {}),
    refRoots,
    ...(docs ? { docs } : {}),
  };
}

function readDocs(value: unknown, r: Reader): LatheConfig['docs'] {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    r.error('#/docs', '`docs` must be a mapping, e.g. `docs: { html: true }`');
    return undefined;
  }
  unknownKeys(value, ['html'], '#/docs', r);
  if (value.html !== undefined && typeof value.html !== 'boolean') r.error('#/docs/html', '`docs.html` must be true or false');
  return typeof value.html === 'boolean' ? { html: value.html } : {};
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
    const methods: Record<string, MethodConfig> = Object.create(null) as Record<string, MethodConfig>;
    for (const [m, endpoint] of Object.entries(isRecord(res.methods) ? res.methods : {})) {
      const e = typeof endpoint === 'string' ? endpoint : isRecord(endpoint) ? endpoint.endpoint : undefined;
      if (typeof e !== 'string' || !/^(get|put|post|delete|options|head|patch|trace) \//i.test(e.trim()))
        r.error(joinPointer(at, 'methods', m), `method '${m}' must be "<verb> <path>", e.g. "get /accounts/{account_id}"`);
      else methods[m] = { endpoint: e.trim() };
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

function strings<K extends string>(value: unknown, keys: readonly K[], pointer: string, r: Reader): { [P in K]?: string } {
  const out: { [P in K]?: string } = {};
  if (value === undefined) return out;
  if (!isRecord(value)) {
    r.error(pointer, `expected a mapping with ${keys.join(', ')}`);
    return out;
  }
  unknownKeys(value, keys, pointer, r);
  for (const k of keys) {
    const v = value[k];
    if (v === undefined) continue;
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
    else r.error(joinPointer(pointer, k), `\`${k}\` must be a string`);
  }
  return out;
}

function unknownKeys(value: Record<string, unknown>, known: readonly string[], pointer: string, r: Reader): void {
  for (const k of Object.keys(value))
    if (!known.includes(k)) r.error(joinPointer(pointer, k), `unknown key '${k}' (expected one of: ${known.join(', ')})`);
}

function offsetOf(doc: Document, pointer: string): number | undefined {
  let node: unknown = doc.contents;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (yaml().isMap(node)) {
      const pair = node.items.find((p) => yaml().isScalar(p.key) && String(p.key.value) === token);
      if (!pair) break;
      node = pair.value ?? pair.key;
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

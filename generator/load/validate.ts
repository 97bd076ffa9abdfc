import type { Loc, Severity } from '../diagnostics.js';
import { CheckUnits, type CheckMemos } from './check-units.js';
import { isMediaType } from './media-type.js';
import { isObject, type CheckContext } from './context.js';
import { child } from './pointer.js';
import { describe, isRef } from './refs.js';
import { SchemaRules } from './schema-rules.js';

const METHODS_2 = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
const METHODS_3 = [...METHODS_2, 'trace'];
const PATH_ITEM_FIELDS = ['$ref', 'summary', 'description', 'servers', 'parameters'];
/** Path Item fields added by OpenAPI 3.2, which lathe reads as 3.1. */
const PATH_ITEM_3_2 = ['query', 'additionalOperations'];
const RESPONSE_KEY = /^(default|[1-5](\d\d|XX|xx))$/;

interface Param {
  readonly name: string;
  readonly in: string;
  /** Where the parameter is listed (the list item, even when it is a `$ref`). */
  readonly loc: Loc;
}

/**
 * Structural checks of a loaded document: only what would make generation wrong or impossible, or
 * what a user would want to hear about (an operation that is silently ignored). Every problem is
 * reported; nothing stops at the first.
 *
 * With `memo`, each path item, webhook and `components` entry is a unit that is replayed from the
 * last load when nothing it read changed (check-units.ts).
 */
export function validateDocument(
  root: Record<string, unknown>,
  entry: string,
  ctx: CheckContext,
  memo?: CheckMemos,
): ReadonlyMap<string, Loc> {
  const rules = new DocumentRules(ctx, { file: entry, pointer: '#' }, memo);
  rules.run(root);
  return rules.operationIds;
}

class DocumentRules {
  private readonly schemas: SchemaRules;
  readonly operationIds = new Map<string, Loc>();
  private readonly methods: readonly string[];
  private readonly units: CheckUnits;

  constructor(
    private readonly ctx: CheckContext,
    private readonly rootLoc: Loc,
    memo: CheckMemos | undefined,
  ) {
    this.units = new CheckUnits(
      {
        deref: (value, loc) => ctx.deref(value, loc),
        reading: (query) => ctx.reading(query),
        holds: (log) => ctx.holds(log),
        report: (severity, message, loc) => ctx.report(severity, message, loc),
        seen: new Set(),
        claimOperationId: (id, loc) => this.claimOperationId(id, loc),
      },
      memo,
    );
    const checks: CheckContext = { ...ctx, deref: (v, l) => this.deref(v, l), report: (s, m, l) => this.report(s, m, l) };
    this.schemas = new SchemaRules(checks, (key, throughRef) => this.units.visit(key, throughRef));
    this.methods = ctx.version === '2.0' ? METHODS_2 : METHODS_3;
  }

  run(root: Record<string, unknown>): void {
    this.info(root);
    this.presence(root);
    this.servers(root.servers, child(this.rootLoc, 'servers'));
    this.paths(root.paths, child(this.rootLoc, 'paths'));
    this.webhooks(root.webhooks, child(this.rootLoc, 'webhooks'));
    if (this.ctx.version === '2.0') this.definitions2(root);
    else this.components(root.components, child(this.rootLoc, 'components'));
  }

  private deref(value: unknown, loc: Loc): { value: unknown; loc: Loc } | undefined {
    return this.units.deref(value, loc);
  }

  private report(severity: Severity, message: string, loc: Loc): void {
    this.units.report(severity, message, loc);
  }

  private info(root: Record<string, unknown>): void {
    if (root.info === undefined) {
      this.report('warning', 'missing `info` (title and version); lathe uses placeholders', this.rootLoc);
      return;
    }
    const at = child(this.rootLoc, 'info');
    if (isRef(root.info)) {
      this.report('warning', '`info` is a $ref, which OpenAPI does not allow here; lathe follows it', child(at, '$ref'));
    }
    const info = this.deref(root.info, at);
    if (!info) return;
    if (!isObject(info.value)) {
      this.report('error', `\`info\` must be an object, not ${describe(info.value)}`, info.loc);
      return;
    }
    const version = info.value.version;
    if (typeof version === 'number') {
      this.report(
        'warning',
        `\`info.version\` is the number ${version}, not a string; quote it so it is kept as written`,
        child(info.loc, 'version'),
      );
    }
  }

  /** A document with nothing to generate is allowed, but almost certainly not what was meant. */
  private presence(root: Record<string, unknown>): void {
    if (this.ctx.version === '3.1') {
      if (root.paths === undefined && root.components === undefined && root.webhooks === undefined) {
        this.report('warning', 'no `paths`, `components` or `webhooks`: there is nothing to generate', this.rootLoc);
      }
    } else if (root.paths === undefined) {
      this.report('warning', 'missing `paths` (required before OpenAPI 3.1); reading it as empty', this.rootLoc);
    }
  }

  private servers(servers: unknown, at: Loc): void {
    if (servers === undefined || this.ctx.version === '2.0') return;
    if (!Array.isArray(servers)) {
      this.report('error', `\`servers\` must be an array of Server Objects, not ${describe(servers)}`, at);
      return;
    }
    servers.forEach((server, i) => {
      if (!isObject(server) || typeof server.url !== 'string') {
        this.report('error', 'a Server Object must be an object with a string `url`', child(at, i));
      }
    });
  }

  paths(paths: unknown, at: Loc): void {
    if (paths === undefined) return;
    if (!isObject(paths)) {
      this.report('error', `\`paths\` must be an object mapping paths to Path Items, not ${describe(paths)}`, at);
      return;
    }
    const unit = this.units.section(at);
    for (const [path, item] of Object.entries(paths)) {
      if (path.startsWith('x-')) continue;
      unit(path, item, (itemAt) => {
        if (!path.startsWith('/')) this.report('error', `path '${path}' must start with '/'`, itemAt);
        const names = this.template(path, itemAt);
        this.pathItem(item, itemAt, { path, names });
      });
    }
  }

  /** The `{name}`s of a path template, reporting empty ones. */
  private template(path: string, at: Loc): string[] {
    const names: string[] = [];
    for (const m of path.matchAll(/\{([^{}]*)\}/g)) {
      if (m[1] === '') this.report('error', `path '${path}' has an empty template \`{}\`; name the parameter`, at);
      else if (!names.includes(m[1]!)) names.push(m[1]!);
    }
    return names;
  }

  private webhooks(webhooks: unknown, at: Loc): void {
    if (webhooks === undefined) return;
    if (!isObject(webhooks)) {
      this.report('error', `\`webhooks\` must be an object, not ${describe(webhooks)}`, at);
      return;
    }
    const unit = this.units.section(at);
    for (const [name, item] of Object.entries(webhooks)) unit(name, item, (itemAt) => this.pathItem(item, itemAt, undefined));
  }

  private pathItem(value: unknown, at: Loc, template: { path: string; names: string[] } | undefined): void {
    const item = this.deref(value, at);
    if (!item) return;
    if (!isObject(item.value)) {
      this.report('error', `a Path Item must be an object, not ${describe(item.value)}`, isRef(value) ? child(at, '$ref') : at);
      return;
    }
    if (isRef(value) && !this.looksLikePathItem(item.value)) {
      this.report(
        'error',
        `path item $ref '${value.$ref}' points to something that is not a Path Item (${this.ctx.where(item.loc)} has no operations)`,
        child(at, '$ref'),
      );
      return;
    }
    const fields = item.value;
    this.unknownPathItemFields(fields, item.loc);
    this.servers(fields.servers, child(item.loc, 'servers'));
    const shared = this.parameters(fields.parameters, child(item.loc, 'parameters'));
    if (template) this.strayPathParams(shared, template.path, template.names);
    for (const method of this.methods) {
      if (fields[method] === undefined) continue;
      this.operation(fields[method], child(item.loc, method), method, shared, template);
    }
  }

  private looksLikePathItem(value: Record<string, unknown>): boolean {
    const keys = Object.keys(value).filter((k) => !k.startsWith('x-'));
    const known = [...PATH_ITEM_FIELDS, ...this.methods, ...PATH_ITEM_3_2];
    return keys.length === 0 || keys.some((k) => known.includes(k.toLowerCase()));
  }

  private unknownPathItemFields(item: Record<string, unknown>, at: Loc): void {
    for (const key of Object.keys(item)) {
      if (key.startsWith('x-') || PATH_ITEM_FIELDS.includes(key) || this.methods.includes(key)) continue;
      const message = this.methods.includes(key.toLowerCase())
        ? `unknown field \`${key}\` in a Path Item (methods are lower-case); the operation is ignored`
        : PATH_ITEM_3_2.includes(key)
          ? `\`${key}\` (OpenAPI 3.2) is not supported; ignored`
          : `unknown field \`${key}\` in a Path Item; ignored`;
      this.report('warning', message, child(at, key));
    }
  }

  private operation(
    value: unknown,
    at: Loc,
    method: string,
    shared: readonly Param[],
    template: { path: string; names: string[] } | undefined,
  ): void {
    const op = this.deref(value, at);
    if (!op) return;
    if (!isObject(op.value)) {
      this.report('error', `an operation must be an object, not ${describe(op.value)}`, op.loc);
      return;
    }
    const fields = op.value;
    this.operationId(fields.operationId, child(op.loc, 'operationId'));
    const own = this.parameters(fields.parameters, child(op.loc, 'parameters'));
    if (template) {
      this.strayPathParams(own, template.path, template.names);
      // Operation parameters override path-level ones with the same name and location.
      const declared = new Set([...shared, ...own].filter((p) => p.in === 'path').map((p) => p.name));
      for (const name of template.names) {
        if (declared.has(name)) continue;
        // Lenient (real specs such as OpenAI's do this): the IR adds a required string parameter.
        this.report(
          'warning',
          `path '${template.path}' has \`{${name}}\` but ${method.toUpperCase()} defines no path parameter '${name}'; treated as a required string`,
          op.loc,
        );
      }
    }
    if (this.ctx.version !== '2.0') {
      this.servers(fields.servers, child(op.loc, 'servers'));
      this.requestBody(fields.requestBody, child(op.loc, 'requestBody'));
    }
    this.responses(fields.responses, child(op.loc, 'responses'), op.loc);
  }

  private operationId(id: unknown, at: Loc): void {
    if (id === undefined) return;
    if (typeof id !== 'string') {
      this.report('error', `\`operationId\` must be a string, not ${describe(id)}`, at);
      return;
    }
    this.units.operationId(id, at);
  }

  /** Who has an id is a question about the whole document: units claim ids, in order, each load. */
  private claimOperationId(id: string, at: Loc): void {
    const first = this.operationIds.get(id);
    // The same operation reached twice (a path item shared through refs) is not a duplicate.
    if (first && first.file === at.file && first.pointer === at.pointer) return;
    // Straight to the output: a replay claims again rather than repeating this report.
    if (first) this.ctx.report('error', `duplicate operationId '${id}' (also at ${this.ctx.where(first)})`, at);
    else this.operationIds.set(id, at);
  }

  /** Checks a `parameters` list and returns its entries that have a name and a location. */
  private parameters(list: unknown, at: Loc): Param[] {
    if (list === undefined) return [];
    if (!Array.isArray(list)) {
      this.report('error', `\`parameters\` must be an array, not ${describe(list)}`, at);
      return [];
    }
    const params: Param[] = [];
    list.forEach((value, i) => {
      const itemAt = child(at, i);
      const param = this.parameter(value, itemAt);
      if (!param) return;
      const dup = params.find((p) => p.name === param.name && p.in === param.in);
      if (dup) {
        this.report(
          'error',
          `duplicate parameter '${param.name}' (in: ${param.in}); it is already defined at ${this.ctx.where(dup.loc)}`,
          itemAt,
        );
      } else {
        params.push(param);
      }
    });
    return params;
  }

  private parameter(value: unknown, at: Loc): Param | undefined {
    const p = this.deref(value, at);
    if (!p) return undefined;
    if (!isObject(p.value)) {
      this.report('error', `a parameter must be an object, not ${describe(p.value)}`, p.loc);
      return undefined;
    }
    const { name, in: where } = p.value;
    if (typeof name !== 'string' || typeof where !== 'string') {
      this.report('error', 'a parameter needs a string `name` and `in`', p.loc);
      return undefined;
    }
    if (p.value.schema !== undefined) this.schemas.check(p.value.schema, child(p.loc, 'schema'));
    if (p.value.content !== undefined) this.content(p.value.content, child(p.loc, 'content'));
    return { name, in: where, loc: at };
  }

  /**
   * A path parameter whose name is not in the template can never be sent. A warning, not an error:
   * real specs (hey-api's) carry such leftovers, and dropping them loses nothing.
   */
  private strayPathParams(params: readonly Param[], path: string, names: readonly string[]): void {
    for (const p of params) {
      if (p.in === 'path' && !names.includes(p.name)) {
        this.report('warning', `path parameter '${p.name}' does not appear in the path '${path}'; it is ignored`, p.loc);
      }
    }
  }

  private requestBody(value: unknown, at: Loc): void {
    if (value === undefined) return;
    const body = this.deref(value, at);
    if (!body) return;
    if (!isObject(body.value)) {
      this.report('error', `a request body must be an object, not ${describe(body.value)}`, body.loc);
      return;
    }
    this.content(body.value.content, child(body.loc, 'content'));
  }

  private responses(value: unknown, at: Loc, opLoc: Loc): void {
    if (value === undefined) {
      this.report('warning', 'operation has no `responses`; its result is typed as unknown', opLoc);
      return;
    }
    if (!isObject(value)) {
      this.report('error', `\`responses\` must be an object, not ${describe(value)}`, at);
      return;
    }
    for (const [code, response] of Object.entries(value)) {
      if (code.startsWith('x-')) continue;
      const codeAt = child(at, code);
      if (!RESPONSE_KEY.test(code)) {
        this.report('error', `response key '${code}' is not a status code (200), a range (2XX) or \`default\``, codeAt);
        continue;
      }
      this.response(response, codeAt);
    }
  }

  private response(value: unknown, at: Loc): void {
    const r = this.deref(value, at);
    if (!r) return;
    if (!isObject(r.value)) {
      this.report('error', `a response must be an object, not ${describe(r.value)}`, r.loc);
      return;
    }
    if (r.value.description === undefined) {
      this.report('warning', 'response has no `description` (OpenAPI requires one)', r.loc);
    }
    if (this.ctx.version === '2.0') {
      if (r.value.schema !== undefined) this.schemas.check(r.value.schema, child(r.loc, 'schema'));
      return;
    }
    if (r.value.content !== undefined) this.content(r.value.content, child(r.loc, 'content'));
    const headers = r.value.headers;
    if (isObject(headers)) {
      for (const [name, header] of Object.entries(headers)) {
        const h = this.deref(header, child(r.loc, 'headers', name));
        if (h && isObject(h.value) && h.value.schema !== undefined) this.schemas.check(h.value.schema, child(h.loc, 'schema'));
      }
    }
  }

  private content(value: unknown, at: Loc): void {
    if (value === undefined) return;
    if (!isObject(value)) {
      this.report('error', `\`content\` must be an object mapping media types, not ${describe(value)}`, at);
      return;
    }
    for (const [type, media] of Object.entries(value)) {
      if (!isMediaType(type)) this.report('warning', `'${type}' is not a media type (type/subtype): the SDK neither sends it in Accept nor checks responses against it`, child(at, type));
      const m = this.deref(media, child(at, type));
      if (m && isObject(m.value) && m.value.schema !== undefined) this.schemas.check(m.value.schema, child(m.loc, 'schema'));
    }
  }

  private components(value: unknown, at: Loc): void {
    if (value === undefined) return;
    if (!isObject(value)) {
      this.report('error', `\`components\` must be an object, not ${describe(value)}`, at);
      return;
    }
    this.eachEntry(value.schemas, child(at, 'schemas'), (v, l) => this.schemas.check(v, l));
    this.eachEntry(value.parameters, child(at, 'parameters'), (v, l) => this.parameter(v, l));
    this.eachEntry(value.responses, child(at, 'responses'), (v, l) => this.response(v, l));
    this.eachEntry(value.requestBodies, child(at, 'requestBodies'), (v, l) => this.requestBody(v, l));
    this.eachEntry(value.pathItems, child(at, 'pathItems'), (v, l) => this.pathItem(v, l, undefined));
  }

  private definitions2(root: Record<string, unknown>): void {
    this.eachEntry(root.definitions, child(this.rootLoc, 'definitions'), (v, l) => this.schemas.check(v, l));
    this.eachEntry(root.parameters, child(this.rootLoc, 'parameters'), (v, l) => this.parameter(v, l));
    this.eachEntry(root.responses, child(this.rootLoc, 'responses'), (v, l) => this.response(v, l));
  }

  private eachEntry(map: unknown, at: Loc, check: (value: unknown, loc: Loc) => void): void {
    if (map === undefined) return;
    if (!isObject(map)) {
      this.report('error', `\`${at.pointer.split('/').pop()}\` must be an object, not ${describe(map)}`, at);
      return;
    }
    const unit = this.units.section(at);
    for (const [name, value] of Object.entries(map)) unit(name, value, (entryAt) => check(value, entryAt));
  }
}

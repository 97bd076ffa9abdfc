/**
 * load -> **ir** (wire part): the wire model of a validated spec, shaped as openapi-fetch expects
 * (openapi-typescript's layout: every response by status with headers and content, parameters by
 * location, request bodies, components by group). Where openapi-typescript's output does not
 * compile, this model differs on purpose:
 * - a `$ref` to anything but a whole component is the target's type inlined, not an indexed access
 *   into `paths[...]` (which breaks on optional request bodies) or into a schema's properties;
 * - a component schema that contains itself other than through an object property (`A: A[]`,
 *   `A: {$ref: A}`) has that reference loosened to `unknown` (else TS2502);
 * - `WithRequired` accepts any keys of any type, so a nullable base compiles.
 */
import { joinPointer, type Loc } from '../diagnostics.js';
import type { LoadedSpec, Resolved } from '../load/types.js';
import { HTTP_METHODS } from './operations.js';
import { applyPatches, discriminatorValue, scanDiscriminators, type Discriminators } from './wire-discriminators.js';
import { NEVER, STRING, UNKNOWN, type WireMember, type WireType } from './wire-model.js';

type Raw = Record<string, unknown>;

const GROUPS = ['schemas', 'responses', 'parameters', 'requestBodies', 'headers', 'pathItems'] as const;
type Group = (typeof GROUPS)[number];
const COMPONENT = /^#\/components\/(schemas|responses|parameters|requestBodies|headers|pathItems)\/([^/]+)$/;
const SCHEMA_COMPONENT = /^#\/components\/schemas\/[^/]+$/;
/** openapi-typescript's `defaultNonNullable` holds outside requests: a property with a default is then required. */
const REQUEST = /parameters|requestBod/;
const PARAM_LOCATIONS = ['query', 'header', 'path', 'cookie'] as const;

interface Ctx {
  /** The file the schema is in (relative `$ref`s resolve against it). */
  readonly file: string;
  /** Past an object property: references here are resolved lazily by TypeScript and cannot loop. */
  readonly deferred: boolean;
  /** Inside parameters or a request body (by openapi-typescript's path test): defaults do not make properties required. */
  readonly request: boolean;
  /** Set at the top of a component schema: its pointer (discriminators apply there). */
  readonly component?: string;
}

/** A `$ref` a unit was read through (`deref`): the unit holds only while the ref resolves to the same value. */
export interface WireDep {
  /** The file the ref is written in. */
  readonly file: string;
  readonly ref: string;
}

/**
 * A part of the wire model made on its own: one path item (or webhook), or all the components. A
 * unit is a function of its own part of the document, the refs in `deps`, and the document's
 * outline (`outline`): a path item refers to a component schema by name, never by its content.
 */
export interface WireUnit {
  /** A path item's member of `paths` (or `webhooks`); the components' one member per group. */
  readonly members: readonly WireMember[];
  /** The members of `operations` its operations declare (by operationId, in order; the first of an id wins). */
  readonly operations: readonly WireMember[];
  /** Whether it uses the `WithRequired` helper. */
  readonly withRequired: boolean;
  readonly deps: readonly WireDep[];
}

/**
 * Makes the wire model's units of an OpenAPI 3 document (wire/build.ts puts them together). The
 * components come first, so a component schema's type never depends on which path happened to
 * reach it first (see `schemaRef`).
 */
export class WireBuilder {
  private readonly root: Raw;
  private readonly entry: string;
  /** Component schema types by name, and where each is in its DFS (see `schemaRef`). */
  private readonly schemaTypes = new Map<string, WireType>();
  private readonly schemaState = new Map<string, 'open' | 'done'>();
  /** Schemas in other files of a multi-file spec, each given a name among the components. */
  private readonly external = new Map<string, External>();
  private readonly externalByName = new Map<string, External>();
  /** The same in the order they were met, and how many of them have members already (`components`, `moreSchemas`). */
  private readonly externals: External[] = [];
  private listed = 0;
  private readonly names = new Set<string>();
  private readonly inlining = new Set<string>();
  private readonly discriminators: Discriminators;
  /** While the components are made: a schema reference converts the schema (depth first). */
  private inComponents = false;
  // The unit being made.
  private operations: WireMember[] = [];
  private withRequired = false;
  private deps = new Map<string, WireDep>();

  constructor(private readonly spec: LoadedSpec) {
    this.root = spec.entry.root as Raw;
    this.entry = spec.entry.path;
    this.discriminators = scanDiscriminators(spec);
    for (const name of Object.keys(this.group('schemas'))) this.names.add(name);
  }

  /**
   * What every unit depends on besides its own part and its refs: the names of the components (a
   * reference to one is by name) and the discriminators (they add properties wherever they point).
   */
  outline(): string {
    return JSON.stringify([this.entry, this.spec.version, GROUPS.map((g) => Object.keys(this.group(g))), this.discriminators.outline]);
  }

  /** The components: one member per group (schemas, responses, parameters, requestBodies, headers, pathItems). */
  components(): WireUnit {
    return this.unit(true, () => {
      const own = Object.keys(this.group('schemas'));
      for (const name of own) this.schemaRef(name, false);
      const schemas = own.map((name) => this.member(name, this.schemaTypes.get(name)!, false, docsOf(this.group('schemas')[name])));
      const others = GROUPS.filter((g): g is Exclude<Group, 'schemas'> => g !== 'schemas').map((g) => {
        const members = entries(this.group(g)).map(([name, value]) => this.componentMember(g, name, value));
        return this.member(g, members.length ? { kind: 'object', members } : NEVER);
      });
      schemas.push(...this.drainExternals());
      return [this.member('schemas', schemas.length ? { kind: 'object', members: schemas } : NEVER), ...others];
    });
  }

  /**
   * Schemas of other files first met after `components()` (in paths of a multi-file spec): members
   * of the schemas group too. Such a spec's units are never reused (see wire/build.ts).
   */
  moreSchemas(): WireMember[] {
    return this.drainExternals();
  }

  /** The path items of `paths` (or `webhooks`), by key. */
  entries(where: 'paths' | 'webhooks'): [string, unknown][] {
    return entries(this.root[where]);
  }

  /** Whether the document declares webhooks (even none: then `webhooks` is an empty interface's `Record`). */
  hasWebhooks(): boolean {
    return isRecord(this.root.webhooks);
  }

  /** The path item (or webhook) `item` at `key` of `paths` (or `webhooks`). */
  path(key: string, item: unknown): WireUnit {
    return this.unit(false, () => [this.member(key, this.pathItem(item, this.site(key)))]);
  }

  private unit(inComponents: boolean, make: () => WireMember[]): WireUnit {
    this.operations = [];
    this.withRequired = false;
    this.deps = new Map();
    this.inComponents = inComponents;
    const members = make();
    this.inComponents = false;
    return { members, operations: this.operations, withRequired: this.withRequired, deps: [...this.deps.values()] };
  }

  /** `spec.deref`, recording the refs the unit reads through. */
  private deref<T = unknown>(value: unknown, loc: Loc): Resolved<T> | undefined {
    if (isRef(value)) {
      const key = `${loc.file}\0${value.$ref}`;
      if (!this.deps.has(key)) this.deps.set(key, { file: loc.file, ref: value.$ref });
    }
    return this.spec.deref<T>(value, loc);
  }

  /** Members for the external schemas not listed yet, converted (each may find more). */
  private drainExternals(): WireMember[] {
    const out: WireMember[] = [];
    const was = this.inComponents;
    this.inComponents = true;
    for (; this.listed < this.externals.length; this.listed++) {
      const ext = this.externals[this.listed]!;
      this.schemaRef(ext.name, false);
      out.push(this.member(ext.name, this.schemaTypes.get(ext.name)!, false, docsOf(ext.value)));
    }
    this.inComponents = was;
    return out;
  }

  /** The context at the top of a path, webhook or component named `key` in the entry file. */
  private site(key: string, request = false): Ctx {
    return { file: this.entry, deferred: false, request: request || REQUEST.test(key) };
  }

  private readonly groups = new Map<Group, Raw>();

  private group(g: Group): Raw {
    let found = this.groups.get(g);
    if (!found) {
      const components = isRecord(this.root.components) ? this.root.components : {};
      found = isRecord(components[g]) ? components[g] : {};
      this.groups.set(g, found);
    }
    return found;
  }

  private member(name: string, type: WireType, optional = false, docs?: readonly string[]): WireMember {
    return docs?.length ? { name, optional, readonly: false, type, docs } : { name, optional, readonly: false, type };
  }

  /**
   * A reference to a named schema. While the components are made, the schema is converted first
   * when it is not yet (depth first, in the components' order); outside them it is only named. A
   * reference back to a schema still being converted, outside an object property, would make the
   * type contain itself: it is loosened to `unknown`.
   */
  private schemaRef(name: string, deferred: boolean): WireType {
    if (!this.inComponents) return { kind: 'ref', path: ['components', 'schemas', name] };
    const state = this.schemaState.get(name);
    if (state === 'open' && !deferred) return UNKNOWN;
    if (state === undefined) {
      this.schemaState.set(name, 'open');
      const ext = this.externalByName.get(name);
      const ctx: Ctx = ext
        ? { file: ext.loc.file, deferred: false, request: REQUEST.test(name) }
        : { ...this.site(name), component: joinPointer('#/components/schemas', name) };
      this.schemaTypes.set(name, this.schema(ext ? ext.value : this.group('schemas')[name], ctx));
      this.schemaState.set(name, 'done');
    }
    return { kind: 'ref', path: ['components', 'schemas', name] };
  }

  private componentMember(g: Exclude<Group, 'schemas'>, name: string, value: unknown): WireMember {
    const resolved = this.deref(value, { file: this.entry, pointer: joinPointer('#/components', g, name) });
    const v = resolved?.value;
    const ctx: Ctx = { file: resolved?.loc.file ?? this.entry, deferred: false, request: g === 'parameters' || g === 'requestBodies' || REQUEST.test(name) };
    let type: WireType;
    switch (g) {
      case 'responses':
        type = this.response(v, ctx);
        break;
      case 'parameters':
        type = this.paramSchema(v, ctx);
        break;
      case 'requestBodies':
        type = this.requestBody(v, ctx);
        break;
      case 'headers':
        type = this.header(v, ctx);
        break;
      case 'pathItems':
        type = this.pathItem(v, ctx);
        break;
    }
    return this.member(name, type, false, docsOf(v));
  }

  /** `$ref` targets: a whole component by name, anything else inlined (a loop of inlining stops at `unknown`). */
  private target(value: Raw & { $ref: string }, ctx: Ctx, convert: (v: unknown, ctx: Ctx) => WireType, schemaSite: boolean): WireType {
    // A local ref to a component names it as written (not the end of its chain).
    const local = ctx.file === this.entry ? COMPONENT.exec(value.$ref) : null;
    if (local) {
      const name = unescape(local[2]!);
      if (Object.hasOwn(this.group(local[1] as Group), name)) {
        if (local[1] === 'schemas') return this.schemaRef(name, ctx.deferred);
        return { kind: 'ref', path: ['components', local[1]!, name] };
      }
    }
    // The loader resolves by file and ref text; the pointer only names the place in its messages.
    const t = this.deref(value, { file: ctx.file, pointer: '#' });
    if (!t) return UNKNOWN;
    if (t.loc.file === this.entry) {
      const m = COMPONENT.exec(t.loc.pointer);
      if (m) {
        const name = unescape(m[2]!);
        if (m[1] === 'schemas') return this.schemaRef(name, ctx.deferred);
        if (isRecord(this.group(m[1] as Group)[name])) return { kind: 'ref', path: ['components', m[1]!, name] };
      }
    } else if (schemaSite) {
      const id = `${t.loc.file}${t.loc.pointer}`;
      let ext = this.external.get(id);
      if (!ext) {
        ext = { name: this.externalName(t.loc), value: t.value, loc: t.loc };
        this.external.set(id, ext);
        this.externalByName.set(ext.name, ext);
        this.externals.push(ext);
      }
      return this.schemaRef(ext.name, ctx.deferred);
    }
    const key = `${t.loc.file}${t.loc.pointer}`;
    if (this.inlining.has(key)) return UNKNOWN;
    this.inlining.add(key);
    try {
      return convert(t.value, { file: t.loc.file, deferred: ctx.deferred, request: ctx.request || REQUEST.test(t.loc.pointer) });
    } finally {
      this.inlining.delete(key);
    }
  }

  private externalName(loc: Loc): string {
    const last = loc.pointer.split('/').pop();
    const file = (loc.file.split(/[\\/]/).pop() ?? 'Schema').replace(/\.(ya?ml|json)$/i, '');
    const base = (last && last !== '#' ? unescape(last) : file) || 'Schema';
    let name = base;
    for (let n = 2; this.names.has(name); n++) name = `${base}${n}`;
    this.names.add(name);
    return name;
  }

  // ---- path items and operations ----

  private pathItem(value: unknown, ctx: Ctx): WireType {
    if (isRef(value)) return this.target(value, ctx, (v, c) => this.pathItem(v, c), false);
    const item = isRecord(value) ? value : {};
    const shared = this.paramRefs(item.parameters, ctx);
    const members: WireMember[] = [this.member('parameters', this.parameters(shared, ctx))];
    for (const method of HTTP_METHODS) {
      const resolved = item[method] === undefined ? undefined : this.deref<unknown>(item[method], { file: ctx.file, pointer: '#' });
      if (!resolved || !isRecord(resolved.value)) {
        members.push(this.member(method, NEVER, true));
        continue;
      }
      const op = resolved.value;
      const opCtx: Ctx = { ...ctx, file: resolved.loc.file };
      // Operation parameters replace the path item's of the same location and name.
      const byKey = new Map<string, ParamRef>();
      for (const p of [...shared, ...this.paramRefs(op.parameters, opCtx)]) byKey.set(`${p.value.in}-${p.value.name}`, p);
      const type = this.operation(op, opCtx, [...byKey.values()]);
      const docs = docsOf(op);
      if (typeof op.operationId === 'string' && op.operationId) {
        const id = op.operationId.replace(/#/g, '/');
        this.operations.push(this.member(id, type, false, docs));
        members.push(this.member(method, { kind: 'ref', path: ['operations', id] }, false, docs));
      } else members.push(this.member(method, type, false, docs));
    }
    return { kind: 'object', members };
  }

  private operation(op: Raw, ctx: Ctx, params: readonly ParamRef[]): WireType {
    const members: WireMember[] = [this.member('parameters', this.parameters(params, ctx))];
    if (op.requestBody === undefined) members.push(this.member('requestBody', NEVER, true));
    else {
      const bodyCtx: Ctx = { ...ctx, request: true };
      const resolved = this.deref<unknown>(op.requestBody, { file: ctx.file, pointer: '#' });
      const required = isRecord(resolved?.value) && resolved.value.required === true;
      const type = isRef(op.requestBody)
        ? this.target(op.requestBody, bodyCtx, (v, c) => this.requestBody(v, c), false)
        : this.requestBody(op.requestBody, bodyCtx);
      members.push(this.member('requestBody', type, !required, docsOf(resolved?.value)));
    }
    members.push(this.member('responses', this.responses(op.responses, ctx)));
    return { kind: 'object', members };
  }

  private paramRefs(list: unknown, ctx: Ctx): ParamRef[] {
    if (!Array.isArray(list)) return [];
    return list.flatMap((raw) => {
      const r = this.deref<unknown>(raw, { file: ctx.file, pointer: '#' });
      if (!r || !isRecord(r.value) || typeof r.value.name !== 'string' || typeof r.value.in !== 'string') return [];
      return [{ raw, value: r.value as ParamRef['value'], file: r.loc.file, site: ctx.file }];
    });
  }

  private parameters(params: readonly ParamRef[], ctx: Ctx): WireType {
    const paramCtx: Ctx = { ...ctx, request: true };
    const members = PARAM_LOCATIONS.map((where) => {
      const own = params
        .filter((p) => p.value.in === where)
        .map((p) => {
          const type = isRef(p.raw)
            ? this.target(p.raw, { ...paramCtx, file: p.site }, (v, c) => this.paramSchema(v, c), false)
            : this.paramSchema(p.value, { ...paramCtx, file: p.file });
          return this.member(p.value.name, type, where !== 'path' && p.value.required !== true, docsOf(p.value));
        });
      return this.member(where, own.length ? { kind: 'object', members: own } : NEVER, own.every((m) => m.optional));
    });
    return { kind: 'object', members };
  }

  private paramSchema(value: unknown, ctx: Ctx): WireType {
    return isRecord(value) && value.schema !== undefined ? this.schema(value.schema, ctx) : STRING;
  }

  private requestBody(value: unknown, ctx: Ctx): WireType {
    const body = isRecord(value) ? value : {};
    const content = this.content(body.content, ctx);
    const type: WireType = content.length ? { kind: 'object', members: content } : { kind: 'object', members: [this.member('*/*', NEVER, true)] };
    return { kind: 'object', members: [this.member('content', type)] };
  }

  private content(value: unknown, ctx: Ctx): WireMember[] {
    return entries(value).map(([mediaType, media]) => {
      const mediaCtx: Ctx = ctx.request || !REQUEST.test(mediaType) ? ctx : { ...ctx, request: true };
      const type = isRef(media) ? this.schema(media, mediaCtx) : isRecord(media) && media.schema !== undefined ? this.schema(media.schema, mediaCtx) : UNKNOWN;
      return this.member(mediaType, type, false, docsOf(media));
    });
  }

  private responses(value: unknown, ctx: Ctx): WireType {
    const members = entries(value).map(([status, r]) => {
      const rCtx: Ctx = ctx.request || !REQUEST.test(status) ? ctx : { ...ctx, request: true };
      const type = isRef(r) ? this.target(r, rCtx, (v, c) => this.response(v, c), false) : this.response(r, rCtx);
      return this.member(status, type, false, docsOf(isRef(r) ? this.deref(r, { file: ctx.file, pointer: '#' })?.value : r));
    });
    return members.length ? { kind: 'object', members } : NEVER;
  }

  private response(value: unknown, ctx: Ctx): WireType {
    const r = isRecord(value) ? value : {};
    const headers = entries(r.headers).map(([name, h]) => {
      const ref = isRef(h);
      const type = ref ? this.target(h, ctx, (v, c) => this.header(v, c), false) : this.header(h, ctx);
      return this.member(name, type, !ref && !(isRecord(h) && h.required === true), docsOf(h));
    });
    const content = this.content(r.content, ctx);
    return {
      kind: 'object',
      members: [
        this.member('headers', { kind: 'object', members: headers, index: { name: 'name', type: UNKNOWN } }),
        content.length ? this.member('content', { kind: 'object', members: content }) : this.member('content', NEVER, true),
      ],
    };
  }

  private header(value: unknown, ctx: Ctx): WireType {
    if (!isRecord(value)) return UNKNOWN;
    if (value.schema !== undefined) return this.schema(value.schema, ctx);
    if (isRecord(value.content)) return { kind: 'object', members: this.content(value.content, ctx) };
    return UNKNOWN;
  }

  // ---- schemas ----

  private schema(raw: unknown, ctx: Ctx): WireType {
    if (raw === undefined || raw === false || raw === null) return NEVER;
    if (!isRecord(raw)) return UNKNOWN;
    if (isRef(raw)) return this.target(raw, ctx, (v, c) => this.schema(v, c), true);
    const patches = this.discriminators.patches.get(raw);
    const value = patches ? applyPatches(raw, patches) : raw;
    if (value.const !== undefined && value.const !== null) return literal(value.const);
    const types = value.type;
    if (Array.isArray(value.enum) && types !== 'object' && !('properties' in value) && !('additionalProperties' in value)) {
      const members = value.enum.map(literal);
      if ((Array.isArray(types) && types.includes('null')) || value.nullable === true) members.push({ kind: 'literal', value: null });
      return union(members);
    }
    const inner = inside(ctx);
    let type: WireType | undefined;
    const core = this.core(value, ctx);
    const allOf = Array.isArray(value.allOf) ? this.allOf(value.allOf, value.required, inner) : [];
    if (core || allOf.length) type = intersection([...(core ? [core] : []), ...(allOf.length ? [intersection(allOf)] : [])]);
    const anyOf = Array.isArray(value.anyOf) ? value.anyOf.map((m) => this.schema(m, inner)) : [];
    if (anyOf.length) type = union([...(type ? [type] : []), ...anyOf]);
    // openapi-typescript reads an object's `enum` as oneOf (so `{type: object, enum: [null]}` is never, or null when nullable).
    const oneOfs = Array.isArray(value.oneOf) ? value.oneOf : value.type === 'object' && Array.isArray(value.enum) ? value.enum : [];
    const oneOf = oneOfs.map((m) => this.schema(m, inner));
    if (oneOf.length) type = oneOf.every(isPrimitive) ? union([...(type ? [type] : []), ...oneOf]) : intersection([...(type ? [type] : []), union(oneOf)]);
    type ??= 'type' in value ? { kind: 'empty-object' } : UNKNOWN;
    if (value.nullable === true && type !== UNKNOWN) type = union([type, { kind: 'keyword', name: 'null' }]);
    return type;
  }

  private allOf(items: unknown[], required: unknown, ctx: Ctx): WireType[] {
    const outer = Array.isArray(required) ? required.filter((r): r is string => typeof r === 'string') : [];
    return items.map((item) => {
      if (isRef(item)) {
        let type = this.schema(item, ctx);
        const target = this.deref<unknown>(item, { file: ctx.file, pointer: '#' })?.value;
        const props = isRecord(target) && isRecord(target.properties) ? target.properties : undefined;
        const keys = props && !this.discriminators.handled.has(item.$ref) ? outer.filter((k) => Object.hasOwn(props, k)) : [];
        if (keys.length && type !== UNKNOWN) {
          this.withRequired = true;
          type = { kind: 'with-required', type, keys };
        }
        return this.withoutDiscriminator(type, this.discriminators.objects.get(item.$ref));
      }
      if (!isRecord(item)) return this.schema(item, ctx);
      const own = Array.isArray(item.required) ? item.required : [];
      const type = this.schema(outer.length ? { ...item, required: [...outer, ...own] } : item, ctx);
      const d = isRecord(item.discriminator) && typeof item.discriminator.propertyName === 'string' ? item.discriminator.propertyName : undefined;
      return d ? { kind: 'omit', type, keys: [d] } : type;
    });
  }

  /** A discriminated parent in an allOf: its child sets the property, so the parent's is left out. */
  private withoutDiscriminator(type: WireType, d: { propertyName: string } | undefined): WireType {
    return d ? { kind: 'omit', type, keys: [d.propertyName] } : type;
  }

  private core(s: Raw, ctx: Ctx): WireType | undefined {
    const type = s.type;
    if (Array.isArray(type)) {
      const members = type.map((t) => (t === 'null' ? ({ kind: 'keyword', name: 'null' } as const) : this.schema({ ...s, type: t, ...(Array.isArray(s.oneOf) ? { oneOf: undefined } : {}) }, ctx)));
      return union(members);
    }
    switch (type) {
      case 'null':
        return { kind: 'keyword', name: 'null' };
      case 'string':
        return STRING;
      case 'number':
      case 'integer':
        return { kind: 'keyword', name: 'number' };
      case 'boolean':
        return { kind: 'keyword', name: 'boolean' };
      case 'array': {
        const inner = inside(ctx);
        const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : undefined;
        if (prefix) return { kind: 'tuple', items: prefix.map((x) => this.schema(x, inner)) };
        const items = s.items === undefined ? UNKNOWN : this.schema(s.items, inner);
        return items.kind === 'tuple' ? items : { kind: 'array', items };
      }
    }
    return this.objectCore(s, ctx);
  }

  /** A schema under a discriminator through allOf (or anyOf) and not patched: the property as its own name. */
  private impliedDiscriminator(s: Raw, ctx: Ctx): WireMember | undefined {
    // Only a component schema, as openapi-typescript finds them (by the path it types, which matches no other schema's pointer).
    const pointer = ctx.component;
    if ((!s.allOf && !s.anyOf) || s.discriminator || pointer === undefined) return undefined;
    const d = this.discriminators.handled.has(pointer) ? undefined : this.discriminators.objects.get(pointer);
    return d && this.member(d.propertyName, { kind: 'literal', value: discriminatorValue(d, pointer) });
  }

  private objectCore(s: Raw, ctx: Ctx): WireType | undefined {
    // Multi-file specs (DigitalOcean's) may keep a whole `properties` map in another file.
    const propsAt = isRef(s.properties) ? this.deref<unknown>(s.properties, { file: ctx.file, pointer: '#' }) : { value: s.properties, loc: { file: ctx.file } };
    const props = isRecord(propsAt?.value) ? Object.entries(propsAt.value) : [];
    const ap = s.additionalProperties;
    const patterns = isRecord(s.patternProperties) ? Object.entries(s.patternProperties) : [];
    const implied = this.impliedDiscriminator(s, ctx);
    if (!props.length && !ap && !patterns.length) return implied ? { kind: 'object', members: [implied] } : undefined;
    const required = Array.isArray(s.required) ? s.required : [];
    const deferred: Ctx = { file: ctx.file, deferred: true, request: ctx.request };
    const members = (implied ? props.filter(([name]) => name !== implied.name) : props).map(([name, v]): WireMember => {
      const pCtx: Ctx = { file: propsAt!.loc.file, deferred: true, request: ctx.request || REQUEST.test(name) };
      const hasDefault = isRecord(v) && !isRef(v) && v.default !== undefined;
      const optional = !(required.includes(name) || (hasDefault && !pCtx.request));
      const docs = docsOf(v);
      const type = this.schema(v, pCtx);
      const readonly = isRecord(v) && v.readOnly === true;
      return docs ? { name, optional, readonly, type, docs } : { name, optional, readonly, type };
    });
    if (implied) members.unshift(implied);
    const index: WireType[] = [];
    if (isRecord(ap) && Object.keys(ap).length) index.push(this.schema(ap, deferred));
    if (ap === true || (isRecord(ap) && !Object.keys(ap).length)) index.push(UNKNOWN);
    for (const [, v] of patterns) index.push(this.schema(v, deferred));
    if (!index.length) return members.length ? { kind: 'object', members } : undefined;
    const indexed: WireType = { kind: 'object', members: [], index: { name: 'key', type: union(index) } };
    return members.length ? intersection([{ kind: 'object', members }, indexed]) : indexed;
  }
}

/** The context for a subschema (items, allOf, ...): no longer the top of a component. */
function inside(ctx: Ctx): Ctx {
  return ctx.component === undefined ? ctx : { file: ctx.file, deferred: ctx.deferred, request: ctx.request };
}

interface External {
  readonly name: string;
  readonly value: unknown;
  readonly loc: Loc;
}

interface ParamRef {
  /** As written (a `$ref` or the parameter itself). */
  readonly raw: unknown;
  readonly value: Raw & { readonly name: string; readonly in: string };
  /** The file the parameter is in, and the file it is written in. */
  readonly file: string;
  readonly site: string;
}

function union(types: WireType[]): WireType {
  if (!types.length) return NEVER;
  return types.length === 1 ? types[0]! : { kind: 'union', members: dedupe(types) };
}

function intersection(types: WireType[]): WireType {
  if (!types.length) return NEVER;
  return types.length === 1 ? types[0]! : { kind: 'intersection', members: dedupe(types) };
}

/** Repeated primitives (`string | string`, `null | null`) once, as openapi-typescript does. */
function dedupe(types: WireType[]): WireType[] {
  const seen = new Set<string>();
  return types.filter((t) => {
    const key = t.kind === 'keyword' && t.name !== 'unknown' ? t.name : t.kind === 'literal' && (t.value === null || typeof t.value === 'boolean') ? String(t.value) : undefined;
    if (key === undefined) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isPrimitive(t: WireType): boolean {
  return (t.kind === 'keyword' && t.name !== 'unknown') || t.kind === 'literal';
}

function literal(value: unknown): WireType {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return { kind: 'literal', value };
  if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'literal', value };
  if (Array.isArray(value)) return value.length ? { kind: 'tuple', items: value.map(literal) } : { kind: 'array', items: NEVER };
  if (isRecord(value)) {
    const members = Object.entries(value).map(([name, v]): WireMember => ({ name, optional: false, readonly: false, type: literal(v) }));
    return members.length ? { kind: 'object', members } : { kind: 'empty-object' };
  }
  return UNKNOWN;
}

/** JSDoc lines as openapi-typescript writes them (title, summary, format, deprecated, description, default, examples, const, enum). */
export function docsOf(value: unknown): string[] | undefined {
  if (!isRecord(value)) return undefined;
  const out: string[] = [];
  for (const key of ['title', 'summary'] as const) if (typeof value[key] === 'string' && value[key].trim()) out.push(value[key].trim());
  if (typeof value.format === 'string') out.push(`Format: ${value.format}`);
  if (value.deprecated === true) out.push('@deprecated');
  if (typeof value.description === 'string' && value.description.trim()) out.push(`@description ${value.description.trim()}`);
  for (const key of ['default', 'example'] as const) if (value[key] !== undefined) out.push(`@${key} ${serialize(value[key])}`);
  if (Array.isArray(value.examples)) for (const e of value.examples) out.push(`@example ${serialize(e)}`);
  if ('const' in value) out.push('@constant');
  if (Array.isArray(value.enum)) {
    const type = Array.isArray(value.type) ? value.type.join('|') : typeof value.type === 'string' ? value.type : 'unknown';
    out.push(`@enum {${type}${value.nullable === true ? '|null' : ''}}`);
  }
  return out.length ? out : undefined;
}

function serialize(v: unknown): string {
  return (typeof v === 'object' && v !== null ? JSON.stringify(v, null, 2) : String(v)).trim();
}

function withDocs(docs: string[] | undefined): { docs?: string[] } {
  return docs ? { docs } : {};
}

function entries(value: unknown): [string, unknown][] {
  return isRecord(value) ? Object.entries(value).filter(([k]) => !k.startsWith('x-')) : [];
}

function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isRef(v: unknown): v is Raw & { $ref: string } {
  return isRecord(v) && typeof v.$ref === 'string';
}

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

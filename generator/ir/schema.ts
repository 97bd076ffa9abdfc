/**
 * JSON Schema (OpenAPI 3.0 and 3.1 dialects) -> IRSchema. Component schemas that are structures
 * (objects, unions, enums) become named models; primitive components are inlined with their docs.
 * Each `$ref` target is converted once and shared.
 */
import { joinPointer, type Diagnostic, type Loc } from '../diagnostics.js';
import type { LoadedSpec } from '../load/types.js';
import { pascalCase, type NameRegistry } from './names.js';
import type { Constraints, IRModel, IRProperty, IRSchema, SchemaDocs } from './types.js';
import { walkSchema } from './walk.js';
import { breakAliasCycles } from './cycles.js';
import { isSchemaPlace } from './schema-place.js';
import { draftSnap, TrackedMap } from './replay.js';

type Raw = Record<string, unknown>;

/**
 * How deep schemas may nest, counted through `$ref`s. Real specs nest far less (no document of the
 * valid corpus or Cloudflare's API nests JSON deeper than 28 levels, two or so per schema level); the output of anyOf x600 or items x650 overflows tsc's own stack, and each level is a
 * few frames of lathe's recursive conversion and emit. 100 leaves both far from their limits.
 */
export const MAX_SCHEMA_DEPTH = 100;

export interface ModelDraft {
  id: string;
  name: string;
  loc: Loc;
  schema?: IRSchema;
  module?: string;
}

/**
 * A map of the converter's state: tracked when a `--watch` rebuild records the steps (replay.ts),
 * which replays a step whose reads of it find what they found; else a plain Map, since every
 * lookup through the tracked one's overrides costs a cold build about 5 % of its time.
 */
function stateMap<K, V>(tracked: boolean, snap?: (value: V | undefined) => readonly unknown[]): Map<K, V> {
  return tracked ? new TrackedMap<K, V>(snap) : new Map<K, V>();
}

export class SchemaConverter {
  readonly models: Map<string, ModelDraft>;
  private readonly inlineCache: Map<string, IRSchema>;
  private readonly inProgress = new Set<string>();
  /** `tooDeep`: a schema nesting too deep was reported (once). */
  private readonly flags: Map<'tooDeep', boolean>;
  private readonly variantNeeds: Map<string, boolean>;

  /** @param tracked whether a tape records this build (replay.ts): its state maps are then `TrackedMap`s. */
  constructor(
    private readonly spec: LoadedSpec,
    private readonly names: NameRegistry,
    private readonly diagnostics: Diagnostic[],
    /** Model names forced by config, keyed by schema id. */
    private readonly declared: ReadonlyMap<string, string>,
    private readonly tracked = false,
  ) {
    this.models = stateMap<string, ModelDraft>(tracked, draftSnap);
    this.inlineCache = stateMap(tracked);
    this.flags = stateMap(tracked);
    this.variantNeeds = stateMap(tracked);
  }

  /** Declares a model up front (config `models:`), so it keeps its configured name. */
  declare(id: string, name: string, loc: Loc): ModelDraft {
    const existing = this.models.get(id);
    if (existing) return existing;
    const draft: ModelDraft = { id, name: this.names.claim(name), loc };
    this.models.set(id, draft);
    return draft;
  }

  /** Whether the config names this model (`models:`), as opposed to one lathe named itself. */
  isDeclared(id: string): boolean {
    return this.declared.has(id);
  }

  /** Resolves a `$ref` written in the config, relative to the spec's entry file. */
  configRef(ref: string): { id: string; value: unknown; loc: Loc } | undefined {
    return configTarget(this.spec, ref);
  }

  finishedModels(): Map<string, IRModel> {
    breakAliasCycles(this.models, (loc, message) => this.warn(loc, message));
    const out = new Map<string, IRModel>();
    for (const d of this.models.values())
      if (d.schema) out.set(d.id, { id: d.id, name: d.name, loc: d.loc, schema: d.schema, module: d.module ?? 'models' });
    return out;
  }

  private depth = 0;

  convert(value: unknown, loc: Loc): IRSchema {
    if (this.depth >= MAX_SCHEMA_DEPTH) {
      // One error is enough: every level above this one would repeat it.
      if (!this.flags.get('tooDeep')) this.error(loc, `schemas nest more than ${MAX_SCHEMA_DEPTH} levels deep (counting through $refs); lathe's limit keeps the output within what tsc can check`);
      this.flags.set('tooDeep', true);
      return { kind: 'unknown', loc, docs: {} };
    }
    this.depth++;
    try {
      if (isRecord(value) && '$ref' in value) return this.convertRef(value, loc);
      return this.convertInline(value, loc);
    } finally {
      this.depth--;
    }
  }

  /** The id under which a `$ref`'s target is known, or undefined if it does not resolve. */
  targetOf(value: unknown, loc: Loc): { id: string; value: unknown; loc: Loc } | undefined {
    const target = this.spec.deref(value, loc);
    if (!target) return undefined;
    return { id: idOf(target.loc), value: target.value, loc: target.loc };
  }

  /** Converts the schema a model id points at and registers it, returning a ref to it. */
  modelRef(id: string, value: unknown, loc: Loc, docs: SchemaDocs = {}): IRSchema {
    let draft = this.models.get(id);
    if (!draft) {
      const name = this.declared.get(id) ?? modelName(loc);
      draft = { id, name: this.names.claim(name), loc };
      this.models.set(id, draft);
    }
    if (!draft.schema && !this.inProgress.has(id)) {
      this.inProgress.add(id);
      draft.schema = this.convertInline(value, loc);
      this.inProgress.delete(id);
    }
    return { kind: 'ref', model: id, loc, docs };
  }

  private convertRef(value: Raw, loc: Loc): IRSchema {
    const wrapperDocs = docsOf(value);
    const target = this.targetOf(value, loc);
    if (!target) return { kind: 'unknown', loc, docs: wrapperDocs };
    if (!isSchemaPlace(this.spec, target.loc)) {
      this.error(at(loc, '$ref'), `$ref '${String(value.$ref)}' points at ${target.loc.pointer}, which is not a schema`);
      return { kind: 'unknown', loc, docs: wrapperDocs };
    }
    if (
      this.models.has(target.id) ||
      this.declared.has(target.id) ||
      isModelWorthy(target.value, target.loc, this.spec.entry.path) ||
      this.inProgress.has(target.id)
    )
      return this.modelRef(target.id, target.value, target.loc, wrapperDocs);
    let inline = this.inlineCache.get(target.id);
    if (!inline) {
      this.inProgress.add(target.id);
      inline = this.convertInline(target.value, target.loc);
      this.inProgress.delete(target.id);
      // It referred to itself (an array of itself, say): the inner ref made it a model, so it needs a name.
      const recursive = this.models.get(target.id);
      if (recursive) {
        recursive.schema ??= inline;
        return { kind: 'ref', model: target.id, loc: target.loc, docs: wrapperDocs };
      }
      this.inlineCache.set(target.id, inline);
    }
    return withDocs(inline, wrapperDocs);
  }

  private convertInline(value: unknown, loc: Loc): IRSchema {
    if (value === true || (isRecord(value) && Object.keys(value).length === 0)) return { kind: 'unknown', loc, docs: {} };
    if (value === false) return { kind: 'never', loc, docs: {} };
    if (!isRecord(value)) {
      this.warn(loc, 'a schema must be an object or a boolean; typed as unknown');
      return { kind: 'unknown', loc, docs: {} };
    }
    const docs = docsOf(value);
    let schema = this.shape(value, loc, docs);
    // `x-nullable` is Swagger 2.0's common spelling of 3.0's `nullable`.
    if ((value.nullable === true || value['x-nullable'] === true) && schema.kind !== 'unknown') schema = nullable(schema, loc);
    return schema;
  }

  private shape(s: Raw, loc: Loc, docs: SchemaDocs): IRSchema {
    if ('$ref' in s) {
      // 3.1 allows siblings next to $ref: the ref is the type, siblings add docs.
      return withDocs(this.convertRef(s, loc), docs);
    }
    if ('const' in s) return { kind: 'literal', value: literal(s.const), loc, docs };
    if (Array.isArray(s.enum)) return this.enumOf(s, loc, docs);
    if (Array.isArray(s.allOf)) return this.allOf(s, loc, docs);
    for (const key of ['oneOf', 'anyOf'] as const) {
      const members = s[key];
      if (Array.isArray(members) && s.type === 'array' && 'items' in s && !members.some((m, i) => this.mayBeArray(m, at(loc, key, i)))) {
        // No alternative is an array, so as written nothing is valid: the author meant the array
        // (typically its items repeat the alternatives), and so do Stainless's SDKs.
        this.warn(at(loc, key), `\`type: array\` with ${key} alternatives that are not arrays; typed as the array its \`items\` describe`);
        return this.typed('array', s, loc, docs);
      }
      if (Array.isArray(members)) {
        const converted = members.map((m, i) => this.convert(m, at(loc, key, i)));
        // Alternatives that only say which properties are required (`anyOf: [{required: [a]},
        // {required: [b]}]`) constrain values, not their type: the schema is its own keywords.
        if (converted.length && converted.every((m) => m.kind === 'unknown')) {
          if (hasObjectKeywords(s) || s.type === 'object') return this.objectOf(s, loc, docs);
          if (typeof s.type !== 'string' && !Array.isArray(s.type)) return { kind: 'unknown', loc, docs };
          break;
        }
        const union: IRSchema = { kind: 'union', members: this.discriminate(s, key, converted, loc), loc, docs };
        return hasObjectKeywords(s) ? { kind: 'intersection', members: [this.objectOf(s, loc, {}), union], loc, docs } : union;
      }
    }
    const type = s.type;
    if (Array.isArray(type)) {
      const members = type.map((t) => this.typed(String(t), s, loc, {}));
      return members.length === 1 ? withDocs(members[0]!, docs) : { kind: 'union', members, loc, docs };
    }
    if (typeof type === 'string') return this.typed(type, s, loc, docs);
    if (hasObjectKeywords(s)) return this.objectOf(s, loc, docs);
    if ('items' in s || 'prefixItems' in s) return this.typed('array', s, loc, docs);
    return { kind: 'unknown', loc, docs };
  }

  /** Whether a raw schema (through `$ref`s) may describe an array. */
  private mayBeArray(value: unknown, loc: Loc, depth = 0): boolean {
    const target = isRecord(value) && '$ref' in value ? this.targetOf(value, loc)?.value : value;
    if (!isRecord(target) || depth > 8) return true;
    if (target.type === 'array' || (Array.isArray(target.type) && target.type.includes('array')) || 'items' in target) return true;
    if (target.type !== undefined || hasObjectKeywords(target)) return false;
    const alternatives = [target.oneOf, target.anyOf, target.allOf].find(Array.isArray);
    return alternatives ? (alternatives as unknown[]).some((m) => this.mayBeArray(m, loc, depth + 1)) : true;
  }

  private typed(type: string, s: Raw, loc: Loc, docs: SchemaDocs): IRSchema {
    switch (type) {
      case 'string':
        return { kind: s.format === 'binary' ? 'binary' : 'string', loc, docs };
      case 'number':
      case 'integer':
      case 'boolean':
      case 'null':
        return { kind: type, loc, docs };
      case 'object':
        return this.objectOf(s, loc, docs);
      case 'array': {
        if (Array.isArray(s.prefixItems)) {
          const items = s.prefixItems.map((x, i) => this.convert(x, at(loc, 'prefixItems', i)));
          const rest = s.items === undefined || s.items === false ? undefined : this.convert(s.items, at(loc, 'items'));
          return { kind: 'tuple', items, ...(rest ? { rest } : {}), loc, docs };
        }
        const items = s.items === undefined ? ({ kind: 'unknown', loc, docs: {} } as const) : this.convert(s.items, at(loc, 'items'));
        return { kind: 'array', items, loc, docs };
      }
      default:
        this.warn(at(loc, 'type'), `unknown type '${type}'; typed as unknown`);
        return { kind: 'unknown', loc, docs };
    }
  }

  private enumOf(s: Raw, loc: Loc, docs: SchemaDocs): IRSchema {
    const values = (s.enum as unknown[]).map(literal);
    const members: IRSchema[] = values.map((value) => ({ kind: 'literal', value, loc, docs: {} }));
    if (s.nullable === true && !values.includes(null)) members.push({ kind: 'literal', value: null, loc, docs: {} });
    return members.length === 1 ? { ...members[0]!, docs } : { kind: 'union', members, loc, docs };
  }

  private objectOf(s: Raw, loc: Loc, docs: SchemaDocs): IRSchema {
    const required = new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : []);
    const props = isRecord(s.properties) ? s.properties : {};
    const properties: IRProperty[] = Object.entries(props).map(([name, p]) => ({
      name,
      required: required.has(name),
      schema: this.convert(p, at(loc, 'properties', name)),
    }));
    let additional: IRSchema | undefined;
    const ap = s.additionalProperties;
    const patterns = isRecord(s.patternProperties) ? Object.entries(s.patternProperties) : [];
    if (ap === true) additional = { kind: 'unknown', loc, docs: {} };
    else if (isRecord(ap)) additional = this.convert(ap, at(loc, 'additionalProperties'));
    else if (patterns.length) {
      const members = patterns.map(([k, v]) => this.convert(v, at(loc, 'patternProperties', k)));
      additional = members.length === 1 ? members[0]! : { kind: 'union', members, loc, docs: {} };
    }
    return { kind: 'object', properties, ...(additional ? { additional } : {}), loc, docs };
  }

  /**
   * allOf: a lone member (a common way to attach a description to a $ref) is that member with the
   * wrapper's docs; members that are all objects merge into one object; anything else intersects.
   */
  private allOf(s: Raw, loc: Loc, docs: SchemaDocs): IRSchema {
    const raw = s.allOf as unknown[];
    const own = hasObjectKeywords(s) ? [this.objectOf(s, loc, {})] : [];
    const converted = [...raw.map((m, i) => this.convert(m, at(loc, 'allOf', i))), ...own];
    // A member with no type of its own (`{required: [a]}`, `{readOnly: true}`) adds nothing to an
    // intersection: `X & unknown` is X. Its `required` is not enforced in the types, as Stainless
    // does (the server checks it); what it says about the value (readOnly, a description) still
    // holds, below the wrapper's own words.
    const typed = converted.filter((m) => m.kind !== 'unknown');
    const members = typed.length ? typed : converted;
    if (typed.length && typed.length < converted.length)
      docs = { ...Object.assign({}, ...raw.filter((m, i) => converted[i]!.kind === 'unknown' && isRecord(m)).map((m) => docsOf(m as Raw))), ...docs };
    if (members.length === 1) return withDocs(members[0]!, docs);
    const objects = members.map((m) => this.objectView(m));
    if (objects.every((o): o is IRSchema & { kind: 'object' } => o !== undefined)) return this.merge(objects, loc, docs);
    return { kind: 'intersection', members, loc, docs };
  }

  /**
   * oneOf/anyOf with a `discriminator`: each `$ref` member becomes `Member & { [propertyName]: value }`,
   * the value(s) taken from `mapping` (a `$ref` or a bare schema name), else the schema's own name,
   * so TypeScript can narrow the union on that property.
   */
  private discriminate(s: Raw, key: 'oneOf' | 'anyOf', members: IRSchema[], loc: Loc): IRSchema[] {
    const d = s.discriminator;
    if (!isRecord(d) || typeof d.propertyName !== 'string' || !d.propertyName) return members;
    const property = d.propertyName;
    const mapped = new Map<string, string[]>();
    if (isRecord(d.mapping))
      for (const [value, ref] of Object.entries(d.mapping)) {
        const mappingLoc = at(loc, 'discriminator', 'mapping', value);
        const target = typeof ref === 'string' ? this.mappingTarget(ref, mappingLoc) : undefined;
        if (!target) {
          this.warn(mappingLoc, `discriminator mapping '${value}' does not name a schema; ignored`);
          continue;
        }
        mapped.set(target, [...(mapped.get(target) ?? []), value]);
      }
    const raw = s[key] as unknown[];
    return members.map((member, i) => {
      const r = raw[i];
      if (!isRecord(r) || typeof r.$ref !== 'string') return member;
      const target = this.targetOf(r, at(loc, key, i));
      if (!target) return member;
      let values: (string | number | boolean | null)[] = mapped.get(target.id) ?? [implicitName(r.$ref)];
      // Many specs rely on the member's own enum/const instead (OpenAI's `role: [developer]` next to
      // an unmapped discriminator): narrowing to a value it does not allow would make it `never`.
      // A member that is not an object (a union of its own, say) is left as it is.
      const own = this.literalsOf(member, property);
      if (own === undefined) return member;
      if (own !== 'free') values = values.filter((v) => own.includes(v));
      // No value left, or exactly the member's own: nothing to add.
      if (!values.length || (own !== 'free' && own.every((v) => values.includes(v)))) return member;
      const literals: IRSchema[] = values.map((value) => ({ kind: 'literal', value, loc: member.loc, docs: {} }));
      const tag: IRSchema = {
        kind: 'object',
        properties: [
          {
            name: property,
            required: true,
            schema: literals.length === 1 ? literals[0]! : { kind: 'union', members: literals, loc: member.loc, docs: {} },
          },
        ],
        loc: member.loc,
        docs: {},
      };
      return { kind: 'intersection', members: [member, tag], loc: member.loc, docs: {} };
    });
  }

  /**
   * What a member already says about `property`: its literal values (an enum or const, on the
   * object or on every alternative of a union), `free` when it is an object that leaves the property
   * open, undefined when it is something else (not safe to narrow).
   */
  private literalsOf(member: IRSchema, property: string, depth = 0): (string | number | boolean | null)[] | 'free' | undefined {
    const s = this.resolved(member);
    if (!s || depth > 8) return undefined;
    if (s.kind === 'object') {
      const prop = s.properties.find((p) => p.name === property);
      return (prop && this.literalValues(prop.schema)) ?? 'free';
    }
    if (s.kind === 'union') {
      const all = s.members.map((m) => this.literalsOf(m, property, depth + 1));
      return all.every((a) => Array.isArray(a)) ? all.flat() : undefined;
    }
    return undefined;
  }

  private literalValues(schema: IRSchema, depth = 0): (string | number | boolean | null)[] | undefined {
    const s = this.resolved(schema);
    if (!s || depth > 8) return undefined;
    if (s.kind === 'literal') return [s.value];
    if (s.kind === 'null') return [null];
    if (s.kind === 'union') {
      const all = s.members.map((m) => this.literalValues(m, depth + 1));
      return all.every((a) => a !== undefined) ? all.flat() : undefined;
    }
    return undefined;
  }

  /** The id of the schema a discriminator mapping value names: a `$ref`, or a bare component name. */
  private mappingTarget(ref: string, loc: Loc): string | undefined {
    if (/^[A-Za-z0-9_.-]+$/.test(ref)) {
      const section = this.spec.version === '2.0' ? '#/definitions' : '#/components/schemas';
      for (const file of new Set([loc.file, this.spec.entry.path])) {
        const named: Loc = { file, pointer: joinPointer(section, ref) };
        const value = this.spec.get(named);
        if (value === undefined) continue;
        const target = this.spec.deref(value, named);
        if (target) return idOf(target.loc);
      }
    }
    return this.targetOf({ $ref: ref }, loc)?.id;
  }

  /**
   * The schema as a request sends it. Models are printed once, response-side (without writeOnly
   * properties, with readOnly ones); a model that (through its refs) has either kind is replaced by
   * a request variant, `<Name>Param`, without its readOnly properties and keeping the writeOnly ones.
   * A body that is such a model itself is returned as its stripped object, since its properties
   * become the params' fields.
   */
  requestView(schema: IRSchema, flatten = false): IRSchema {
    if (flatten && schema.kind === 'ref' && this.needsVariant(schema.model)) {
      const target = this.models.get(schema.model)?.schema;
      if (target?.kind === 'object' && !target.additional) return withDocs(this.forRequest(target), schema.docs);
    }
    return this.forRequest(schema);
  }

  /** The state a `--watch` rebuild records and replays (replay.ts); only for a converter made `tracked`. */
  trackedState(): TrackedMap<never, unknown>[] {
    if (!this.tracked) throw new Error('trackedState of an untracked converter');
    return [this.models, this.inlineCache, this.variantNeeds, this.flags] as unknown as TrackedMap<never, unknown>[];
  }

  private forRequest(s: IRSchema): IRSchema {
    switch (s.kind) {
      case 'ref':
        return this.needsVariant(s.model) ? { ...s, model: this.variant(s.model) } : s;
      case 'array':
        return { ...s, items: this.forRequest(s.items) };
      case 'tuple':
        return { ...s, items: s.items.map((m) => this.forRequest(m)), ...(s.rest ? { rest: this.forRequest(s.rest) } : {}) };
      case 'union':
      case 'intersection':
        return { ...s, members: s.members.map((m) => this.forRequest(m)) };
      case 'object': {
        const properties = s.properties
          .filter((p) => sentInRequests(p))
          .map((p) => {
            const schema = this.forRequest(p.schema);
            // A required readOnly property stays, optional (see sentInRequests); the flags have
            // done their work here, and later request-side filters must not drop it again.
            const required = p.required && !p.schema.docs.readOnly;
            if (!schema.docs.writeOnly && !schema.docs.readOnly) return { ...p, required, schema };
            const { writeOnly: _w, readOnly: _r, ...docs } = schema.docs;
            return { ...p, required, schema: { ...schema, docs } };
          });
        return { ...s, properties, ...(s.additional ? { additional: this.forRequest(s.additional) } : {}) };
      }
      default:
        return s;
    }
  }

  /** Whether a model, or one it reaches, has readOnly or writeOnly properties. */
  private needsVariant(id: string): boolean {
    const known = this.variantNeeds.get(id);
    if (known !== undefined) return known;
    const seen = new Set<string>();
    const stack = [id];
    let found = false;
    while (stack.length && !found) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      const schema = this.models.get(next)?.schema;
      if (!schema) continue;
      walkSchema(schema, (x) => {
        if (x.kind === 'object' && x.properties.some((p) => p.schema.docs.readOnly || p.schema.docs.writeOnly)) found = true;
        if (x.kind === 'ref') stack.push(x.model);
      });
    }
    this.variantNeeds.set(id, found);
    return found;
  }

  /** The id of a model's request variant, made on first use. */
  private variant(id: string): string {
    const vid = `${id}~request`;
    if (!this.models.has(vid)) {
      const base = this.models.get(id)!;
      const draft: ModelDraft = { id: vid, name: this.names.claim(`${base.name}Param`), loc: base.loc };
      this.models.set(vid, draft);
      this.variantNeeds.set(vid, false);
      draft.schema = this.forRequest(base.schema!);
    }
    return vid;
  }

  /** The object a schema stands for, following model refs; undefined for non-objects. */
  objectView(schema: IRSchema): (IRSchema & { kind: 'object' }) | undefined {
    const target = this.resolved(schema);
    return target?.kind === 'object' ? target : undefined;
  }

  /**
   * The members of a union (oneOf/anyOf) whose every member is an object with named properties (an
   * intersection of such, like a discriminated member, merged), each as one object; else undefined.
   */
  unionObjectsView(schema: IRSchema): (IRSchema & { kind: 'object' })[] | undefined {
    const target = this.resolved(schema);
    if (target?.kind !== 'union' || target.members.length < 2) return undefined;
    // A union's union members are alternatives too (Stainless flattens them); raw bytes and null
    // cannot be a structured body's alternative, so they are none.
    const alternatives: IRSchema[] = [];
    const flatten = (members: readonly IRSchema[], depth: number) => {
      for (const m of members) {
        const r = this.resolved(m);
        if (r?.kind === 'union' && depth < 8 && !this.flatObjectView(r)) flatten(r.members, depth + 1);
        else if (r?.kind !== 'binary' && r?.kind !== 'null') alternatives.push(m);
      }
    };
    flatten(target.members, 0);
    if (alternatives.length < 2) return undefined;
    const objects = alternatives.map((m) => this.flatObjectView(m));
    return objects.every((o): o is IRSchema & { kind: 'object' } => o !== undefined && !o.additional) ? objects : undefined;
  }

  /**
   * The object a request body's fields spread from: an object, also when nullable (`X | null`: a
   * params object cannot be null) or an allOf of objects and one-member unions; else undefined.
   */
  bodyObjectView(schema: IRSchema): (IRSchema & { kind: 'object' }) | undefined {
    return this.flatObjectView(schema);
  }

  private flatObjectView(schema: IRSchema, depth = 0): (IRSchema & { kind: 'object' }) | undefined {
    const target = this.resolved(schema);
    if (target?.kind === 'object') return target;
    if (target?.kind === 'union' && depth < 8) {
      const present = target.members.filter((m) => this.resolved(m)?.kind !== 'null');
      const only = present.length === 1 ? this.flatObjectView(present[0]!, depth + 1) : undefined;
      return only && target.docs.description && !only.docs.description ? { ...only, docs: { ...only.docs, description: target.docs.description } } : only;
    }
    if (target?.kind !== 'intersection') return undefined;
    const parts = target.members.map((m) => this.flatObjectView(m, depth + 1));
    if (!parts.every((o): o is IRSchema & { kind: 'object' } => o !== undefined)) return undefined;
    // A later part (the discriminator's tag) narrows a property an earlier one declares.
    const byName = new Map<string, IRProperty>();
    for (const part of parts) for (const p of part.properties) byName.set(p.name, { ...p, required: p.required || !!byName.get(p.name)?.required });
    const additional = parts.map((o) => o.additional).find(Boolean);
    return { kind: 'object', properties: [...byName.values()], ...(additional ? { additional } : {}), loc: target.loc, docs: target.docs };
  }

  /** The schema a model ref stands for, through chains of models that are refs themselves (aliases). */
  private resolved(schema: IRSchema): IRSchema | undefined {
    let s: IRSchema | undefined = schema;
    for (let hops = 0; s?.kind === 'ref'; hops++) s = hops < 16 ? this.models.get(s.model)?.schema : undefined;
    return s;
  }

  private merge(objects: (IRSchema & { kind: 'object' })[], loc: Loc, docs: SchemaDocs): IRSchema {
    const byName = new Map<string, IRProperty>();
    for (const o of objects)
      for (const p of o.properties) {
        const prev = byName.get(p.name);
        if (prev && !compatible(prev.schema, p.schema) && !this.narrows(p.schema, prev.schema))
          this.warn(p.schema.loc, `allOf members disagree on property '${p.name}' (${prev.schema.kind} vs ${p.schema.kind}); the later one wins`);
        byName.set(p.name, { name: p.name, required: p.required || (prev?.required ?? false), schema: prev && p.schema.kind === 'unknown' ? prev.schema : p.schema });
      }
    const additional = objects.map((o) => o.additional).find(Boolean);
    return { kind: 'object', properties: [...byName.values()], ...(additional ? { additional } : {}), loc, docs };
  }

  /**
   * Whether `narrow` is one of the alternatives of the union `wide`: then allOf means `narrow`, and
   * the later member winning is exactly right. (Cloudflare's envelopes do this hundreds of times:
   * a common `result: anyOf [object, array, string]`, then each operation's own `result`.)
   */
  private narrows(narrow: IRSchema, wide: IRSchema, depth = 0): boolean {
    const union = this.resolved(wide);
    if (union?.kind !== 'union' || depth > 8) return false;
    const n = this.resolved(narrow) ?? narrow;
    // Alternatives may be unions themselves (a nullable object is `object | null`).
    return union.members.some((m) => {
      const alternative = this.resolved(m) ?? m;
      return alternative.kind === 'union' ? this.narrows(n, alternative, depth + 1) : compatible(n, alternative);
    });
  }

  private warn(loc: Loc, message: string): void {
    this.diagnostics.push(this.spec.place({ severity: 'warning', message, loc }));
  }

  private error(loc: Loc, message: string): void {
    this.diagnostics.push(this.spec.place({ severity: 'error', message, loc }));
  }
}

/**
 * The loader memoizes ref resolution by the location of the ref, so each config ref gets a
 * location of its own (outside the document, never read).
 */
export function configTarget(spec: LoadedSpec, ref: string): { id: string; value: unknown; loc: Loc } | undefined {
  const target = spec.deref({ $ref: ref }, { file: spec.entry.path, pointer: joinPointer('#/x-lathe-config', ref) });
  return target ? { id: idOf(target.loc), value: target.value, loc: target.loc } : undefined;
}

export function idOf(loc: Loc): string {
  return `${loc.file}${loc.pointer}`;
}

function at(loc: Loc, ...tokens: (string | number)[]): Loc {
  return { file: loc.file, pointer: joinPointer(loc.pointer, ...tokens) };
}

/** Components worth a name of their own: structures, not primitives with constraints. */
function isModelWorthy(value: unknown, loc: Loc, entry: string): boolean {
  if (!isRecord(value)) return false;
  if (!isNamedLocation(loc, entry)) return false;
  if (Array.isArray(value.enum) && value.enum.length > 1) return true;
  return hasObjectKeywords(value) || Array.isArray(value.oneOf) || Array.isArray(value.anyOf) || value.type === 'object' || (Array.isArray(value.allOf) && value.allOf.length > 1);
}

/** Component schemas, whole files, and (in files other than the entry) top-level entries: `pet.yaml#/Pet`. */
function isNamedLocation(loc: Loc, entry: string): boolean {
  if (loc.file !== entry && /^#\/[^/]+$/.test(loc.pointer)) return true;
  return /^#\/(components\/schemas|definitions|\$defs)\/[^/]+$/.test(loc.pointer) || loc.pointer === '#' || loc.pointer === '';
}

/** The schema name a discriminator value defaults to: the last segment of the `$ref` (or its file's base name). */
function implicitName(ref: string): string {
  const hash = ref.indexOf('#');
  const pointer = hash >= 0 ? ref.slice(hash + 1) : '';
  const last = pointer.split('/').pop();
  if (last) return decodeURIComponent(last).replace(/~1/g, '/').replace(/~0/g, '~');
  const file = (hash >= 0 ? ref.slice(0, hash) : ref).split('/').pop() ?? ref;
  return file.replace(/\.(ya?ml|json)$/i, '');
}

function modelName(loc: Loc): string {
  const tokens = loc.pointer.split('/');
  const last = tokens[tokens.length - 1];
  if (last && last !== '#') return pascalCase(last.replace(/~1/g, '/').replace(/~0/g, '~')) || 'Model';
  const base = loc.file.split(/[\\/]/).pop() ?? 'Model';
  return pascalCase(base.replace(/\.(ya?ml|json)$/i, '')) || 'Model';
}

function hasObjectKeywords(s: Raw): boolean {
  return isRecord(s.properties) || s.additionalProperties !== undefined || isRecord(s.patternProperties);
}

function nullable(schema: IRSchema, loc: Loc): IRSchema {
  const nul: IRSchema = { kind: 'null', loc, docs: {} };
  if (schema.kind === 'union') return { ...schema, members: [...schema.members, nul] };
  return { kind: 'union', members: [{ ...schema, docs: {} }, nul], loc, docs: schema.docs };
}

/** Wrapper docs win over the target's (a property's description beats its type's). */
function withDocs(schema: IRSchema, docs: SchemaDocs): IRSchema {
  if (Object.keys(docs).length === 0) return schema;
  const merged: SchemaDocs = { ...schema.docs, ...docs };
  if (schema.docs.constraints || docs.constraints) (merged as { constraints?: Constraints }).constraints = { ...schema.docs.constraints, ...docs.constraints };
  return { ...schema, docs: merged };
}

function compatible(a: IRSchema, b: IRSchema): boolean {
  if (a.kind === 'unknown' || b.kind === 'unknown') return true;
  const num = (k: string) => (k === 'integer' ? 'number' : k);
  return num(a.kind) === num(b.kind) || a.kind === 'literal' || b.kind === 'literal';
}

function literal(v: unknown): string | number | boolean | null {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : JSON.stringify(v);
}

type ConstraintKey = 'maxLength' | 'minLength' | 'minimum' | 'maximum' | 'multipleOf' | 'minItems' | 'maxItems' | 'minProperties' | 'maxProperties';

/** The numeric constraints, in the order docs list them. */
const CONSTRAINT_KEYS: readonly ConstraintKey[] = [
  'maxLength', 'minLength', 'minimum', 'maximum', 'multipleOf', 'minItems', 'maxItems', 'minProperties', 'maxProperties',
];

/**
 * The docs and constraints of a schema. One pass over its own keys: parsed JSON objects come in
 * thousands of shapes, so looking each of twenty keywords up by name was ir's most expensive step
 * on a big spec, while most schemas have only a few keys.
 */
export function docsOf(s: Raw): SchemaDocs {
  let title: unknown, description: unknown, format: unknown, deprecated: unknown, readOnly: unknown, writeOnly: unknown;
  let def: { value: unknown } | undefined, example: { value: unknown } | undefined, examples: unknown;
  let pattern: unknown, uniqueItems: unknown, exclusiveMinimum: unknown, exclusiveMaximum: unknown;
  let numbers: Partial<Record<ConstraintKey, unknown>> | undefined;
  for (const key in s) {
    switch (key) {
      case 'title': title = s.title; break;
      case 'description': description = s.description; break;
      case 'format': format = s.format; break;
      case 'deprecated': deprecated = s.deprecated; break;
      case 'default': def = { value: s.default }; break;
      case 'example': example = { value: s.example }; break;
      case 'examples': examples = s.examples; break;
      case 'readOnly': readOnly = s.readOnly; break;
      case 'writeOnly': writeOnly = s.writeOnly; break;
      case 'pattern': pattern = s.pattern; break;
      case 'uniqueItems': uniqueItems = s.uniqueItems; break;
      case 'exclusiveMinimum': exclusiveMinimum = s.exclusiveMinimum; break;
      case 'exclusiveMaximum': exclusiveMaximum = s.exclusiveMaximum; break;
      case 'maxLength': case 'minLength': case 'minimum': case 'maximum': case 'multipleOf':
      case 'minItems': case 'maxItems': case 'minProperties': case 'maxProperties':
        (numbers ??= {})[key] = s[key];
        break;
    }
  }
  const docs: { -readonly [K in keyof SchemaDocs]: SchemaDocs[K] } = {};
  if (typeof title === 'string') docs.title = title;
  if (typeof description === 'string') docs.description = description;
  if (typeof format === 'string') docs.format = format;
  if (deprecated === true) docs.deprecated = true;
  if (def) docs.default = def;
  if (example) docs.example = example;
  else if (Array.isArray(examples) && examples.length) docs.example = { value: examples[0] };
  if (readOnly === true) docs.readOnly = true;
  if (writeOnly === true) docs.writeOnly = true;
  if (!numbers && pattern === undefined && uniqueItems === undefined && exclusiveMinimum === undefined && exclusiveMaximum === undefined) return docs;
  const c: { -readonly [K in keyof Constraints]: Constraints[K] } = {};
  // 3.0 spells exclusive bounds as booleans next to minimum/maximum; 3.1 as numbers.
  const exclusiveMin = exclusiveMinimum === true && typeof numbers?.minimum === 'number';
  const exclusiveMax = exclusiveMaximum === true && typeof numbers?.maximum === 'number';
  // No `delete` on the object: that would turn it into a slow dictionary for every later reader.
  if (numbers)
    for (const k of CONSTRAINT_KEYS) {
      const v = numbers[k];
      if (typeof v === 'number' && !(k === 'minimum' && exclusiveMin) && !(k === 'maximum' && exclusiveMax)) c[k] = v;
    }
  if (typeof pattern === 'string') c.pattern = pattern;
  if (uniqueItems === true) c.uniqueItems = true;
  if (typeof exclusiveMinimum === 'number') c.exclusiveMinimum = exclusiveMinimum;
  else if (exclusiveMin) c.exclusiveMinimum = numbers!.minimum as number;
  if (typeof exclusiveMaximum === 'number') c.exclusiveMaximum = exclusiveMaximum;
  else if (exclusiveMax) c.exclusiveMaximum = numbers!.maximum as number;
  if (Object.keys(c).length) docs.constraints = c;
  return docs;
}

export function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Whether a request may carry the property. OpenAPI: a readOnly property is not sent, and its
 * `required` binds responses only. But specs mark fields readOnly that their server demands in a
 * request (Cloudflare's `tunnel_id`), and Stainless's SDKs send them: a required readOnly property
 * is kept, optional, so it can be sent and need not be. An optional readOnly one is left out.
 */
export function sentInRequests(p: { readonly required: boolean; readonly schema: { readonly docs: { readonly readOnly?: boolean } } }): boolean {
  return !p.schema.docs.readOnly || p.required;
}

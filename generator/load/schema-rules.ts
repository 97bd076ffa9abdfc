import type { Loc } from '../diagnostics.js';
import { isObject, type CheckContext } from './context.js';
import { child, locKey } from './pointer.js';
import { describe, isRef } from './refs.js';
import type { OpenAPIVersion } from './types.js';

const TYPES: Record<OpenAPIVersion, readonly string[]> = {
  '2.0': ['string', 'number', 'integer', 'boolean', 'object', 'array', 'file'],
  '3.0': ['string', 'number', 'integer', 'boolean', 'object', 'array'],
  '3.1': ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'],
};

/** Every type name lathe understands, whatever the version (`file` is Swagger 2.0's). */
const KNOWN_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null', 'file'];

/** Keywords whose value is a map of name -> schema. */
const SCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'];
/** Keywords whose value is one schema. */
const SCHEMA_ONE = [
  'additionalProperties', 'items', 'not', 'if', 'then', 'else', 'contains', 'propertyNames',
  'unevaluatedItems', 'unevaluatedProperties', 'additionalItems', 'contentSchema',
];
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

/** What each keyword that holds schemas holds. */
const SUBSCHEMA_KEYWORDS = new Map<string, 'map' | 'one' | 'list'>([
  ...SCHEMA_MAPS.map((k) => [k, 'map'] as const),
  ...SCHEMA_ONE.map((k) => [k, 'one'] as const),
  ...SCHEMA_LISTS.map((k) => [k, 'list'] as const),
]);

/**
 * Checks schemas: each schema (by its real location) once, however many refs lead to it, with a
 * work list rather than recursion so that deeply nested schemas cannot overflow the stack.
 */
export class SchemaRules {
  private readonly queue: [unknown, Loc][] = [];
  private draining = false;

  /**
   * `visit` marks a schema's location checked and says whether it is the first time (the caller
   * keeps that set: it spans units of validation, check-units.ts); `throughRef` says the schema was
   * reached by following a `$ref` just now.
   */
  constructor(
    private readonly ctx: CheckContext,
    private readonly visit: (key: string, throughRef: boolean) => boolean,
  ) {}

  check(value: unknown, loc: Loc): void {
    this.queue.push([value, loc]);
    if (this.draining) return;
    this.draining = true;
    for (let item = this.queue.shift(); item; item = this.queue.shift()) this.one(item[0], item[1]);
    this.draining = false;
  }

  private one(value: unknown, loc: Loc): void {
    const throughRef = isRef(value);
    if (throughRef) {
      const target = this.ctx.deref(value, loc);
      if (!target) return;
      [value, loc] = [target.value, target.loc];
    }
    if (!this.visit(locKey(loc), throughRef)) return;
    if (typeof value === 'boolean') return;
    if (!isObject(value)) {
      this.ctx.report('error', `a schema must be an object or a boolean, not ${describe(value)}`, loc);
      return;
    }
    // Child locations are built only where something is there: this runs for every schema.
    const types = this.type(value, loc);
    if (value.required !== undefined) this.required(value.required, child(loc, 'required'));
    this.enumValues(value, loc, types);
    this.subschemas(value, loc);
  }

  /** Returns the declared types when `type` is valid, for the enum check. */
  private type(schema: Record<string, unknown>, loc: Loc): readonly string[] | undefined {
    if (!Object.hasOwn(schema, 'type')) return undefined;
    const type = schema.type;
    const at = (): Loc => child(loc, 'type');
    const allowed = TYPES[this.ctx.version];
    // `null` and type lists are 3.1 features that older real specs (Slack's) use anyway; they have
    // one obvious meaning, so they are read as in 3.1 with a warning rather than refused.
    const names = Array.isArray(type) ? type : [type];
    const bad = names.filter((t) => typeof t !== 'string' || !KNOWN_TYPES.includes(t));
    if (bad.length > 0 || names.length === 0) {
      const what = typeof type === 'string' ? `'${type}' is` : Array.isArray(type) ? `lists ${bad.map((t) => JSON.stringify(t)).join(', ')}, which is` : `is ${describe(type)},`;
      this.ctx.report('error', `\`type\` ${what} not one of ${allowed.join(', ')}`, at());
      return undefined;
    }
    if (this.ctx.version !== '3.1') {
      const newer = Array.isArray(type) ? 'a list of types' : names.includes('null') ? "type 'null'" : undefined;
      if (newer) this.ctx.report('warning', `${newer} needs OpenAPI 3.1 (this document is ${this.ctx.version}); read as in 3.1`, at());
    }
    return names as string[];
  }

  private required(required: unknown, at: Loc): void {
    if (Array.isArray(required) && required.every((r) => typeof r === 'string')) return;
    const hint =
      typeof required === 'boolean'
        ? "; to make a property required, list its name in the object schema's `required`"
        : '';
    // Lenient for the boolean (Swagger-era habit, seen in hey-api's own 3.1 test spec): ignored, with a warning.
    const severity = typeof required === 'boolean' ? 'warning' : 'error';
    const ignored = typeof required === 'boolean' ? '; ignored' : '';
    this.ctx.report(severity, `\`required\` must be an array of property names, not ${describe(required)}${hint}${ignored}`, at);
  }

  private enumValues(schema: Record<string, unknown>, loc: Loc, types: readonly string[] | undefined): void {
    if (!Object.hasOwn(schema, 'enum')) return;
    const at = child(loc, 'enum');
    const values = schema.enum;
    if (!Array.isArray(values)) {
      this.ctx.report('error', `\`enum\` must be an array, not ${describe(values)}`, at);
      return;
    }
    if (!types) return;
    const nullable = schema.nullable === true || schema['x-nullable'] === true;
    values.forEach((raw, i) => {
      // Some specs build enums from refs to other values (swagger-parser's deep-circular does).
      const value = isRef(raw) ? this.ctx.deref(raw, child(at, i))?.value : raw;
      if (value === undefined || (value === null && nullable) || types.some((t) => matches(value, t))) return;
      // A warning: real specs (Rebilly's) have unquoted numbers in string enums; the value is kept.
      this.ctx.report('warning', `enum value ${preview(value)} does not match the schema's type (${types.join(', ')})`, child(at, i));
    });
  }

  /** `properties` and friends: name -> schema. */
  private schemaMap(value: unknown, at: Loc, keyword: string): void {
    let map: unknown = value;
    let mapAt = at;
    if (isRef(value)) {
      // Not allowed by OpenAPI, but real specs (DigitalOcean's) share property sets this way.
      this.ctx.report(
        'warning',
        `\`${keyword}\` is a $ref, which OpenAPI does not allow here (it maps names to schemas); lathe follows it`,
        child(at, '$ref'),
      );
      const target = this.ctx.deref(value, at);
      if (!target) return;
      for (const [name, sub] of Object.entries(value)) if (name !== '$ref') this.check(sub, child(at, name));
      [map, mapAt] = [target.value, target.loc];
    }
    if (!isObject(map)) {
      this.ctx.report('error', `\`${keyword}\` must be an object mapping names to schemas, not ${describe(map)}`, mapAt);
      return;
    }
    for (const [name, sub] of Object.entries(map)) this.check(sub, child(mapAt, name));
  }

  private subschemas(schema: Record<string, unknown>, loc: Loc): void {
    // One pass over the schema's own keys: looking up each of twenty-one keywords by name on
    // objects of thousands of shapes cost more than the checks themselves.
    for (const keyword in schema) {
      const holds = SUBSCHEMA_KEYWORDS.get(keyword);
      const sub = schema[keyword];
      if (!holds || sub === undefined) continue;
      if (holds === 'map') this.schemaMap(sub, child(loc, keyword), keyword);
      else if (holds === 'one') {
        // Draft-4 tuple `items: [..]` (Swagger 2.0 era) is a list of schemas.
        if (keyword === 'items' && Array.isArray(sub)) sub.forEach((s, i) => this.check(s, child(loc, keyword, i)));
        else this.check(sub, child(loc, keyword));
      } else if (!Array.isArray(sub)) {
        this.ctx.report('error', `\`${keyword}\` must be an array of schemas, not ${describe(sub)}`, child(loc, keyword));
      } else {
        sub.forEach((s, i) => this.check(s, child(loc, keyword, i)));
      }
    }
  }
}

function matches(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    default:
      return true;
  }
}

function preview(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

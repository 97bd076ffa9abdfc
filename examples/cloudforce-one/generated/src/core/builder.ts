// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.
/**
 * Pure helpers used by generated request builders: path templating, query serialization and the
 * parameter checks that must reject bad input before anything is sent.
 */
import { ParamError } from './errors.js';
import { isRecord } from './util.js';

/** The schema keywords checked at runtime (the ones that protect the URL or are cheap to check). */
export interface ParamConstraints {
  readonly minLength?: number;
  readonly maxLength?: number;
  /** An ECMAScript regular expression, unanchored as in JSON Schema. */
  readonly pattern?: string;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
}

export type QueryStyle = 'form' | 'deepObject' | 'spaceDelimited' | 'pipeDelimited';
export interface QueryEncoding {
  readonly style?: QueryStyle;
  /** Defaults to OpenAPI's default: true for `form`, false otherwise. */
  readonly explode?: boolean;
}
export type QueryEntry = readonly [name: string, value: unknown, encoding?: QueryEncoding];
export type HeaderEntry = readonly [name: string, value: unknown];

const PLACEHOLDER = /\{([^{}]+)\}/g;
const UNSAFE_SEGMENTS = new Set(['', '.', '..']);

/**
 * Substitutes `{name}` placeholders with percent-encoded values. Every value is encoded as a whole
 * (`/`, `?`, `#` included) and segments that a server would normalise away (`.`, `..`, empty) are
 * rejected, so no value can change which route is called.
 */
export function formatPath(
  template: string,
  values: Readonly<Record<string, unknown>>,
  constraints: Readonly<Record<string, ParamConstraints>> = {},
): string {
  return template
    .split('/')
    .map((segment) => {
      const names: string[] = [];
      const formatted = segment.replace(PLACEHOLDER, (_match, name: string) => {
        names.push(name);
        const value = Object.hasOwn(values, name) ? values[name] : undefined;
        return encodePathValue(name, value, Object.hasOwn(constraints, name) ? constraints[name] : undefined);
      });
      if (names.length > 0 && UNSAFE_SEGMENTS.has(formatted)) {
        const shown = formatted === '' ? 'empty' : `'${formatted}'`;
        throw new ParamError(
          names[0]!,
          `Path parameter ${quoteList(names)} must not make a path segment ${shown}`,
        );
      }
      return formatted;
    })
    .join('/');
}

function encodePathValue(name: string, value: unknown, constraints: ParamConstraints | undefined): string {
  if (value === undefined || value === null) {
    throw new ParamError(name, `Missing required path parameter '${name}'`);
  }
  if (!isScalar(value) || (typeof value === 'number' && !Number.isFinite(value))) {
    throw new ParamError(name, `Path parameter '${name}' must be a string, a finite number or a boolean`);
  }
  checkParam(name, value, constraints);
  try {
    return encodeURIComponent(String(value));
  } catch {
    // encodeURIComponent throws URIError on lone UTF-16 surrogates.
    throw new ParamError(name, `Path parameter '${name}' is not well-formed Unicode`);
  }
}

/** Throws a ParamError naming `name` when `value` violates `constraints`. Undefined values pass. */
export function checkParam(name: string, value: unknown, constraints: ParamConstraints | undefined): void {
  if (constraints === undefined || value === undefined) return;
  const fail = (rule: string): never => {
    throw new ParamError(name, `Parameter '${name}' ${rule}`);
  };
  const { minLength, maxLength, pattern, minimum, maximum, exclusiveMinimum, exclusiveMaximum } = constraints;
  if (constraints.enum !== undefined && !constraints.enum.includes(value)) {
    fail(`must be one of ${constraints.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  if (typeof value === 'string') {
    // JSON Schema counts code points, not UTF-16 units.
    const length = [...value].length;
    if (maxLength !== undefined && length > maxLength)
      fail(`must be at most ${maxLength} characters (got ${length})`);
    if (minLength !== undefined && length < minLength)
      fail(`must be at least ${minLength} characters (got ${length})`);
    if (pattern !== undefined && !compilePattern(pattern).test(value)) fail(`must match /${pattern}/`);
  }
  if (typeof value === 'number') {
    if (minimum !== undefined && value < minimum) fail(`must be >= ${minimum}`);
    if (maximum !== undefined && value > maximum) fail(`must be <= ${maximum}`);
    if (exclusiveMinimum !== undefined && value <= exclusiveMinimum) fail(`must be > ${exclusiveMinimum}`);
    if (exclusiveMaximum !== undefined && value >= exclusiveMaximum) fail(`must be < ${exclusiveMaximum}`);
  }
}

const patterns = new Map<string, RegExp>();

function compilePattern(pattern: string): RegExp {
  let regexp = patterns.get(pattern);
  if (regexp === undefined) {
    try {
      regexp = new RegExp(pattern, 'u');
    } catch {
      // Many specs write patterns like `[\w\-]+` that only the legacy (non-unicode) syntax accepts.
      regexp = new RegExp(pattern);
    }
    patterns.set(pattern, regexp);
  }
  return regexp;
}

/** Throws a ParamError naming every listed property of `params` that is undefined. */
export function requireParams(params: object | null | undefined, names: readonly string[]): void {
  const record = (params ?? {}) as Record<string, unknown>;
  const missing = names.filter((name) => record[name] === undefined);
  if (missing.length > 0) {
    throw new ParamError(
      missing[0]!,
      `Missing required parameter${missing.length > 1 ? 's' : ''} ${quoteList(missing)}`,
    );
  }
}

const DELIMITERS: Record<QueryStyle, string> = {
  form: ',',
  deepObject: ',',
  spaceDelimited: ' ',
  pipeDelimited: '|',
};

/**
 * Serializes query parameters per OpenAPI `style`/`explode` into ordered, not yet percent-encoded
 * pairs. Undefined and null values (and empty arrays) are omitted.
 */
export function serializeQuery(entries: readonly QueryEntry[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [name, value, encoding] of entries) {
    const style = encoding?.style ?? 'form';
    const explode = encoding?.explode ?? style === 'form';
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      const items = value.filter((item) => item !== undefined && item !== null).map(stringify);
      if (explode) items.forEach((item) => pairs.push([name, item]));
      else if (items.length > 0) pairs.push([name, items.join(DELIMITERS[style])]);
    } else if (isRecord(value) && !(value instanceof Date)) {
      if (style === 'deepObject') addDeepObject(pairs, name, value);
      else if (explode) definedEntries(value).forEach(([key, item]) => pairs.push([key, stringify(item)]));
      else
        pairs.push([
          name,
          definedEntries(value)
            .flatMap(([key, item]) => [key, stringify(item)])
            .join(','),
        ]);
    } else {
      pairs.push([name, stringify(value)]);
    }
  }
  return pairs;
}

/** `name[key]=v`, nesting for sub-objects and repeating the key for arrays (the `qs` convention). */
function addDeepObject(pairs: Array<[string, string]>, prefix: string, value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== undefined && item !== null) addDeepObject(pairs, prefix, item);
  } else if (isRecord(value) && !(value instanceof Date)) {
    definedEntries(value).forEach(([key, item]) => addDeepObject(pairs, `${prefix}[${key}]`, item));
  } else {
    pairs.push([prefix, stringify(value)]);
  }
}

/**
 * Header and cookie params as request headers: undefined and null values are left out, and cookie
 * params are joined into one `Cookie` header with percent-encoded values.
 */
export function requestHeaders(
  headers: readonly HeaderEntry[],
  cookies: readonly HeaderEntry[] = [],
): Record<string, string> {
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of headers) {
    if (value !== undefined && value !== null) pairs.push([name, stringify(value)]);
  }
  const cookie = cookies
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => `${name}=${encodeURIComponent(stringify(value))}`);
  if (cookie.length > 0) pairs.push(['Cookie', cookie.join('; ')]);
  // fromEntries defines own properties, so a header named `__proto__` stays a header.
  return Object.fromEntries(pairs);
}

function definedEntries(value: Record<string, unknown>): Array<[string, unknown]> {
  return Object.entries(value).filter(([, item]) => item !== undefined && item !== null);
}

/** Strings as-is, Dates as ISO 8601, other scalars via String, anything structured as JSON. */
export function stringify(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (isScalar(value)) return String(value);
  return JSON.stringify(value);
}

function isScalar(value: unknown): value is string | number | boolean | bigint {
  return (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    typeof value === 'bigint'
  );
}

function quoteList(names: readonly string[]): string {
  return names.map((name) => `'${name}'`).join(', ');
}

/**
 * The wire model: the document's `paths`, `webhooks`, `components` and `operations` as the type
 * shapes openapi-fetch reads (the layout openapi-typescript made the convention), decided in ir/ so
 * that generator/wire only prints. A tagged union on `kind`, like the rest of the IR.
 */

export type WireType =
  | { readonly kind: 'keyword'; readonly name: 'string' | 'number' | 'boolean' | 'null' | 'unknown' | 'never' }
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  /** An indexed access from a root type: `['components', 'schemas', 'Pet']` is `components['schemas']['Pet']`. */
  | { readonly kind: 'ref'; readonly path: readonly string[] }
  | { readonly kind: 'array'; readonly items: WireType }
  | { readonly kind: 'tuple'; readonly items: readonly WireType[] }
  /** A type literal; `index` is a string index signature (`[key: string]: T`). */
  | { readonly kind: 'object'; readonly members: readonly WireMember[]; readonly index?: { readonly name: string; readonly type: WireType } }
  | { readonly kind: 'union' | 'intersection'; readonly members: readonly WireType[] }
  /** `Record<string, never>`: an object type that allows no property. */
  | { readonly kind: 'empty-object' }
  /** `type` with the properties `keys` made required (allOf over a `$ref` with an outer `required`). */
  | { readonly kind: 'with-required'; readonly type: WireType; readonly keys: readonly string[] }
  /** `Omit<type, keys>`: a discriminated parent in an allOf, without the property its child sets. */
  | { readonly kind: 'omit'; readonly type: WireType; readonly keys: readonly string[] };

export interface WireMember {
  readonly name: string;
  readonly optional: boolean;
  readonly readonly: boolean;
  readonly type: WireType;
  /** JSDoc lines, from the spec's title, description, format, default, examples. */
  readonly docs?: readonly string[];
}

export const UNKNOWN: WireType = { kind: 'keyword', name: 'unknown' };
export const NEVER: WireType = { kind: 'keyword', name: 'never' };
export const STRING: WireType = { kind: 'keyword', name: 'string' };

/**
 * Discriminators in the wire types, as openapi-fetch users know them from openapi-typescript: a
 * schema a discriminated `oneOf` (or a discriminator's `mapping`) points at gets the discriminator
 * property, required, typed as the values that select it; a schema that extends a discriminated
 * parent through `allOf` gets the property as the literal of its own name (or mapping key).
 * Found by one walk of the entry document; applied while converting (the spec is not changed).
 */
import { joinPointer } from '../diagnostics.js';
import type { LoadedSpec } from '../load/types.js';

type Raw = Record<string, unknown>;

interface Discriminator {
  readonly propertyName: string;
  readonly mapping?: Readonly<Record<string, string>>;
}

export interface Discriminators {
  /** Schema object (of the entry file) -> the discriminator properties to add, each with the values that select it. */
  readonly patches: ReadonlyMap<object, readonly { property: string; values: readonly string[] }[]>;
  /** Schema pointer -> the discriminator it falls under (its own or an allOf parent's). */
  readonly objects: ReadonlyMap<string, Discriminator>;
  /** Schemas already given the property by a patch. */
  readonly handled: ReadonlySet<string>;
  /** All of the above as text, with each patch by the pointer of the schema it changes. */
  readonly outline: string;
}

export function scanDiscriminators(spec: LoadedSpec): Discriminators {
  const root = spec.entry.root;
  const objects = new Map<string, Discriminator>();
  const patches = new Map<object, { property: string; values: string[] }[]>();
  const handled = new Set<string>();
  const patched: [string, string, string[]][] = [];
  const patch = (target: string, property: string, values: string[]) => {
    if (!isLocal(target)) return;
    const value = resolve(root, target);
    if (!isRecord(value) || (!Array.isArray(value.allOf) && value.type !== 'object')) return;
    const list = patches.get(value) ?? [];
    list.push({ property, values });
    patches.set(value, list);
    handled.add(target);
    patched.push([target, property, values]);
  };
  const { discriminated, extending } = collect(root);
  for (const { obj, pointer } of discriminated) {
    const d = discriminatorOf(obj);
    if (!d) continue;
    objects.set(pointer, d);
    if (!Array.isArray(obj.oneOf)) continue;
    const mapping = new Map<string, { inferred?: string; defined?: string[] }>();
    for (const item of obj.oneOf)
      if (isRecord(item) && typeof item.$ref === 'string') {
        const value = item.$ref.split('/').pop();
        if (value) mapping.set(item.$ref, { ...mapping.get(item.$ref), inferred: value });
      }
    for (const [key, ref] of Object.entries(d.mapping ?? {})) {
      const entry = mapping.get(ref);
      if (entry?.defined) entry.defined.push(key);
      else mapping.set(ref, { defined: [key] });
    }
    for (const [ref, { inferred, defined }] of mapping) {
      if (handled.has(ref)) continue;
      const values = defined ?? (inferred ? [inferred] : []);
      if (values.length) patch(ref, d.propertyName, values);
    }
  }
  for (const { obj, pointer } of extending) {
    for (const item of obj.allOf as unknown[]) {
      if (!isRecord(item)) continue;
      if (typeof item.$ref === 'string') {
        const parent = objects.get(item.$ref);
        if (!parent) break;
        const values = Object.entries(parent.mapping ?? {}).flatMap(([key, ref]) => (ref === pointer ? [key] : []));
        if (values.length) patch(pointer, parent.propertyName, values);
        objects.set(pointer, parent);
      } else {
        const d = discriminatorOf(item);
        if (d) objects.set(pointer, d);
      }
    }
  }
  return { patches, objects, handled, outline: JSON.stringify([[...objects], [...handled], patched]) };
}

/** The value the discriminator property of the schema at `pointer` takes: a mapping key naming it, else its own name. */
export function discriminatorValue(d: Discriminator, pointer: string): string {
  const own = unescape(pointer.split('/').pop() ?? '');
  const mapped = Object.entries(d.mapping ?? {}).find(([, v]) => (v.startsWith('#') ? unescape(v.split('/').pop() ?? '') === own : v === own));
  return mapped ? mapped[0] : own;
}

/** The schema with the patches applied (a copy; the spec stays as loaded). */
export function applyPatches(value: Raw, list: readonly { property: string; values: readonly string[] }[]): Raw {
  let out = value;
  for (const { property, values } of list) {
    const enumSchema = { type: 'string', enum: [...values] };
    if (Array.isArray(out.allOf)) out = { ...out, allOf: [...out.allOf, { type: 'object', required: [property], properties: { [property]: enumSchema } }] };
    else {
      const required = Array.isArray(out.required) ? out.required : [];
      out = {
        ...out,
        properties: { ...(isRecord(out.properties) ? out.properties : {}), [property]: enumSchema },
        required: required.includes(property) ? required : [...required, property],
      };
    }
  }
  return out;
}

function discriminatorOf(obj: Raw): Discriminator | undefined {
  const d = obj.discriminator;
  if (!isRecord(d) || typeof d.propertyName !== 'string' || !d.propertyName) return undefined;
  const mapping = isRecord(d.mapping) ? Object.fromEntries(Object.entries(d.mapping).filter((e): e is [string, string] => typeof e[1] === 'string')) : undefined;
  return { propertyName: d.propertyName, ...(mapping ? { mapping } : {}) };
}

interface Found {
  readonly obj: Raw;
  readonly pointer: string;
}

/** What `collect` found under one object, with pointers relative to it. */
interface Finds {
  readonly discriminated: readonly (readonly [Raw, readonly string[]])[];
  readonly extending: readonly (readonly [Raw, readonly string[]])[];
}

/**
 * The finds of each unit of the document (a path item, a component: the values two levels down),
 * by object. The loader never changes a value, and `--watch` keeps the values an edit did not touch
 * the same objects from one run to the next (load/memory.ts): after an edit, only the units it
 * changed are walked again.
 */
const unitFinds = new WeakMap<object, Finds>();

/**
 * One walk of the document, in document order: the objects with a `discriminator`, and those with
 * an `allOf` (all of the first are read before any of the second). Pointers are built only for them.
 */
function collect(root: unknown): { discriminated: Found[]; extending: Found[] } {
  const discriminated: Found[] = [];
  const extending: Found[] = [];
  const add = (prefix: readonly string[], finds: Finds) => {
    for (const [obj, rel] of finds.discriminated) discriminated.push({ obj, pointer: joinPointer('#', ...prefix, ...rel) });
    for (const [obj, rel] of finds.extending) extending.push({ obj, pointer: joinPointer('#', ...prefix, ...rel) });
  };
  const top = isRecord(root) ? root : {};
  add([], walk(top, 0));
  for (const [k1, group] of Object.entries(top))
    if (typeof group === 'object' && group !== null) {
      add([k1], walk(group, 0));
      for (const [k2, unit] of Object.entries(group))
        if (typeof unit === 'object' && unit !== null) {
          let finds = unitFinds.get(unit);
          if (!finds) unitFinds.set(unit, (finds = walk(unit, Infinity)));
          add([k1, k2], finds);
        }
    }
  return { discriminated, extending };
}

/** The finds under `node`, `depth` levels down at most (the root's own two levels, walked by `collect`). */
function walk(node: object, depth: number): Finds {
  const discriminated: [Raw, string[]][] = [];
  const extending: [Raw, string[]][] = [];
  const tokens: string[] = [];
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      if (tokens.length >= depth) return;
      for (let i = 0; i < node.length; i++) {
        tokens.push(String(i));
        visit(node[i]);
        tokens.pop();
      }
      return;
    }
    const obj = node as Raw;
    if (obj.discriminator !== undefined) discriminated.push([obj, [...tokens]]);
    if (Array.isArray(obj.allOf)) extending.push([obj, [...tokens]]);
    if (tokens.length >= depth) return;
    for (const k in obj) {
      const v = obj[k];
      if (typeof v !== 'object' || v === null) continue;
      tokens.push(k);
      visit(v);
      tokens.pop();
    }
  };
  visit(node);
  return { discriminated, extending };
}

function isLocal(ref: string): boolean {
  return ref.startsWith('#/');
}

function resolve(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    if (!isRecord(node) && !Array.isArray(node)) return undefined;
    node = (node as Raw)[unescape(raw)];
  }
  return node;
}

function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * ir -> wire, unit by unit: `src/openapi.ts` from the components and each path item and webhook
 * (ir/wire.ts). A unit whose own part of the document is as in the last run, whose refs resolve
 * to the same values, and whose document outline (component names, discriminators) is the same,
 * is not made again: its text comes from the last run's file (wire/cache.ts). After an edit of one
 * operation, one path item is made and printed.
 */
import { cacheKey, onceEach } from '../emit/disk-cache.js';
import { partsFile, type OutputFile } from '../emit/output.js';
import { WireBuilder, type WireUnit } from '../ir/wire.js';
import { valueAt } from '../load/pointer.js';
import type { LoadedSpec } from '../load/types.js';
import type { EarlierUnit, HeldDep, UnitRecord } from './cache.js';
import { assemble, printComponents, printPath, WIRE_FILE, type UnitText } from './index.js';

const SWAGGER_2 = `// No wire types: openapi-fetch's layout is OpenAPI 3's, and this is a Swagger 2.0 document.
export type paths = Record<string, never>;
export type webhooks = Record<string, never>;
export type components = Record<string, never>;
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
`;

/** A unit's text and the refs it holds through (with what they resolved to). */
interface Made {
  readonly key: string | undefined;
  readonly text: UnitText;
  readonly deps: readonly HeldDep[];
}

export interface WireOutput {
  readonly file: OutputFile;
  /** The units, for the cache to find next run (wire/cache.ts); none for a multi-file spec. */
  readonly units?: readonly UnitRecord[];
}

/**
 * @param cache `last`: the last run's units (wire/cache.ts `earlier`); `record`: give this run's
 * units for the cache. Without it (or for a multi-file spec) no unit is keyed.
 */
export function wireFile(spec: LoadedSpec, header: string, cache?: { readonly last: ReadonlyMap<string, EarlierUnit> | undefined; readonly record: boolean }): WireOutput {
  if (spec.version === '2.0') return { file: { path: WIRE_FILE, content: `${header}\n${SWAGGER_2}` } };
  const builder = new WireBuilder(spec);
  // Within one file only: the names given to other files' schemas depend on the order they are met in.
  const single = spec.files.size === 1;
  const earlier = single ? cache?.last : undefined;
  const record = single && cache?.record === true;
  // Hashed once: it is long (every component's name), and in every unit's key.
  const outline = earlier || record ? cacheKey(builder.outline()) : '';
  const digestOfRef = refDigests(spec);
  const keyOf = (where: string, name: string, value: unknown) => {
    if (!earlier && !record) return undefined;
    const digest = valueKey(value);
    return digest === undefined ? undefined : cacheKey(outline, where, name, digest);
  };
  const reused = (key: string | undefined): Made | undefined => {
    const unit = key === undefined ? undefined : earlier?.get(key);
    return unit?.deps.every(([file, ref, digest]) => digestOfRef(file, ref) === digest) ? { key, ...unit } : undefined;
  };
  const held = (unit: WireUnit): HeldDep[] => (record ? unit.deps.map(({ file, ref }) => [file, ref, digestOfRef(file, ref)]) : []);

  const root = spec.entry.root as Record<string, unknown>;
  const componentsKey = keyOf('components', '', root.components);
  const oldComponents = reused(componentsKey);
  const componentsUnit = oldComponents ? undefined : builder.components();
  const items = (where: 'paths' | 'webhooks'): Made[] =>
    builder.entries(where).map(([name, item]) => {
      const key = keyOf(where, name, item);
      const old = reused(key);
      if (old) return old;
      const unit = builder.path(name, item);
      return { key, text: printPath(unit), deps: held(unit) };
    });
  const paths = items('paths');
  const webhooks = builder.hasWebhooks() ? items('webhooks') : undefined;
  // Printed after the paths: in a multi-file spec, they may meet more schemas of other files.
  const components: Made = oldComponents ?? { key: componentsKey, text: printComponents(componentsUnit!, builder.moreSchemas()), deps: held(componentsUnit!) };

  const { parts, spans } = assemble(header, { paths: paths.map((p) => p.text), ...(webhooks ? { webhooks: webhooks.map((w) => w.text) } : {}), components: components.text });
  const file = partsFile(WIRE_FILE, parts);
  if (!record) return { file };
  const units = [...paths, ...(webhooks ?? []), components].flatMap((u, i) => (u.key === undefined ? [] : [{ key: u.key, deps: u.deps, withRequired: u.text.withRequired, spans: spans[i]! }]));
  return { file, units };
}

/** The digest of what each ref resolves to (its place and value), once per ref in a run. */
function refDigests(spec: LoadedSpec): (file: string, ref: string) => string {
  const known = new Map<string, string>();
  return (file, ref) => {
    const id = `${file}\0${ref}`;
    let digest = known.get(id);
    if (digest === undefined) {
      const r = directTarget(spec, file, ref) ?? spec.deref({ $ref: ref }, { file, pointer: '#' });
      digest = r ? targetKey(r.value, r.loc.file, r.loc.pointer) : 'unresolved';
      known.set(id, digest);
    }
    return digest;
  };
}

/** A ref straight to a value of its own file that is not a ref itself: found without the ref graph. */
function directTarget(spec: LoadedSpec, file: string, ref: string): { value: unknown; loc: { file: string; pointer: string } } | undefined {
  if (!ref.startsWith('#/')) return undefined;
  const value = valueAt(spec.files.get(file)?.root, ref);
  if (value === undefined || (typeof value === 'object' && value !== null && '$ref' in value)) return undefined;
  return { value, loc: { file, pointer: ref } };
}

/** Digests of ref targets by place, kept with each target object (the loader never changes one). */
const targetKeys = new WeakMap<object, Map<string, string>>();

function targetKey(value: unknown, file: string, pointer: string): string {
  // A value JSON cannot write (it never is, from JSON or YAML) holds nothing: a digest nothing equals.
  const make = () => cacheKey(file, pointer, valueKey(value) ?? `${Math.random()}`);
  if (typeof value !== 'object' || value === null) return make();
  let byPlace = targetKeys.get(value);
  if (!byPlace) targetKeys.set(value, (byPlace = new Map()));
  const place = `${file}\0${pointer}`;
  let key = byPlace.get(place);
  if (key === undefined) byPlace.set(place, (key = make()));
  return key;
}

/** The digest of a spec value; an object's once (the loader never changes one), none for what JSON cannot write. */
function valueKey(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? objectKey(value) || undefined : jsonKey(value);
}

const objectKey = onceEach((value: object) => jsonKey(value) ?? '');

function jsonKey(value: unknown): string | undefined {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : cacheKey(text);
  } catch {
    return undefined;
  }
}

/**
 * Turning spec names into TypeScript names: valid, deterministic and collision-free identifiers.
 */

/** Words JavaScript forbids as a variable name in strict-mode modules. */
const JS_RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'let static yield await implements interface package private protected public arguments eval undefined'
  ).split(' '),
);

/** JavaScript's reserved words plus TypeScript's type keywords and contextual words. */
const RESERVED = new Set([
  ...JS_RESERVED,
  ...(
    'as any boolean constructor declare get module require number set string symbol type from of async namespace ' +
    'never unknown object keyof readonly unique infer is asserts abstract override satisfies accessor bigint global out'
  ).split(' '),
]);

export function isJsReserved(name: string): boolean {
  return JS_RESERVED.has(name);
}

/** Runtime helpers a request builder imports: no local variable may take their names. */
export const BUILDER_HELPERS: readonly string[] = ['formatPath', 'serializeQuery', 'requireParams', 'requestHeaders'];

/** Words of a name: splits on non-alphanumerics and camelCase humps. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** A pure function of a string, remembered: a big spec asks for the same few thousand names again and again. */
function remembered(make: (name: string) => string): (name: string) => string {
  const known = new Map<string, string>();
  return (name) => {
    let made = known.get(name);
    if (made === undefined) known.set(name, (made = make(name)));
    return made;
  };
}

export const pascalCase = remembered((name) => {
  const w = words(name).map((x) => x[0]!.toUpperCase() + x.slice(1));
  return safeStart(w.join(''), '_');
});

export const camelCase = remembered((name) => {
  const p = words(name)
    .map((x, i) => (i > 0 ? x[0]!.toUpperCase() + x.slice(1) : x === x.toUpperCase() ? x.toLowerCase() : x[0]!.toLowerCase() + x.slice(1)))
    .join('');
  return safeStart(p, '_');
});

export const kebabCase = remembered((name) =>
  words(name)
    .map((w) => w.toLowerCase())
    .join('-'),
);

export const snakeCase = remembered((name) =>
  words(name)
    .map((w) => w.toLowerCase())
    .join('_'),
);

function safeStart(id: string, fallback: string): string {
  if (!id) return fallback;
  return /^[0-9]/.test(id) ? `_${id}` : id;
}

/** A name usable as a variable, parameter or method: not a reserved word. */
export function safeIdentifier(name: string): string {
  return RESERVED.has(name) ? `${name}_` : name;
}

export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** English singular of the last word, good enough for resource names (requests -> request). */
export function singular(name: string): string {
  // An acronym at the end (`TotalTLS`, `DNS`) is not a plural.
  if (/[A-Z]{2}S$/.test(name)) return name;
  if (/ies$/i.test(name)) return name.slice(0, -3) + 'y';
  if (/(ss|us|is)$/i.test(name)) return name;
  if (/(ches|shes|sses|xes|zes)$/i.test(name)) return name.slice(0, -2);
  if (/s$/i.test(name)) return name.slice(0, -1);
  return name;
}

/**
 * Global types that generated declarations refer to by name (`Array<T>`, `Blob`, `Record<K, V>`): a
 * spec name declared in the same module or namespace would shadow them (`Type 'Array' is not generic`).
 */
const GLOBAL_TYPES = ['Array', 'Blob', 'Record', 'Promise'];

/**
 * Hands out exported names once. A taken name is disambiguated with the given qualifiers first
 * (`Requests` + `Message` -> `RequestsMessage`), then with a number.
 */
export class NameRegistry {
  private readonly taken = new Set<string>(GLOBAL_TYPES);
  /** Told of every name handed out, in order (ir/replay.ts records them). */
  onClaim?: (name: string) => void;

  constructor(reserved: Iterable<string> = []) {
    for (const n of reserved) this.taken.add(n);
  }

  has(name: string): boolean {
    return this.taken.has(name);
  }

  claim(name: string, qualifiers: readonly string[] = []): string {
    let candidate = RESERVED.has(name.toLowerCase()) && name[0] === name[0]?.toLowerCase() ? `${name}_` : name;
    for (let i = qualifiers.length - 1; i >= 0 && this.taken.has(candidate); i--)
      candidate = qualifiers.slice(i).join('') + name;
    const base = candidate;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${base}${n}`;
    this.retake(candidate);
    return candidate;
  }

  /** Takes a name a replayed step claimed (it is free: the claims before it are the same as then). */
  retake(name: string): void {
    this.taken.add(name);
    this.onClaim?.(name);
  }
}

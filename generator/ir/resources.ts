/**
 * The resource tree: from the config's `resources` (Stainless-style: resource -> methods -> `verb
 * path`), or inferred from tags and paths when the config has none.
 */
import { joinPointer, type Diagnostic, type Loc } from '../diagnostics.js';
import type { LatheConfig, ResourceConfig } from '../config.js';
import { camelCase, kebabCase, snakeCase } from './names.js';
import type { RawOperation } from './operations.js';

/** A resource before naming: which operations it holds under which method names. */
/** A method's `paginated` from the config, with its place there. */
export interface Paginated {
  readonly scheme: false | string;
  readonly loc: Loc;
}

/** A method's config `positional`, with its place there. */
export interface Positional {
  readonly names: readonly string[];
  readonly loc: Loc;
}

export interface PlannedMethod {
  readonly name: string;
  readonly op: RawOperation;
  readonly paginated?: Paginated;
  readonly positional?: Positional;
}

export interface ResourcePlan {
  readonly keys: readonly string[];
  readonly methods: ReadonlyArray<PlannedMethod>;
  readonly models: ReadonlyArray<{ readonly name: string; readonly ref: string; readonly loc: Loc }>;
  readonly children: readonly ResourcePlan[];
}

export function planFromConfig(
  resources: Readonly<Record<string, ResourceConfig>>,
  ops: readonly RawOperation[],
  config: LatheConfig,
  diagnostics: Diagnostic[],
): ResourcePlan[] {
  const byEndpoint = new Map(ops.map((op) => [`${op.method} ${op.path}`, op]));
  const configFile = config.file ?? 'lathe.config.yaml';
  const clash = (names: string[], at: string, what: string) => {
    const seen = new Map<string, string>();
    for (const n of names) {
      const forms = [...new Set([kebabCase(n), camelCase(n)])];
      const other = forms.map((f) => seen.get(f)).find((o) => o !== undefined && o !== n);
      if (other !== undefined)
        diagnostics.push({ severity: 'error', message: `${what} '${other}' and '${n}' would get the same name in the SDK`, loc: { file: configFile, pointer: joinPointer(at, n) } });
      for (const f of forms) seen.set(f, n);
    }
  };
  const walk = (tree: Readonly<Record<string, ResourceConfig>>, parent: string[], pointer: string): ResourcePlan[] => {
    clash(Object.keys(tree), pointer, 'resources');
    return Object.entries(tree).map(([key, rc]) => {
      const keys = [...parent, key];
      const at = joinPointer(pointer, key);
      clash(Object.keys(rc.methods), joinPointer(at, 'methods'), 'methods');
      const methods = Object.entries(rc.methods).flatMap(([name, m]) => {
        const [verb, ...rest] = m.endpoint.split(/\s+/);
        const endpoint = `${verb!.toUpperCase()} ${rest.join(' ')}`;
        const op = byEndpoint.get(endpoint);
        if (!op) {
          diagnostics.push({
            severity: 'error',
            message: `method '${name}' names '${m.endpoint}', which the spec does not have`,
            loc: { file: configFile, pointer: joinPointer(at, 'methods', name) },
          });
          return [];
        }
        const place = (key: string) => ({ file: configFile, pointer: joinPointer(at, 'methods', name, key) });
        return [
          {
            name: camelCase(name),
            op,
            ...(m.paginated !== undefined ? { paginated: { scheme: m.paginated, loc: place('paginated') } } : {}),
            ...(m.positional !== undefined ? { positional: { names: m.positional, loc: place('positional') } } : {}),
          },
        ];
      });
      const models = Object.entries(rc.models).map(([name, ref]) => ({
        name,
        ref,
        loc: { file: configFile, pointer: joinPointer(at, 'models', name) },
      }));
      return { keys, methods, models, children: walk(rc.subresources, keys, joinPointer(at, 'subresources')) };
    });
  };
  return walk(resources, [], '#/resources');
}

const VERB_METHOD: Record<string, [collection: string, item: string]> = {
  GET: ['list', 'get'],
  POST: ['create', 'create'],
  PUT: ['update', 'update'],
  PATCH: ['edit', 'edit'],
  DELETE: ['delete', 'delete'],
  HEAD: ['head', 'head'],
  OPTIONS: ['options', 'options'],
  TRACE: ['trace', 'trace'],
};

/**
 * With no config: a resource per tag (or first path segment), nested by the literal path segments
 * after it, and a method named by verb (`list`, `get`, `create`, ...) or, on a clash, by operationId.
 */
export function inferPlan(ops: readonly RawOperation[]): ResourcePlan[] {
  interface Node {
    keys: string[];
    methods: { name: string; op: RawOperation }[];
    children: Map<string, Node>;
  }
  const root = new Map<string, Node>();
  const nodeAt = (keys: string[]): Node => {
    let level = root;
    let node: Node | undefined;
    keys.forEach((k, i) => {
      node = level.get(k);
      if (!node) level.set(k, (node = { keys: keys.slice(0, i + 1), methods: [], children: new Map() }));
      level = node.children;
    });
    return node!;
  };
  for (const op of ops) {
    const literals = op.path.split('/').filter((s) => s && !s.includes('{')).map(snakeCase).filter(Boolean);
    const tag = op.tags[0] ? snakeCase(op.tags[0]) : undefined;
    const top = tag || literals[0] || 'api';
    const rest = tag ? literals.slice(literals.indexOf(tag) + 1) : literals.slice(1);
    const keys = [top, ...rest.slice(0, 2)];
    const node = nodeAt(keys);
    const [collection, item] = VERB_METHOD[op.method]!;
    const preferred = op.path.trimEnd().endsWith('}') ? item : collection;
    const taken = new Set(node.methods.map((m) => m.name));
    let name = taken.has(preferred) ? camelCase(op.id) : preferred;
    for (let n = 2; taken.has(name); n++) name = `${camelCase(op.id)}${n}`;
    node.methods.push({ name, op });
  }
  const finish = (level: Map<string, Node>): ResourcePlan[] =>
    [...level.values()].map((n) => ({ keys: n.keys, methods: n.methods, models: [], children: finish(n.children) }));
  return finish(root);
}


export function moduleOf(keys: readonly string[], hasChildren: boolean): string {
  const parts = keys.map((k) => kebabCase(k) || 'resource');
  // A leaf named like its parent (`/a` and `/a/a`) would land on the parent's own file.
  const nested = hasChildren || (parts.length > 1 && parts[parts.length - 1] === parts[parts.length - 2]);
  return `resources/${parts.join('/')}${nested ? `/${parts[parts.length - 1]}` : ''}`;
}

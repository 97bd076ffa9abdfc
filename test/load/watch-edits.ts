/**
 * A workspace of spec files edited the way a user under `--watch` edits them, and a watcher that
 * loads after each edit through one LoadMemory and compares every result with a fresh load.
 */
import { expect } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { formatDiagnostic, type Loc } from '../../generator/diagnostics.js';
import { LoadMemory, loadSpec, type LoadedSpec, type LoadResult, type SpecHost } from '../../generator/load/index.js';
import { differ, freeze, sharingFaults, type Json } from './trees.js';

/** A deterministic random source, so a failing sequence can be run again. */
export class Rng {
  constructor(private seed: number) {}

  next(): number {
    // mulberry32
    this.seed = (this.seed + 0x6d2b79f5) | 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T | undefined {
    return items.length ? items[this.int(items.length)] : undefined;
  }
}

export class Workspace {
  private readonly files = new Map<string, Uint8Array>();
  readonly host: SpecHost = { readFile: (path) => this.files.get(path) };

  write(path: string, content: string | Uint8Array): void {
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }

  read(path: string): string | undefined {
    const bytes = this.files.get(path);
    return bytes && new TextDecoder().decode(bytes);
  }

  remove(path: string): void {
    this.files.delete(path);
  }

  paths(): string[] {
    return [...this.files.keys()];
  }
}

/** Locations to ask both loads about: every `$ref` holder (a sample in large specs), other nodes, places that are not there. */
function sampleLocs(spec: LoadedSpec, rng: Rng): Loc[] {
  const refs: Loc[] = [];
  const others: Loc[] = [];
  for (const file of spec.files.values()) {
    const stack: [Json, string][] = [[file.root, '#']];
    for (let item = stack.pop(); item; item = stack.pop()) {
      const [v, at] = item;
      if (typeof v !== 'object' || v === null || at.length > 2000) continue;
      if (typeof (v as { $ref?: unknown }).$ref === 'string') refs.push({ file: file.path, pointer: at });
      else others.push({ file: file.path, pointer: at });
      for (const k of Object.keys(v)) stack.push([(v as Record<string, Json>)[k], `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`]);
    }
    others.push({ file: file.path, pointer: '#/nope/deeper' }, { file: file.path, pointer: '#/paths/~1nope' });
  }
  const sample = (locs: Loc[], n: number) => (locs.length <= n ? locs : Array.from({ length: n }, () => locs[rng.int(locs.length)]!));
  return [...sample(refs, 300), ...sample(others, 150)];
}

function sameSpec(inc: LoadedSpec, fresh: LoadedSpec, label: string, rng: Rng): void {
  expect([inc.version, inc.rawVersion], label).toEqual([fresh.version, fresh.rawVersion]);
  expect([...inc.files.keys()], label).toEqual([...fresh.files.keys()]);
  for (const [path, f] of fresh.files) {
    const g = inc.files.get(path)!;
    expect(g.text === f.text, `${label}: text of ${path}`).toBe(true);
    expect([g.format, g.displayPath], label).toEqual([f.format, f.displayPath]);
    expect(differ(g.root, f.root), `${label}: tree of ${path}`).toBeUndefined();
  }
  for (const loc of sampleLocs(fresh, rng)) {
    const at = `${label}: at ${loc.pointer}`;
    const [a, b] = [inc.get(loc), fresh.get(loc)];
    expect(differ(a, b), at).toBeUndefined();
    const [ra, rb] = [inc.deref(a, loc), fresh.deref(b, loc)];
    expect(ra?.loc, at).toEqual(rb?.loc);
    expect(differ(ra?.value, rb?.value), at).toBeUndefined();
    expect(inc.locate(loc)?.loc, at).toEqual(fresh.locate(loc)?.loc);
    expect(inc.position(loc), at).toEqual(fresh.position(loc));
  }
}

/** Loads after each edit through one memory, and checks each load against a fresh one. */
export class Watcher {
  private readonly memory = new LoadMemory();
  private lastEntry: Json;
  private readonly rng = new Rng(7);
  /** How many loads gave a spec, and how many refused the input: a sequence must see both. */
  readonly outcomes = { loaded: 0, refused: 0 };

  constructor(
    readonly ws: Workspace,
    readonly entry: string,
    readonly cwd: string,
  ) {}

  load(label: string): LoadResult {
    let entryRoot: Json;
    const inc = loadSpec(this.entry, { host: this.ws.host, cwd: this.cwd, memory: this.memory, onEntry: (f) => (entryRoot = f.root) });
    const fresh = loadSpec(this.entry, { host: this.ws.host, cwd: this.cwd });
    expect(inc.diagnostics.map(formatDiagnostic), label).toEqual(fresh.diagnostics.map(formatDiagnostic));
    expect(inc.diagnostics, label).toEqual(fresh.diagnostics);
    expect(Boolean(inc.spec), label).toBe(Boolean(fresh.spec));
    if (inc.spec && fresh.spec) sameSpec(inc.spec, fresh.spec, label, this.rng);
    if (entryRoot !== undefined) {
      if (this.lastEntry !== undefined) expect(sharingFaults(this.lastEntry, entryRoot), label).toEqual([]);
      freeze(entryRoot);
      this.lastEntry = entryRoot;
    }
    for (const f of inc.spec?.files.values() ?? []) freeze(f.root);
    this.outcomes[inc.spec ? 'loaded' : 'refused']++;
    return inc;
  }
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
type Obj = Record<string, Json>;

function isObj(v: Json): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every value below `root` with its container and key, breadth first. */
function nodes(root: Json, cap = 50_000): { parent: Obj | Json[]; key: string | number; value: Json }[] {
  const out: { parent: Obj | Json[]; key: string | number; value: Json }[] = [];
  const queue: Json[] = [root];
  for (let i = 0; i < queue.length && out.length < cap; i++) {
    const v = queue[i];
    if (Array.isArray(v)) v.forEach((x, k) => (out.push({ parent: v, key: k, value: x }), queue.push(x)));
    else if (isObj(v)) for (const [k, x] of Object.entries(v)) out.push({ parent: v, key: k, value: x }), queue.push(x);
  }
  return out;
}

function operations(doc: Obj): Obj[] {
  const paths = isObj(doc.paths) ? doc.paths : {};
  return Object.values(paths).flatMap((item) => (isObj(item) ? METHODS.filter((m) => isObj(item[m])).map((m) => item[m] as Obj) : []));
}

function schemas(doc: Obj): Obj {
  const components = isObj(doc.components) ? doc.components : undefined;
  const found = components ? components.schemas : doc.definitions;
  return isObj(found) ? found : {};
}

function set(parent: Obj | Json[], key: string | number, value: Json): void {
  (parent as Record<string | number, Json>)[key] = value;
}

/** Edits of a parsed document (the test's own copy, never a loaded tree); each says what it did. */
const DOC_EDITS: Record<string, (doc: Obj, rng: Rng, n: number) => string | undefined> = {
  summary(doc, rng, n) {
    const op = rng.pick(operations(doc));
    if (!op) return undefined;
    op.summary = `Summary ${n}`;
    return 'an operation summary';
  },
  description(doc, rng, n) {
    const target = rng.pick(nodes(doc).filter((x) => isObj(x.value)));
    if (!target) return undefined;
    (target.value as Obj).description = `Changed ${n}`;
    return `a description at ${String(target.key)}`;
  },
  string(doc, rng, n) {
    const target = rng.pick(nodes(doc).filter((x) => typeof x.value === 'string'));
    if (!target) return undefined;
    const refs = nodes(doc).filter((x) => x.key === '$ref').map((x) => x.value);
    const value = rng.pick([`${String(target.value)}x`, '', 'integer', 'strnig', '#/components/schemas/Nope', rng.pick(refs) ?? `v${n}`, `v${n}`]);
    set(target.parent, target.key, value);
    return `string ${String(target.key)} -> ${String(value)}`;
  },
  breakRef(doc, rng) {
    const target = rng.pick(nodes(doc).filter((x) => x.key === '$ref' && typeof x.value === 'string'));
    if (!target) return undefined;
    set(target.parent, target.key, `${String(target.value)}Nope`);
    return 'a broken $ref';
  },
  duplicateOperationId(doc, rng) {
    const ops = operations(doc);
    const [a, b] = [rng.pick(ops), rng.pick(ops)];
    if (!a || !b || a === b) return undefined;
    b.operationId = a.operationId ?? 'same';
    a.operationId = b.operationId;
    return 'a duplicate operationId';
  },
  addOperation(doc, rng, n) {
    if (!isObj(doc.paths)) return undefined;
    const op = structuredClone(rng.pick(operations(doc)) ?? { responses: { '200': { description: 'ok' } } });
    op.operationId = `added${n}`;
    doc.paths[`/added/${n}`] = { get: op };
    return 'an operation added';
  },
  removeOperation(doc, rng) {
    const item = rng.pick(Object.values(isObj(doc.paths) ? doc.paths : {}).filter(isObj));
    const method = item && rng.pick(METHODS.filter((m) => m in item));
    if (!item || !method) return undefined;
    delete item[method];
    return 'an operation removed';
  },
  renamePath(doc, rng, n) {
    if (!isObj(doc.paths)) return undefined;
    const old = rng.pick(Object.keys(doc.paths));
    if (old === undefined) return undefined;
    doc.paths = Object.fromEntries(Object.entries(doc.paths).map(([k, v]) => [k === old ? `${old}/renamed${n}` : k, v]));
    return 'a path renamed';
  },
  movePath(doc, rng) {
    if (!isObj(doc.paths)) return undefined;
    const key = rng.pick(Object.keys(doc.paths));
    if (key === undefined) return undefined;
    const item = doc.paths[key];
    delete doc.paths[key];
    doc.paths[key] = item;
    return 'a path item moved to the end';
  },
  changeComponent(doc, rng, n) {
    const all = schemas(doc);
    const name = rng.pick(Object.keys(all));
    if (name === undefined) return undefined;
    const choice = rng.int(5);
    if (choice === 0) delete all[name];
    else if (choice === 1) all[name] = { type: 'strnig' };
    else if (choice === 2) all[name] = { type: 'object', required: true, properties: { [`p${n}`]: { type: 'string', enum: [1, 'a'] } } };
    else if (choice === 3) all[name] = { $ref: `#/components/schemas/${name}` };
    else all[name] = { type: 'object', properties: { next: { $ref: `#/components/schemas/${rng.pick(Object.keys(all))}` } } };
    return `component ${name} (${choice})`;
  },
  deleteKey(doc, rng) {
    const target = rng.pick(nodes(doc).filter((x) => isObj(x.parent)));
    if (!target) return undefined;
    delete (target.parent as Obj)[target.key];
    return `key ${String(target.key)} deleted`;
  },
  cycle(doc, _rng, n) {
    const all = schemas(doc);
    if (!isObj(doc.components) || !isObj(doc.components.schemas)) return undefined;
    all[`A${n}`] = { $ref: `#/components/schemas/B${n}` };
    all[`B${n}`] = { $ref: `#/components/schemas/A${n}` };
    return 'a cycle of refs';
  },
};

/** Edits of the text itself; each returns the new text. */
const TEXT_EDITS: Record<string, (text: string, rng: Rng) => string | undefined> = {
  newlines(text, rng) {
    const at = [...text.matchAll(/[,{[]/g)].map((m) => m.index + 1);
    const i = rng.pick(at);
    return i === undefined ? undefined : `${text.slice(0, i)}\n\n   ${text.slice(i)}`;
  },
  garbage(text, rng) {
    const i = rng.int(text.length);
    return `${text.slice(0, i)}${rng.pick(['}', '"', ':', 'x', ',', '\n  - ', '\u00e9', '\ufeff', '\ud83d\udca5'])}${text.slice(i)}`;
  },
  cut(text, rng) {
    const i = rng.int(text.length);
    return text.slice(0, i) + text.slice(i + 1 + rng.int(40));
  },
  truncate(text) {
    return text.slice(0, text.length >> 1);
  },
};

/** A spec file the sequence edits: as a document (re-serialized) and as text. */
export class EditedFile {
  private doc: Obj | undefined;
  private readonly history: string[] = [];
  private n = 0;

  constructor(
    private readonly ws: Workspace,
    readonly path: string,
    private readonly format: 'json' | 'yaml',
    private readonly indent = 2,
  ) {}

  private text(): string {
    return this.ws.read(this.path) ?? '';
  }

  private parse(text: string): Obj | undefined {
    try {
      const doc: unknown = this.format === 'json' ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
      return isObj(doc) ? doc : undefined;
    } catch {
      return undefined;
    }
  }

  private write(text: string): void {
    this.history.push(this.text());
    this.ws.write(this.path, text);
  }

  /** One named edit; `undo` puts back the text before the last edit. Returns what was done, or undefined. */
  edit(name: string, rng: Rng): string | undefined {
    this.n++;
    if (name === 'undo') {
      const before = this.history.pop();
      if (before === undefined) return undefined;
      this.ws.write(this.path, before);
      return 'undo';
    }
    if (name in TEXT_EDITS) {
      const text = TEXT_EDITS[name]!(this.text(), rng);
      if (text === undefined) return undefined;
      this.write(text);
      return name;
    }
    const doc = this.parse(this.text()) ?? this.doc;
    if (!doc) return undefined;
    const did = DOC_EDITS[name]!(doc, rng, this.n);
    if (!did) return undefined;
    this.doc = doc;
    this.write(this.format === 'json' ? JSON.stringify(doc, null, this.indent) : stringifyYaml(doc, { aliasDuplicateObjects: false }));
    return did;
  }

  /** A text replacement, as an editor makes it (the file is otherwise left as it is). */
  replace(find: string | RegExp, by: string): boolean {
    const text = this.text();
    const next = text.replace(find, by);
    if (next === text) return false;
    this.write(next);
    return true;
  }
}

export const ALL_EDITS = [...Object.keys(DOC_EDITS), ...Object.keys(TEXT_EDITS), 'undo'];

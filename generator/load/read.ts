import type { Event } from 'js-yaml';
import { jsYaml, yaml } from '../on-first-use.js';
import type { Diagnostic } from '../diagnostics.js';
import { jsonErrorOffset } from './json.js';
import { decodeUtf8, lineColumn } from './text.js';
import type { SpecFile, SpecHost } from './types.js';

/**
 * Aliases may be expanded this many times in one document. Real specs use a handful; a
 * "billion laughs" document needs thousands, and refusing it here keeps memory bounded.
 */
export const MAX_ALIAS_COUNT = 100;

/** YAML options shared by the first parse and the lazy re-parse for positions. */
export const YAML_OPTIONS = {
  version: '1.2',
  // `<<` merge keys are not YAML 1.2, but hand-written specs use them to share fragments.
  merge: true,
  uniqueKeys: true,
  prettyErrors: false,
  // The library would otherwise print warnings to the console; we report them as diagnostics.
  logLevel: 'silent',
} as const;

export interface ReadResult {
  readonly file?: SpecFile;
  /** File-level problems; they carry `displayFile`, `line` and `column` directly (there is no pointer). */
  readonly diagnostics: Diagnostic[];
  /** True when the host has no such file (the caller words that error, it knows who asked). */
  readonly missing?: boolean;
  /** A YAML file js-yaml read (`quickYaml`): an edit of it may be read in part (yaml-edit.ts). */
  readonly quickYaml?: true;
}

/**
 * Reads and parses one spec file. JSON goes through `JSON.parse` (fast, no positions: those are
 * found later only if a diagnostic needs one); everything else through the `yaml` package.
 * Known gap: a duplicate key in a JSON file is not reported (`JSON.parse` keeps the last one);
 * in YAML it is an error.
 */
export function readSpecFile(host: SpecHost, path: string, displayPath: string): ReadResult {
  const bytes = readBytes(host, path, displayPath);
  return bytes instanceof Uint8Array ? readSpecBytes(bytes, path, displayPath) : bytes;
}

/** The file's bytes, or why there are none. */
export function readBytes(host: SpecHost, path: string, displayPath: string): Uint8Array | ReadResult {
  let bytes: Uint8Array | undefined;
  try {
    bytes = host.readFile(path);
  } catch (err) {
    return problem(displayPath, `cannot read file: ${(err as Error).message}`);
  }
  return bytes ?? { ...problem(displayPath, 'file not found'), missing: true };
}

/** Decodes and parses a file's bytes. */
export function readSpecBytes(bytes: Uint8Array, path: string, displayPath: string): ReadResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    return problem(displayPath, `file is not valid UTF-8 (bad byte at offset ${decoded.offset})`, decoded);
  }
  const text = decoded.text;
  // A regex rather than trim(): no copy of a multi-megabyte string just to test it.
  if (!/\S/.test(text)) return problem(displayPath, 'file is empty');

  if (/^\s*</.test(text)) {
    return problem(displayPath, 'this is an HTML or XML page, not an OpenAPI document (JSON or YAML)', lineColumn(text, text.search(/\S/)));
  }
  const looksJson = /\.json$/i.test(path) || /^\s*[{[]/.test(text);
  if (looksJson) {
    try {
      const root: unknown = JSON.parse(text);
      return { file: { path, displayPath, text, root, format: 'json' }, diagnostics: [] };
    } catch (err) {
      // JSON-looking YAML (`{a: 1}`) is still YAML; a `.json` file must be JSON.
      if (/\.json$/i.test(path)) return problem(displayPath, ...jsonProblem(text, (err as Error).message));
    }
  }
  return readYaml(path, displayPath, text);
}

function problem(displayPath: string, message: string, at?: { line: number; column: number }): ReadResult {
  return { diagnostics: [{ severity: 'error', message, displayFile: displayPath, ...at }] };
}

function jsonProblem(text: string, message: string): [string, { line: number; column: number }] {
  const at = /at position (\d+)/.exec(message);
  if (at) {
    // Drop V8's position suffix (we give line and column instead).
    const reason = message.replace(/ in JSON at position \d+.*$/s, '');
    return [`invalid JSON: ${reason}`, lineColumn(text, Number(at[1]))];
  }
  // V8 gives no position for some errors ("Unexpected token"), and quotes the input, which can be
  // megabytes long; find the place ourselves and name what is there.
  const offset = jsonErrorOffset(text);
  if (offset < 0 || offset >= text.length) return ['invalid JSON: unexpected end of input', lineColumn(text, text.length)];
  const token = /^[^\s,:{}[\]]{1,20}|^./s.exec(text.slice(offset, offset + 20))?.[0] ?? '';
  return [`invalid JSON: unexpected '${token}'`, lineColumn(text, offset)];
}

function readYaml(path: string, displayPath: string, text: string): ReadResult {
  const quick = quickYaml(text);
  if (quick) {
    const file: SpecFile = { path, displayPath, text, root: quick.root, format: 'yaml' };
    parsedEvents.set(file, quick.events);
    return { file, diagnostics: [], quickYaml: true };
  }
  const lineCounter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { displayFile: displayPath, line, column: col };
  };
  const diagnostics: Diagnostic[] = doc.warnings.map((w) => ({
    severity: 'warning',
    message: `YAML: ${w.message}`,
    ...at(w.pos[0]),
  }));
  if (doc.errors.length > 0) {
    // Only the first: after a syntax error the parser's later complaints are mostly echoes of it.
    for (const e of doc.errors.slice(0, 1)) {
      const message =
        e.code === 'DUPLICATE_KEY'
          ? `duplicate key '${keyText(text, e.pos[0])}'`
          : e.code === 'MULTIPLE_DOCS'
            ? 'the file holds more than one YAML document'
            : `invalid YAML: ${e.message}`;
      diagnostics.push({ severity: 'error', message, ...at(e.pos[0]) });
    }
    return { diagnostics };
  }
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message =
      err instanceof ReferenceError && /alias count/i.test(err.message)
        ? `YAML aliases expand more than ${MAX_ALIAS_COUNT} times; refusing what looks like a "billion laughs" document`
        : `invalid YAML: ${(err as Error).message}`;
    diagnostics.push({ severity: 'error', message, displayFile: displayPath });
    return { diagnostics };
  }
  return { file: { path, displayPath, text, root, format: 'yaml' }, diagnostics };
}

/**
 * The common YAML document, read by js-yaml (4-10 times faster than the `yaml` library on the
 * specs of the test corpus, which it reads to the same trees). It declines, for `yaml` to read
 * as before, all it might read otherwise or not at all: an error of any kind (the
 * `yaml` path words and places them), an alias (`yaml` bounds their expansion against "billion
 * laughs" documents), a merge key (`<<`: js-yaml's core schema has no merging), a key that
 * resolves to null (`~:`, `null:`: `yaml` makes it the key '', js-yaml 'null'; see hasKeyNull).
 */
export function quickYaml(text: string): { root: unknown; events: readonly Event[] } | undefined {
  if (text.includes('<<')) return undefined;
  let events: Event[];
  let documents: unknown[];
  try {
    // What js-yaml's load does, with the events kept: the places of diagnostics are found in them.
    events = jsYaml().parseEvents(text, {});
    documents = jsYaml().constructFromEvents(events, { source: text, schema: jsYaml().CORE_SCHEMA, maxAliases: 0 });
  } catch {
    return undefined;
  }
  // One document, as load requires.
  if (documents.length !== 1) return undefined;
  const root = documents[0];
  return hasKeyNull(root) ? undefined : { root, events };
}

/**
 * The js-yaml events a quick read parsed, by the file it made of them: positions.ts finds the
 * places of that file's diagnostics in them rather than parsing the text a second time (a third
 * of a YAML load: 240 ms of Cloudflare's spec as YAML). Keyed by the file, so a file made from
 * another text (an edit read in part) has none, and they go when the file does.
 */
const parsedEvents = new WeakMap<SpecFile, readonly Event[]>();

export function parsedEventsOf(file: SpecFile): readonly Event[] | undefined {
  return parsedEvents.get(file);
}

/**
 * Whether a mapping has the key 'null': js-yaml's name for a key that resolves to null (`~:`,
 * `null :`, `? ` with nothing), and for a quoted 'null', which it cannot tell apart. Looked for in
 * the tree (no aliases: a tree, not a graph), since in the text they take too many forms.
 */
function hasKeyNull(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) for (const item of value) stack.push(item);
    else {
      if (Object.hasOwn(value, 'null')) return true;
      for (const key in value) stack.push((value as Record<string, unknown>)[key]);
    }
  }
  return false;
}

/** The source text of the key at `offset`, unquoted when it is a plain one-line scalar. */
function keyText(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 200);
  const m = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^:\n#]*?))\s*:/.exec(rest);
  return (m?.[1] ?? m?.[2]?.replace(/''/g, "'") ?? m?.[3] ?? rest.split('\n')[0] ?? '').trim();
}

/**
 * Reading a spec file again, from what the last read of it kept: the same bytes give the same
 * result (the same `SpecFile`), and a file changed inside one value is parsed only there.
 *
 * A save in an editor changes a few bytes of a spec; reading the whole 4 MB file again (decode,
 * JSON.parse) is a third of a load, and a YAML file costs more. Here the changed bytes are decoded
 * alone (edit.ts); in JSON, the deepest value of the last text holding the change is found from
 * the scans positions keep (json.ts), in YAML the innermost block mapping entry from its lines
 * (yaml-edit.ts); its new text is parsed, and the value is replaced in a copy of the path to it
 * (tree.ts). Anything else (a change only the root holds, such as a top-level key; a BOM; bytes
 * that are not UTF-8; a value whose new text does not parse alone; YAML that js-yaml does not read
 * or that is not in block style there) is read whole and merged into the last tree.
 */
import { Pieces, sameBytes, textEdit } from './edit.js';
import { FilePlaces } from './positions.js';
import { readBytes, readSpecBytes, type ReadResult } from './read.js';
import { reuseUnchanged, withMember } from './tree.js';
import type { SpecFile, SpecHost } from './types.js';
import { yamlEntryEdit } from './yaml-edit.js';

/** One read of a file. */
export interface Read {
  readonly bytes: Uint8Array;
  readonly result: ReadResult;
  /** The scans positions are found with, for a file that parsed; made on first demand. */
  places?: FilePlaces;
  /** The text as an edit made it, for a file parsed in part. */
  readonly pieces?: Pieces;
}

/** What is kept of a file between loads. */
export interface KeptFile {
  /** The last read, whatever came of it. */
  readonly last: Read;
  /** The last read that parsed: the base the next version is parsed against. */
  readonly good?: Read;
}

export function reread(host: SpecHost, path: string, displayPath: string, kept: Map<string, KeptFile>): ReadResult {
  const bytes = readBytes(host, path, displayPath);
  if (!(bytes instanceof Uint8Array)) return bytes;
  const before = kept.get(path);
  if (before && sameBytes(before.last.bytes, bytes)) return before.last.result;
  const good = before?.good;
  const read = (good && (reparseJson(good, bytes) ?? reparseYaml(good, bytes))) ?? readWhole(bytes, path, displayPath, good);
  kept.set(path, { last: read, good: read.result.file ? read : good });
  return read.result;
}

/** The kept scans of `file`, when it is the file the last read of its path gave. */
export function placesOf(file: SpecFile, kept: ReadonlyMap<string, KeptFile>): FilePlaces | undefined {
  const last = kept.get(file.path)?.last;
  if (last?.result.file !== file) return undefined;
  return (last.places ??= new FilePlaces(file));
}

function readWhole(bytes: Uint8Array, path: string, displayPath: string, good: Read | undefined): Read {
  const result = readSpecBytes(bytes, path, displayPath);
  if (!result.file || !good) return { bytes, result };
  const root = reuseUnchanged(good.result.file!.root, result.file.root);
  return { bytes, result: { ...result, file: { ...result.file, root } } };
}

function reparseJson(good: Read, bytes: Uint8Array): Read | undefined {
  const before = good.result.file!;
  if (before.format !== 'json') return undefined;
  const old = good.pieces ?? Pieces.of(before.text);
  const spliced = textEdit(good.bytes, old.length, bytes);
  if (!spliced) return undefined;
  const { edit, changed } = spliced;
  const places = (good.places ??= new FilePlaces(before));
  const { steps } = places.jsonIndex().enclosing(edit.start, edit.oldEnd);
  for (let depth = steps.length; depth > 0; depth--) {
    const last = steps[depth - 1]!;
    const start = last.at + last.container.valueAt[last.member]!;
    const end = last.at + last.container.valueEnd[last.member]!;
    let value: unknown;
    try {
      value = JSON.parse(old.slice(start, edit.start) + changed + old.slice(edit.oldEnd, end));
    } catch {
      // A change at the value's edge may belong to the container around it (a member added
      // after it); inside it, the text is broken or changes more than this value.
      if (edit.start > start && edit.oldEnd < end) return undefined;
      continue;
    }
    const way = steps.slice(0, depth);
    const pieces = old.edited(edit, changed);
    const file: SpecFile = { ...before, text: pieces.toString(), root: replaced(before.root, way.map((s) => s.token), value) };
    return { bytes, result: { file, diagnostics: [] }, places: places.edited(file, pieces, edit, changed, way), pieces };
  }
  return undefined;
}

function reparseYaml(good: Read, bytes: Uint8Array): Read | undefined {
  const before = good.result.file!;
  if (before.format !== 'yaml' || !good.result.quickYaml) return undefined;
  const old = good.pieces ?? Pieces.of(before.text);
  const spliced = textEdit(good.bytes, old.length, bytes);
  if (!spliced) return undefined;
  const { edit, changed } = spliced;
  const entry = yamlEntryEdit(old, before.root, edit, changed);
  if (!entry) return undefined;
  const pieces = old.edited(edit, changed);
  const file: SpecFile = { ...before, text: pieces.toString(), root: replaced(before.root, entry.path, entry.value) };
  const places = good.places?.editedYaml(file, edit, changed, entry);
  return { bytes, result: { file, diagnostics: [], quickYaml: true }, pieces, ...(places ? { places } : {}) };
}

/** `root` with the value at the end of `way` replaced by `value`, sharing all the rest. */
function replaced(root: unknown, way: readonly (string | number)[], value: unknown): unknown {
  const containers: unknown[] = [root];
  for (const token of way) containers.push((containers[containers.length - 1] as Record<string | number, unknown>)[token]);
  let next = reuseUnchanged(containers[way.length], value);
  if (Object.is(next, containers[way.length])) return root;
  for (let d = way.length - 1; d >= 0; d--) next = withMember(containers[d], way[d]!, next);
  return next;
}

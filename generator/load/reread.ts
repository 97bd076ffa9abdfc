/**
 * Reading a spec file again, from what the last read of it kept: the same bytes give the same
 * result (the same `SpecFile`), and a JSON file changed inside one value is parsed only there.
 *
 * A save in an editor changes a few bytes of a spec; reading the whole 4 MB file again (decode,
 * JSON.parse) is a third of a load. Here the changed bytes are decoded alone (edit.ts), the
 * deepest value of the last text holding the change is found from the scans positions keep
 * (json.ts), its new text is parsed, and the value is replaced in a copy of the path to it
 * (tree.ts). Anything else (YAML; a change only the root holds, such as a top-level key; a BOM;
 * bytes that are not UTF-8; a value whose new text does not parse alone) is read whole and merged
 * into the last tree.
 */
import { Pieces, sameBytes, textEdit } from './edit.js';
import { FilePlaces } from './positions.js';
import { readBytes, readSpecBytes, type ReadResult } from './read.js';
import { reuseUnchanged, withMember } from './tree.js';
import type { Step } from './json.js';
import type { SpecFile, SpecHost } from './types.js';

/** One read of a file. */
export interface Read {
  readonly bytes: Uint8Array;
  readonly result: ReadResult;
  /** The scans positions are found with, for a file that parsed; made on first demand. */
  places?: FilePlaces;
  /** The text as an edit made it, for a JSON file parsed in part. */
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
  const read = (good && reparseJson(good, bytes)) ?? readWhole(bytes, path, displayPath, good);
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
  const delta = edit.newEnd - edit.oldEnd;
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
    const file: SpecFile = { ...before, text: pieces.toString(), root: replaced(before.root, way, value) };
    return { bytes, result: { file, diagnostics: [] }, places: places.edited(file, pieces, edit, changed, way), pieces };
  }
  return undefined;
}

/** `root` with the value at the end of `steps` replaced by `value`, sharing all the rest. */
function replaced(root: unknown, steps: readonly Step[], value: unknown): unknown {
  const containers: unknown[] = [root];
  for (const step of steps) containers.push((containers[containers.length - 1] as Record<string | number, unknown>)[step.token]);
  let next = reuseUnchanged(containers[steps.length], value);
  if (Object.is(next, containers[steps.length])) return root;
  for (let d = steps.length - 1; d >= 0; d--) next = withMember(containers[d], steps[d]!.token, next);
  return next;
}

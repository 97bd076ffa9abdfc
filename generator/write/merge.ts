/**
 * Hand edits that survive regeneration. A file whose content on disk is not what lathe generated
 * last time carries a hand edit; it is merged three ways (base: the last pristine output, ours:
 * the file on disk, theirs: the new output) with node-diff3, the diff3 algorithm of GNU diff3 and
 * git (Khanna, Kunal and Pierce's formalisation), by lines. A clean merge keeps the edit; a
 * conflict is written out with git's markers for the user to resolve.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFile } from '../emit/modules.js';
import { digestOf } from '../emit/output.js';
import { hash, readIfExists } from './content.js';
import { diff3 } from '../on-first-use.js';
import { assertInside } from './paths.js';
import { OnDisk } from './on-disk.js';
import { pristineBlobs, readPending, readPristine, savePending, type PristineIndex } from './pristine.js';

export interface MergePlan {
  /** What to write: the new output, with each cleanly merged file's merged content. */
  readonly files: OutputFile[];
  /** Files with hand edits that were merged cleanly (the edit is kept). */
  readonly merged: string[];
  /** Files whose hand edit and the new output change the same lines: content with markers. */
  readonly conflicts: { readonly path: string; readonly content: string; readonly theirs: OutputFile }[];
  /** Files that still hold conflict markers from an earlier run. */
  readonly unresolved: string[];
}

const MARKER = /^(<{7} |>{7} |={7}$|\|{7} )/m;

/**
 * Plans the merge of `files` (the new pristine output) into `outDir`. Reads only; writes nothing.
 * Without a pristine record (an output from an older lathe) nothing can be merged and every file
 * is taken as generated.
 *
 * `mergedOnly` (check): only hand edits that a `generate` already merged and recorded count; an
 * edit made since is not fresh until `generate` has taken it in.
 */
export function planMerge(outDir: string, files: readonly OutputFile[], options: { mergedOnly?: boolean; index?: PristineIndex } = {}, disk: OnDisk = new OnDisk(outDir)): MergePlan {
  const index = 'index' in options ? options.index : readPristine(outDir);
  const blobs = pristineBlobs(outDir, index);
  const pending = readPending(outDir);
  const recorded = options.mergedOnly ? disk.recorded : undefined;
  const plan: MergePlan = { files: [], merged: [], conflicts: [], unresolved: [] };
  for (const f of files) {
    const baseDigest = pending[f.path] ?? index?.files[f.path];
    // By digest: a file as lathe last wrote it, or already as it is about to be, is not read.
    const held = baseDigest === undefined ? undefined : disk.digest(f.path);
    if (held === undefined || held === digestOf(f) || held === baseDigest || (recorded && recorded[f.path] !== held)) {
      plan.files.push(f);
      continue;
    }
    const ours = disk.content(f.path);
    const base = blobs.read(baseDigest!);
    if (ours === undefined || base === undefined) {
      plan.files.push(f);
      continue;
    }
    if (MARKER.test(ours) && !MARKER.test(base)) {
      plan.unresolved.push(f.path);
      plan.files.push({ path: f.path, content: ours });
      continue;
    }
    const result = merge3(ours, base, f.content);
    if (result.conflict) plan.conflicts.push({ path: f.path, content: result.text, theirs: f });
    else plan.merged.push(f.path);
    plan.files.push({ path: f.path, content: result.conflict ? ours : result.text });
  }
  return plan;
}

export function merge3(ours: string, base: string, theirs: string): { conflict: boolean; text: string } {
  const lines = (s: string) => s.split('\n');
  const { conflict, result } = diff3().mergeDiff3(lines(ours), lines(base), lines(theirs), {
    label: { a: 'ours', o: 'base', b: 'theirs' },
  });
  return { conflict, text: result.join('\n') };
}

/** Files of the output that carry hand edits: their content is not what lathe last generated. */
export function handEdited(outDir: string): { path: string; conflicted: boolean }[] {
  const index = readPristine(outDir);
  if (!index) return [];
  const out: { path: string; conflicted: boolean }[] = [];
  for (const [path, digest] of Object.entries(index.files)) {
    const current = readIfExists(join(outDir, path));
    if (current !== undefined && hash(current) !== digest) out.push({ path, conflicted: MARKER.test(current) });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Writes each conflicted file (only those) with its markers, in place, and what it was merged with. */
export function writeConflicts(outDir: string, conflicts: MergePlan['conflicts']): void {
  savePending(outDir, conflicts.map((c) => c.theirs));
  for (const c of conflicts) writeFileSync(assertInside(outDir, c.path), c.content);
}

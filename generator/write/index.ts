/**
 * format -> **write**: puts the files on disk atomically and incrementally.
 *
 * - Unchanged files are not rewritten (their mtimes stay, so downstream build caches stay warm).
 * - Files lathe wrote before and no longer produces are removed; files it never wrote are kept
 *   (`.lathe-manifest.json` lists what it wrote).
 * - Changed files are staged inside the output folder and moved into place after a journal is
 *   committed (journal.ts), so a run that fails or is killed leaves the old output or the new one.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bytesOf, digestOf, partsOf, type OutputFile } from '../emit/output.js';
import { hash } from './content.js';
import { commit, lstatSafe, recover, type PackContent } from './journal.js';
import { manifestText, MANIFEST, type FoundManifest, type InputRecord, type Manifest } from './manifest.js';
import { OnDisk, type Known } from './on-disk.js';
import type { PristineChange, StateChange } from './pristine.js';
import { assertInside, hasFiles } from './paths.js';

export { assertInside } from './paths.js';
export { hash, readIfExists } from './content.js';
export { MANIFEST, readManifest, type InputRecord } from './manifest.js';
export { recover } from './journal.js';
export { lockOutput, LockBusyError } from './lock.js';

export interface OutputDiff {
  /** Produced now and absent or different on disk. */
  readonly changed: string[];
  /** Written by lathe earlier, no longer produced. */
  readonly removed: string[];
  readonly unchanged: string[];
}

/** Refuses two files with one path (one would silently replace the other on disk). */
export function assertUniquePaths(files: readonly OutputFile[]): void {
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`refusing to write '${f.path}': two generated files have that path`);
    seen.add(f.path);
  }
}

/**
 * The inputs recorded for the output folder `disk` looks at, if `matches` accepts them and every
 * file lathe wrote there is still exactly as it wrote it (a hand edit or a deleted file makes the
 * record useless). The files are looked at only for a record that matches: after an edit of the
 * spec, that would be time lost. A file its stat stamp vouches for is not read (on-disk.ts).
 */
export function intactInputs(disk: OnDisk, matches: (record: InputRecord) => boolean): InputRecord | undefined {
  const inputs = disk.manifest?.manifest.inputs;
  if (!inputs || !matches(inputs)) return undefined;
  for (const [path, digest] of Object.entries(disk.recorded)) if (disk.digest(path) !== digest) return undefined;
  return inputs;
}

/** Files are compared by digest: a new file's content is not read unless it must be (see emit/output.ts's lazyFile). */
export function diffOutput(outDir: string, files: readonly OutputFile[], disk: OnDisk = new OnDisk(outDir)): OutputDiff {
  assertUniquePaths(files);
  const changed: string[] = [];
  const unchanged: string[] = [];
  // A first run: nothing to compare with (and thousands of failed reads would cost time).
  const exists = hasFiles(outDir);
  for (const f of files) {
    assertInside(outDir, f.path);
    (exists && disk.digest(f.path) === digestOf(f) ? unchanged : changed).push(f.path);
  }
  const produced = new Set(files.map((f) => f.path));
  const removed = Object.keys(disk.recorded)
    .filter((p) => !produced.has(p) && existsSync(join(outDir, p)))
    .sort();
  return { changed, removed, unchanged };
}

/**
 * Refuses, before anything is written, a run whose writes or removals would go through a symbolic
 * link (it could lead out of the output folder) or need a folder where a file lathe did not write
 * stands. Only the folders of what is written or removed are looked at: an unchanged file is
 * neither (on a one-operation edit of Cloudflare's spec, 10 folders of 1,400).
 */
function checkTargets(outDir: string, diff: OutputDiff, state: StateChange): void {
  // Nothing in the folder: nothing in the way (and a stat per file saved on a first run).
  if (!hasFiles(outDir)) return;
  const removed = new Set(diff.removed);
  const seen = new Set<string>();
  const fail = (rel: string, why: string) => {
    throw new Error(`refusing to write '${rel}': ${why}`);
  };
  for (const path of [...diff.changed, ...diff.removed, ...state.writes.map((w) => w.path), ...state.removals]) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (seen.has(dir)) continue;
      seen.add(dir);
      const st = lstatSafe(join(outDir, dir));
      if (st?.isSymbolicLink())
        fail(dir, 'it is a symbolic link, and lathe never writes through one (it may lead out of the output folder); replace it with a folder');
      if (st && !st.isDirectory() && !removed.has(dir)) fail(path, `'${dir}' is a file lathe did not write`);
    }
  }
  for (const path of diff.changed) {
    const target = join(outDir, path);
    if (!lstatSafe(target)?.isDirectory()) continue;
    const foreign = filesUnder(target, path).find((f) => !removed.has(f));
    if (foreign !== undefined) fail(path, `a folder is in its place holding '${foreign}', which lathe did not write`);
  }
}

/** Every file below `dir` (not following links), as output-relative paths. */
function filesUnder(dir: string, rel: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), `${rel}/${e.name}`) : [`${rel}/${e.name}`],
  );
}

export interface WriteOptions {
  /** What the output is made from, recorded in its manifest for the up-to-date fast path. */
  readonly inputs?: InputRecord;
  /**
   * lathe's own files inside the output (the hand-edit base, `.lathe/`), committed in the same
   * journal as the output but not listed in the manifest: they change with it or not at all.
   */
  readonly state?: StateChange & Partial<Pick<PristineChange, 'pristine'>>;
  /** The run's view of the output folder (on-disk.ts), shared with what looked at it before. */
  readonly disk?: OnDisk;
}

export interface Written extends OutputDiff {
  /** What the output folder holds now, for the next run to start from. */
  readonly known: Known;
}

/**
 * Writes `files` into `outDir` (created if missing) through a journal (journal.ts): the output is
 * never renamed, and a run that fails or is killed leaves it exactly old or exactly new. Only
 * changed files are written; files lathe wrote before and no longer produces are removed.
 * Callers that may run at the same time hold the folder's lock (lock.ts).
 */
export function writeOutput(outDir: string, files: readonly OutputFile[], options: WriteOptions = {}): Written {
  outDir = resolve(outDir);
  recover(outDir);
  const { inputs, state = { writes: [], removals: [] } } = options;
  const disk = options.disk ?? new OnDisk(outDir);
  // Refuses a bad path before the folder is even made.
  const diff = diffOutput(outDir, files, disk);
  mkdirSync(outDir, { recursive: true });
  const manifest: Manifest = {
    generator: 'lathe',
    files: Object.fromEntries(files.map((f) => [f.path, digestOf(f)])),
    ...(inputs ? { inputs } : {}),
  };
  const text = manifestText(manifest);
  const found: FoundManifest = text === disk.manifest?.text ? disk.manifest : { manifest, digest: hash(text), text };
  // Every file the manifest lists now holds what it says (written, or found equal by diffOutput).
  const settle = (written: readonly OutputFile[]) => ({ ...diff, known: disk.settle(found, written, state.pristine) });
  if (!diff.changed.length && !diff.removed.length && !state.writes.length && !state.removals.length && found === disk.manifest) return settle([]);
  checkTargets(outDir, diff, state);
  // Only the changed files' contents are read (a cache hit's is read lazily).
  const byPath = new Map(files.map((f) => [f.path, f]));
  const changed = diff.changed.map((path) => byPath.get(path)!);
  // The manifest goes last: until it is replaced, it does not vouch for files that are not yet there.
  const writes = [...changed.map((f) => ({ path: f.path, content: contentOf(f) })), ...state.writes, { path: MANIFEST, content: text }];
  commit(outDir, { writes, removals: [...diff.removed, ...state.removals] });
  return settle(changed);
}

/** What the journal writes for a file: the parts it was made of, if it was (emit/output.ts's partsFile), else its text. */
function contentOf(file: OutputFile): string | PackContent {
  const parts = partsOf(file);
  return parts ? { parts, bytes: bytesOf(file) } : file.content;
}

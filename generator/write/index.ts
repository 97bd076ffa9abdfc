/**
 * format -> **write**: puts the files on disk atomically and incrementally.
 *
 * - Unchanged files are not rewritten (their mtimes stay, so downstream build caches stay warm).
 * - Files lathe wrote before and no longer produces are removed; files it never wrote are kept
 *   (`.lathe-manifest.json` lists what it wrote).
 * - Changed files are staged inside the output folder and moved into place after a journal is
 *   committed (journal.ts), so a run that fails or is killed leaves the old output or the new one.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { digestOf, type OutputFile } from '../emit/output.js';
import { commit, lstatSafe, recover } from './journal.js';
import { OnDisk } from './on-disk.js';
import type { OutputStamps } from './stamps.js';
import type { StateChange } from './pristine.js';
import { assertInside, hasFiles } from './paths.js';

export { assertInside } from './paths.js';
export { recover } from './journal.js';
export { lockOutput, LockBusyError } from './lock.js';

export const MANIFEST = '.lathe-manifest.json';

interface Manifest {
  readonly generator: 'lathe';
  readonly files: Record<string, string>;
  /** What the output was made from (see fingerprint.ts): spec files relative to the output folder. */
  readonly inputs?: { readonly files: string[]; readonly fingerprint: string };
}

export interface InputRecord {
  /** Spec files, as paths relative to the output folder (`/`-separated). */
  readonly files: string[];
  readonly fingerprint: string;
  /** lathe's version and its libraries' (fingerprint.ts), kept readable to say why a record no longer holds. */
  readonly libraries?: Readonly<Record<string, string>>;
}

export interface OutputDiff {
  /** Produced now and absent or different on disk. */
  readonly changed: string[];
  /** Written by lathe earlier, no longer produced. */
  readonly removed: string[];
  readonly unchanged: string[];
}

export function hash(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Refuses two files with one path (one would silently replace the other on disk). */
export function assertUniquePaths(files: readonly OutputFile[]): void {
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`refusing to write '${f.path}': two generated files have that path`);
    seen.add(f.path);
  }
}

export function readManifest(outDir: string): { manifest: Manifest; digest: string } | undefined {
  try {
    const text = readFileSync(join(outDir, MANIFEST), 'utf8');
    const m = JSON.parse(text) as Manifest;
    return m && m.generator === 'lathe' && typeof m.files === 'object' ? { manifest: m, digest: hash(text) } : undefined;
  } catch {
    return undefined;
  }
}

export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The inputs recorded for an output folder, if `matches` accepts them and every file lathe wrote
 * there is still exactly as it wrote it (a hand edit or a deleted file makes the record useless).
 * The files are read only for a record that matches: after an edit of the spec, reading them all
 * would be time lost (~80 ms on Cloudflare's 2,416 files). A file `stamps` vouches for is not read.
 */
export function intactInputs(outDir: string, matches: (record: InputRecord) => boolean, stamps?: OutputStamps): InputRecord | undefined {
  const found = readManifest(outDir);
  if (!found?.manifest.inputs || !matches(found.manifest.inputs)) return undefined;
  const { manifest, digest: manifestDigest } = found;
  const known = stamps?.trusted(manifestDigest) ?? (() => false);
  let read = 0;
  for (const [path, digest] of Object.entries(manifest.files)) {
    if (known(path)) continue;
    read++;
    const current = readIfExists(join(outDir, path));
    if (current === undefined || hash(current) !== digest) return undefined;
  }
  if (read) stamps?.save(manifestDigest, Object.keys(manifest.files));
  return manifest.inputs;
}

/**
 * What a run left in the output folder, kept in memory by `--watch` for its next run: a file whose
 * inode, size and mtime are still those it had then holds the content it had then (known by its
 * digest), and need not be read again.
 */
export type Written = ReadonlyMap<string, { readonly digest: string; readonly stamp: string }>;

function stampOf(path: string): string | undefined {
  const st = lstatSafe(path);
  return st?.isFile() ? `${st.ino} ${st.size} ${st.mtimeMs}` : undefined;
}

/** The `Written` of `files` as they are now on disk (call it right after writing them). */
export function snapshotWritten(outDir: string, files: readonly OutputFile[]): Written {
  const written = new Map<string, { digest: string; stamp: string }>();
  for (const f of files) {
    const stamp = stampOf(join(outDir, f.path));
    if (stamp) written.set(f.path, { digest: digestOf(f), stamp });
  }
  return written;
}

/** Files are compared by digest: a new file's content is not read unless it must be (see emit/output.ts's lazyFile). */
export function diffOutput(outDir: string, files: readonly OutputFile[], written?: Written, disk: OnDisk = new OnDisk(outDir)): OutputDiff {
  assertUniquePaths(files);
  const changed: string[] = [];
  const unchanged: string[] = [];
  // A first run: nothing to compare with (and thousands of failed reads would cost time).
  const exists = hasFiles(outDir);
  const current = (path: string, target: string): string | undefined => {
    const known = written?.get(path);
    return known && stampOf(target) === known.stamp ? known.digest : disk.digest(path);
  };
  for (const f of files) {
    const target = assertInside(outDir, f.path);
    (exists && current(f.path, target) === digestOf(f) ? unchanged : changed).push(f.path);
  }
  const produced = new Set(files.map((f) => f.path));
  const previous = readManifest(outDir);
  const removed = Object.keys(previous?.manifest.files ?? {})
    .filter((p) => !produced.has(p) && existsSync(join(outDir, p)))
    .sort();
  return { changed, removed, unchanged };
}

/**
 * Refuses, before anything is written, a run whose files would go through a symbolic link (it
 * could lead out of the output folder) or need a folder where a file lathe did not write stands.
 */
function checkTargets(outDir: string, diff: OutputDiff): void {
  // Nothing in the folder: nothing in the way (and a stat per file saved on a first run).
  if (!hasFiles(outDir)) return;
  const removed = new Set(diff.removed);
  const seen = new Set<string>();
  const fail = (rel: string, why: string) => {
    throw new Error(`refusing to write '${rel}': ${why}`);
  };
  for (const path of [...diff.changed, ...diff.unchanged, ...diff.removed]) {
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

/**
 * Writes `files` into `outDir` (created if missing) through a journal (journal.ts): the output is
 * never renamed, and a run that fails or is killed leaves it exactly old or exactly new. Only
 * changed files are written; files lathe wrote before and no longer produces are removed.
 * Callers that may run at the same time hold the folder's lock (lock.ts).
 */
/**
 * `state`: lathe's own files inside the output (the hand-edit base, `.lathe/`), committed in the
 * same journal as the output but not listed in the manifest: they change with it or not at all.
 */
export function writeOutput(
  outDir: string,
  files: readonly OutputFile[],
  inputs?: InputRecord,
  written?: Written,
  state: StateChange = { writes: [], removals: [] },
  stamps?: OutputStamps,
  disk?: OnDisk,
): OutputDiff {
  outDir = resolve(outDir);
  recover(outDir);
  // Refuses a bad path before the folder is even made.
  const diff = diffOutput(outDir, files, written, disk);
  mkdirSync(outDir, { recursive: true });
  const manifest: Manifest = {
    generator: 'lathe',
    files: Object.fromEntries(files.map((f) => [f.path, digestOf(f)])),
    ...(inputs ? { inputs } : {}),
  };
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  // A pack (content in parts) is new by its name: the blobs it holds.
  const stateWrites = state.writes.filter((f) => typeof f.content !== 'string' || readIfExists(join(outDir, f.path)) !== f.content);
  // Every file the manifest lists now holds what it says (written, or found equal by diffOutput).
  const stamp = () => stamps?.save(hash(manifestText), files.map((f) => f.path));
  if (!diff.changed.length && !diff.removed.length && !stateWrites.length && !state.removals.length && readIfExists(join(outDir, MANIFEST)) === manifestText) {
    stamp();
    return diff;
  }
  checkTargets(outDir, diff);
  // Only the changed files' contents are read (a cache hit's is read lazily).
  const byPath = new Map(files.map((f) => [f.path, f]));
  // The manifest goes last: until it is replaced, it does not vouch for files that are not yet there.
  const writes = [...diff.changed.map((path) => ({ path, content: byPath.get(path)!.content })), ...stateWrites, { path: MANIFEST, content: manifestText }];
  commit(outDir, { writes, removals: [...diff.removed, ...state.removals] });
  stamp();
  return diff;
}

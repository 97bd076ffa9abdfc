/**
 * format -> **write**: puts the files on disk atomically and incrementally.
 *
 * - Unchanged files are not rewritten (their mtimes stay, so downstream build caches stay warm).
 * - Files lathe wrote before and no longer produces are removed; files it never wrote are kept
 *   (`.lathe-manifest.json` lists what it wrote).
 * - The new tree is assembled in a sibling staging folder (unchanged files hard-linked) and swapped
 *   in with renames, so a run that fails or is killed leaves the previous output whole.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { OutputFile } from '../emit/modules.js';
import { assertInside, hasFiles, stagingPath } from './paths.js';

export { assertInside } from './paths.js';

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

function readManifest(outDir: string): Manifest | undefined {
  try {
    const m = JSON.parse(readFileSync(join(outDir, MANIFEST), 'utf8')) as Manifest;
    return m && m.generator === 'lathe' && typeof m.files === 'object' ? m : undefined;
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
 * would be time lost (~80 ms on Cloudflare's 2,416 files).
 */
export function intactInputs(outDir: string, matches: (record: InputRecord) => boolean): InputRecord | undefined {
  const manifest = readManifest(outDir);
  if (!manifest?.inputs || !matches(manifest.inputs)) return undefined;
  for (const [path, digest] of Object.entries(manifest.files)) {
    const current = readIfExists(join(outDir, path));
    if (current === undefined || hash(current) !== digest) return undefined;
  }
  return manifest.inputs;
}

export function diffOutput(outDir: string, files: readonly OutputFile[]): OutputDiff {
  assertUniquePaths(files);
  const changed: string[] = [];
  const unchanged: string[] = [];
  // A first run: nothing to compare with (and thousands of failed reads would cost time).
  const exists = hasFiles(outDir);
  for (const f of files) {
    const current = exists ? readIfExists(assertInside(outDir, f.path)) : (assertInside(outDir, f.path), undefined);
    (current === f.content ? unchanged : changed).push(f.path);
  }
  const produced = new Set(files.map((f) => f.path));
  const previous = readManifest(outDir);
  const removed = Object.keys(previous?.files ?? {})
    .filter((p) => !produced.has(p) && existsSync(join(outDir, p)))
    .sort();
  return { changed, removed, unchanged };
}

/** Puts back an output folder that a killed run had moved aside, and drops stale staging folders (not `keep`). */
function recover(outDir: string, keep?: string): void {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  const name = basename(outDir);
  for (const entry of readdirSync(parent)) {
    const full = join(parent, entry);
    if (entry.startsWith(`${name}.lathe-old-`)) {
      if (!existsSync(outDir)) renameSync(full, outDir);
      else rmSync(full, { recursive: true, force: true });
    } else if (entry.startsWith(`${name}.lathe-tmp-`) && full !== keep) rmSync(full, { recursive: true, force: true });
  }
}

/** Hard-links (or copies, keeping mtimes) every file of `from` into `to`, except `skip`. */
function mirror(from: string, to: string, skip: ReadonlySet<string>, rel = ''): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    const src = join(from, entry.name);
    const dst = join(to, entry.name);
    if (entry.isDirectory()) mirror(src, dst, skip, relPath);
    else if (!skip.has(relPath)) {
      try {
        linkSync(src, dst);
      } catch {
        copyFileSync(src, dst);
        const st = statSync(src);
        utimesSync(dst, st.atime, st.mtime);
      }
    }
  }
}

/** Drops the folders of removed files when that left them empty (never the output folder itself). */
function pruneEmpty(root: string, removed: readonly string[]): void {
  for (const path of removed) {
    for (let dir = dirname(join(root, path)); dir.startsWith(root + '/') && existsSync(dir); dir = dirname(dir)) {
      // Not a folder any more (a produced file took its name), or not empty: keep it.
      if (!statSync(dir).isDirectory() || readdirSync(dir).length) break;
      rmSync(dir, { recursive: true });
    }
  }
}

/**
 * Up to this many changed or removed files (an edit of a few operations), they are replaced one by
 * one instead of relinking the whole tree into a staging folder: on Cloudflare's 2,416 files the
 * relink and the removal of the old tree cost 0.2-0.6 s for an edit that changes 3 files.
 */
const IN_PLACE_LIMIT = 32;

/**
 * Every new file is written into the staging folder first; only when all are written are they
 * renamed over their targets (each rename atomic; staging is a sibling, so on the same file
 * system), then removed files go and the manifest is replaced last. A failure while writing leaves
 * the output as it was, and a killed run leaves its files in the staging folder, which the next
 * run removes.
 */
function replaceInPlace(outDir: string, diff: OutputDiff, byPath: ReadonlyMap<string, string>, manifestText: string): boolean {
  // A file replacing a folder (or a file below one that is now a file) needs the whole-tree swap.
  const blocked = (path: string): boolean => {
    for (let p = assertInside(outDir, path); p.startsWith(outDir + '/'); p = dirname(p)) {
      const isTarget = p === join(outDir, path);
      if (existsSync(p) && statSync(p).isDirectory() === isTarget) return true;
    }
    return false;
  };
  if (diff.changed.some(blocked)) return false;
  const staging = stagingPath(outDir);
  const pending: [tmp: string, target: string][] = [];
  try {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
    for (const path of [...diff.changed, MANIFEST]) {
      const target = assertInside(outDir, path);
      const tmp = join(staging, String(pending.length));
      writeFileSync(tmp, path === MANIFEST ? manifestText : byPath.get(path)!);
      pending.push([tmp, target]);
    }
    for (const [, target] of pending) mkdirSync(dirname(target), { recursive: true });
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  // The manifest was queued last, so it is replaced after every file it lists.
  const manifest = pending.pop()!;
  for (const [tmp, target] of pending) renameSync(tmp, target);
  for (const path of diff.removed) rmSync(assertInside(outDir, path), { force: true });
  pruneEmpty(outDir, diff.removed);
  renameSync(manifest[0], manifest[1]);
  rmSync(staging, { recursive: true, force: true });
  return true;
}

export function writeOutput(outDir: string, files: readonly OutputFile[], inputs?: InputRecord): OutputDiff {
  outDir = resolve(outDir);
  recover(outDir);
  const diff = diffOutput(outDir, files);
  const manifest: Manifest = {
    generator: 'lathe',
    files: Object.fromEntries(files.map((f) => [f.path, hash(f.content)])),
    ...(inputs ? { inputs } : {}),
  };
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  if (!diff.changed.length && !diff.removed.length && readIfExists(join(outDir, MANIFEST)) === manifestText) return diff;

  const byPath = new Map(files.map((f) => [f.path, f.content]));
  if (existsSync(outDir) && diff.changed.length + diff.removed.length <= IN_PLACE_LIMIT && replaceInPlace(outDir, diff, byPath, manifestText))
    return diff;

  const staging = stagingPath(outDir);
  const old = `${outDir}.lathe-old-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const skip = new Set([...diff.changed, ...diff.removed, MANIFEST]);
    if (existsSync(outDir)) mirror(outDir, staging, skip);
    else mkdirSync(staging, { recursive: true });
    const made = new Set<string>();
    for (const path of diff.changed) {
      const target = assertInside(staging, path);
      // A file where a folder was: the mirror made the folder, holding only files no longer produced.
      if (existsSync(target) && statSync(target).isDirectory()) rmSync(target, { recursive: true });
      const dir = dirname(target);
      if (!made.has(dir)) mkdirSync(dir, { recursive: true });
      made.add(dir);
      writeFileSync(target, byPath.get(path)!);
    }
    writeFileSync(join(staging, MANIFEST), manifestText);
    pruneEmpty(staging, diff.removed);
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(staging, outDir);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(outDir) && existsSync(old)) renameSync(old, outDir);
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
  return diff;
}


/**
 * A write of the output folder as a transaction, done inside the folder itself: the folder is
 * never renamed or replaced (it may be a mount point, which cannot be), and nothing is put beside
 * it (its parent may not be writable).
 *
 * 1. Every new file goes into a staging folder inside the output (`.lathe-tmp-<pid>`), under a
 *    number, or, if its top-level folder is not in the output yet, under `tree/` at its own path,
 *    so that the folder moves in whole (a first run: a few moves instead of one per file); nothing
 *    in the output has changed yet.
 * 2. A journal listing the moves and removals is written into the staging folder under a
 *    temporary name and renamed to `journal.json`: that rename is the commit.
 * 3. The journal is carried out (removals, then each staged file or new folder renamed to its
 *    target, the manifest last) and the staging folder removed.
 *
 * A run killed before the commit leaves the output as it was plus a staging folder, which the next
 * run (any command) removes; killed after it, the next run finishes the journal. Either way the
 * output ends up exactly the old or exactly the new one.
 */
import { closeSync, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pidAlive } from './lock.js';
import { assertInside } from './paths.js';
import { chunks, pieces } from '../text-chunks.js';

const STAGING = /^\.lathe-tmp-\d+$/;
const JOURNAL = 'journal.json';
/** The staging folder's copy of the output's new top-level folders. */
const TREE = 'tree';

interface Journal {
  /** [staged file name or `tree/<folder>`, target path relative to the output], the manifest last. */
  readonly moves: readonly (readonly [string, string])[];
  /** Paths (relative to the output) of files lathe no longer writes. */
  readonly removals: readonly string[];
}

/** A file written part by part (a pristine pack: no copy of it in one string), `bytes` long in all. */
export interface PackContent {
  readonly parts: readonly string[];
  readonly bytes: number;
}

export interface Transaction {
  readonly writes: readonly { readonly path: string; readonly content: string | PackContent }[];
  readonly removals: readonly string[];
}

/** Stages, commits and carries out `tx` in `outDir`. A failure before the commit leaves the output as it was. */
export function commit(outDir: string, tx: Transaction): void {
  carryOut(outDir, stageAndCommit(outDir, tx));
}

/** Steps 1 and 2 (separate so that tests can stop a run right after its commit); returns the staging folder. */
export function stageAndCommit(outDir: string, tx: Transaction): string {
  const staging = join(outDir, `.lathe-tmp-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const moves: [string, string][] = [];
  /** Top-level folder -> whether the output lacks it (then it is staged whole). */
  const fresh = new Map<string, boolean>();
  /** Folders made in the staging tree. */
  const made = new Set<string>();
  try {
    mkdirSync(staging);
    for (const w of tx.writes) {
      assertInside(outDir, w.path);
      const slash = w.path.indexOf('/');
      const top = slash < 0 ? undefined : w.path.slice(0, slash);
      let whole = top !== undefined && fresh.get(top);
      if (top !== undefined && whole === undefined) {
        fresh.set(top, (whole = lstatSafe(join(outDir, top)) === undefined));
        if (whole) moves.push([`${TREE}/${top}`, top]);
      }
      if (whole) {
        const path = join(staging, TREE, w.path);
        const dir = dirname(path);
        if (!made.has(dir)) {
          mkdirSync(dir, { recursive: true });
          made.add(dir);
        }
        writeParts(path, w.content);
        continue;
      }
      const name = String(moves.length);
      writeParts(join(staging, name), w.content);
      moves.push([name, w.path]);
    }
    const journal: Journal = { moves, removals: tx.removals };
    writeFileSync(join(staging, `${JOURNAL}.part`), JSON.stringify(journal));
    renameSync(join(staging, `${JOURNAL}.part`), join(staging, JOURNAL));
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  return staging;
}

function writeParts(path: string, content: string | PackContent): void {
  const parts = typeof content === 'string' ? pieces(content) : content.parts;
  if (parts.length === 1 && typeof content === 'string') return writeFileSync(path, content);
  const fd = openSync(path, 'w');
  try {
    // Each piece is encoded as it is written (text-chunks.ts: a pack's part can be megabytes).
    for (const piece of chunks(parts)) writeSync(fd, piece);
    // A write may take fewer bytes than it was given (a full disk): a short file is no file.
    const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.bytes;
    if (fstatSync(fd).size !== bytes) throw new Error(`short write of ${path}`);
  } finally {
    closeSync(fd);
  }
}

/** The folders earlier versions of lathe put beside the output (`<out>.lathe-tmp-<pid>`, `<out>.lathe-old-<pid>`), of dead runs. */
function besideDebris(outDir: string): { readonly path: string; readonly old: boolean }[] {
  const parent = dirname(outDir);
  const name = basename(outDir);
  if (!existsSync(parent)) return [];
  return readdirSync(parent).flatMap((entry) => {
    const m = /\.lathe-(old|tmp)-(\d+)$/.exec(entry);
    if (!m || entry !== `${name}.lathe-${m[1]}-${m[2]}` || pidAlive(Number(m[2]))) return [];
    return [{ path: join(parent, entry), old: m[1] === 'old' }];
  });
}

function stagingFolders(outDir: string): string[] {
  return existsSync(outDir) ? readdirSync(outDir).filter((e) => STAGING.test(e)).map((e) => join(outDir, e)) : [];
}

/** Whether `recover` would find anything to do. */
export function hasDebris(outDir: string): boolean {
  return besideDebris(outDir).length > 0 || stagingFolders(outDir).length > 0;
}

/**
 * Removes what killed runs left: staging folders inside the output (finishing those whose journal
 * was committed), and what earlier versions left beside it. Call it holding the lock.
 */
export function recover(outDir: string): void {
  for (const debris of besideDebris(outDir)) {
    // An earlier lathe killed between moving the output aside and moving the new one in.
    if (debris.old && !existsSync(outDir)) renameSync(debris.path, outDir);
    else rmSync(debris.path, { recursive: true, force: true });
  }
  for (const staging of stagingFolders(outDir)) {
    if (existsSync(join(staging, JOURNAL))) carryOut(outDir, staging);
    else rmSync(staging, { recursive: true, force: true });
  }
}

/** Idempotent: a move whose staged file is gone was done by an earlier attempt. */
function carryOut(outDir: string, staging: string): void {
  const journal = JSON.parse(readFileSync(join(staging, JOURNAL), 'utf8')) as Journal;
  for (const path of journal.removals) rmSync(assertInside(outDir, path), { force: true });
  pruneEmpty(outDir, journal.removals);
  for (const [name, path] of journal.moves) {
    const target = assertInside(outDir, path);
    if (name.startsWith(`${TREE}/`)) moveFolder(join(staging, name), target, path);
    else moveInto(join(staging, name), target);
  }
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Renames a staged file over `target`. The rename is tried first: a missing folder or a folder in
 * the file's place is rare, and looking for them before every move cost a stat per file.
 */
function moveInto(from: string, target: string): void {
  try {
    renameSync(from, target);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Moved by an earlier attempt at this journal.
    if (code === 'ENOENT' && !existsSync(from)) return;
    if (code === 'ENOENT') mkdirSync(dirname(target), { recursive: true });
    // A folder where a file goes: the plan made sure it held only files lathe removed.
    else if (lstatSafe(target)?.isDirectory()) rmSync(target, { recursive: true, force: true });
    else throw e;
  }
  renameSync(from, target);
}

/**
 * Moves a staged folder in whole. Something put in its place since the run staged it (the output
 * had no such folder then) is merged into, file by file, if it is a folder; anything else (a file,
 * a link) is refused: lathe never writes through a link.
 */
function moveFolder(from: string, target: string, rel: string): void {
  try {
    renameSync(from, target);
    return;
  } catch (e) {
    // Moved by an earlier attempt at this journal.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && !existsSync(from)) return;
    const st = lstatSafe(target);
    if (!st) throw e;
    if (!st.isDirectory()) throw new Error(`refusing to write '${rel}': something that is not a folder was put there while lathe wrote it`);
  }
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const to = join(target, entry.name);
    if (entry.isDirectory()) moveFolder(join(from, entry.name), to, `${rel}/${entry.name}`);
    else moveInto(join(from, entry.name), to);
  }
}

/** Drops the folders that removals left empty (never the output folder itself). */
function pruneEmpty(root: string, removed: readonly string[]): void {
  for (const path of removed) {
    for (let dir = dirname(join(root, path)); dir.startsWith(root + '/'); dir = dirname(dir)) {
      const st = lstatSafe(dir);
      if (!st?.isDirectory() || readdirSync(dir).length) break;
      rmSync(dir, { recursive: true });
    }
  }
}

export function lstatSafe(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

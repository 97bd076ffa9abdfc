/**
 * The pristine output of the last run: exactly what lathe generated, before any hand edit was
 * merged in. It is the base of the three-way merge that keeps hand edits (merge.ts), stored in the
 * output folder (so it travels with a committed output and `lathe check` works in CI) as
 * content-addressed blobs: `.lathe/pristine/<sha256>`, indexed by `.lathe/pristine.json`. After an
 * edit of one operation only the few new blobs are written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { digestOf, type OutputFile } from '../emit/output.js';
import { hash } from './index.js';

export const STATE_DIR = '.lathe';
const BLOBS = `${STATE_DIR}/pristine`;
const INDEX = `${STATE_DIR}/pristine.json`;
/**
 * Files left with conflict markers, with the new output they were merged with. Once the user has
 * resolved the markers, that output is the base of the next merge (as git's merge head is): the
 * resolution already holds it.
 */
const PENDING = `${STATE_DIR}/pending.json`;

export interface PristineIndex {
  /** Output path -> sha256 of what lathe generated for it last time. */
  readonly files: Readonly<Record<string, string>>;
}

export function readPristine(outDir: string): PristineIndex | undefined {
  try {
    const index = JSON.parse(readFileSync(join(outDir, INDEX), 'utf8')) as PristineIndex;
    return index && typeof index.files === 'object' ? index : undefined;
  } catch {
    return undefined;
  }
}

export function readPending(outDir: string): Readonly<Record<string, string>> {
  try {
    const pending = JSON.parse(readFileSync(join(outDir, PENDING), 'utf8')) as { files?: Record<string, string> };
    return pending.files && typeof pending.files === 'object' ? pending.files : {};
  } catch {
    return {};
  }
}

/** Records the new output of files left in conflict (see PENDING). */
export function savePending(outDir: string, files: readonly OutputFile[]): void {
  const blobs = join(outDir, BLOBS);
  mkdirSync(blobs, { recursive: true });
  const pending: Record<string, string> = { ...readPending(outDir) };
  for (const f of files) pending[f.path] = writeBlob(blobs, f.content);
  writeAtomic(join(outDir, PENDING), `${JSON.stringify({ files: pending }, null, 1)}\n`);
}

function writeBlob(blobs: string, content: string): string {
  const digest = hash(content);
  const target = join(blobs, digest);
  if (!existsSync(target)) writeAtomic(target, content);
  return digest;
}

function writeAtomic(target: string, content: string): void {
  const tmp = `${target}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, target);
}

export function pristineSize(outDir: string, digest: string): number | undefined {
  try {
    return statSync(join(outDir, BLOBS, digest)).size;
  } catch {
    return undefined;
  }
}

export function pristineText(outDir: string, digest: string): string | undefined {
  try {
    const text = readFileSync(join(outDir, BLOBS, digest), 'utf8');
    return hash(text) === digest ? text : undefined; // a damaged blob is no base to merge on
  } catch {
    return undefined;
  }
}

/** What a run changes in lathe's own state folder, committed in one journal with the output. */
export interface StateChange {
  readonly writes: readonly { readonly path: string; readonly content: string }[];
  readonly removals: readonly string[];
}

/**
 * `files` as the next pristine output: the blobs it lacks, its index, and the blobs (and conflict
 * record) it no longer needs. Nothing is written here: the caller commits these in the same
 * journal as the output (write/index.ts), so a run killed at any point leaves the base and the
 * output of one and the same run.
 */
export function pristineChange(outDir: string, files: readonly OutputFile[]): StateChange {
  const blobs = join(outDir, BLOBS);
  const have = new Set(existsSync(blobs) ? readdirSync(blobs) : []);
  const index: Record<string, string> = {};
  const writes: { path: string; content: string }[] = [];
  for (const f of files) {
    const digest = digestOf(f);
    index[f.path] = digest;
    if (have.has(digest)) continue;
    writes.push({ path: `${BLOBS}/${digest}`, content: f.content });
    have.add(digest);
  }
  writes.push({ path: INDEX, content: `${JSON.stringify({ files: index }, null, 1)}\n` });
  const used = new Set(Object.values(index));
  const removals = [...have].filter((name) => !used.has(name)).map((name) => `${BLOBS}/${name}`);
  if (existsSync(join(outDir, PENDING))) removals.push(PENDING);
  return { writes, removals };
}

export function hasPristine(outDir: string): boolean {
  return existsSync(join(outDir, INDEX));
}

/**
 * The two sides of a surface diff as lazily read file trees: the output folder on disk, another
 * folder, the output folder at a git ref, or files in memory. Contents are read only for files
 * whose identity (bytes, or git blob id) differs, so a one-operation edit of a 2,400-file output
 * reads a handful of files.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Tree {
  /** Every file path (relative, `/`-separated). */
  paths(): readonly string[];
  read(path: string): string | undefined;
  /** Whether `path` holds exactly `content` (cheaper than read for a git tree: blob ids). */
  holds(path: string, content: string): boolean;
  /** The file's size in UTF-8 bytes, where the tree knows it without reading the file. */
  bytes?(path: string): number | undefined;
}

export function memoryTree(files: ReadonlyMap<string, string>): Tree {
  return {
    paths: () => [...files.keys()],
    read: (p) => files.get(p),
    holds: (p, c) => files.get(p) === c,
  };
}

/** Folders that are never part of an SDK's surface: lathe's own state, installed packages, builds. */
const SKIPPED = new Set(['.lathe', 'node_modules', 'dist', '.git']);

export function folderTree(dir: string): Tree {
  let listed: string[] | undefined;
  const list = (rel: string, out: string[]) => {
    let entries;
    try {
      entries = readdirSync(join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIPPED.has(e.name)) list(p, out);
      } else if (e.isFile()) out.push(p);
    }
  };
  const read = (p: string) => {
    try {
      return readFileSync(join(dir, p), 'utf8');
    } catch {
      return undefined;
    }
  };
  return {
    paths: () => (listed ??= (() => { const out: string[] = []; list('', out); return out; })()),
    read,
    holds: (p, c) => read(p) === c,
  };
}

export class GitRefError extends Error {}

/**
 * `dir` as it was at `ref` (any git revision). `git ls-tree` lists the blobs with their ids, so a
 * file is compared by hashing the new content the way git does, and read (`git show`) only if it
 * differs.
 */
export function gitTree(dir: string, ref: string): Tree {
  const git = (args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  let listing: string;
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    listing = git(['ls-tree', '-r', '-z', ref, '--', '.']);
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? '').trim();
    throw new GitRefError(`'${ref}' is not a folder nor a git revision of ${dir}${stderr ? ` (${stderr.split('\n')[0]})` : ''}`);
  }
  const blobs = new Map<string, string>();
  for (const entry of listing.split('\0')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (m && !m[2]!.split('/').some((s) => SKIPPED.has(s))) blobs.set(m[2]!, m[1]!);
  }
  const blobId = (content: string) => {
    const bytes = Buffer.from(content, 'utf8');
    return createHash(blobs.values().next().value?.length === 64 ? 'sha256' : 'sha1')
      .update(`blob ${bytes.length}\0`)
      .update(bytes)
      .digest('hex');
  };
  return {
    paths: () => [...blobs.keys()],
    read: (p) => (blobs.has(p) ? git(['cat-file', 'blob', blobs.get(p)!]) : undefined),
    holds: (p, c) => blobs.get(p) === blobId(c),
  };
}

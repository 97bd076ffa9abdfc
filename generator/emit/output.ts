/**
 * An output file and its digest. Kept apart from the emit model (modules.ts loads ts-morph), so that
 * the write step and the up-to-date fast path load nothing heavy.
 */
import { sha256 } from '../text-chunks.js';

/** A file of the output, path relative to the output folder, `/`-separated. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

const digests = new WeakMap<OutputFile, string>();

/**
 * The sha256 of a file's content, computed once per file: the emit cache, the pristine store and
 * the manifest all address the same files by it.
 */
export function digestOf(file: OutputFile): string {
  let digest = digests.get(file);
  if (digest === undefined) digests.set(file, (digest = sha256(file.content)));
  return digest;
}

const sizes = new WeakMap<OutputFile, number>();

/** The byte length of a file's content as UTF-8, counted once per file (the caches, the memory and the pristine store all record it). */
export function bytesOf(file: OutputFile): number {
  let bytes = sizes.get(file);
  if (bytes === undefined) sizes.set(file, (bytes = Buffer.byteLength(file.content)));
  return bytes;
}

/**
 * A file known by its digest whose content is read only when something asks for it: an emit-cache
 * hit, most of which an edit never reads (the write step compares digests). `read` must give
 * the content whose sha256 is `digest` and UTF-8 length `bytes`, or throw.
 */
export function lazyFile(path: string, digest: string, bytes: number, read: () => string): OutputFile {
  let content: string | undefined;
  const file: OutputFile = {
    path,
    get content() {
      return (content ??= read());
    },
  };
  digests.set(file, digest);
  sizes.set(file, bytes);
  return file;
}

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
  if (digest === undefined) digests.set(file, (digest = sha256(partsOf(file) ?? file.content)));
  return digest;
}

const sizes = new WeakMap<OutputFile, number>();

/** The byte length of a file's content as UTF-8, counted once per file (the caches, the memory and the pristine store all record it). */
export function bytesOf(file: OutputFile): number {
  let bytes = sizes.get(file);
  if (bytes === undefined) {
    const parts = partsOf(file);
    bytes = parts ? parts.reduce((n, p) => n + Buffer.byteLength(p), 0) : Buffer.byteLength(file.content);
    sizes.set(file, bytes);
  }
  return bytes;
}

const partsByFile = new WeakMap<OutputFile, readonly string[]>();

/**
 * A file made of `parts` in order, joined only if something asks for its content: src/openapi.ts
 * is 4.4 MB on Cloudflare's spec, and a few characters outside Latin-1 make V8 hold all of it as
 * two-byte text, whose 8.8 MB of new memory cost ~25 ms to fill on this project's VMs. Its digest,
 * its size, the write step and the pristine store take the parts as they are.
 */
export function partsFile(path: string, parts: readonly string[]): OutputFile {
  let content: string | undefined;
  const file: OutputFile = {
    path,
    get content() {
      return (content ??= parts.join(''));
    },
  };
  partsByFile.set(file, parts);
  return file;
}

/** The parts a file was made of (partsFile), if it was. */
export function partsOf(file: OutputFile): readonly string[] | undefined {
  return partsByFile.get(file);
}

/**
 * `file` to keep past its run: a copy with its text, read now (a cache hit's reader, and what that
 * reads from, is not kept alive), or a file of parts as it is (joined only if the next run reads it).
 */
export function detached(file: OutputFile): OutputFile {
  return partsOf(file) ? file : { path: file.path, content: file.content };
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

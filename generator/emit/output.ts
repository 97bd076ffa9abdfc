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

/**
 * A file known by its digest whose content is read only when something asks for it: an emit-cache
 * hit, most of which an edit never reads (the write step compares digests). `read` must give
 * the content whose sha256 is `digest`, or throw.
 */
export function lazyFile(path: string, digest: string, read: () => string): OutputFile {
  let content: string | undefined;
  const file: OutputFile = {
    path,
    get content() {
      return (content ??= read());
    },
  };
  digests.set(file, digest);
  return file;
}

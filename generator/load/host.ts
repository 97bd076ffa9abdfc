import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SpecHost } from './types.js';

/** Error codes that mean "there is no file here" rather than "something is broken". */
// A name longer than the file system allows (ENAMETOOLONG) cannot name a file either.
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG']);

/**
 * A host that reads from disk. Missing files (and folders given as files) come back as undefined so
 * the loader can report them as a diagnostic; any other I/O failure is thrown and reported by the
 * loader as "cannot read".
 */
export function fsHost(): SpecHost {
  return {
    readFile(file: string): Uint8Array | undefined {
      try {
        return readFileSync(file);
      } catch (err) {
        if (MISSING.has((err as NodeJS.ErrnoException).code ?? '')) return undefined;
        throw err;
      }
    },
  };
}

/**
 * A host over in-memory files, for the programmatic API and tests. Keys are resolved to absolute
 * paths (relative keys against the process working directory), so they match the loader's paths.
 */
export function memoryHost(files: Record<string, string | Uint8Array>): SpecHost {
  const encoder = new TextEncoder();
  const byPath = new Map<string, Uint8Array>();
  for (const [name, content] of Object.entries(files)) {
    byPath.set(path.resolve(name), typeof content === 'string' ? encoder.encode(content) : content);
  }
  return { readFile: (file) => byPath.get(path.resolve(file)) };
}

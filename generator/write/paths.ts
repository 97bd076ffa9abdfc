import { existsSync, readdirSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';

/** Relative paths of plain names (none `.` or starting with `..`, none empty): inside by construction. */
const PLAIN = /^(?!\.\.|\.(?:\/|$))[\w.@+-]+(?:\/(?!\.\.|\.(?:\/|$))[\w.@+-]+)*$/;

let lastDir: { readonly dir: string; readonly resolved: boolean } | undefined;

/** Whether `dir` is absolute and normalized, with no trailing separator (the folder of the last call is remembered). */
function isResolved(dir: string): boolean {
  if (lastDir?.dir !== dir) lastDir = { dir, resolved: sep === '/' && resolve(dir) === dir && dir !== '/' };
  return lastDir.resolved;
}

/** Refuses any path that could land outside the output folder. */
export function assertInside(outDir: string, path: string): string {
  // Every path lathe writes is plain; resolving and relativizing each (three times per file) cost more than the rest of the check.
  if (PLAIN.test(path) && isResolved(outDir)) return `${outDir}/${path}`;
  const target = resolve(outDir, path);
  const rel = relative(resolve(outDir), target);
  if (!rel || rel.startsWith('..') || resolve(outDir, rel) !== target || path.includes('\0') || path.includes('\\'))
    throw new Error(`refusing to write '${path}': it is outside the output folder`);
  return target;
}

/** What lathe keeps in an output folder while it works on it (the lock, staging folders). */
export function isOwnWorkFile(name: string): boolean {
  return name === '.lathe-lock' || name.startsWith('.lathe-lock.') || /^\.lathe-tmp-\d+$/.test(name);
}

/** Whether the output folder exists and holds anything (else a run has nothing to compare with or keep). */
export function hasFiles(outDir: string): boolean {
  return existsSync(outDir) && readdirSync(outDir).some((name) => !isOwnWorkFile(name));
}

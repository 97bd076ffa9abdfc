import { existsSync, readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';

/** Refuses any path that could land outside the output folder. */
export function assertInside(outDir: string, path: string): string {
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

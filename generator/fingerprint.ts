/**
 * What an output was made from, as one hash: lathe's own code and templates, the config, the
 * Prettier options and every spec file. When it matches the manifest's and the files on disk
 * still match theirs, `generate` and `check` can skip the pipeline entirely.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Options } from 'prettier';

let ownCode: string | undefined;

/** A hash of lathe's code (this folder: generator/ or dist/generator/) and runtime templates. */
export function generatorHash(): string {
  if (ownCode) return ownCode;
  const h = createHash('sha256');
  const codeDir = dirname(fileURLToPath(import.meta.url));
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(js|ts)$/.test(name) && !name.endsWith('.d.ts')) h.update(name).update('\0').update(readFileSync(full));
    }
  };
  walk(codeDir);
  let root = codeDir;
  while (!statSafe(join(root, 'templates', 'core')) && dirname(root) !== root) root = dirname(root);
  walk(join(root, 'templates', 'core'));
  return (ownCode = h.digest('hex'));
}

function statSafe(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * @param inputs spec files, each with the name it is recorded under (stable across machines).
 * @returns undefined when an input cannot be read (then the caller runs the pipeline).
 */
export function fingerprint(
  inputs: readonly { readonly name: string; readonly path: string }[],
  configText: string,
  prettier: Options | undefined,
): string | undefined {
  const h = createHash('sha256').update(generatorHash()).update('\0').update(configText).update('\0').update(JSON.stringify(prettier ?? null));
  try {
    for (const input of [...inputs].sort((a, b) => (a.name < b.name ? -1 : 1)))
      h.update('\0').update(input.name).update('\0').update(readFileSync(input.path));
  } catch {
    return undefined;
  }
  return h.digest('hex');
}

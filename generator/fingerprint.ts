/**
 * What an output was made from, as one hash: lathe's own code, templates, version and libraries,
 * the config, the Prettier options and every spec file. When it matches the manifest's and the files on disk
 * still match theirs, `generate` and `check` can skip the pipeline entirely.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Options } from 'prettier';
import { packageRoot, templatesDir } from './package-root.js';

let ownCode: string | undefined;

/** A hash of lathe's code (this folder, dist/generator/) and runtime templates. */
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
  walk(templatesDir('core'));
  return (ownCode = h.digest('hex'));
}

/**
 * lathe's version and the version of every library it runs (its `dependencies`), as resolved from
 * lathe's own folder: an upgrade of any of them can change the output, so it is part of what made it.
 */
export function libraryVersions(): Record<string, string> {
  if (libraries) return libraries;
  const pkgFile = join(packageRoot(), 'package.json');
  const own = JSON.parse(readFileSync(pkgFile, 'utf8')) as { name: string; version: string; dependencies?: Record<string, string> };
  const require = createRequire(pkgFile);
  const found: Record<string, string> = { [own.name]: own.version };
  for (const name of Object.keys(own.dependencies ?? {}).sort()) found[name] = resolvedVersion(name, require) ?? 'unresolved';
  return (libraries = found);
}
let libraries: Record<string, string> | undefined;

/** The version of `name` as `require` (made for the package that depends on it) resolves it. */
export function resolvedVersion(name: string, require: NodeRequire): string | undefined {
  const versionIn = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
  try {
    return versionIn(require.resolve(`${name}/package.json`)).version;
  } catch {
    // Its `exports` do not list package.json: walk up from its entry to the package.json that names it.
  }
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    try {
      entry = fileURLToPath(import.meta.resolve(name));
    } catch {
      return undefined;
    }
  }
  for (let dir = dirname(entry); dirname(dir) !== dir; dir = dirname(dir)) {
    try {
      const pkg = versionIn(join(dir, 'package.json'));
      if (pkg.name === name) return pkg.version;
    } catch {
      // No package.json here.
    }
  }
  return undefined;
}

export interface InputBytes {
  /** The name the file is recorded under (stable across machines: relative to the output folder). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * One hash of what made an output: lathe's code and libraries, the config's text, the Prettier
 * options and the bytes of every spec file. Hashed from the bytes a run loaded, never from a
 * second read: a spec saved during the run must not lend its fingerprint to output made from the
 * version before.
 */
export function fingerprint(inputs: readonly InputBytes[], configText: string, prettier: Options | undefined, libs = libraryVersions()): string {
  const h = createHash('sha256').update(generatorHash()).update('\0').update(JSON.stringify(libs));
  h.update('\0').update(configText).update('\0').update(JSON.stringify(prettier ?? null));
  for (const input of [...inputs].sort((a, b) => (a.name < b.name ? -1 : 1))) h.update('\0').update(input.name).update('\0').update(input.bytes);
  return h.digest('hex');
}

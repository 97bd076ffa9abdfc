/**
 * lathe's own folder, the one holding its package.json, templates/ and dist/: where its version,
 * its libraries and the templates it copies into outputs are found.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`lathe is installed without its package.json (looked above ${fileURLToPath(import.meta.url)})`);
    dir = up;
  }
  return (root = dir);
}

/** `templates/core` (the runtime copied into every output) or `templates/site` (the HTML reference's assets). */
export function templatesDir(name: 'core' | 'site'): string {
  const dir = join(packageRoot(), 'templates', name);
  if (!existsSync(dir)) throw new Error('lathe is installed without its templates/ folder');
  return dir;
}

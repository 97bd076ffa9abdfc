/**
 * The runtime core: hand-written, tested TypeScript in templates/core, copied into every output.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OutputFile } from './modules.js';

const HEADER = "// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.";

/** The lathe package root, found from this module whether it runs from source or from dist/. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'templates', 'core'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('lathe is installed without its templates/ folder');
    dir = up;
  }
  return dir;
}

let cached: OutputFile[] | undefined;

/** The core files as they go into the output (`src/core/*.ts`), read once per process. */
export function coreFiles(): OutputFile[] {
  if (cached) return cached;
  const dir = join(packageRoot(), 'templates', 'core');
  cached = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    // Kept prettier-clean in the repository (test/format checks it), so formatting them again is waste.
    .map((f) => ({ path: `src/core/${f}`, content: `${HEADER}\n${readFileSync(join(dir, f), 'utf8')}` }));
  return cached;
}

/** Names the core exports: spec-derived names must not take them. */
export function coreExportNames(): string[] {
  const names = new Set<string>();
  for (const f of coreFiles())
    for (const m of f.content.matchAll(/^export\s+(?:declare\s+)?(?:abstract\s+)?(?:class|interface|type|function|const|let|enum)\s+([A-Za-z_$][\w$]*)/gm))
      names.add(m[1]!);
  return [...names].sort();
}

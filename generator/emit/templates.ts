/**
 * The runtime core: hand-written, tested TypeScript in templates/core, copied into every output.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { templatesDir } from '../package-root.js';
import type { OutputFile } from './modules.js';

const HEADER = "// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.";

let cached: OutputFile[] | undefined;

/** The core files as they go into the output (`src/core/*.ts`), read once per process. */
export function coreFiles(): OutputFile[] {
  if (cached) return cached;
  const dir = templatesDir('core');
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

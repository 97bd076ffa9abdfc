import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Options } from 'prettier';
import type { OutputFile } from '../emit/modules.js';

/**
 * Prettier itself is imported only when something is formatted or a config file may apply: most
 * runs need neither, and importing it costs ~30 ms of every run's start-up.
 */
const prettier = () => import('prettier');

/** The installed prettier's version, without importing prettier. */
export const prettierVersion = (createRequire(import.meta.url)('prettier/package.json') as { version: string }).version;

/**
 * The files prettier 3's config search looks for in each folder (test/format holds this list equal
 * to the installed prettier's). `package.json` and `package.yaml` count only with a `prettier` key.
 */
export const CONFIG_FILES: readonly string[] = [
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.yml',
  '.prettierrc.yaml',
  '.prettierrc.json5',
  '.prettierrc.js',
  'prettier.config.js',
  '.prettierrc.ts',
  'prettier.config.ts',
  '.prettierrc.mjs',
  'prettier.config.mjs',
  '.prettierrc.mts',
  'prettier.config.mts',
  '.prettierrc.cjs',
  'prettier.config.cjs',
  '.prettierrc.cts',
  'prettier.config.cts',
  '.prettierrc.toml',
];

function parserFor(path: string): string | undefined {
  // babel-ts prints the same as the typescript parser for what lathe emits, in about half the time.
  if (path.endsWith('.ts')) return 'babel-ts';
  if (path.endsWith('.md')) return 'markdown';
  if (path.endsWith('.json')) return 'json';
  return undefined;
}

/**
 * The consuming project's Prettier options when a Prettier config governs the output folder (then
 * generated code is formatted to read like the rest of that project), else none.
 */
export async function projectOptions(outDir: string): Promise<Options | undefined> {
  const src = join(outDir, 'src');
  if (!mayHaveConfig(src)) return undefined;
  return (await (await prettier()).resolveConfig(join(src, 'index.ts'), { editorconfig: false })) ?? undefined;
}

/**
 * Whether prettier's search from `dir` up to the root could find a config: false only when no
 * folder on the way holds any file it looks for. Anything unclear (a folder that cannot be listed,
 * a package.json that does not parse) is left to prettier.
 */
function mayHaveConfig(dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return true;
      names = [];
    }
    for (const name of names) {
      // Lower case: on a case-insensitive disk, prettier's `.prettierrc` finds `.PrettierRC` too.
      const lower = name.toLowerCase();
      if (CONFIG_FILES.includes(lower) || lower === 'package.yaml') return true;
      if (lower === 'package.json' && packageJsonMayConfigure(join(d, name))) return true;
    }
    if (dirname(d) === d) return false;
  }
}

function packageJsonMayConfigure(file: string): boolean {
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof json !== 'object' || json === null || 'prettier' in json;
  } catch {
    return true;
  }
}

export async function formatFile(file: OutputFile, options: Options): Promise<OutputFile> {
  const parser = parserFor(file.path);
  if (!parser) return { path: file.path, content: file.content };
  // Example code in docs is laid out by the emitter to match the reference pages; keep it as written.
  const embedded = parser === 'markdown' ? { embeddedLanguageFormatting: 'off' as const } : {};
  const { format } = await prettier();
  return { path: file.path, content: await format(file.content, { ...options, ...embedded, parser, filepath: file.path }) };
}

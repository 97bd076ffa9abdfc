import { join } from 'node:path';
import { format, resolveConfig, type Options } from 'prettier';
import type { OutputFile } from '../emit/modules.js';
import { PRETTIER_OPTIONS } from './style.js';

export { PRETTIER_OPTIONS } from './style.js';

function parserFor(path: string): string | undefined {
  // babel-ts prints the same as the typescript parser for what lathe emits, in about half the time.
  if (path.endsWith('.ts')) return 'babel-ts';
  if (path.endsWith('.md')) return 'markdown';
  if (path.endsWith('.json')) return 'json';
  return undefined;
}

/**
 * lathe's style, overridden by the consuming project's Prettier config when one governs the output
 * folder, so generated code reads like the rest of that project.
 */
export async function projectOptions(outDir: string): Promise<Options> {
  const found = await resolveConfig(join(outDir, 'src', 'index.ts'), { editorconfig: false });
  return found ? { ...PRETTIER_OPTIONS, ...found } : PRETTIER_OPTIONS;
}

export async function formatFile(file: OutputFile, options: Options = PRETTIER_OPTIONS): Promise<OutputFile> {
  const parser = parserFor(file.path);
  if (!parser || file.preformatted) return { path: file.path, content: file.content };
  // Example code in docs is laid out by the emitter to match the reference pages; keep it as written.
  const embedded = parser === 'markdown' ? { embeddedLanguageFormatting: 'off' as const } : {};
  return { path: file.path, content: await format(file.content, { ...options, ...embedded, parser, filepath: file.path }) };
}

/**
 * Shared by the hostile, property and downstream tests: puts generated packages side by side in a
 * temp folder and compiles them all with one tsc run (tsc's start-up dominates on a slow machine).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import type { OutputFile } from '../../generator/index.js';
import { tsc } from '../helpers.js';

export function writeFiles(dir: string, files: readonly { path: string; content: string }[]): void {
  for (const f of files) {
    const target = resolve(dir, f.path);
    if (!target.startsWith(resolve(dir) + sep)) throw new Error(`test refuses to write ${f.path} outside ${dir}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.content);
  }
}

/** The compiler options of a generated package's tsconfig.json (strict, noUncheckedIndexedAccess, ...). */
export function generatedCompilerOptions(files: readonly OutputFile[]): Record<string, unknown> {
  const tsconfig = files.find((f) => f.path === 'tsconfig.json');
  if (!tsconfig) throw new Error('no tsconfig.json in the output');
  return (JSON.parse(tsconfig.content) as { compilerOptions: Record<string, unknown> }).compilerOptions;
}

export interface Workspace {
  readonly root: string;
  /** tsc's diagnostics, one per line, paths relative to root. */
  readonly output: string;
  readonly code: number;
  /** The tsc error lines about one package (`pkgs/<name>/...`). */
  errorsOf(name: string): string[];
  /** The compiled entry of one package, for `import()`. */
  entryOf(name: string): string;
}

/**
 * Writes each package under `root/pkgs/<name>/` and compiles all of them (plus `extra` files, e.g.
 * type checks next to them) with the generated packages' own compiler options, emitting JavaScript
 * to `root/dist/`.
 */
export function compileWorkspace(
  root: string,
  packages: ReadonlyMap<string, readonly OutputFile[]>,
  extra: readonly { path: string; content: string }[] = [],
): Workspace {
  let options: Record<string, unknown> | undefined;
  for (const [name, files] of packages) {
    writeFiles(join(root, 'pkgs', name), files);
    options ??= generatedCompilerOptions(files);
  }
  writeFiles(root, extra);
  writeFileSync(join(root, 'package.json'), `${JSON.stringify({ name: 'lathe-workspace', private: true, type: 'module' })}\n`);
  const compilerOptions = { ...options, strict: true, rootDir: '.', outDir: 'dist', declaration: false, noEmitOnError: false };
  writeFileSync(
    join(root, 'tsconfig.json'),
    JSON.stringify({ compilerOptions, include: ['pkgs/*/src/**/*.ts', ...extra.filter((f) => f.path.endsWith('.ts')).map((f) => f.path)] }, null, 2),
  );
  const r = tsc(['-p', join(root, 'tsconfig.json'), '--pretty', 'false'], root);
  const lines = r.output.split('\n').filter(Boolean);
  return {
    root,
    output: r.output,
    code: r.code,
    errorsOf: (name) => lines.filter((l) => l.startsWith(`pkgs/${name}/`)),
    entryOf: (name) => join(root, 'dist', 'pkgs', name, 'src', 'index.js'),
  };
}

/** Lines of code with every string literal blanked and every comment removed: what would run. */
export function codeOutsideCommentsAndStrings(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  // UTF-16 offsets, as the AST uses.
  const blank = text.split('');
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateExpression(node) ||
      ts.isRegularExpressionLiteral(node)
    ) {
      for (let i = node.getStart(source); i < node.end; i++) if (!/[\n\r\u2028\u2029]/.test(blank[i]!)) blank[i] = ' ';
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return blank
    .join('')
    .replace(/\/\*[\s\S]*?\*\/|\/\/[^\n\r\u2028\u2029]*/g, ' ')
    .split(/\r\n|[\n\r\u2028\u2029]/);
}

/** Every identifier the parser sees in a file (names of declarations, references, property names). */
export function identifiersOf(path: string, text: string): Set<string> {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) out.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Problems with an output path: absolute, `..`/`.`/empty segments, backslashes, control characters. */
export function pathProblems(outDir: string, path: string): string[] {
  const problems: string[] = [];
  if (/^[\\/]/.test(path) || /^[A-Za-z]:/.test(path)) problems.push('absolute');
  if (path.split('/').some((s) => s === '..' || s === '.' || s === '')) problems.push('dot or empty segment');
  if (/[\\\0-\x1f\x7f]/.test(path)) problems.push('backslash or control character');
  const target = resolve(outDir, path);
  if (!target.startsWith(resolve(outDir) + sep) || relative(outDir, target).startsWith('..')) problems.push('resolves outside');
  return problems;
}

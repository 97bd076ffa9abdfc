import {
  printStructure,
  StructureKind,
  type ImportDeclarationStructure,
  type SourceFileStructure,
  type StatementStructures,
  type WriterFunction,
} from 'ts-morph';
import { createHash } from 'node:crypto';
import { HEADER } from './header.js';

/** A file of the output, path relative to the output folder, `/`-separated. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

const digests = new WeakMap<OutputFile, string>();

/**
 * The sha256 of a file's content, computed once per file: the emit cache, the pristine store and
 * the manifest all address the same files by it.
 */
export function digestOf(file: OutputFile): string {
  let digest = digests.get(file);
  if (digest === undefined) digests.set(file, (digest = createHash('sha256').update(file.content).digest('hex')));
  return digest;
}

/** A file whose content is known to have `digest` (it was checked against it when read). */
export function knownFile(path: string, content: string, digest: string): OutputFile {
  const file = { path, content };
  digests.set(file, digest);
  return file;
}

/** Relative ESM specifier from one module (relative to src/, no extension) to another. */
export function specifier(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  const up = a.length - i;
  const rest = b.slice(i).join('/');
  return `${up === 0 ? './' : '../'.repeat(up)}${rest}.js`;
}

export function importDecl(from: string, to: string, names: Iterable<string>, typeOnly = false): ImportDeclarationStructure {
  return { kind: StructureKind.ImportDeclaration, moduleSpecifier: specifier(from, to), isTypeOnly: typeOnly, namedImports: [...names].sort() };
}

/** A module of the output: its statements after the header, printed once by ts-morph. */
export function printModule(path: string, statements: readonly (StatementStructures | WriterFunction)[]): OutputFile {
  const file: SourceFileStructure = { kind: StructureKind.SourceFile, leadingTrivia: HEADER, statements: [...statements] };
  return { path, content: printStructure(file, { indentNumberOfSpaces: 2, useSingleQuote: true }) };
}

export { HEADER } from './header.js';

import type { ImportDeclarationStructure, SourceFileStructure, StatementStructures, WriterFunction } from 'ts-morph';
import { printStructure, StructureKind } from '../ts-morph.js';
import { HEADER } from './header.js';

export { bytesOf, digestOf, lazyFile, type OutputFile } from './output.js';
import type { OutputFile } from './output.js';

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
  return { kind: StructureKind.ImportDeclaration, moduleSpecifier: specifier(from, to), isTypeOnly: typeOnly, namedImports: specifierList([...names].sort()) };
}

/** A name in an import or export list; `type` marks it type-only. */
export interface Specifier {
  readonly name: string;
  readonly isTypeOnly?: boolean;
}

/**
 * The names of an import or export declaration (`A, type B, C`) as one writer function. ts-morph
 * prints each specifier structure through a writer of its own and then inserts the commas, which
 * on resource modules importing hundreds of names was a tenth of their printing; the text is the
 * same. (ts-morph tests a list for names by its `length`: the function's one parameter.)
 */
export function specifierList(names: readonly (string | Specifier)[]): WriterFunction {
  const text = names.map((n) => (typeof n === 'string' ? n : `${n.isTypeOnly ? 'type ' : ''}${n.name}`)).join(', ');
  return (w) => void w.write(text);
}

/** A module of the output: its statements after the header, printed once by ts-morph. */
export function printModule(path: string, statements: readonly (StatementStructures | WriterFunction)[]): OutputFile {
  const file: SourceFileStructure = { kind: StructureKind.SourceFile, leadingTrivia: HEADER, statements: [...statements] };
  return { path, content: printStructure(file, { indentNumberOfSpaces: 2, useSingleQuote: true }) };
}

export { HEADER } from './header.js';

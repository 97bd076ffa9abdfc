import type { Decl } from './layout.js';

/** A file of the output, path relative to the output folder, `/`-separated. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
  /** Already laid out by the tool that wrote it (openapi-typescript's printer): the format stage leaves it. */
  readonly preformatted?: boolean;
  /**
   * Already in lathe's Prettier style (laid out by emit/layout.ts): the format stage leaves it,
   * unless the project's Prettier config asks for another style.
   */
  readonly styled?: boolean;
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

export function importDecl(from: string, to: string, names: Iterable<string>, typeOnly = false): Decl {
  return { kind: 'import', from: specifier(from, to), typeOnly, names: [...names].sort() };
}

export { HEADER } from './header.js';

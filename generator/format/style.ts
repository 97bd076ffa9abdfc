import type { Options } from 'prettier';

/** The style of the SDKs we learn from (Stainless output). A module of its own: emit lays code out in it without loading prettier. */
export const PRETTIER_OPTIONS: Options = {
  printWidth: 110,
  singleQuote: true,
  trailingComma: 'all',
  arrowParens: 'always',
};

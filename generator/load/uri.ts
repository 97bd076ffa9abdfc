import path from 'node:path';
import { toPointer } from './pointer.js';
import { unescapePointerToken } from '../diagnostics.js';

export type ParsedRef = { readonly file: string; readonly pointer: string } | { readonly message: string };

/**
 * Characters that cannot appear in a URI reference (RFC 3986) and that no real spec leaves
 * unencoded, plus `%` not followed by two hex digits. Others that RFC 3986 also forbids are
 * tolerated because real specs use them in pointers: `{id}` in paths, and `` ` ``, `[`, `]`, `^`,
 * `|` in generated schema names (hey-api's `Issue`1[System.Boolean]`).
 */
const NOT_URI = /[\s<>"\\\u0000-\u001f\u007f]|%(?![0-9a-fA-F]{2})/;
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/**
 * Turns a `$ref` string met in `fromFile` into an absolute file and a canonical `Loc` pointer, or
 * a message saying why lathe will not follow it. Does no I/O.
 */
export function parseRef(ref: string, fromFile: string): ParsedRef {
  const quoted = `$ref '${ref}'`;
  if (NOT_URI.test(ref) || ref.split('#').length > 2) {
    return { message: `${quoted} is not a valid URI reference` };
  }
  const scheme = SCHEME.exec(ref)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https' || ref.startsWith('//')) {
    return {
      message: `${quoted} is a URL; lathe makes no network calls: download the file and refer to it by a relative path`,
    };
  }
  if (scheme !== undefined) {
    return { message: `${quoted} uses the '${scheme}:' scheme; lathe only follows relative file paths and '#/...' pointers` };
  }
  const hash = ref.indexOf('#');
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  if (filePart.includes('?')) return { message: `${quoted} has a query string, which a file reference cannot use` };
  let file = fromFile;
  let decodedFragment: string;
  try {
    if (filePart !== '') file = path.resolve(path.dirname(fromFile), decodeURIComponent(filePart));
    decodedFragment = decodeURIComponent(fragment);
  } catch {
    return { message: `${quoted} is not a valid URI reference (bad percent-encoding)` };
  }
  if (decodedFragment === '') return { file, pointer: '#' };
  if (!decodedFragment.startsWith('/')) {
    return { message: `${quoted} has a plain-name fragment; lathe only follows JSON pointers ('#/...')` };
  }
  if (/~(?![01])/.test(decodedFragment)) {
    return { message: `${quoted} is not a valid JSON pointer ('~' must be followed by 0 or 1)` };
  }
  return { file, pointer: toPointer(decodedFragment.slice(1).split('/').map(unescapePointerToken)) };
}

/** Whether `file` is `root` or lies inside it. */
export function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

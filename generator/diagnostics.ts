/**
 * Diagnostics are how every stage reports a user's mistake: collected, never thrown one at a time,
 * and printed as `file:line:col: severity: message (at #/json/pointer)`.
 */

/** Where something lives in the spec: the file (absolute path) and the JSON pointer inside it. */
export interface Loc {
  readonly file: string;
  readonly pointer: string;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  readonly message: string;
  /** The spec location the problem is about; absent for problems with no place (a missing file). */
  readonly loc?: Loc;
  /** 1-based; filled by the loader from `loc` when it can find the node, or given directly. */
  readonly line?: number;
  readonly column?: number;
  /** The file as the user should read it (relative to the working directory when possible). */
  readonly displayFile?: string;
}

/** A run that cannot go on because of the user's input. Carries every diagnostic collected so far. */
export class LatheError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'LatheError';
  }
}

/** Escapes one JSON pointer token (RFC 6901). Pointers are built by the hundred thousand: most tokens need nothing. */
export function escapePointerToken(token: string | number): string {
  const s = String(token);
  return s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s;
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Appends tokens to a pointer: `joinPointer('#/paths', '/a/{b}')` is `#/paths/~1a~1{b}`. */
export function joinPointer(pointer: string, ...tokens: (string | number)[]): string {
  let joined = pointer;
  for (const t of tokens) joined += `/${escapePointerToken(t)}`;
  return joined;
}

export function formatDiagnostic(d: Diagnostic): string {
  const file = d.displayFile ?? d.loc?.file;
  const place = file ? `${file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}: ` : '';
  const at = d.loc ? ` (at ${d.loc.pointer})` : '';
  return `${place}${d.severity}: ${d.message}${at}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

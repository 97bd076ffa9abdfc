import type { Diagnostic, Loc } from '../diagnostics.js';
import type { ReadLog } from './reads.js';
import type { OpenAPIVersion, Resolved } from './types.js';

/** What the validation rules need from the loader; keeps them independent of file reading. */
export interface CheckContext {
  readonly version: OpenAPIVersion;
  /** Follows a `$ref` chain; undefined when broken (already reported by the ref check). */
  deref(value: unknown, loc: Loc): Resolved | undefined;
  /** A location for a message: its pointer, prefixed with the file when not the entry file. */
  where(loc: Loc): string;
  report(severity: Diagnostic['severity'], message: string, loc: Loc): void;
  /** `query`'s result, and what the derefs in it read (for the load memory: reads.ts). */
  reading<T>(query: () => T): { result: T; log: ReadLog };
  /** Whether what `log` read has the same values now. */
  holds(log: ReadLog): boolean;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

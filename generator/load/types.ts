import type { Diagnostic, Loc } from '../diagnostics.js';
import type { LoadMemory } from './memory.js';

/**
 * Where the loader reads files from. The CLI passes one backed by `fs`; the programmatic API passes
 * an in-memory one, so `generate()` does no disk I/O.
 */
export interface SpecHost {
  /** Returns the file's bytes, or undefined when it does not exist. Paths are absolute. */
  readFile(path: string): Uint8Array | undefined;
}

/** One parsed document of a (possibly multi-file) spec. */
export interface SpecFile {
  /** Absolute, normalised path: the identity used in every `Loc`. */
  readonly path: string;
  /** Path for messages, relative to the working directory where possible. */
  readonly displayPath: string;
  readonly text: string;
  /** The parsed value (plain JSON data: objects, arrays, strings, numbers, booleans, null). */
  readonly root: unknown;
  /** Which parser read it; positions are found with the matching scanner. */
  readonly format: 'json' | 'yaml';
}

export type OpenAPIVersion = '2.0' | '3.0' | '3.1';

/** A value reached by following a `$ref` chain to its end, and where that end lives. */
export interface Resolved<T = unknown> {
  readonly value: T;
  readonly loc: Loc;
}

export interface LoadedSpec {
  /** The entry file. */
  readonly entry: SpecFile;
  /** Every file that was read, keyed by absolute path (the entry included). */
  readonly files: ReadonlyMap<string, SpecFile>;
  readonly version: OpenAPIVersion;
  /** The version as written in the document (`3.0.3`, `3.2.0`, `2.0`). */
  readonly rawVersion: string;
  /**
   * Follows `value` when it is a `{ $ref }` (through chains of refs, across files) and returns the
   * target. Values that are not refs come back as they are with `loc`. Unresolvable refs were already
   * reported by `loadSpec`; here they return undefined.
   */
  deref<T = unknown>(value: unknown, loc: Loc): Resolved<T> | undefined;
  /** The value at a location (no ref following at the end; refs met on the way are followed). */
  get(loc: Loc): unknown;
  /**
   * Like `get`, but also returns where the value really lives: when the pointer passes through
   * `$ref`s, the returned `loc` is inside their targets (so its position can be found).
   */
  locate(loc: Loc): { readonly value: unknown; readonly loc: Loc } | undefined;
  /** 1-based line and column of the node at `loc`, computed lazily (only diagnostics need it). */
  position(loc: Loc): { line: number; column: number } | undefined;
  /** Fills `line`, `column` and `displayFile` of a diagnostic from its `loc`. */
  place(d: Diagnostic): Diagnostic;
}

export interface LoadOptions {
  readonly host: SpecHost;
  /** Working directory for display paths. */
  readonly cwd: string;
  /**
   * Folders that `$ref`s may point into, besides the entry file's own folder tree.
   * A ref to a file outside them is an error (a spec must not read arbitrary files).
   */
  readonly allowedRoots?: readonly string[];
  /** Told about the entry file as soon as it is read and parsed, before refs and validation. */
  readonly onEntry?: (file: SpecFile) => void;
  /** `--watch`'s memory of the last load: this load re-uses its work for what did not change. */
  readonly memory?: LoadMemory;
}

export interface LoadResult {
  /** Undefined when errors made the spec unusable. */
  readonly spec?: LoadedSpec;
  /** Every problem found, errors and warnings, already `place`d. */
  readonly diagnostics: readonly Diagnostic[];
}

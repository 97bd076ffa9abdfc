/**
 * Loads the changed modules of both trees into one ts-morph project on an in-memory file system
 * (`/old/...` and `/new/...`), so one type checker can relate an old type to a new one.
 *
 * Only what the comparison needs is loaded: the changed modules and the modules they import (one
 * level: enough to name and relate the types their declarations use; the package root is read
 * apart, by its syntax, in surface/index.ts). A type that lives further away stays unresolved and
 * is compared by its text. A tiny standard library
 * replaces TypeScript's (parsing lib.es2022 alone costs ~0.4 s): declarations only need the shapes
 * of arrays, promises and the utility types, never the DOM or node.
 */
import type { Project as MorphProject, ts as TS, SourceFile } from 'ts-morph';
import { Project, ts } from '../ts-morph.js';

export const ROOT_MODULE = 'src/index.ts';

const MINI_LIB = `
interface Array<T> { length: number; [n: number]: T; }
interface ReadonlyArray<T> { readonly length: number; readonly [n: number]: T; }
interface Boolean {} interface Number {} interface String {} interface Object {} interface Symbol {}
interface Function {} interface CallableFunction {} interface NewableFunction {} interface IArguments {}
interface RegExp {} interface Date {}
interface Error { name: string; message: string; stack?: string; }
interface ErrorConstructor { new (message?: string): Error; readonly prototype: Error; }
declare var Error: ErrorConstructor;
interface PromiseLike<T> { then<A = T, B = never>(f?: ((v: T) => A | PromiseLike<A>) | null, r?: ((e: any) => B | PromiseLike<B>) | null): PromiseLike<A | B>; }
interface Promise<T> { then<A = T, B = never>(f?: ((v: T) => A | PromiseLike<A>) | null, r?: ((e: any) => B | PromiseLike<B>) | null): Promise<A | B>; }
interface PromiseConstructor { new <T>(executor: (resolve: (v: T) => void, reject: (e?: any) => void) => void): Promise<T>; readonly prototype: Promise<any>; }
declare var Promise: PromiseConstructor;
interface AsyncIterator<T> { next(): Promise<{ done?: boolean; value: T }>; }
interface AsyncIterable<T> {}
interface AsyncIterableIterator<T> extends AsyncIterator<T> {}
interface SymbolConstructor { readonly asyncIterator: unique symbol; readonly iterator: unique symbol; }
declare var Symbol: SymbolConstructor;
interface Uint8Array {} interface ArrayBuffer {}
type PropertyKey = string | number | symbol;
type Record<K extends keyof any, T> = { [P in K]: T };
type Partial<T> = { [P in keyof T]?: T[P] };
type Required<T> = { [P in keyof T]-?: T[P] };
type Readonly<T> = { readonly [P in keyof T]: T[P] };
type Pick<T, K extends keyof T> = { [P in K]: T[P] };
type Exclude<T, U> = T extends U ? never : T;
type Extract<T, U> = T extends U ? T : never;
type Omit<T, K extends keyof any> = Pick<T, Exclude<keyof T, K>>;
type NonNullable<T> = T & {};
type Awaited<T> = T extends PromiseLike<infer U> ? Awaited<U> : T;
`;

export type Side = 'old' | 'new';

export interface LoadedSide {
  /** Changed modules on this side, by output path. */
  readonly modules: Map<string, SourceFile>;
}

export interface Loaded {
  readonly project: MorphProject;
  readonly checker: TS.TypeChecker;
  readonly old: LoadedSide;
  readonly new: LoadedSide;
}

/** Output paths of the relative modules `text` (at `path`) imports or re-exports. */
export function importsOf(path: string, text: string): string[] {
  const dir = path.split('/').slice(0, -1);
  const out: string[] = [];
  for (const ref of ts.preProcessFile(text, true, false).importedFiles) {
    if (!ref.fileName.startsWith('.')) continue;
    const parts = [...dir];
    for (const seg of ref.fileName.replace(/\.(js|ts|mjs|mts)$/, '').split('/')) {
      if (seg === '..') parts.pop();
      else if (seg !== '.') parts.push(seg);
    }
    out.push(`${parts.join('/')}.ts`);
  }
  return out;
}

export function loadSides(
  changed: readonly string[],
  read: Record<Side, (path: string) => string | undefined>,
): Loaded {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: {
      strict: true,
      noLib: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowImportingTsExtensions: false,
      noEmit: true,
      types: [],
    },
  });
  project.createSourceFile('/lib/surface-lib.d.ts', MINI_LIB);
  const load = (side: Side): LoadedSide => {
    const wanted = new Set<string>(changed);
    for (const path of changed) {
      const text = read[side](path);
      if (text !== undefined) for (const dep of importsOf(path, text)) wanted.add(dep);
    }
    const modules = new Map<string, SourceFile>();
    for (const path of wanted) {
      const text = read[side](path);
      if (text === undefined) continue;
      const file = project.createSourceFile(`/${side}/${path}`, text, { overwrite: true });
      if (changed.includes(path)) modules.set(path, file);
    }
    return { modules };
  };
  const old = load('old');
  const fresh = load('new');
  return { project, checker: project.getTypeChecker().compilerObject, old, new: fresh };
}

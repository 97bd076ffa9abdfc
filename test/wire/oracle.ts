/**
 * The wire-types oracle: openapi-fetch calls for every operation of a spec, written against
 * openapi-typescript's types, type-checked once against openapi-typescript's `paths` and once
 * against lathe's. Each call passes the request init as openapi-typescript types it (path, query,
 * header and cookie params, body) and reads `data` and `error` into openapi-typescript's types: code
 * written for openapi-typescript's output must compile against lathe's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { ROOT } from '../helpers.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface Operation {
  readonly path: string;
  readonly method: (typeof METHODS)[number];
}

export interface OracleResult {
  readonly operations: number;
  /** Operations whose call type-checks against openapi-typescript's types; undefined when it refuses the spec. */
  readonly oracle?: ReadonlySet<number>;
  readonly lathe: ReadonlySet<number>;
  /** Errors tsc reports in lathe's `src/openapi.ts` itself. */
  readonly latheErrors: readonly string[];
  readonly oracleErrors: number;
  /** The first error of each lathe call that does not type-check. */
  readonly latheCallErrors: ReadonlyMap<number, string>;
}

interface Dist {
  loadSpec: (path: string, options: { host: { readFile(p: string): Uint8Array | undefined }; cwd: string }) => Promise<{ spec?: LoadedSpecLike }>;
  wireFile: (spec: LoadedSpecLike, header: string) => { file: { content: string } };
}

interface LoadedSpecLike {
  version: string;
  entry: { root: unknown };
  deref(value: unknown, loc: { file: string; pointer: string }): { value: unknown } | undefined;
}

/** lathe's compiled stages (npm test builds dist/ first): the code the CLI runs. */
async function dist(): Promise<Dist> {
  const at = (p: string) => pathToFileURL(join(ROOT, 'dist/generator', p)).href;
  const [load, wire] = await Promise.all([import(at('load/index.js')), import(at('wire/build.js'))]);
  return { loadSpec: load.loadSpec, wireFile: wire.wireFile };
}

/** lathe's wire types for a spec (undefined for one it gives none, Swagger 2.0), and its operations. */
export async function latheWire(specPath: string): Promise<{ text?: string; operations: Operation[] }> {
  const d = await dist();
  const host = { readFile: (p: string) => (tryRead(p)) };
  const { spec } = await d.loadSpec(specPath, { host, cwd: dirname(specPath) });
  if (!spec) throw new Error(`lathe refused ${specPath}`);
  const root = spec.entry.root as { paths?: Record<string, unknown> };
  const operations: Operation[] = [];
  for (const [path, raw] of Object.entries(root.paths ?? {})) {
    if (path.startsWith('x-')) continue;
    const item = spec.deref(raw, { file: resolve(specPath), pointer: '#/paths' })?.value as Record<string, unknown> | undefined;
    for (const method of METHODS) if (item && typeof item[method] === 'object' && item[method] !== null) operations.push({ path, method });
  }
  // Swagger 2.0 gets no wire types (openapi-fetch's layout is OpenAPI 3's).
  return { ...(spec.version === '2.0' ? {} : { text: d.wireFile(spec, '').file.content }), operations };
}

function tryRead(p: string): Uint8Array | undefined {
  try {
    return readFileSync(p);
  } catch {
    return undefined;
  }
}

/** openapi-typescript 7.13's types through its public API; undefined when it refuses the spec. */
export async function oracleWire(specPath: string): Promise<string | undefined> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  try {
    return astToString(await openapiTS(pathToFileURL(specPath), { silent: true }));
  } catch {
    return undefined;
  }
}

function call(i: number, op: Operation): string {
  const path = JSON.stringify(op.path);
  const method = JSON.stringify(op.method);
  const response = (part: string) => `FetchResponse<O[${path}][${method}], typeof init, \`\${string}/\${string}\`>['${part}']`;
  // One line per call: a diagnostic's line number names its operation.
  return `export async function c${i}(init: MaybeOptionalInit<O[${path}], ${method}>) { const r = await client.${op.method.toUpperCase()}(${path}, init); const data: ${response('data')} = r.data; const error: ${response('error')} = r.error; return [data, error]; }`;
}

const HEADER_LINES = 4;

function callsFile(types: string, operations: readonly Operation[]): string {
  const header = [
    `import type { Client, FetchResponse, MaybeOptionalInit } from 'openapi-fetch';`,
    `import type { paths as O } from './oracle.js';`,
    `import type { paths as T } from './${types}.js';`,
    'declare const client: Client<T>;',
  ];
  return [...header, ...operations.map((op, i) => call(i, op))].join('\n') + '\n';
}

/** Writes the two sets of calls into `dir` and type-checks them in one program. */
export function checkCalls(dir: string, oracle: string | undefined, lathe: string, operations: readonly Operation[]): OracleResult {
  writeFileSync(join(dir, 'lathe.ts'), lathe);
  writeFileSync(join(dir, 'oracle.ts'), oracle ?? 'export type paths = Record<string, never>;\n');
  writeFileSync(join(dir, 'calls-oracle.ts'), callsFile('oracle', operations));
  writeFileSync(join(dir, 'calls-lathe.ts'), callsFile('lathe', operations));
  const program = ts.createProgram([join(dir, 'calls-oracle.ts'), join(dir, 'calls-lathe.ts')], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
    paths: { 'openapi-fetch': [join(ROOT, 'node_modules/openapi-fetch/dist/index.d.mts')] },
  });
  const failed = { oracle: new Set<number>(), lathe: new Set<number>() };
  const latheErrors: string[] = [];
  let oracleErrors = 0;
  const latheCallErrors = new Map<number, string>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const name = d.file?.fileName ?? '';
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0]!;
    if (name.endsWith('calls-oracle.ts')) failed.oracle.add(line - HEADER_LINES);
    else if (name.endsWith('calls-lathe.ts')) {
      failed.lathe.add(line - HEADER_LINES);
      if (!latheCallErrors.has(line - HEADER_LINES)) latheCallErrors.set(line - HEADER_LINES, `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ').slice(-500)}`);
    }
    else if (name.endsWith('lathe.ts')) latheErrors.push(`lathe.ts:${line + 1}: TS${d.code} ${text}`);
    else if (name.endsWith('oracle.ts')) oracleErrors++;
    else latheErrors.push(`${name}:${line + 1}: TS${d.code} ${text}`);
  }
  const passing = (f: Set<number>) => new Set(operations.flatMap((_, i) => (f.has(i) ? [] : [i])));
  return {
    operations: operations.length,
    ...(oracle === undefined ? {} : { oracle: passing(failed.oracle) }),
    lathe: passing(failed.lathe),
    latheErrors,
    oracleErrors,
    latheCallErrors,
  };
}

/**
 * Shared by the schema-coverage tests: runs `generate()` on a fixture of test/fixtures/schema/,
 * reads the generated declarations, and compiles (and runs) several outputs in one tsc pass.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { generate, type Diagnostic, type OutputFile } from '../../generator/index.js';
import { ROOT, tempDir, tsc } from '../helpers.js';

export const FIXTURES = join(ROOT, 'test/fixtures/schema');

export interface Generated {
  readonly files: OutputFile[];
  readonly diagnostics: Diagnostic[];
  /** The content of one output file (fails the test when it is missing). */
  file(path: string): string;
  /** Every `src/resources/**.ts` file, concatenated: where the declarations live. */
  readonly resources: string;
}

/**
 * Generates from `test/fixtures/schema/<fixture>`. For a folder, `entry` is the spec inside it and
 * every other file of the folder is passed through `files` (multi-file specs).
 */
export async function generateFixture(fixture: string, entry?: string, config?: object): Promise<Generated> {
  const path = join(FIXTURES, fixture);
  let result: Awaited<ReturnType<typeof generate>>;
  if (entry) {
    const files: Record<string, string> = {};
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else files[relative(path, p)] = readFileSync(p, 'utf8');
      }
    };
    walk(path);
    result = await generate({ spec: files[entry]!, specPath: entry, files, ...(config ? { config } : {}) });
  } else {
    result = await generate({ spec: readFileSync(path, 'utf8'), specPath: fixture, ...(config ? { config } : {}) });
  }
  const byPath = new Map(result.files.map((f) => [f.path, f.content]));
  return {
    files: result.files,
    diagnostics: result.diagnostics,
    file(p) {
      const content = byPath.get(p);
      expect(content, `${p} is generated (have: ${[...byPath.keys()].filter((k) => k.startsWith('src/resources')).join(', ')})`).toBeDefined();
      return content!;
    },
    resources: result.files
      .filter((f) => f.path.startsWith('src/resources/'))
      .map((f) => f.content)
      .join('\n'),
  };
}

/** Messages of the warnings, without the openapi-typescript wire-types notice (not this suite's concern). */
export function warnings(g: Generated): string[] {
  return g.diagnostics
    .filter((d) => d.severity === 'warning' && !d.message.startsWith('openapi-typescript could not type this spec'))
    .map((d) => d.message);
}

/**
 * The declaration named `name` (an interface, type alias or namespace body) as printed, from its
 * `export` line to its closing brace or semicolon, so assertions can look at one type at a time.
 */
export function declarationOf(text: string, name: string, kind: 'interface' | 'type' | 'namespace' | 'function' = 'interface'): string {
  const start = text.search(new RegExp(`^export ${kind} ${name}\\b`, 'm'));
  expect(start, `export ${kind} ${name} is declared`).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start);
  const end = kind === 'type' ? rest.search(/;\n(?=\n|export|\/\*\*|$)/) + 1 : rest.search(/^\}/m) + 1;
  return rest.slice(0, end);
}

/** What an emitted request builder returns, as the tests read it. */
export interface Built {
  method: string;
  path: string;
  query?: [string, string][];
  headers?: Record<string, string>;
  body?: { type: string; value: unknown; contentType?: string };
}
export type Builder = (...args: unknown[]) => Built;

export interface Compiled {
  readonly dir: string;
  /** Imports a compiled module of one package: `load('params', 'resources/items.js')`. */
  load<T = Record<string, unknown>>(pkg: string, module: string): Promise<T>;
}

/**
 * Writes each generated package (plus extra `.ts` files dropped into its `src/`, type-level checks)
 * to one temp folder and compiles them all in one strict tsc run to JavaScript, so tests can both
 * check that the output type-checks and call the emitted builders.
 */
export async function compileAll(
  packages: Record<string, { generated: Generated; extra?: Record<string, string> }>,
): Promise<Compiled> {
  const dir = tempDir('lathe-schema-');
  let options: Record<string, unknown> | undefined;
  for (const [name, { generated, extra }] of Object.entries(packages)) {
    for (const f of generated.files) write(join(dir, name, f.path), f.content);
    for (const [p, content] of Object.entries(extra ?? {})) write(join(dir, name, 'src', p), content);
    options ??= (JSON.parse(generated.file('tsconfig.json')) as { compilerOptions: Record<string, unknown> }).compilerOptions;
  }
  write(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  write(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { ...options, rootDir: '.', outDir: 'dist', declaration: false }, include: Object.keys(packages).map((n) => `${n}/src`) }),
  );
  const r = tsc(['-p', join(dir, 'tsconfig.json')]);
  expect(r.output).toBe('');
  expect(r.code).toBe(0);
  return {
    dir,
    load: <T>(pkg: string, module: string) => import(pathToFileURL(join(dir, 'dist', pkg, 'src', module)).href) as Promise<T>,
  };
}

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/**
 * lathe's programmatic API: `generate({ spec, config })` returns the files in memory and touches no
 * disk (the spec and any files it refers to come in as data).
 */
import { dirname, resolve } from 'node:path';
import { configFromObject, emptyConfig, parseConfig, type LatheConfig } from './config.js';
import { hasErrors, LatheError, type Diagnostic } from './diagnostics.js';
import type { OutputFile } from './emit/modules.js';
import { memoryHost } from './load/index.js';
import { runPipeline } from './pipeline.js';
import { everyConfigProblem } from './config-spec.js';
import type { SpecHost } from './load/types.js';

export type { OutputFile } from './emit/modules.js';
export type { Diagnostic, Loc } from './diagnostics.js';
export { LatheError, formatDiagnostic } from './diagnostics.js';
export type { LatheConfig } from './config.js';

export interface GenerateOptions {
  /** The spec: its text (YAML or JSON) or the parsed document. */
  readonly spec: string | object;
  /** Name of the spec file, for messages and for resolving relative `$ref`s (default `openapi.yaml`). */
  readonly specPath?: string;
  /** Other files the spec refers to, by path relative to `specPath`'s folder (or absolute). */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
  /** The config: YAML text or an object of the same shape as lathe.config.yaml. */
  readonly config?: string | object;
}

export interface GenerateResult {
  readonly files: OutputFile[];
  /** Warnings (errors reject the promise with a LatheError). */
  readonly diagnostics: Diagnostic[];
}

const ROOT = '/lathe-memory';

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  // A parsed document goes in as JSON text, which the loader parses fastest from a .json name.
  const specPath = resolve(ROOT, options.specPath ?? (typeof options.spec === 'string' ? 'openapi.yaml' : 'openapi.json'));
  const files: Record<string, string | Uint8Array> = {};
  for (const [p, content] of Object.entries(options.files ?? {})) files[resolve(dirname(specPath), p)] = content;
  files[specPath] = typeof options.spec === 'string' ? options.spec : JSON.stringify(options.spec);
  const host = memoryHost(files);
  const { config, diagnostics: configDiagnostics } = await readConfig(options.config, specPath, host);
  const result = await runPipeline({ specPath, host, config, cwd: ROOT });
  const diagnostics = [...configDiagnostics, ...result.diagnostics];
  if (!result.files || hasErrors(diagnostics)) throw new LatheError(diagnostics);
  return { files: result.files, diagnostics };
}

/** The config and its warnings (a Stainless config's keys lathe does not read). */
async function readConfig(
  config: GenerateOptions['config'],
  specPath: string,
  host: SpecHost,
): Promise<{ config: LatheConfig; diagnostics: Diagnostic[] }> {
  if (config === undefined) return { config: emptyConfig(ROOT), diagnostics: [] };
  const parsed =
    typeof config === 'string'
      ? parseConfig(config, resolve(ROOT, 'lathe.config.yaml'), 'lathe.config.yaml', ROOT)
      : configFromObject(config, ROOT);
  if (parsed.config) return { config: parsed.config, diagnostics: parsed.diagnostics };
  // Shape errors and the checks against the spec, reported together.
  const partial = parsed.partial;
  throw new LatheError(partial ? await everyConfigProblem({ specPath, host, cwd: ROOT, partial, shapeErrors: parsed.diagnostics }) : parsed.diagnostics);
}


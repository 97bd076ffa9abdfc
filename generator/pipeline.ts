/**
 * The pipeline: load -> ir -> emit -> format. Pure with respect to the output folder (writing is the
 * caller's step), so the CLI and the programmatic API share it.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { EmitCache } from './emit/cache.js';
import { generatorHash } from './fingerprint.js';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { placeInConfig, type LatheConfig } from './config.js';
import { emit, type OutputFile } from './emit/index.js';
import { coreExportNames } from './emit/templates.js';
import type { Options } from 'prettier';
import { formatFiles, isFinal, prettierVersion } from './format/index.js';
import { buildIR } from './ir/index.js';
import { loadSpec } from './load/index.js';
import type { LoadMemo } from './load/memo.js';
import type { SpecHost } from './load/types.js';
import { SITE_DIR } from './docs/html/paths.js';
import { startWire, startWireFromJson, wireFile, type PendingWire } from './emit/wire.js';
import type { WireCacheInput } from './emit/wire-cache.js';

/** `wire` is the wait for openapi-typescript after formatting (it runs alongside ir, emit and format). */
export type Stage = 'load' | 'ir' | 'emit' | 'site' | 'format' | 'wire' | 'write';

export interface PipelineInput {
  /** Absolute path of the spec's entry file. */
  readonly specPath: string;
  readonly host: SpecHost;
  readonly config: LatheConfig;
  readonly cwd: string;
  /** Where formatted files are cached between runs; none for the in-memory API. */
  readonly cacheDir?: string;
  /** Prettier options (lathe's style, or merged with the project's config); default lathe's style. */
  readonly prettier?: Options;
  /** Told when each stage starts (the CLI shows it on a terminal). */
  readonly progress?: (stage: Stage) => void;
  /**
   * Given each file that is final as emitted (nothing left to format) as soon as it exists, before
   * the run is known to succeed: for early writes into a staging folder.
   */
  readonly onFinalFile?: (file: OutputFile) => void;
  /** Write the HTML reference (into `site/`) even if the config does not ask for it. */
  readonly site?: boolean;
}

export interface PipelineResult {
  /** Undefined when an error stopped the run. */
  readonly files?: OutputFile[];
  readonly diagnostics: Diagnostic[];
  readonly timings: Partial<Record<Stage, number>>;
  /** Every spec file that was read (the entry and all it refers to), for --watch. */
  readonly inputs: string[];
}

/**
 * What load and the wire worker keep between runs of this spec, so that a run after an edit
 * checks and types only the path items that changed (load/memo.ts, emit/wire-splice.ts).
 */
function perSpecCaches(cacheDir: string, specPath: string, refRoots: readonly string[]): { load: LoadMemo; wire: WireCacheInput } {
  const name = `${createHash('sha1').update(specPath).digest('hex').slice(0, 16)}.json`;
  return {
    load: { file: join(cacheDir, 'load', name), maker: `${generatorHash()} ${JSON.stringify(refRoots)}` },
    wire: { file: join(cacheDir, 'wire', name), maker: generatorHash() },
  };
}

export async function runPipeline(input: PipelineInput): Promise<PipelineResult> {
  const timings: Partial<Record<Stage, number>> = {};
  const time = async <T>(stage: Stage, work: () => T | Promise<T>): Promise<T> => {
    input.progress?.(stage);
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] = performance.now() - start;
    }
  };
  let early: PendingWire | undefined;
  const kept = input.cacheDir ? perSpecCaches(input.cacheDir, input.specPath, input.config.refRoots) : undefined;
  const loaded = await time('load', () =>
    loadSpec(input.specPath, {
      host: input.host,
      cwd: input.cwd,
      allowedRoots: input.config.refRoots.map((r) => resolve(input.config.dir, r)),
      ...(kept ? { memo: kept.load } : {}),
      onEntry: (file) => {
        if (file.format === 'json') early = startWireFromJson(file.text, kept?.wire);
      },
    }),
  );
  const diagnostics = [...loaded.diagnostics];
  const spec = loaded.spec;
  if (!spec || hasErrors(diagnostics)) {
    early?.cancel();
    return { diagnostics, timings, inputs: [input.specPath] };
  }
  const inputs = [...spec.files.keys()];
  const place = (ds: Diagnostic[]) => ds.map((d) => (d.loc && d.loc.file === input.config.file ? placeInConfig(input.config, d) : spec.place(d)));
  // Started from the entry's text: right when the spec is that one file (multi-file specs are bundled first).
  if (early && spec.files.size > 1) {
    early.cancel();
    early = undefined;
  }
  const wire = early ?? startWire(spec, kept?.wire);
  const { ir, diagnostics: irDiagnostics } = await time('ir', () => buildIR(spec, input.config, coreExportNames()));
  diagnostics.push(...place(irDiagnostics));
  if (hasErrors(diagnostics)) {
    wire.cancel();
    return { diagnostics, timings, inputs };
  }
  const onFinal = input.onFinalFile;
  const raw = await time('emit', () => {
    // Layout goes through prettier's printer, so its version is part of what made the files.
    const maker = `${generatorHash()} prettier ${prettierVersion}`;
    const cache = input.cacheDir ? new EmitCache(join(input.cacheDir, 'emit'), ir, maker) : undefined;
    const files = emit(ir, onFinal && ((f) => isFinal(f, input.prettier) && onFinal(f)), cache);
    cache?.save();
    return files;
  });
  if (input.site || input.config.docs?.html) {
    // Loaded only when asked for: its Markdown renderer, sanitizer and highlighter cost start-up time.
    const { siteFiles } = await import('./docs/html/site.js');
    raw.push(...(await time('site', () => siteFiles(ir).map((f) => ({ ...f, path: `${SITE_DIR}/${f.path}` })))));
  }
  const duplicate = raw.find((f, i) => i > 0 && raw[i - 1]!.path === f.path);
  if (duplicate) {
    diagnostics.push({ severity: 'error', message: `two outputs would be written to '${duplicate.path}'; rename one in the config`, loc: { file: spec.entry.path, pointer: '#' } });
    wire.cancel();
    return { diagnostics: diagnostics.map((d) => (d.line ? d : spec.place(d))), timings, inputs };
  }
  let files: OutputFile[];
  try {
    files = await time('format', () =>
      formatFiles(raw, {
        ...(input.cacheDir ? { cacheDir: input.cacheDir } : {}),
        ...(input.prettier ? { prettier: input.prettier } : {}),
      }),
    );
  } catch (e) {
    // Emitted code prettier cannot parse is lathe's bug, but the user still gets a diagnostic, not a crash.
    const message = (e as Error).message.split('\n')[0] ?? String(e);
    diagnostics.push({ severity: 'error', message: `lathe produced code that does not parse (please report it): ${message}`, loc: { file: spec.entry.path, pointer: '#' } });
    wire.cancel();
    return { diagnostics, timings, inputs };
  }
  const wireDiagnostics: Diagnostic[] = [];
  files.push(wireFile(await time('wire', () => wire.result), spec, wireDiagnostics));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  diagnostics.push(...place(wireDiagnostics));
  return { files, diagnostics, timings, inputs };
}

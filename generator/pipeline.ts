/**
 * The pipeline: load -> ir -> emit -> format. Pure with respect to the output folder (writing is the
 * caller's step), so the CLI and the programmatic API share it.
 */
import { join, resolve } from 'node:path';
import { EmitCache } from './emit/cache.js';
import { DiskCache, type CacheStore } from './emit/disk-cache.js';
import type { RunMemory } from './run-memory.js';
import { pristineBlobs, type PristineIndex } from './write/pristine.js';
import { generatorHash } from './fingerprint.js';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { placeInConfig, type LatheConfig } from './config.js';
import { emit, type OutputFile } from './emit/index.js';
import { coreExportNames } from './emit/templates.js';
import type { Options } from 'prettier';
import { formatFiles } from './format/index.js';
import { buildIR } from './ir/index.js';
import { loadSpec } from './load/index.js';
import type { SpecHost } from './load/types.js';
import { SITE_DIR } from './docs/html/paths.js';
import { HEADER } from './emit/header.js';
import { wireFile } from './wire/build.js';
import { WireCache } from './wire/cache.js';

/** `wire` is the wire types (generator/wire), after ir. */
export type Stage = 'load' | 'ir' | 'emit' | 'site' | 'format' | 'wire' | 'write';

export interface PipelineInput {
  /** Absolute path of the spec's entry file. */
  readonly specPath: string;
  readonly host: SpecHost;
  readonly config: LatheConfig;
  readonly cwd: string;
  /** lathe's disk cache (`node_modules/.cache/lathe`: the emit, wire and prettier entries); none for the in-memory API. */
  readonly cacheDir?: string;
  /** The output folder of the last run, whose pristine store holds the disk cache's content. */
  readonly outDir?: string;
  /** The output's pristine index as the caller has read it (else read here when first needed). */
  readonly pristine?: PristineIndex;
  /** `--watch`'s memory of its last run, in front of the disk cache (run-memory.ts). */
  readonly memory?: RunMemory;
  /** The project's Prettier options when a Prettier config governs the output; none: no prettier. */
  readonly prettier?: Options;
  /** Told when each stage starts (the CLI shows it on a terminal). */
  readonly progress?: (stage: Stage) => void;
  /** Write the HTML reference (into `site/`) even if the config does not ask for it. */
  readonly site?: boolean;
  /**
   * The run writes no output (`check`, `diff`): the caches are read but get no new entries. They
   * would point into an output that does not exist, and the wire cache's one entry per output would
   * lose the last `generate`'s.
   */
  readonly dryRun?: boolean;
}

export interface PipelineResult {
  /** Undefined when an error stopped the run. */
  readonly files?: OutputFile[];
  readonly diagnostics: Diagnostic[];
  readonly timings: Partial<Record<Stage, number>>;
  /** Every spec file that was read (the entry and all it refers to), for --watch. */
  readonly inputs: string[];
  /**
   * Records what the run made for the next one (the emit and wire caches' records, `--watch`'s
   * memory). Left to the caller, to run once the output is written: under `--watch` it is ~20 ms
   * of an edit on Cloudflare's spec that nobody waits for. A run that made no files has none.
   */
  readonly persist?: () => void;
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
  const loaded = await time('load', () =>
    loadSpec(input.specPath, {
      host: input.host,
      cwd: input.cwd,
      allowedRoots: input.config.refRoots.map((r) => resolve(input.config.dir, r)),
      ...(input.memory ? { memory: input.memory.load } : {}),
    }),
  );
  const diagnostics = [...loaded.diagnostics];
  const spec = loaded.spec;
  if (!spec || hasErrors(diagnostics)) {
    return { diagnostics, timings, inputs: [input.specPath] };
  }
  const inputs = [...spec.files.keys()];
  const place = (ds: Diagnostic[]) => ds.map((d) => (d.loc && d.loc.file === input.config.file ? placeInConfig(input.config, d) : spec.place(d)));
  const { ir, diagnostics: irDiagnostics } = await time('ir', () => buildIR(spec, input.config, coreExportNames(), input.memory?.ir));
  diagnostics.push(...place(irDiagnostics));
  if (hasErrors(diagnostics)) return { diagnostics, timings, inputs };
  const { cacheDir, memory, outDir } = input;
  const store = (namespace: string): CacheStore | undefined => {
    const disk = cacheDir ? new DiskCache(cacheDir, namespace) : undefined;
    return memory ? memory.store(namespace, disk) : disk;
  };
  // The last run's files by digest, what the entries point into: in memory, then the pristine store.
  const pristine = cacheDir && outDir ? pristineBlobs(outDir, input.pristine) : undefined;
  const blobs = memory ? memory.blobs(pristine) : pristine;
  /** The caches' records of this run, written by `persist`. */
  const saves: (() => void)[] = [];
  // Printed by ts-morph; prettier formats it only under a project Prettier config (below).
  const wire = ir.wireTypes === false ? undefined : await time('wire', () => {
    // Under prettier the pristine store holds the formatted file, which no entry could point into.
    const entries = outDir && blobs && (memory || !input.prettier) ? store('wire') : undefined;
    const cache = entries ? new WireCache(entries, generatorHash(), outDir!, blobs!) : undefined;
    const { file, units } = wireFile(spec, HEADER, cache && { last: cache.earlier(), record: !input.dryRun });
    if (cache && units) saves.push(() => cache.save(file, units));
    return file;
  });
  const raw = await time('emit', () => {
    const entries = blobs && store('emit');
    const cache = entries ? new EmitCache(entries, ir, generatorHash(), outDir ?? '', blobs!) : undefined;
    const files = emit(ir, cache);
    if (!input.dryRun && cache) saves.push(() => cache.save());
    return files;
  });
  // What the memory's entries point to: the files as emitted, before prettier.
  const made = wire ? [...raw, wire] : [...raw];
  if (input.site || input.config.docs?.html) {
    // Loaded only when asked for: its Markdown renderer, sanitizer and highlighter cost start-up time.
    const { siteFiles } = await import('./docs/html/site.js');
    raw.push(...(await time('site', () => siteFiles(ir).map((f) => ({ ...f, path: `${SITE_DIR}/${f.path}` })))));
  }
  const duplicate = raw.find((f, i) => i > 0 && raw[i - 1]!.path === f.path);
  if (duplicate) {
    diagnostics.push({ severity: 'error', message: `two outputs would be written to '${duplicate.path}'; rename one in the config`, loc: { file: spec.entry.path, pointer: '#' } });
    return { diagnostics: diagnostics.map((d) => (d.line ? d : spec.place(d))), timings, inputs };
  }
  const formatCache = input.prettier ? store('prettier') : undefined;
  let files: OutputFile[];
  try {
    files = await time('format', () =>
      formatFiles(raw, input.prettier ? { prettier: input.prettier, ...(formatCache ? { cache: formatCache } : {}) } : {}),
    );
  } catch (e) {
    // Emitted code prettier cannot parse is lathe's bug, but the user still gets a diagnostic, not a crash.
    const message = (e as Error).message.split('\n')[0] ?? String(e);
    diagnostics.push({ severity: 'error', message: `lathe produced code that does not parse (please report it): ${message}`, loc: { file: spec.entry.path, pointer: '#' } });
    return { diagnostics, timings, inputs };
  }
  if (wire) files.push(...(input.prettier ? await formatFiles([wire], { prettier: input.prettier }) : [wire]));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const persist = () => {
    for (const save of saves.splice(0)) save();
    if (!input.dryRun) memory?.settle(made);
  };
  return { files, diagnostics, timings, inputs, persist };
}

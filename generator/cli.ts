/**
 * `lathe generate | check [--spec FILE] [--config FILE] [--out DIR] [--watch] [--quiet] [--verbose]`
 *
 * Exit codes: 0 done, 1 the spec is invalid or the output is stale, 2 wrong usage. A user's mistake
 * prints diagnostics, never a stack trace.
 */
import { existsSync, readFileSync, statSync, watch as fsWatch } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { emptyConfig, parseConfig, type LatheConfig } from './config.js';
import { formatDiagnostic, hasErrors, type Diagnostic } from './diagnostics.js';
import { fsHost } from './load/index.js';
import { runPipeline, type PipelineResult } from './pipeline.js';
import { coolWire, prewarmWire } from './emit/wire.js';
import { fingerprint } from './fingerprint.js';
import { POOL_ENV } from './threads.js';
import { projectOptions } from './format/index.js';
import type { OutputFile } from './emit/modules.js';
import { diffOutput, intactInputs, readIfExists, writeOutput, type InputRecord, type OutputDiff } from './write/index.js';
import { StagingWriter } from './write/staging.js';
import { SITE_DIR } from './docs/html/paths.js';
import { unifiedDiff } from './write/diff.js';

const USAGE = `Usage: lathe <command> [options]

Commands:
  generate        write the SDK from the spec into the output folder
  check           exit 1 if the output folder is stale, listing what differs

Options:
  --spec FILE     the OpenAPI document (default: \`spec\` in the config)
  --config FILE   the config file (default: lathe.config.yaml, if present)
  --out DIR       the output folder (default: \`output\` in the config, else generated)
  --site DIR      also write the HTML reference into DIR (\`docs.html: true\` in the config: into site/ of the output)
  --watch         (generate) regenerate whenever the spec, a file it refers to, or the config changes
  --quiet         print errors only
  --verbose       print stage timings
  -h, --help      show this help
  -v, --version   show lathe's version`;

export interface CliIO {
  readonly cwd: string;
  out(line: string): void;
  err(line: string): void;
  /** A status line for terminals (stage names while a large spec runs); undefined clears it. */
  progress?(stage: string | undefined): void;
}

const defaultIO: CliIO = {
  cwd: process.cwd(),
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  // Plain lines when piped (CI logs); an overwritten status line on a terminal.
  ...(process.stderr.isTTY
    ? { progress: (stage: string | undefined) => process.stderr.write(stage ? `\r\x1b[Klathe: ${stage}…` : '\r\x1b[K') }
    : {}),
};

interface Invocation {
  readonly command: 'generate' | 'check';
  readonly spec?: string;
  readonly config?: string;
  readonly out?: string;
  readonly site?: string;
  readonly watch: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
}

function parse(argv: string[]): Invocation | { help: true } | { version: true } | { usage: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        spec: { type: 'string' },
        config: { type: 'string' },
        out: { type: 'string' },
        site: { type: 'string' },
        watch: { type: 'boolean' },
        quiet: { type: 'boolean' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    return { usage: (e as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (values.version) return { version: true };
  const [command, ...extra] = positionals;
  if (command !== 'generate' && command !== 'check')
    return { usage: command ? `unknown command '${command}'` : 'missing command' };
  if (extra.length) return { usage: `unexpected argument '${extra[0]}'` };
  if (values.watch && command !== 'generate') return { usage: '--watch only goes with generate' };
  return {
    command,
    ...(values.spec !== undefined ? { spec: values.spec } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values.site !== undefined ? { site: values.site } : {}),
    watch: values.watch ?? false,
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
  };
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function loadConfig(inv: Invocation, io: CliIO): { config?: LatheConfig; diagnostics: Diagnostic[] } {
  const explicit = inv.config !== undefined;
  const path = resolve(io.cwd, inv.config ?? 'lathe.config.yaml');
  if (!existsSync(path)) {
    if (!explicit) return { config: emptyConfig(io.cwd), diagnostics: [] };
    return { diagnostics: [{ severity: 'error', message: `config file not found`, displayFile: relative(io.cwd, path) || path }] };
  }
  return parseConfig(readFileSync(path, 'utf8'), path, relative(io.cwd, path) || path, dirname(path));
}

export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const inv = parse(argv);
  if ('help' in inv) {
    io.out(USAGE);
    return 0;
  }
  if ('version' in inv) {
    io.out(version());
    return 0;
  }
  if ('usage' in inv) {
    io.err(`lathe: ${inv.usage}\n\n${USAGE}`);
    return 2;
  }
  const once = () => runOnce(inv, io);
  const code = await once();
  if (!inv.watch) return code;
  return watchLoop(inv, io, once);
}

function print(diagnostics: readonly Diagnostic[], io: CliIO, quiet: boolean): void {
  for (const d of diagnostics) if (!quiet || d.severity === 'error') io.err(formatDiagnostic(d));
}

interface Run {
  readonly code: number;
  readonly watched: string[];
}

let lastWatched: string[] = [];

async function runOnce(inv: Invocation, io: CliIO): Promise<number> {
  const run = await execute(inv, io);
  // A failed load knows only the entry file; keep watching what earlier runs read, so fixing a
  // broken referenced file is noticed too.
  lastWatched = [...new Set([...lastWatched, ...run.watched])];
  return run.code;
}

async function execute(inv: Invocation, io: CliIO): Promise<Run> {
  prewarmWire();
  try {
    return await executeWarm(inv, io);
  } finally {
    coolWire();
  }
}

async function executeWarm(inv: Invocation, io: CliIO): Promise<Run> {
  const { config, diagnostics: configDiagnostics } = loadConfig(inv, io);
  const configFile = config?.file;
  if (!config) {
    print(configDiagnostics, io, inv.quiet);
    return { code: 1, watched: configFile ? [configFile] : [] };
  }
  const specArg = inv.spec ? resolve(io.cwd, inv.spec) : config.spec ? resolve(config.dir, config.spec) : undefined;
  if (!specArg) {
    io.err('lathe: no spec given: pass --spec FILE or set `spec` in lathe.config.yaml');
    return { code: 2, watched: [] };
  }
  const outDir = inv.out ? resolve(io.cwd, inv.out) : resolve(config.dir, config.output ?? 'generated');
  const started = performance.now();
  const rel = relative(io.cwd, outDir) || '.';
  const prettier = await projectOptions(outDir);
  // Nothing lathe reads changed and nobody touched what it wrote: no need to run the pipeline.
  const inputsOf = (record: InputRecord) => record.files.map((name) => ({ name, path: resolve(outDir, name) }));
  const site = siteTarget(inv, io, outDir);
  // A site in a folder of its own has its own manifest, which the fast path does not look at.
  const recorded = site.dir !== undefined ? undefined : intactInputs(outDir, (record) => {
    const inputs = inputsOf(record);
    return inputs.some((i) => i.path === specArg) && fingerprint(inputs, config.text ?? '', prettier) === record.fingerprint;
  });
  if (recorded) {
    if (!inv.quiet) io.out(`lathe: ${rel} is up to date (inputs unchanged since it was generated, ${Math.round(performance.now() - started)} ms)`);
    return { code: 0, watched: [...inputsOf(recorded).map((i) => i.path), ...(configFile ? [configFile] : [])] };
  }
  let result: PipelineResult;
  // A first run into an empty folder writes what it can while it still emits (see write/staging.ts).
  const early = inv.command === 'generate' ? StagingWriter.forOutput(outDir) : undefined;
  try {
    result = await runPipeline({
      specPath: specArg,
      host: fsHost(),
      config,
      cwd: io.cwd,
      cacheDir: cacheDir(io.cwd),
      prettier,
      ...(io.progress && !inv.quiet ? { progress: io.progress } : {}),
      ...(early ? { onFinalFile: (f: OutputFile) => early.put(f) } : {}),
      ...(site.enabled ? { site: true } : {}),
    });
    io.progress?.(undefined);
  } catch (e) {
    early?.cancel();
    io.err(`lathe: internal error (please report it with the spec that caused it):\n${(e as Error).stack ?? String(e)}`);
    return { code: 70, watched: [specArg] };
  }
  const watched = [...result.inputs, ...(configFile ? [configFile] : [])];
  print(result.diagnostics, io, inv.quiet);
  if (!result.files || hasErrors(result.diagnostics)) {
    early?.cancel();
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    io.err(`lathe: ${errors} error${errors === 1 ? '' : 's'}; ${relative(io.cwd, outDir) || '.'} left untouched`);
    return { code: 1, watched };
  }
  const [files, siteFiles] = site.dir === undefined ? [result.files, []] : splitSite(result.files);
  if (inv.command === 'check') {
    const diff = diffOutput(outDir, files);
    if (site.dir !== undefined) {
      const siteDiff = diffOutput(site.dir, siteFiles);
      for (const p of siteDiff.changed) diff.changed.push(relative(outDir, resolve(site.dir, p)).split(sep).join('/'));
      for (const p of siteDiff.removed) diff.removed.push(relative(outDir, resolve(site.dir, p)).split(sep).join('/'));
    }
    const stale = [...diff.changed, ...diff.removed];
    if (!stale.length) {
      if (!inv.quiet) io.out(`lathe: ${rel} is up to date (${result.files.length} files)`);
      return { code: 0, watched };
    }
    io.err(`lathe: ${rel} is stale; ${stale.length} file${stale.length === 1 ? '' : 's'} differ:`);
    const byPath = new Map([...files, ...siteFiles.map((f) => ({ ...f, path: relative(outDir, resolve(site.dir!, f.path)).split(sep).join('/') }))].map((f) => [f.path, f.content]));
    for (const p of diff.changed) {
      const current = readIfExists(resolve(outDir, p));
      io.err(`  ${current === undefined ? 'missing' : 'changed'}: ${rel}/${p}`);
      if (!inv.quiet) io.err(indent(unifiedDiff(`${rel}/${p}`, current ?? '', byPath.get(p)!, 20)));
    }
    for (const p of diff.removed) io.err(`  no longer generated: ${rel}/${p}`);
    io.err('Run `lathe generate` to update it.');
    return { code: 1, watched };
  }
  const start = performance.now();
  const names = result.inputs.map((p) => ({ name: relative(outDir, p).split(sep).join('/'), path: p }));
  const inputPrint = fingerprint(names, config.text ?? '', prettier);
  const record = inputPrint ? { files: names.map((n) => n.name).sort(), fingerprint: inputPrint } : undefined;
  let diff: OutputDiff;
  try {
    diff = writeOutput(outDir, files, record, await early?.finish());
    if (site.dir !== undefined) {
      const written = writeOutput(site.dir, siteFiles);
      diff = { ...diff, changed: [...diff.changed, ...written.changed], removed: [...diff.removed, ...written.removed], unchanged: [...diff.unchanged, ...written.unchanged] };
    }
  } catch (e) {
    // A folder lathe may not write to, a full disk: the user's to fix, so a message, not a stack trace.
    io.err(`lathe: cannot write ${rel}: ${(e as Error).message}; the previous output is left as it was`);
    return { code: 1, watched };
  }
  const timings = { ...result.timings, write: performance.now() - start };
  if (!inv.quiet)
    io.out(
      `lathe: wrote ${rel}: ${diff.changed.length} changed, ${diff.removed.length} removed, ${diff.unchanged.length} unchanged (${Math.round(performance.now() - started)} ms)`,
    );
  if (inv.verbose) {
    io.out(`lathe: stages: ${Object.entries(timings).map(([s, ms]) => `${s} ${Math.round(ms)} ms`).join(', ')}`);
    const pool = process.env[POOL_ENV];
    if (pool) io.out(`lathe: node was restarted with ${pool} V8 background thread(s) for this big spec (see README)`);
  }
  return { code: 0, watched };
}

/**
 * Where the HTML reference goes: `--site DIR` (a folder of its own, unless it is the output's
 * `site/`), else `site/` of the output when the config asks for it.
 */
function siteTarget(inv: Invocation, io: CliIO, outDir: string): { enabled: boolean; dir?: string } {
  if (inv.site === undefined) return { enabled: false };
  const dir = resolve(io.cwd, inv.site);
  return dir === resolve(outDir, SITE_DIR) ? { enabled: true } : { enabled: true, dir };
}

/** The site's files (emitted under `site/`) apart from the rest, with paths relative to the site. */
function splitSite(files: readonly OutputFile[]): [OutputFile[], OutputFile[]] {
  const prefix = `${SITE_DIR}/`;
  return [files.filter((f) => !f.path.startsWith(prefix)), files.filter((f) => f.path.startsWith(prefix)).map((f) => ({ ...f, path: f.path.slice(prefix.length) }))];
}

function mtimeOf(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The usual place for tools' caches, else a folder in the system's temp dir. */
function cacheDir(cwd: string): string {
  const modules = resolve(cwd, 'node_modules');
  return existsSync(modules) ? resolve(modules, '.cache', 'lathe') : resolve(tmpdir(), `lathe-cache-${process.getuid?.() ?? 'user'}`);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `    ${l}` : l))
    .join('\n');
}

/** Re-runs on changes (debounced); a bad edit prints its diagnostics and the next good one recovers. */
async function watchLoop(inv: Invocation, io: CliIO, once: () => Promise<number>): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  let watchers: ReturnType<typeof fsWatch>[] = [];
  const arm = () => {
    for (const w of watchers) w.close();
    watchers = [...new Set(lastWatched)].filter(existsSync).map((f) => fsWatch(f, schedule));
  };
  // What the watched files looked like when a run started: a change that lands while the
  // watchers are replaced after the run would otherwise go unseen.
  const stamp = (files: readonly string[]) => files.map((f) => mtimeOf(f)).join('\n');
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const files = [...new Set(lastWatched)];
      const before = stamp(files);
      await once();
      arm();
      if (stamp(files) !== before) schedule();
    }, 100);
  };
  arm();
  if (!inv.quiet) io.out('lathe: watching for changes (Ctrl-C to stop)');
  return new Promise<number>((done) => {
    process.once('SIGINT', () => {
      for (const w of watchers) w.close();
      done(0);
    });
  });
}

/**
 * `lathe generate | check [--spec FILE] [--config FILE] [--out DIR] [--watch] [--quiet] [--verbose]`
 *
 * Exit codes: 0 done, 1 the spec is invalid or the output is stale, 2 wrong usage. A user's mistake
 * prints diagnostics, never a stack trace.
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, statSync, watch as fsWatch } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import nodeModule from 'node:module';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { WATCH_FLAGS } from './v8-flags.js';
import { emptyConfig, parseConfig, type ConfigResult, type LatheConfig } from './config.js';
import { formatDiagnostic, hasErrors, type Diagnostic } from './diagnostics.js';
import { fsHost } from './load/host.js';
import type { PipelineResult } from './pipeline.js';
import { fingerprint, libraryVersions, type InputBytes } from './fingerprint.js';
import { projectOptions } from './format/index.js';
import type { Options as PrettierOptions } from 'prettier';
import type { OutputFile } from './emit/modules.js';
import type { SpecHost } from './load/types.js';
import { OutputStamps } from './write/stamps.js';
import { OnDisk, type Known } from './write/on-disk.js';
import type { RunMemory } from './run-memory.js';
import { packageRoot } from './package-root.js';
import { digestOf } from './emit/output.js';
import {
  diffOutput,
  intactInputs,
  lockOutput,
  LockBusyError,
  MANIFEST,
  readIfExists,
  recover,
  writeOutput,
  type InputRecord,
  type OutputDiff,
} from './write/index.js';
import { hasDebris } from './write/journal.js';
import { hasStaleLock, LOCK, waitUnlocked } from './write/lock.js';
import { SITE_DIR } from './docs/html/paths.js';
import { unifiedDiff } from './write/diff.js';
// Safe regeneration (surface report, hand-edit merges): see surface/ and write/merge.ts. The
// surface report loads ts-morph, so it is imported only when a run compares outputs.
import type { FailOn } from './surface/cli.js';
import type { Tree } from './surface/tree.js';
import { handEdited, planMerge, writeConflicts, type MergePlan } from './write/merge.js';
import { hasPristine, pristineChange } from './write/pristine.js';

const USAGE = `Usage: lathe <command> [options]

Commands:
  generate        write the SDK from the spec into the output folder
  check           exit 1 if the output folder is stale, listing what differs
  diff            report every change to the SDK's public API the next generate would make
  status          list the files of the output folder that carry hand edits

Options:
  --spec FILE     the OpenAPI document (default: \`spec\` in the config)
  --config FILE   the config file: lathe's or a stainless.yml (default: lathe.config.yaml, else stainless.yml, if present)
  --out DIR       the output folder (default: \`output\` in the config, else generated)
  --site DIR      also write the HTML reference into DIR (\`docs.html: true\` in the config: into site/ of the output)
  --watch         (generate) regenerate whenever the spec, a file it refers to, or the config changes
  --quiet         print errors only
  --verbose       print stage timings and every API change
  --fail-on breaking   (check, diff) exit 1 when the API change is breaking
  --against DIR|REV    (diff) compare with that folder, or the output folder at that git revision
  --json          (diff) print the report as JSON
  -h, --help      show this help
  -v, --version   show lathe's version

Environment:
  LATHE_LOCK_TIMEOUT  seconds to wait while another lathe run uses the output folder (default 60)`;

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
  readonly command: 'generate' | 'check' | 'diff' | 'status';
  readonly spec?: string;
  readonly config?: string;
  readonly out?: string;
  readonly site?: string;
  readonly watch: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly failOn?: FailOn;
  readonly against?: string;
  readonly json: boolean;
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
        'fail-on': { type: 'string' },
        against: { type: 'string' },
        json: { type: 'boolean' },
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
  if (command !== 'generate' && command !== 'check' && command !== 'diff' && command !== 'status')
    return { usage: command ? `unknown command '${command}'` : 'missing command' };
  if (extra.length) return { usage: `unexpected argument '${extra[0]}'` };
  if (values.watch && command !== 'generate') return { usage: '--watch only goes with generate' };
  if (values['fail-on'] !== undefined && values['fail-on'] !== 'breaking') return { usage: `--fail-on takes 'breaking', not '${values['fail-on']}'` };
  if (values['fail-on'] !== undefined && command !== 'check' && command !== 'diff') return { usage: '--fail-on goes with check or diff' };
  if ((values.against !== undefined || values.json) && command !== 'diff') return { usage: '--against and --json go with diff' };
  return {
    command,
    ...(values.spec !== undefined ? { spec: values.spec } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values.site !== undefined ? { site: values.site } : {}),
    watch: values.watch ?? false,
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
    ...(values['fail-on'] !== undefined ? { failOn: 'breaking' as const } : {}),
    ...(values.against !== undefined ? { against: values.against } : {}),
    json: values.json ?? false,
  };
}

function version(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Looked for in the working directory when `--config` is not given, in this order. */
const DEFAULT_CONFIGS = ['lathe.config.yaml', 'stainless.yml', 'stainless.yaml'];

function loadConfig(inv: Invocation, io: CliIO): ConfigResult {
  const path = inv.config !== undefined ? resolve(io.cwd, inv.config) : DEFAULT_CONFIGS.map((f) => resolve(io.cwd, f)).find((p) => existsSync(p));
  if (path === undefined) return { config: emptyConfig(io.cwd), diagnostics: [] };
  if (!existsSync(path)) {
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
  if (inv.watch) for (const flag of WATCH_FLAGS) setFlagsFromString(flag);
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
/** `--watch` keeps its last run's cache entries and files (run-memory.ts). */
let memory: RunMemory | undefined;
/**
 * `--watch` keeps what its last run left in the output folder (write/on-disk.ts): the next run
 * starts from it instead of reading the folder again, wherever the folder confirms it.
 */
let held: { readonly outDir: string; readonly known: Known } | undefined;

async function runOnce(inv: Invocation, io: CliIO): Promise<number> {
  const run = await execute(inv, io);
  // A failed load knows only the entry file; keep watching what earlier runs read, so fixing a
  // broken referenced file is noticed too.
  lastWatched = [...new Set([...lastWatched, ...run.watched])];
  return run.code;
}

async function execute(inv: Invocation, io: CliIO): Promise<Run> {
  const { config, partial, diagnostics: configDiagnostics } = loadConfig(inv, io);
  const configFile = config?.file ?? partial?.file;
  if (!config) {
    // Shape errors do not hide the checks against the spec: one run reports both.
    const specPath = partial && (inv.spec ? resolve(io.cwd, inv.spec) : partial.spec ? resolve(partial.dir, partial.spec) : undefined);
    const all = partial && specPath && existsSync(specPath)
      ? await (await import('./config-spec.js')).everyConfigProblem({ specPath, host: fsHost(), cwd: io.cwd, partial, shapeErrors: configDiagnostics })
      : configDiagnostics;
    print(all, io, inv.quiet);
    return { code: 1, watched: [...(specPath ? [specPath] : []), ...(configFile ? [configFile] : [])] };
  }
  // Warnings too (a stainless.yml's keys lathe does not read): printed before the run's own.
  print(configDiagnostics, io, inv.quiet);
  if (inv.command === 'status') {
    const dir = inv.out ? resolve(io.cwd, inv.out) : resolve(config.dir, config.output ?? 'generated');
    return { code: status(dir, relative(io.cwd, dir) || '.', io), watched: [] };
  }
  const specArg = inv.spec ? resolve(io.cwd, inv.spec) : config.spec ? resolve(config.dir, config.spec) : undefined;
  if (!specArg) {
    io.err('lathe: no spec given: pass --spec FILE or set `spec` in the config (`x-lathe: { spec: FILE }` in a stainless.yml)');
    return { code: 2, watched: [] };
  }
  const outDir = inv.out ? resolve(io.cwd, inv.out) : resolve(config.dir, config.output ?? 'generated');
  const rel = relative(io.cwd, outDir) || '.';
  const job: Job = { inv, io, config, specArg, outDir, rel, started: performance.now() };
  const verb = inv.command === 'check' ? 'check' : 'write';
  if (isNonFolder(outDir)) {
    io.err(`lathe: cannot ${verb} ${rel}: it is a file, not a folder`);
    return { code: 1, watched: [specArg, ...(configFile ? [configFile] : [])] };
  }
  let lock: { release(): void } | undefined;
  let made = false;
  try {
    if (inv.command === 'generate' && !existsSync(outDir)) {
      recover(outDir); // an earlier lathe may have left the output moved aside
      made = !existsSync(outDir);
      mkdirSync(outDir, { recursive: true });
    }
    lock = await lockIfPossible(job);
    if (lock) recover(outDir);
  } catch (e) {
    const message = e instanceof LockBusyError ? lockBusyMessage(e, rel) : (e as Error).message;
    io.err(`lathe: cannot ${verb} ${rel}: ${message}`);
    return { code: 1, watched: [specArg, ...(configFile ? [configFile] : [])] };
  }
  try {
    return await lockedRun(job);
  } finally {
    lock?.release();
    if (made) removeIfEmpty(outDir);
  }
}

interface Job {
  readonly inv: Invocation;
  readonly io: CliIO;
  readonly config: LatheConfig;
  readonly specArg: string;
  readonly outDir: string;
  readonly rel: string;
  readonly started: number;
}

function isNonFolder(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A folder this run made only to hold its lock, when the run wrote nothing into it. */
function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (the run wrote it), or already gone.
  }
}

/** How long a run waits for another one writing the same output (LATHE_LOCK_TIMEOUT, seconds). */
function lockWaitMs(): number {
  const s = Number(process.env.LATHE_LOCK_TIMEOUT);
  return Number.isFinite(s) && s >= 0 ? s * 1000 : 60_000;
}

function lockBusyMessage(e: LockBusyError, rel: string): string {
  return `${e.message}; gave up after ${Math.round(e.waitedMs / 1000)} s (if no lathe is running, delete ${rel}/${LOCK})`;
}

/**
 * The output folder's lock (write/lock.ts). `check` only waits for a run that holds it, unless a
 * killed run's debris must be cleaned up: it writes nothing otherwise (the folder may be read-only).
 */
async function lockIfPossible(job: Job): Promise<{ release(): void } | undefined> {
  const { inv, io, outDir, rel } = job;
  const options = {
    waitMs: lockWaitMs(),
    onWait: (h: { pid: number } | undefined) => io.err(`lathe: waiting for another lathe run${h ? ` (pid ${h.pid})` : ''} to finish with ${rel}…`),
  };
  if (inv.command === 'check' && !existsSync(outDir)) return undefined;
  if (inv.command === 'check' && !hasDebris(outDir) && !hasStaleLock(outDir)) {
    await waitUnlocked(outDir, options);
    return undefined;
  }
  try {
    return await lockOutput(outDir, options);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (inv.command === 'check' && ['EACCES', 'EPERM', 'EROFS'].includes(code)) return undefined;
    throw e;
  }
}

/**
 * Reads each spec file once and keeps its bytes: the fingerprint is of what the run loaded. A file
 * `read` holds (the up-to-date check read it) is loaded as read there, not read again.
 */
function recordingHost(read?: ReadonlyMap<string, Uint8Array>): { host: SpecHost; loaded: Map<string, Uint8Array> } {
  const base = fsHost();
  const loaded = new Map<string, Uint8Array>();
  return {
    loaded,
    host: {
      readFile(file) {
        const bytes = read?.get(file) ?? base.readFile(file);
        if (bytes && !loaded.has(file)) loaded.set(file, bytes);
        return bytes;
      },
    },
  };
}

async function lockedRun(job: Job): Promise<Run> {
  const { inv, io, config, specArg, outDir, rel, started } = job;
  const configFile = config.file;
  const prettier = await projectOptions(outDir);
  // Nothing lathe reads changed and nobody touched what it wrote: no need to run the pipeline.
  const inputsOf = (record: InputRecord) => record.files.map((name) => ({ name, path: resolve(outDir, name) }));
  const libraries = libraryVersions();
  const site = siteTarget(inv, io, outDir);
  const cache = cacheDir(io.cwd);
  const stamps = cache ? new OutputStamps(cache, outDir) : undefined;
  const known = inv.watch && held?.outDir === outDir ? held.known : undefined;
  // Read before the pipeline for the fast path; looked at afresh after it (a hand edit may land meanwhile).
  const before = new OnDisk(outDir, { ...(stamps ? { stamps } : {}), ...(known ? { known } : {}) });
  // The recorded spec files as the fast path read them, and their fingerprint: a run that goes on loads these bytes.
  let seen: Seen | undefined;
  // A site in a folder of its own has its own manifest, which the fast path does not look at.
  const recorded = site.dir !== undefined ? undefined : intactInputs(before, (record) => {
    const inputs = inputsOf(record);
    if (!inputs.some((i) => i.path === specArg) || JSON.stringify(record.libraries) !== JSON.stringify(libraries)) return false;
    const bytes = readInputs(inputs);
    const named = bytes && inputs.map((i) => ({ name: i.name, bytes: bytes.get(i.path)! }));
    seen = named && { inputs: named, bytes: bytes!, fingerprint: fingerprint(named, config.text ?? '', prettier, libraries) };
    if (seen?.fingerprint !== record.fingerprint) return false;
    // Most often up to date: not held while the output is looked at (the spec can be megabytes).
    seen = undefined;
    return true;
  });
  if (recorded && inv.command !== 'diff') {
    // The stamps of files it read are worth keeping; under --watch, so is all it found.
    if (inv.watch || before.readAny) {
      const settled = before.settle(before.manifest!, [], known?.pristine);
      if (inv.watch) held = { outDir, known: settled };
    }
    if (!inv.quiet) io.out(`lathe: ${rel} is up to date (inputs unchanged since it was generated, ${Math.round(performance.now() - started)} ms)`);
    return { code: 0, watched: [...inputsOf(recorded).map((i) => i.path), ...(configFile ? [configFile] : [])] };
  }
  let result: PipelineResult;
  const { host, loaded } = recordingHost(seen?.bytes);
  // Read once for the pipeline's emit cache and, after it, the merge (`disk` below starts from
  // `before`). Not under --watch: its memory answers the cache, and the merge's look confirms the index.
  const pristineIndex = cache && !inv.watch ? before.pristine()?.index : undefined;
  try {
    if (cache) keepCompiledCode(join(cache, 'compile'));
    // Loaded past the fast path: the pipeline brings ts-morph (and TypeScript), half of an
    // up-to-date `check`'s time if it were imported at start-up.
    const { runPipeline } = await import('./pipeline.js');
    result = await runPipeline({
      specPath: specArg,
      host,
      config,
      cwd: io.cwd,
      outDir,
      ...(cache ? { cacheDir: cache } : {}),
      ...(pristineIndex ? { pristine: pristineIndex } : {}),
      ...(inv.watch ? { memory: (memory ??= new (await import('./run-memory.js')).RunMemory()) } : {}),
      ...(prettier ? { prettier } : {}),
      ...(io.progress && !inv.quiet ? { progress: io.progress } : {}),
      ...(site.enabled ? { site: true } : {}),
      ...(inv.command === 'generate' ? {} : { dryRun: true }),
    });
    io.progress?.(undefined);
  } catch (e) {
    io.err(`lathe: internal error (please report it with the spec that caused it):\n${(e as Error).stack ?? String(e)}`);
    return { code: 70, watched: [specArg] };
  }
  // The caches' records are written once the output is (and its lines printed): nobody waits for them.
  try {
    const watched = [...result.inputs, ...(configFile ? [configFile] : [])];
    print(result.diagnostics, io, inv.quiet);
    if (!result.files || hasErrors(result.diagnostics)) {
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
      io.err(`lathe: ${errors} error${errors === 1 ? '' : 's'}; ${rel} left untouched`);
      return { code: 1, watched };
    }
    // Made now, so that the spec's bytes are not held through the rest of the run.
    const record = inv.command === 'generate' ? inputRecord(outDir, result.inputs, loaded, seen, config.text ?? '', prettier, libraries) : undefined;
    seen = undefined;
    const [files, siteFiles] = site.dir === undefined ? [result.files, []] : splitSite(result.files);
    const mergeStart = performance.now();
    // What the output folder holds, by digest where stat stamps vouch for it: looked at once, for all below.
    const disk = new OnDisk(outDir, { ...(stamps ? { stamps } : {}), known: before.known() });
    // The last run's pristine index (up to ~1 MB of JSON on a big spec): read once for the merge and the next one.
    const pristine = disk.pristine();
    const plan = planMerge(outDir, files, { mergedOnly: inv.command === 'check', index: pristine?.index }, disk);
    if (inv.verbose) io.out(`lathe: hand-edit check took ${Math.round(performance.now() - mergeStart)} ms`);
    if (inv.command === 'diff') return { code: (await surfaceReport(inv, io, outDir, plan, true, disk)).show(), watched };
    if (inv.command === 'check') {
      const api = (await surfaceReport(inv, io, outDir, plan, inv.verbose, disk)).show();
      const stale = reportStale(job, plan, watched, disk, site.dir === undefined ? undefined : { dir: site.dir, files: siteFiles });
      return stale.code ? stale : { code: api, watched };
    }
    if (plan.conflicts.length || plan.unresolved.length) return { code: reportConflicts(outDir, rel, plan, io), watched };
    // Not on a first run: everything would be "added".
    const api = hasPristine(outDir) || existsSync(resolve(outDir, MANIFEST)) ? await surfaceReport(inv, io, outDir, plan, inv.verbose, disk) : undefined;
    const start = performance.now();
    let diff: OutputDiff;
    try {
      const written = writeOutput(outDir, plan.files, { ...(record ? { inputs: record } : {}), state: pristineChange(outDir, files, pristine), disk });
      if (inv.watch) held = { outDir, known: written.known };
      diff = written;
      if (site.dir !== undefined) {
        const written = writeOutput(site.dir, siteFiles);
        diff = { ...diff, changed: [...diff.changed, ...written.changed], removed: [...diff.removed, ...written.removed], unchanged: [...diff.unchanged, ...written.unchanged] };
      }
    } catch (e) {
      held = undefined;
      // A folder lathe may not write to, a full disk: the user's to fix, so a message, not a stack trace.
      io.err(`lathe: cannot write ${rel}: ${(e as Error).message}; the previous output is left as it was`);
      return { code: 1, watched };
    }
    const timings = { ...result.timings, write: performance.now() - start };
    if (!inv.quiet)
      io.out(
        `lathe: wrote ${rel}: ${diff.changed.length} changed, ${diff.removed.length} removed, ${diff.unchanged.length} unchanged${plan.merged.length ? `, ${plan.merged.length} hand-edited kept (${plan.merged.join(', ')})` : ''} (${Math.round(performance.now() - started)} ms)`,
      );
    api?.show();
    if (inv.verbose) io.out(`lathe: stages: ${Object.entries(timings).map(([s, ms]) => `${s} ${Math.round(ms)} ms`).join(', ')}`);
    return { code: 0, watched };
  } finally {
    result.persist?.();
  }
}

/** `site`: the HTML reference when it goes to a folder of its own, checked with the output. */
function reportStale(job: Job, plan: MergePlan, watched: string[], disk: OnDisk, site?: { dir: string; files: readonly OutputFile[] }): Run {
  const { inv, io, outDir, rel } = job;
  const diff = diffOutput(outDir, plan.files, disk);
  for (const c of plan.conflicts) if (!diff.changed.includes(c.path)) diff.changed.push(c.path);
  const fromOut = (p: string) => relative(outDir, resolve(site!.dir, p)).split(sep).join('/');
  if (site) {
    const siteDiff = diffOutput(site.dir, site.files);
    diff.changed.push(...siteDiff.changed.map(fromOut));
    diff.removed.push(...siteDiff.removed.map(fromOut));
  }
  const stale = [...diff.changed, ...diff.removed];
  if (!stale.length) {
    if (!inv.quiet) io.out(`lathe: ${rel} is up to date (${plan.files.length} files${plan.merged.length ? `, ${plan.merged.length} with hand edits` : ''})`);
    return { code: 0, watched };
  }
  io.err(`lathe: ${rel} is stale; ${stale.length} file${stale.length === 1 ? '' : 's'} differ:`);
  const byPath = new Map<string, OutputFile>([...plan.files.map((f) => [f.path, f] as const), ...(site?.files ?? []).map((f) => [fromOut(f.path), f] as const)]);
  for (const p of diff.changed) {
    const current = readIfExists(resolve(outDir, p));
    io.err(`  ${current === undefined ? 'missing' : 'changed'}: ${rel}/${p}`);
    if (!inv.quiet) io.err(indent(unifiedDiff(`${rel}/${p}`, current ?? '', byPath.get(p)!.content, 20)));
  }
  for (const p of diff.removed) io.err(`  no longer generated: ${rel}/${p}`);
  io.err('Run `lathe generate` to update it.');
  return { code: 1, watched };
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

/** Spec files as the up-to-date check read them, and their fingerprint. */
interface Seen {
  readonly inputs: readonly InputBytes[];
  readonly bytes: ReadonlyMap<string, Uint8Array>;
  readonly fingerprint: string;
}

/**
 * What the output is made from, for its manifest (fingerprint.ts): the spec files the run loaded,
 * by the bytes it loaded; undefined when it cannot tell. `seen`'s fingerprint when the run loaded
 * exactly the files and bytes the up-to-date check hashed.
 */
function inputRecord(
  outDir: string,
  inputs: readonly string[],
  loaded: ReadonlyMap<string, Uint8Array>,
  seen: Seen | undefined,
  configText: string,
  prettier: PrettierOptions | undefined,
  libraries: Readonly<Record<string, string>>,
): InputRecord | undefined {
  const names = inputs.map((p) => ({ name: relative(outDir, p).split(sep).join('/'), bytes: loaded.get(p) }));
  if (!names.every((n): n is InputBytes => n.bytes !== undefined)) return undefined;
  const same = seen !== undefined && names.length === seen.inputs.length && seen.inputs.every((i) => names.some((n) => n.name === i.name && n.bytes === i.bytes));
  return { files: names.map((n) => n.name).sort(), fingerprint: same ? seen.fingerprint : fingerprint(names, configText, prettier, libraries), libraries };
}

/** The files' bytes by path, as they are on disk now; undefined when one cannot be read. */
function readInputs(inputs: readonly { readonly path: string }[]): Map<string, Uint8Array> | undefined {
  try {
    return new Map(inputs.map((i) => [i.path, readFileSync(i.path)]));
  } catch {
    return undefined;
  }
}

function mtimeOf(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Node 22.1 and later keep V8's compiled code of the modules loaded after this (the pipeline,
 * ts-morph and the 9 MB TypeScript it bundles: ~0.2 s of compiling per run) in `dir`, and check it
 * against each module's source. node 20 has no such cache; there this does nothing.
 */
function keepCompiledCode(dir: string): void {
  const enable = (nodeModule as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  // A folder it cannot write to only costs the compiling: node reports that, and runs on.
  enable?.(dir);
}

/** The project's `node_modules/.cache/lathe` (the nearest node_modules up from `cwd`); none without one. */
function cacheDir(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'lathe');
    if (dirname(dir) === dir) return undefined;
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `    ${l}` : l))
    .join('\n');
}

/**
 * How long a watched file must be left alone before a run starts: an editor's save is a burst of
 * events (truncate, write, rename) within a few milliseconds, and each run costs far more than this.
 */
const WATCH_SETTLE_MS = 25;

/** Re-runs on changes (debounced); a bad edit prints its diagnostics and the next good one recovers. */
async function watchLoop(inv: Invocation, io: CliIO, once: () => Promise<number>): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  let watchers: ReturnType<typeof fsWatch>[] = [];
  // Ctrl-C during a run lets it finish (its output whole), then nothing is watched again.
  let stopped = false;
  const arm = () => {
    for (const w of watchers) w.close();
    watchers = stopped ? [] : [...new Set(lastWatched)].filter(existsSync).map((f) => fsWatch(f, schedule));
  };
  // What the watched files looked like when a run started: a change that lands while the
  // watchers are replaced after the run would otherwise go unseen.
  const stamp = (files: readonly string[]) => files.map((f) => mtimeOf(f)).join('\n');
  let running = false;
  const schedule = () => {
    // A change during a run is seen by the stamp check after it: one run at a time shares the memory.
    if (running || stopped) return;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      running = true;
      const files = [...new Set(lastWatched)];
      const before = stamp(files);
      try {
        await once();
      } finally {
        running = false;
      }
      arm();
      if (stamp(files) !== before) schedule();
    }, WATCH_SETTLE_MS);
  };
  arm();
  if (!inv.quiet) io.out('lathe: watching for changes (Ctrl-C to stop)');
  return new Promise<number>((done) => {
    process.once('SIGINT', () => {
      stopped = true;
      clearTimeout(timer);
      arm();
      done(0);
    });
  });
}

/**
 * The API report (brief, or `full`); `show` prints it and returns the exit code `--fail-on` asks
 * for (generate computes it before writing and shows it after the "wrote" line).
 */
async function surfaceReport(inv: Invocation, io: CliIO, outDir: string, plan: MergePlan, full: boolean, disk: OnDisk): Promise<{ show(): number }> {
  const { baseline, compareOutput, fails, reportLines, GitRefError } = await import('./surface/cli.js');
  let lines: string[];
  let code = 0;
  try {
    // Against the output folder itself, a file's digest there tells whether it changed.
    const same = inv.against === undefined ? (f: OutputFile) => disk.digest(f.path) === digestOf(f) : undefined;
    const before = baseline(outDir, io.cwd, inv.against);
    const report = compareOutput(inv.against === undefined ? seenTree(before, disk) : before, plan.files, same);
    const quiet = !full && !report.changes.length;
    lines = quiet ? [] : reportLines(report, full, inv.json).map((l, i) => (inv.json || i ? l : `lathe: ${l}`));
    if (inv.verbose && !inv.json) lines.push(`lathe: API report took ${Math.round(report.ms)} ms (${report.analysed.length} module(s) analysed)`);
    code = fails(report, inv.failOn) ? 1 : 0;
  } catch (e) {
    if (!(e instanceof GitRefError)) throw e;
    const message = e.message;
    return { show: () => (io.err(`lathe: ${message}`), 2) };
  }
  return {
    show: () => {
      if (!inv.quiet || code) for (const l of lines) (code ? io.err : io.out)(l);
      return code;
    },
  };
}

/**
 * The output folder as this run has seen it: its manifest as read, and a file's text as this
 * process wrote it while its stamp vouches for it (write/on-disk.ts), else read (the report keeps
 * what it reads while it needs it; the run need not keep 4.4 MB of old src/openapi.ts past it).
 */
function seenTree(folder: Tree, disk: OnDisk): Tree {
  const read = (p: string) => (p === MANIFEST && disk.manifest ? disk.manifest.text : disk.text(p));
  return { paths: () => folder.paths(), read, holds: (p, c) => read(p) === c };
}

function reportConflicts(outDir: string, rel: string, plan: MergePlan, io: CliIO): number {
  writeConflicts(outDir, plan.conflicts);
  for (const c of plan.conflicts) io.err(`lathe: conflict: ${rel}/${c.path}: your edit and the new output change the same lines; resolve the markers`);
  for (const p of plan.unresolved) io.err(`lathe: unresolved: ${rel}/${p} still has conflict markers`);
  io.err(`lathe: nothing else in ${rel} was changed; resolve the conflicts, then run \`lathe generate\` again`);
  return 1;
}

/** `lathe status`: files lathe generated that have been edited by hand since. */
function status(outDir: string, rel: string, io: CliIO): number {
  const edited = handEdited(outDir);
  if (!edited.length) io.out(`lathe: no hand edits in ${rel}`);
  for (const e of edited) io.out(`${e.conflicted ? 'conflict' : 'edited'}: ${rel}/${e.path}`);
  return 0;
}

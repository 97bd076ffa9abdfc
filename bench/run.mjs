#!/usr/bin/env node
// lathe benchmark: wall time and peak RSS of lathe, openapi-typescript and @hey-api/openapi-ts,
// each run a separate child process, tools alternated round-robin on the same machine in one run.
//
//   node bench/run.mjs [--runs N] [--runs SPEC=N] [--only SPEC[,SPEC]] [--tools TOOL[,TOOL]]
//                      [--timeout SECONDS] [--keep] [--lathe head|worktree] [--baseline REV] [--node PATH]
//
//   --lathe head (default): measure the committed generator (git archive HEAD, compiled into a temp
//   snapshot); --lathe worktree: measure the working tree's dist/ as last built.
//   SPEC: fragment, cloudforce-one, cloudflare, cloudflare-yaml (the same spec written as YAML), github, scaling
//   TOOL: lathe-cold, lathe-site, lathe-warm, lathe-edit, lathe-watch, lathe-check, openapi-typescript,
//   hey-api (`lathe` for every lathe tool). lathe-site is lathe-cold with `--site DIR`: the HTML
//   reference's added cold time is the difference of the two. lathe-watch is one `generate --watch`
//   process for the whole run: each of its runs is an edit, timed from the end of the spec's write
//   to the `stages` line (the write's own time is `write_ms`), with the CPU the process used
//   meanwhile and its peak RSS so far. lathe-cold-pool1 is lathe-cold with
//   NODE_OPTIONS=--v8-pool-size=1 (node starts 4 V8 background threads);
//   lathe-cold-v8default is lathe-cold with node's default interrupt budget given on its command
//   line, so bin/lathe.js leaves it (it raises the budget otherwise; node 20 only: later V8s have
//   no such flag). lathe-cold-baseline is lathe-cold with lathe as committed at `--baseline REV`
//   (compiled into a snapshot of its own): two versions of lathe, alternated in one run;
//   lathe-edit-baseline, lathe-watch-baseline and lathe-check-baseline are the same for those tools,
//   each with an output folder (and a --watch process) of its own.
//   --node PATH runs every tool (lathe and the others alike) under that node binary instead of
//   the one running the bench.
//
// Needs `npm run build` first (`npm run bench` does it). Results are printed as Markdown tables and
// written as JSON to bench/.results/ (scratch output: keep it out of git).
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, cpSync, symlinkSync } from 'node:fs';
import { tmpdir, cpus, totalmem, hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import YAML from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// lathe runs from a snapshot of bin/, dist/, templates/ and package.json taken at start (node_modules
// linked), so a rebuild of dist/ while the bench runs cannot mix two generator versions in one result.
let LATHE = join(ROOT, 'bin/lathe.js');
/** The node every tool runs under (`--node PATH`; default the one running the bench). */
let NODE = process.execPath;
/** `--baseline REV`'s snapshot, which `lathe-cold-baseline` runs. */
let LATHE_BASELINE;
const OAT = join(ROOT, 'node_modules/openapi-typescript/bin/cli.js');
const HEY = join(ROOT, 'node_modules/@hey-api/openapi-ts/bin/run.js');
const TIME = '/usr/bin/time';
const HAS_TIME = existsSync(TIME);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const SPECS = {
  fragment: { file: join(ROOT, 'spec/cloudforce-one-message-create.yaml'), label: 'message-create fragment' },
  'cloudforce-one': { file: join(ROOT, 'examples/cloudforce-one/spec/cloudflare-cloudforce-one.yaml'), label: 'Cloudforce One' },
  cloudflare: { file: join(ROOT, 'test/fixtures/specs/cloudflare-openapi-2024-08.json.gz'), label: 'Cloudflare (full)' },
  // The same document written as YAML (6 MB), the form most specs come in: what YAML reading costs.
  'cloudflare-yaml': { file: join(ROOT, 'test/fixtures/specs/cloudflare-openapi-2024-08.json.gz'), label: 'Cloudflare (full, as YAML)', yaml: true },
  github: { file: join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json'), label: 'GitHub REST (api.github.com)' },
};
const SPEC_ORDER = ['fragment', 'cloudforce-one', 'cloudflare', 'cloudflare-yaml', 'github', 'scaling'];
const TOOLS = ['lathe-cold', 'lathe-cold-pool1', 'lathe-cold-v8default', 'lathe-cold-baseline', 'lathe-site', 'lathe-warm', 'lathe-edit', 'lathe-edit-baseline', 'lathe-watch', 'lathe-watch-baseline', 'lathe-check', 'lathe-check-baseline', 'openapi-typescript', 'hey-api'];
/** The tools that run lathe as committed at `--baseline REV`. */
const BASELINE_TOOLS = TOOLS.filter((t) => t.endsWith('-baseline'));
const LATHE_TOOLS = TOOLS.filter((t) => t.startsWith('lathe'));
const SLICES = [0.1, 0.5, 1.0];

// ---------------------------------------------------------------------------------------------- args
function parseArgs(argv) {
  const opts = { runs: 3, runsFor: {}, only: null, tools: null, timeout: 600, keep: false, lathe: 'head' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--runs') {
      const v = val();
      const m = /^([\w-]+)=(\d+)$/.exec(v);
      if (m) opts.runsFor[m[1]] = Number(m[2]);
      else if (/^\d+$/.test(v) && Number(v) > 0) opts.runs = Number(v);
      else usage(`bad --runs ${v}`);
    } else if (a === '--only') {
      opts.only = val().split(',').map((s) => s.trim()).filter(Boolean);
      for (const s of opts.only) if (!SPEC_ORDER.includes(s)) usage(`unknown spec ${s}`);
    } else if (a === '--tools') {
      opts.tools = val()
        .split(',')
        .flatMap((s) => (s.trim() === 'lathe' ? LATHE_TOOLS : [s.trim()]));
      for (const t of opts.tools) if (!TOOLS.includes(t)) usage(`unknown tool ${t}`);
    } else if (a === '--timeout') opts.timeout = Number(val());
    else if (a === '--keep') opts.keep = true;
    else if (a === '--report') opts.report = val();
    else if (a === '--lathe') {
      opts.lathe = val();
      if (!['head', 'worktree'].includes(opts.lathe)) usage('--lathe is head or worktree');
    } else if (a === '--node') {
      NODE = resolve(val());
      if (!existsSync(NODE)) usage(`--node ${NODE}: no such file`);
    } else if (a === '--baseline') {
      opts.baseline = val();
      try {
        execFileSync('git', ['-C', ROOT, 'rev-parse', '--verify', '--quiet', `${opts.baseline}^{commit}`], { stdio: 'ignore' });
      } catch {
        usage(`--baseline ${opts.baseline} is not a commit`);
      }
    }
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  if (!opts.baseline) {
    // Named on its own it is a mistake; within `lathe` or the default list it is left out.
    const named = argv.find((a, i) => argv[i - 1] === '--tools' && a.split(',').some((t) => BASELINE_TOOLS.includes(t)));
    if (named) usage(`${named.split(',').find((t) => BASELINE_TOOLS.includes(t))} needs --baseline REV`);
    opts.tools = (opts.tools ?? TOOLS).filter((t) => !BASELINE_TOOLS.includes(t));
  }
  return opts;
}

function usage(msg) {
  if (msg) console.error(`bench: ${msg}`);
  console.error(
    'usage: node bench/run.mjs [--runs N] [--runs SPEC=N] [--only ' +
      SPEC_ORDER.join('|') +
      '[,...]] [--tools ' +
      [...TOOLS, 'lathe'].join('|') +
      '[,...]] [--timeout SECONDS] [--keep] [--lathe head|worktree] [--baseline REV] [--node PATH] [--report RESULTS.json]',
  );
  process.exit(msg ? 2 : 0);
}

// ----------------------------------------------------------------------------------------- helpers
const median = (xs) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const log = (msg) => process.stderr.write(`${msg}\n`);
const fmtS = (ms) => (ms == null ? '–' : (ms / 1000).toFixed(ms < 10000 ? 2 : 1));
const fmtMB = (kb) => (kb == null ? '–' : String(Math.round(kb / 1024)));

function countOperations(doc) {
  let n = 0;
  for (const item of Object.values(doc.paths ?? {})) for (const m of METHODS) if (item && item[m]) n++;
  return n;
}

function parseSpec(text, name) {
  return name.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
}

/**
 * A one-operation edit: the first operation whose summary (else description) appears verbatim exactly
 * once in the raw text gets " (edit N)" appended, as a text edit so the rest of the file is
 * byte-identical. N is new on every run, so no edit is ever already in lathe's format cache.
 */
function makeEdit(text, doc, name) {
  const safe = /^[A-Za-z0-9 ,.()'/_-]{8,}$/;
  for (const field of ['summary', 'description']) {
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const method of METHODS) {
        const op = item?.[method];
        const s = op?.[field];
        if (typeof s !== 'string' || !safe.test(s)) continue;
        const at = text.indexOf(s);
        if (at < 0 || text.indexOf(s, at + 1) >= 0) continue;
        const apply = (n) => `${text.slice(0, at + s.length)} (edit ${n})${text.slice(at + s.length)}`;
        const check = parseSpec(apply(1), name);
        if (check.paths?.[path]?.[method]?.[field] !== `${s} (edit 1)`) continue;
        return { apply, path, method, field, from: s, to: `${s} (edit N)` };
      }
    }
  }
  throw new Error(`no operation with a uniquely occurring summary/description in ${name}`);
}

/** Spawns one child, returns wall time (ms, measured here), peak RSS (KB), exit status, output. */
/** A live process's peak RSS so far (VmHWM, KB), or null. */
function peakRssKb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function measure(cmd, args, { cwd, timeoutMs, env }) {
  return new Promise((done) => {
    const rssFile = join(cwd, `.rss-${process.pid}-${Date.now()}`);
    const [file, argv] = HAS_TIME ? [TIME, ['-f', '%M %U %S', '-o', rssFile, cmd, ...args]] : [cmd, args];
    const cpu0 = cpuJiffies();
    const out = [];
    const err = [];
    let hwm = null;
    let timedOut = false;
    const t0 = performance.now();
    const child = spawn(file, argv, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...(env ? { env } : {}) });
    const keep = (buf, chunk) => {
      buf.push(chunk);
      // keep memory bounded: only the tail matters for parsing
      while (buf.length > 256) buf.shift();
    };
    child.stdout.on('data', (c) => keep(out, c));
    child.stderr.on('data', (c) => keep(err, c));
    let poll;
    if (!HAS_TIME) {
      poll = setInterval(() => {
        const kb = peakRssKb(child.pid);
        if (kb != null) hwm = Math.max(hwm ?? 0, kb);
      }, 20);
    }
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, timeoutMs);
    child.on('close', (code, signal) => {
      const wall = performance.now() - t0;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      const cpu1 = cpuJiffies();
      let rss = hwm;
      let cpuS = null;
      if (HAS_TIME && existsSync(rssFile)) {
        const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
        const m = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(lines[lines.length - 1]);
        if (m) {
          rss = Number(m[1]);
          cpuS = Number(m[2]) + Number(m[3]);
        }
        rmSync(rssFile, { force: true });
      }
      // CPU used on the whole machine during the run by anything other than this child (0..1 of all CPUs)
      let otherLoad = null;
      if (cpu0 && cpu1 && cpuS != null) {
        const busyS = (cpu1.busy - cpu0.busy) / CLK_TCK;
        otherLoad = Math.max(0, Math.min(1, (busyS - cpuS) / ((wall / 1000) * NPROC)));
      }
      done({
        wall_ms: wall,
        rss_kb: rss,
        cpu_s: cpuS,
        other_load: otherLoad,
        code,
        signal,
        timedOut,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      done({ wall_ms: performance.now() - t0, rss_kb: null, code: null, signal: null, timedOut: false, stdout: '', stderr: String(e) });
    });
  });
}

const CLK_TCK = 100; // USER_HZ: /proc/stat counts in 1/100 s on Linux
const NPROC = cpus().length;
function cpuJiffies() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = f;
    return { busy: user + nice + system + irq + softirq + steal, idle: idle + iowait };
  } catch {
    return null;
  }
}

function parseStages(stdout) {
  const m = /lathe: stages: (.*)/.exec(stdout);
  if (!m) return null;
  const stages = {};
  for (const part of m[1].split(',')) {
    const s = /^\s*(\S+) (\d+(?:\.\d+)?) ms\s*$/.exec(part);
    if (s) stages[s[1]] = Number(s[2]);
  }
  return stages;
}

function tail(text, n = 600) {
  const t = text.trim();
  return t.length > n ? `…${t.slice(-n)}` : t;
}

// -------------------------------------------------------------------------------------- spec setup
function prepareSpec(key, work) {
  const src = SPECS[key].file;
  if (!existsSync(src)) throw new Error(`spec not found: ${src}`);
  let text;
  let name = basename(src);
  if (src.endsWith('.gz')) {
    text = gunzipSync(readFileSync(src)).toString('utf8');
    name = name.replace(/\.gz$/, '');
  } else text = readFileSync(src, 'utf8');
  if (SPECS[key].yaml) {
    text = YAML.stringify(JSON.parse(text));
    name = name.replace(/\.json$/, '.yaml');
  }
  const dir = join(work, key);
  mkdirSync(join(dir, 'edit'), { recursive: true });
  const specPath = join(dir, name);
  writeFileSync(specPath, text);
  const doc = parseSpec(text, name);
  const edit = makeEdit(text, doc, name);
  const editPath = join(dir, 'edit', name);
  writeFileSync(editPath, text);
  freshCwd(join(dir, 'proj'));
  return {
    key,
    label: SPECS[key].label,
    source: src.startsWith(ROOT) ? src.slice(ROOT.length + 1) : src,
    dir,
    specPath,
    editPath,
    original: text,
    edit,
    bytes: Buffer.byteLength(text),
    paths: Object.keys(doc.paths ?? {}).length,
    operations: countOperations(doc),
  };
}

/**
 * lathe keeps its cache in the nearest node_modules/.cache/lathe up from its cwd, and none without
 * a node_modules folder. Every lathe run here gets a cwd with a node_modules/ folder, as a project
 * has, so the cache is under our control: `lathe-cold` gets a brand-new cwd (empty cache, nothing on disk from before),
 * the other lathe runs share the spec's project cwd `proj/`, whose cache the setup run filled.
 */
function freshCwd(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  return dir;
}

function commandFor(tool, spec, round, state) {
  const d = spec.dir;
  const proj = join(d, 'proj');
  switch (tool) {
    case 'lathe-cold':
    case 'lathe-cold-pool1':
    case 'lathe-cold-v8default':
    case 'lathe-cold-baseline':
    case 'lathe-site': {
      const cwd = freshCwd(join(d, `${tool === 'lathe-cold' ? 'cold' : tool.slice(6)}-${round}`));
      const out = join(cwd, 'out');
      mkdirSync(out);
      const site = tool === 'lathe-site' ? ['--site', join(cwd, 'site')] : [];
      const pool = /-pool(\d+)$/.exec(tool)?.[1];
      const env = pool ? { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --v8-pool-size=${pool}`.trim() } : undefined;
      // V8's default interrupt budget (node 20), as a flag: bin/lathe.js keeps a budget it was given.
      const v8 = tool === 'lathe-cold-v8default' ? ['--interrupt-budget=67584'] : [];
      const bin = tool === 'lathe-cold-baseline' ? LATHE_BASELINE : LATHE;
      return { cmd: NODE, args: [...v8, bin, 'generate', '--spec', spec.specPath, '--out', out, ...site, '--verbose'], cwd, cleanup: cwd, env };
    }
    case 'lathe-warm': {
      const out = join(proj, `warm-${round}`);
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out);
      return { cmd: NODE, args: [LATHE, 'generate', '--spec', spec.specPath, '--out', out, '--verbose'], cwd: proj, cleanup: out };
    }
    case 'lathe-edit':
    case 'lathe-edit-baseline': {
      // a new one-operation edit on every run, relative to the output on disk (the previous edit's)
      state.edits = (state.edits ?? 0) + 1;
      writeFileSync(spec.editPath, spec.edit.apply(state.edits));
      const [bin, out] = tool === 'lathe-edit' ? [LATHE, 'edit-out'] : [LATHE_BASELINE, 'edit-out-baseline'];
      return { cmd: NODE, args: [bin, 'generate', '--spec', spec.editPath, '--out', join(proj, out), '--verbose'], cwd: proj };
    }
    case 'lathe-check':
      return { cmd: NODE, args: [LATHE, 'check', '--spec', spec.specPath, '--out', join(proj, 'check-out')], cwd: proj };
    case 'lathe-check-baseline':
      return { cmd: NODE, args: [LATHE_BASELINE, 'check', '--spec', spec.specPath, '--out', join(proj, 'check-out-baseline')], cwd: proj };
    case 'openapi-typescript': {
      const out = join(d, `oat-${round}.ts`);
      rmSync(out, { force: true });
      return { cmd: NODE, args: [OAT, spec.specPath, '-o', out], cleanup: out };
    }
    case 'hey-api': {
      const out = join(d, `hey-${round}`);
      rmSync(out, { recursive: true, force: true });
      return { cmd: NODE, args: [HEY, '-i', spec.specPath, '-o', out, '--no-log-file'], cleanup: out };
    }
  }
  throw new Error(tool);
}

function judge(tool, r) {
  if (r.timedOut) return { status: 'timeout' };
  if (r.code !== 0) return { status: 'failed', note: `exit ${r.code ?? r.signal}: ${tail(r.stderr || r.stdout)}` };
  if (tool === 'lathe-edit' || tool === 'lathe-edit-baseline') {
    const m = /wrote .*?: (\d+) changed, (\d+) removed, (\d+) unchanged/.exec(r.stdout);
    if (m && Number(m[1]) === 0) return { status: 'ok', note: 'edit changed no file', changed: 0 };
    if (m) return { status: 'ok', changed: Number(m[1]), unchanged: Number(m[3]) };
  }
  if (tool.startsWith('lathe-cold') || tool === 'lathe-site') {
    const m = /wrote .*?: (\d+) changed/.exec(r.stdout);
    if (m) return { status: 'ok', files: Number(m[1]) };
  }
  return { status: 'ok' };
}

function summarize(runs) {
  const ok = runs.filter((r) => r.status === 'ok');
  const walls = ok.map((r) => r.wall_ms);
  const rss = ok.map((r) => r.rss_kb).filter((x) => x != null);
  const stageNames = [...new Set(ok.flatMap((r) => Object.keys(r.stages ?? {})))];
  const stages = stageNames.length
    ? Object.fromEntries(stageNames.map((s) => [s, median(ok.map((r) => r.stages?.[s]).filter((x) => x != null))]))
    : null;
  return {
    ok: ok.length,
    runs: runs.length,
    failures: runs.filter((r) => r.status !== 'ok').map((r) => r.status),
    median_ms: median(walls),
    min_ms: walls.length ? Math.min(...walls) : null,
    max_ms: walls.length ? Math.max(...walls) : null,
    peak_rss_kb: rss.length ? Math.max(...rss) : null,
    median_rss_kb: median(rss),
    median_cpu_s: median(ok.map((r) => r.cpu_s).filter((x) => x != null)),
    max_other_load: ok.some((r) => r.other_load != null) ? Math.max(...ok.map((r) => r.other_load ?? 0)) : null,
    stages_median_ms: stages,
    ...(ok.some((r) => r.write_ms != null) ? { median_write_ms: median(ok.map((r) => r.write_ms).filter((x) => x != null)) } : {}),
  };
}

/**
 * Flushes pending file-system work (the previous run's writes and deletes) before a timed run, so
 * that one run's cleanup is not charged to the next: on this machine's ext4 (mounted with
 * `discard`), writing 2,000 files right after deleting 2,000 took up to 5x longer than after a sync.
 */
function settle() {
  try {
    execFileSync('sync');
  } catch {
    // No sync(1): runs are just noisier.
  }
}

async function runOne(tool, spec, round, state, opts) {
  let r;
  let cleanup;
  if (tool === 'lathe-watch' || tool === 'lathe-watch-baseline') {
    settle();
    r = await (tool === 'lathe-watch' ? spec.watcher : spec.baselineWatcher).edit(spec.edit.apply(1000 + round), opts.timeout * 1000);
  } else {
    const command = commandFor(tool, spec, round, state);
    cleanup = command.cleanup;
    settle();
    r = await measure(command.cmd, command.args, { cwd: command.cwd ?? spec.dir, timeoutMs: opts.timeout * 1000, env: command.env });
  }
  const verdict = judge(tool, r);
  const rec = {
    round,
    wall_ms: Math.round(r.wall_ms),
    ...(r.write_ms === undefined ? {} : { write_ms: Math.round(r.write_ms) }),
    rss_kb: r.rss_kb,
    cpu_s: r.cpu_s,
    other_load: r.other_load == null ? null : +r.other_load.toFixed(2),
    exit: r.code,
    ...verdict,
    stages: tool.startsWith('lathe') ? parseStages(r.stdout) : undefined,
  };
  // Removed after the last round, not now: see leftovers in benchSpec.
  if (cleanup) (state.leftovers ??= []).push(cleanup);
  log(
    `  [${spec.key}] round ${round} ${tool.padEnd(18)} ${rec.status === 'ok' ? `${fmtS(rec.wall_ms)} s, ${fmtMB(rec.rss_kb)} MB, cpu ${rec.cpu_s?.toFixed(2)} s, other load ${rec.other_load}` : rec.status}` +
      (rec.note ? ` (${rec.note.split('\n')[0].slice(0, 160)})` : ''),
  );
  return rec;
}

/**
 * `lathe generate --watch` on a copy of the spec of its own, in the project folder (with its disk
 * cache), writing `proj/watch-out`. `edit(text)` writes the spec and resolves when the run it starts
 * has printed its stages: wall time from the write, CPU time of the process meanwhile (from
 * /proc), and its peak RSS since it started (the untimed first run included).
 */
async function startWatcher(spec, timeoutMs, bin = LATHE, name = 'watch') {
  const specPath = join(spec.dir, name, basename(spec.specPath));
  mkdirSync(dirname(specPath), { recursive: true });
  writeFileSync(specPath, spec.original);
  const cwd = join(spec.dir, 'proj');
  const t0 = performance.now();
  const child = spawn(NODE, [bin, 'generate', '--spec', specPath, '--out', join(cwd, `${name}-out`), '--watch', '--verbose'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let exited = null;
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  child.on('exit', (code, signal) => (exited = code ?? signal));
  const until = async (pattern, from, deadline) => {
    while (!pattern.test(out.slice(from))) {
      if (exited !== null || performance.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 2));
    }
    return true;
  };
  if (!(await until(/watching for changes/, 0, t0 + timeoutMs))) throw new Error(`lathe --watch did not start: ${tail(out)}`);
  const firstMs = performance.now() - t0;
  const procStat = () => {
    try {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLK_TCK; // utime + stime
    } catch {
      return null;
    }
  };
  return {
    firstMs,
    async edit(text, timeoutMs) {
      const mark = out.length;
      const cpu0 = procStat();
      const busy0 = cpuJiffies();
      // Timed from the end of the write: writing Cloudflare's 6 MB spec takes the bench itself 30-50 ms
      // on this project's VMs, an editor's cost before lathe can see the file (write_ms keeps it).
      const writeStart = performance.now();
      writeFileSync(specPath, text);
      const start = performance.now();
      const ok = await until(/lathe: stages: .*\n/, mark, start + timeoutMs);
      const wall = performance.now() - start;
      const cpu1 = procStat();
      const busy1 = cpuJiffies();
      const cpuS = cpu0 != null && cpu1 != null ? cpu1 - cpu0 : null;
      const otherLoad = busy0 && busy1 && cpuS != null ? Math.max(0, Math.min(1, ((busy1.busy - busy0.busy) / CLK_TCK - cpuS) / ((wall / 1000) * NPROC))) : null;
      const stdout = out.slice(mark);
      const wrote = /lathe: wrote /.test(stdout);
      return { wall_ms: wall, write_ms: start - writeStart, rss_kb: peakRssKb(child.pid), cpu_s: cpuS, other_load: otherLoad, code: ok && wrote ? 0 : 1, timedOut: !ok && exited === null, stdout, stderr: '' };
    },
    stop() {
      child.kill('SIGINT');
    },
  };
}

async function benchSpec(key, work, opts) {
  const runs = opts.runsFor[key] ?? opts.runs;
  const tools = opts.tools ?? TOOLS;
  const spec = prepareSpec(key, work);
  log(`\n== ${spec.label}: ${spec.source} (${(spec.bytes / 1e6).toFixed(2)} MB, ${spec.paths} paths, ${spec.operations} operations), ${runs} run(s) per tool`);
  log(`   edit: ${spec.edit.field} of ${spec.edit.method.toUpperCase()} ${spec.edit.path}: "${spec.edit.from}" -> "${spec.edit.to}"`);
  const result = {
    label: spec.label,
    source: spec.source,
    bytes: spec.bytes,
    paths: spec.paths,
    operations: spec.operations,
    edit: { path: spec.edit.path, method: spec.edit.method, field: spec.edit.field, from: spec.edit.from, to: spec.edit.to },
    runs_per_tool: runs,
    setup: null,
    tools: {},
  };
  // untimed setup (and warm-up): one lathe generate whose output seeds the edit and check folders
  if (tools.some((t) => ['lathe-edit', 'lathe-check', 'lathe-warm', 'lathe-edit-baseline', 'lathe-check-baseline'].includes(t))) {
    // also fills proj/'s format cache with the unedited spec's files
    const base = join(spec.dir, 'proj', 'base-out');
    const r = await measure(NODE, [LATHE, 'generate', '--spec', spec.specPath, '--out', base, '--verbose'], {
      cwd: join(spec.dir, 'proj'),
      timeoutMs: opts.timeout * 1000,
    });
    result.setup = { wall_ms: Math.round(r.wall_ms), rss_kb: r.rss_kb, exit: r.code, timedOut: r.timedOut };
    log(`  [${key}] setup: lathe generate (untimed warm-up) ${r.code === 0 ? `${fmtS(r.wall_ms)} s` : `FAILED (${r.timedOut ? 'timeout' : `exit ${r.code}`})`}`);
    if (r.code === 0) cpSync(base, join(spec.dir, 'proj', 'check-out'), { recursive: true, preserveTimestamps: true });
    // The baseline's own outputs, each made by its own first (untimed) generate.
    const untimed = (bin, spec_, out) => measure(NODE, [bin, 'generate', '--spec', spec_, '--out', join(spec.dir, 'proj', out)], { cwd: join(spec.dir, 'proj'), timeoutMs: opts.timeout * 1000 });
    if (r.code === 0 && tools.includes('lathe-check-baseline')) await untimed(LATHE_BASELINE, spec.specPath, 'check-out-baseline');
    // The edit runs regenerate the file a user edits: its first generate, like this one, is untimed.
    if (r.code === 0 && tools.includes('lathe-edit')) await untimed(LATHE, spec.editPath, 'edit-out');
    if (r.code === 0 && tools.includes('lathe-edit-baseline')) await untimed(LATHE_BASELINE, spec.editPath, 'edit-out-baseline');
  }
  if (tools.includes('lathe-watch')) {
    spec.watcher = await startWatcher(spec, opts.timeout * 1000);
    log(`  [${key}] setup: lathe generate --watch, first run (untimed) ${fmtS(spec.watcher.firstMs)} s`);
  }
  if (tools.includes('lathe-watch-baseline')) {
    spec.baselineWatcher = await startWatcher(spec, opts.timeout * 1000, LATHE_BASELINE, 'watch-baseline');
    log(`  [${key}] setup: baseline lathe generate --watch, first run (untimed) ${fmtS(spec.baselineWatcher.firstMs)} s`);
  }
  for (const t of tools) result.tools[t] = { runs: [] };
  const state = {};
  for (let round = 1; round <= runs; round++) {
    // round-robin, rotating which tool goes first so no tool always runs after the same one
    const order = tools.map((_, i) => tools[(i + round - 1) % tools.length]);
    for (const t of order) result.tools[t].runs.push(await runOne(t, spec, round, state, opts));
  }
  spec.watcher?.stop();
  spec.baselineWatcher?.stop();
  for (const t of tools) result.tools[t].summary = summarize(result.tools[t].runs);
  // Outputs are deleted only once every round is done: deleting 2,400 files right before a run
  // slowed that run's writes here even after a sync (ext4 with `discard`), and more each round
  // (cold runs went from 3.1 to 4.4 s over five rounds, all of it in the kernel).
  if (!opts.keep) for (const path of state.leftovers ?? []) rmSync(path, { recursive: true, force: true });
  if (!opts.keep) rmSync(spec.dir, { recursive: true, force: true });
  return result;
}

async function benchScaling(work, opts) {
  const runs = opts.runsFor.scaling ?? opts.runs;
  const text = gunzipSync(readFileSync(SPECS.cloudflare.file)).toString('utf8');
  const doc = JSON.parse(text);
  const entries = Object.entries(doc.paths);
  const dir = join(work, 'scaling');
  mkdirSync(dir, { recursive: true });
  const slices = SLICES.map((share) => {
    // evenly spread: keep path i when floor((i+1)*share) > floor(i*share); components kept whole
    const kept = entries.filter((_, i) => Math.floor((i + 1) * share) > Math.floor(i * share));
    const sliced = { ...doc, paths: Object.fromEntries(kept) };
    const file = join(dir, `cloudflare-${Math.round(share * 100)}.json`);
    writeFileSync(file, JSON.stringify(sliced));
    return { share, file, paths: kept.length, operations: countOperations(sliced), runs: [] };
  });
  log(`\n== scaling: lathe cold on ${slices.map((s) => `${Math.round(s.share * 100)} % (${s.operations} ops)`).join(', ')} of Cloudflare, ${runs} run(s) each`);
  for (let round = 1; round <= runs; round++) {
    for (let i = 0; i < slices.length; i++) {
      const s = slices[(i + round - 1) % slices.length];
      const cwd = freshCwd(join(dir, `run-${Math.round(s.share * 100)}-${round}`));
      const out = join(cwd, 'out');
      mkdirSync(out);
      settle();
      const r = await measure(NODE, [LATHE, 'generate', '--spec', s.file, '--out', out, '--verbose'], {
        cwd,
        timeoutMs: opts.timeout * 1000,
      });
      const rec = { round, wall_ms: Math.round(r.wall_ms), rss_kb: r.rss_kb, cpu_s: r.cpu_s, other_load: r.other_load == null ? null : +r.other_load.toFixed(2), exit: r.code, ...judge('lathe-cold', r), stages: parseStages(r.stdout) };
      s.runs.push(rec);
      log(`  [scaling] round ${round} ${String(Math.round(s.share * 100)).padStart(3)} % ${rec.status === 'ok' ? `${fmtS(rec.wall_ms)} s, ${fmtMB(rec.rss_kb)} MB, cpu ${rec.cpu_s?.toFixed(2)} s, other load ${rec.other_load}` : rec.status}`);
    }
  }
  if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  return slices.map(({ runs: rs, file, ...s }) => ({ ...s, runs: rs, summary: summarize(rs) }));
}

// -------------------------------------------------------------------------------------------- report
function machine() {
  const sh = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
  const pkgVersion = (p) => {
    try {
      return JSON.parse(readFileSync(join(ROOT, 'node_modules', p, 'package.json'), 'utf8')).version;
    } catch {
      return null;
    }
  };
  return {
    date: new Date().toISOString(),
    host: hostname(),
    nproc: Number(sh('nproc', [])) || cpus().length,
    cpu,
    mem_total_gb: +(totalmem() / 2 ** 30).toFixed(1),
    node: NODE === process.execPath ? process.version : execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim(),
    rss_method: HAS_TIME ? "/usr/bin/time -f '%M' (max RSS of the child, KB)" : '/proc/<pid>/status VmHWM, polled every 20 ms',
    lathe_commit: sh('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']),
    lathe_generator_dirty: !!sh('git', ['-C', ROOT, 'status', '--porcelain', '--', 'generator', 'templates']),
    versions: {
      'openapi-typescript': pkgVersion('openapi-typescript'),
      '@hey-api/openapi-ts': pkgVersion('@hey-api/openapi-ts'),
      '@octokit/openapi': pkgVersion('@octokit/openapi'),
    },
  };
}

function specTable(key, r) {
  const lines = [];
  lines.push(`### ${r.label} (${key}: ${(r.bytes / 1e6).toFixed(2)} MB, ${r.operations} operations, ${r.runs_per_tool} run(s) each)`);
  lines.push('');
  lines.push('| tool | median s | min–max s | peak RSS MB | vs openapi-typescript | median CPU s (user+sys) | other load (max) |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const base = r.tools['openapi-typescript']?.summary?.median_ms;
  for (const [tool, { summary: s }] of Object.entries(r.tools)) {
    const failed = s.failures.length ? ` (${s.failures.join(', ')}: ${s.failures.length}/${s.runs})` : '';
    const ratio = base && s.median_ms != null ? `${(s.median_ms / base).toFixed(2)}x` : '–';
    const name =
      {
        'lathe-cold': 'lathe cold (empty output, empty cache)',
        'lathe-cold-pool1': 'lathe cold, NODE_OPTIONS=--v8-pool-size=1',
        'lathe-cold-v8default': "lathe cold, node's default interrupt budget",
        'lathe-cold-baseline': `lathe cold at ${results.meta.baseline ?? 'the baseline'} (--baseline)`,
        'lathe-site': 'lathe cold with `--site` (HTML reference too)',
        'lathe-warm': 'lathe (empty output, warm cache)',
        'lathe-edit': 'lathe (one-op edit, warm cache)',
        'lathe-watch': 'lathe --watch (one-op edit, process kept)',
        'lathe-check': 'lathe check (fresh, warm cache)',
        'lathe-edit-baseline': `lathe one-op edit at ${results.meta.baseline ?? 'the baseline'} (--baseline)`,
        'lathe-watch-baseline': `lathe --watch edit at ${results.meta.baseline ?? 'the baseline'} (--baseline)`,
        'lathe-check-baseline': `lathe check at ${results.meta.baseline ?? 'the baseline'} (--baseline)`,
      }[tool] ?? tool;
    lines.push(`| ${name}${failed} | ${fmtS(s.median_ms)} | ${s.min_ms == null ? '–' : `${fmtS(s.min_ms)}–${fmtS(s.max_ms)}`} | ${fmtMB(s.peak_rss_kb)} | ${ratio} | ${s.median_cpu_s == null ? '–' : s.median_cpu_s.toFixed(2)} | ${s.max_other_load == null ? '–' : `${Math.round(s.max_other_load * 100)} %`} |`);
  }
  const stageRows = ['lathe-cold', 'lathe-cold-pool1', 'lathe-cold-v8default', 'lathe-cold-baseline', 'lathe-site', 'lathe-warm', 'lathe-edit', 'lathe-edit-baseline', 'lathe-watch', 'lathe-watch-baseline'].filter((t) => r.tools[t]?.summary?.stages_median_ms);
  if (stageRows.length) {
    const names = [...new Set(stageRows.flatMap((t) => Object.keys(r.tools[t].summary.stages_median_ms)))];
    lines.push('');
    lines.push(`lathe stages, median ms (from \`--verbose\`):`);
    lines.push('');
    lines.push(`| run | ${names.join(' | ')} |`);
    lines.push(`| --- | ${names.map(() => '---:').join(' | ')} |`);
    for (const t of stageRows) {
      const st = r.tools[t].summary.stages_median_ms;
      lines.push(`| ${t} | ${names.map((n) => (st[n] == null ? '–' : Math.round(st[n]))).join(' | ')} |`);
    }
  }
  const edits = r.tools['lathe-edit']?.runs ?? [];
  if (edits.length) {
    const changed = edits.filter((e) => e.changed != null).map((e) => e.changed);
    lines.push('');
    lines.push(
      `edit: ${r.edit.field} of \`${r.edit.method.toUpperCase()} ${r.edit.path}\` "${r.edit.from}" -> "${r.edit.to}" (N new each run); files rewritten per edit run: ${changed.join(', ') || '–'}`,
    );
  }
  return lines.join('\n');
}

function scalingTable(slices) {
  const lines = ['### Scaling: lathe cold (empty output, empty format cache) on slices of the Cloudflare spec (paths kept evenly spread, components whole)', ''];
  lines.push('| share | paths | operations | median s | min–max s | ms / operation | peak RSS MB | median CPU s | other load (max) | stages (median ms) |');
  lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const s of slices) {
    const m = s.summary;
    const st = m.stages_median_ms ? Object.entries(m.stages_median_ms).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ') : '–';
    lines.push(
      `| ${Math.round(s.share * 100)} % | ${s.paths} | ${s.operations} | ${fmtS(m.median_ms)} | ${m.min_ms == null ? '–' : `${fmtS(m.min_ms)}–${fmtS(m.max_ms)}`} | ${m.median_ms == null ? '–' : (m.median_ms / s.operations).toFixed(1)} | ${fmtMB(m.peak_rss_kb)} | ${m.median_cpu_s == null ? '–' : m.median_cpu_s.toFixed(2)} | ${m.max_other_load == null ? '–' : `${Math.round(m.max_other_load * 100)} %`} | ${st} |`,
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------- main
const opts = parseArgs(process.argv.slice(2));
if (opts.report) {
  // print the tables of an earlier results JSON and exit
  const r = JSON.parse(readFileSync(opts.report, 'utf8'));
  console.log(renderMarkdown(r));
  process.exit(0);
}
if (opts.lathe === 'worktree' && !existsSync(join(ROOT, 'dist/generator/cli.js'))) {
  console.error('bench: dist/ missing: run `npm run build` first (or `npm run bench`)');
  process.exit(2);
}
for (const [tool, bin] of [['openapi-typescript', OAT], ['hey-api', HEY]]) {
  if ((opts.tools ?? TOOLS).includes(tool) && !existsSync(bin)) {
    console.error(`bench: ${bin} missing: run npm install`);
    process.exit(2);
  }
}
const meta = machine();
const work = mkdtempSync(join(tmpdir(), 'lathe-bench-'));
{
  const snap = join(work, 'lathe');
  mkdirSync(snap);
  symlinkSync(join(ROOT, 'node_modules'), join(snap, 'node_modules'), 'dir');
  if (opts.lathe === 'head') {
    // the committed generator (uncommitted work in progress is not measured)
    snapshotCommit('HEAD', snap);
  } else {
    // the working tree's dist/ as built (npm run build)
    for (const f of ['bin', 'dist', 'templates', 'package.json']) cpSync(join(ROOT, f), join(snap, f), { recursive: true });
  }
  meta.lathe_source = opts.lathe === 'head' ? `HEAD ${meta.lathe_commit}` : 'working tree dist/';
  LATHE = join(snap, 'bin/lathe.js');
  // fingerprint of the generator that was measured
  const h = createHash('sha256');
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(p.slice(snap.length)).update(readFileSync(p));
    }
  };
  walk(join(snap, 'dist'));
  walk(join(snap, 'templates'));
  meta.lathe_dist_sha256 = h.digest('hex').slice(0, 16);
  if (opts.baseline) {
    const base = join(work, 'lathe-baseline');
    mkdirSync(base);
    symlinkSync(join(ROOT, 'node_modules'), join(base, 'node_modules'), 'dir');
    snapshotCommit(opts.baseline, base);
    const short = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', opts.baseline], { encoding: 'utf8' }).trim();
    meta.baseline = short.startsWith(opts.baseline) ? short : `${opts.baseline} (${short})`;
    LATHE_BASELINE = join(base, 'bin/lathe.js');
  }
}

/** lathe at a commit, compiled into `dir`: git archive of what a build needs, then tsc. */
function snapshotCommit(rev, dir) {
  const tar = execFileSync('git', ['-C', ROOT, 'archive', rev, 'bin', 'generator', 'templates', 'package.json', 'tsconfig.json', 'tsconfig.build.json'], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  log(`bench: compiling lathe at ${rev} into a snapshot...`);
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.build.json')], { stdio: 'inherit' });
}
log(`bench: ${meta.cpu}, ${meta.nproc} cpu, ${meta.mem_total_gb} GB, node ${meta.node}, lathe ${meta.lathe_source}${meta.lathe_generator_dirty ? ' (working tree has uncommitted generator changes)' : ''}, dist ${meta.lathe_dist_sha256}; work dir ${work}`);
const results = { meta: { ...meta, options: { runs: opts.runs, runsFor: opts.runsFor, timeout_s: opts.timeout, tools: opts.tools ?? TOOLS } }, specs: {}, scaling: null };
const wanted = opts.only ?? SPEC_ORDER;
const outDir = join(ROOT, 'bench/.results');
mkdirSync(outDir, { recursive: true });
const outFile = join(outDir, `results-${meta.date.replace(/[:.]/g, '-')}.json`);
const save = () => {
  writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
};
try {
  for (const key of SPEC_ORDER) {
    if (!wanted.includes(key)) continue;
    try {
      if (key === 'scaling') results.scaling = await benchScaling(work, opts);
      else results.specs[key] = await benchSpec(key, work, opts);
    } catch (e) {
      log(`bench: ${key} failed: ${e.stack ?? e}`);
      if (key === 'scaling') results.scaling = { error: String(e) };
      else results.specs[key] = { error: String(e) };
    }
    save();
  }
} finally {
  if (!opts.keep) rmSync(work, { recursive: true, force: true });
}
console.log(`\n${renderMarkdown(results)}\n`);
save();
console.log(`results: ${outFile} (also bench/.results/latest.json; bench/.results/ is scratch output, keep it out of git)`);

function renderMarkdown(results) {
const meta = results.meta;
const md = [];
md.push(`Machine: ${meta.cpu}, ${meta.nproc} CPUs, ${meta.mem_total_gb} GB RAM, Node ${meta.node}; lathe ${meta.lathe_source}${meta.lathe_source?.startsWith('working') && meta.lathe_generator_dirty ? ' + uncommitted generator changes' : ''} (dist ${meta.lathe_dist_sha256}); run ${meta.date}; openapi-typescript ${meta.versions['openapi-typescript']}, @hey-api/openapi-ts ${meta.versions['@hey-api/openapi-ts']}; peak RSS via ${meta.rss_method}.`);
for (const [key, r] of Object.entries(results.specs)) md.push(r.error ? `### ${key}\n\nerror: ${r.error}` : specTable(key, r));
if (results.scaling) md.push(results.scaling.error ? `### scaling\n\nerror: ${results.scaling.error}` : scalingTable(results.scaling));
return md.join('\n\n');
}

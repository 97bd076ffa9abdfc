/**
 * V8's background threads for a `generate` run. V8 runs garbage collection and optimizing compiles
 * on a pool of threads (node starts 4) beside the one thread lathe's pipeline runs on. On a machine
 * with few cores those threads compete with the pipeline more than they help it: on 2 cores, a pool
 * of one made Cloudflare's cold run 11 % faster in wall time and 6 % cheaper in CPU (BENCHMARKS.md,
 * fifth session; the pool of 4 spends ~2.4 CPU-s in those threads against the pipeline's ~3.5).
 *
 * The pool's size can only be set when node starts, so bin/lathe.js starts node again with the size
 * `poolSizeFor` returns. That costs a node start-up, so only one-shot `generate` runs on a big spec
 * are restarted: not `check` (usually answered from the manifest), not `--watch` (a long-lived
 * process whose Ctrl-C must reach the run as it is), not small specs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** Below this size a run is over before a second node start pays off. */
export const BIG_SPEC_BYTES = 1 << 20;

/** Set in the restarted process: its pool size, and that it must not restart again. */
export const POOL_ENV = 'LATHE_V8_POOL';

const NODE_DEFAULT_POOL = 4;

export interface Launch {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly execArgv: readonly string[];
  readonly cores?: number;
}

/** The pool size to restart node with, or undefined to run as started. */
export function poolSizeFor(launch: Launch): number | undefined {
  if (launch.argv[0] !== 'generate' || launch.env[POOL_ENV] !== undefined) return undefined;
  const options = optionsOf(launch.argv.slice(1));
  if (!options || options.watch === true) return undefined;
  // Whoever set a pool size on purpose keeps it; a node being debugged stays the one debugged.
  const flags = [...launch.execArgv, ...(launch.env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (flags.some((f) => f.startsWith('--v8-pool-size') || f.startsWith('--inspect'))) return undefined;
  // One core for the pipeline's thread, the rest for the pool (measured on 2 cores only).
  const pool = Math.max(1, (launch.cores ?? availableParallelism()) - 1);
  if (pool >= NODE_DEFAULT_POOL) return undefined;
  const spec = specHint(options, launch.cwd);
  try {
    return spec !== undefined && statSync(spec).size >= BIG_SPEC_BYTES ? pool : undefined;
  } catch {
    return undefined;
  }
}

function optionsOf(args: readonly string[]): Record<string, unknown> | undefined {
  try {
    const options = { spec: { type: 'string' }, config: { type: 'string' }, watch: { type: 'boolean' } } as const;
    return parseArgs({ args: [...args], options, strict: false, allowPositionals: true }).values;
  } catch {
    return undefined;
  }
}

/**
 * Where the spec is, as far as can be told without loading a YAML parser: `--spec`, else a plain
 * top-level `spec:` line in the config. Only a hint: it decides whether node is restarted, and the
 * run itself reads the config properly.
 */
function specHint(values: Record<string, unknown>, cwd: string): string | undefined {
  if (typeof values.spec === 'string') return resolve(cwd, values.spec);
  const config = resolve(cwd, typeof values.config === 'string' ? values.config : 'lathe.config.yaml');
  let text: string;
  try {
    text = readFileSync(config, 'utf8');
  } catch {
    return undefined;
  }
  const line = /^spec:[ \t]*(['"]?)([^'"#\r\n]+?)\1[ \t]*(?:#.*)?$/m.exec(text);
  return line ? resolve(dirname(config), line[2]!) : undefined;
}

/**
 * Runs `script` again in a node with `pool` background threads, passing the output through and
 * ending with its exit code or signal. Signals sent to this process are passed on: a one-shot run
 * stops on them as it would have (a Ctrl-C from a terminal reaches both anyway).
 */
export function restartWithPool(pool: number, script: string, argv: readonly string[]): void {
  // Taken before the child exists: a signal that lands while spawn() runs (the child is already
  // forked) would otherwise end this process and leave the child running on its own. Handlers run
  // after spawn() returns, so `child` is set by then.
  let child: ChildProcess | undefined;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child?.kill(signal));
  child = spawn(process.execPath, [`--v8-pool-size=${pool}`, ...process.execArgv, script, ...argv], {
    stdio: 'inherit',
    env: { ...process.env, [POOL_ENV]: String(pool) },
  });
  child.on('error', (e) => {
    process.stderr.write(`lathe: could not start node again: ${e.message}\n`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exitCode = code ?? 1;
  });
}

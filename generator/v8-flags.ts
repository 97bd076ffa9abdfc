/**
 * The V8 settings lathe makes for itself, each only where the running node's V8 has the flag: V8
 * answers a flag it does not know with "Error: unrecognized flag" on stderr, on every run.
 * bin/lathe.js sets `startupFlags()` before the generator loads; the CLI sets `WATCH_FLAGS` for
 * `--watch`.
 */

/**
 * Optimize fewer of lathe's many warm functions: four times node 20's interrupt budget. V8 tiers
 * up by this budget up to 11.3 (node 20); from 11.8 (node 21) it counts invocations instead and
 * the flag is gone (BENCHMARKS.md, sixth and seventh sessions).
 */
const INTERRUPT_BUDGET = '--interrupt-budget=270336';

/**
 * A `--watch` process lives on between runs. Left to itself, V8 let its heap grow to several times
 * what the runs keep live before collecting it (peak RSS ~490 MB over ten edits of Cloudflare's
 * spec); held to 1.4 times, the peak is ~300 MB for ~5 % more time per edit (BENCHMARKS.md).
 */
export const WATCH_FLAGS: readonly string[] = ['--heap-growing-percent=40'];

/** The flags to set at start-up under V8 `v8Version`; a flag node was given on its command line is kept. */
export function startupFlags(v8Version: string = process.versions.v8, execArgv: readonly string[] = process.execArgv): string[] {
  const [major = 0, minor = 0] = v8Version.split('.').map(Number);
  const budgeted = major < 11 || (major === 11 && minor <= 3);
  return budgeted && !execArgv.some((arg) => arg.startsWith('--interrupt-budget')) ? [INTERRUPT_BUDGET] : [];
}

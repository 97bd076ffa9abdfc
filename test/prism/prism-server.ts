/**
 * Starts and stops a Prism mock server (`@stoplight/prism-cli`, a devDependency) for end-to-end tests.
 *
 * Prism 5.14 serves from the one process it is started as (it forks only with `--multiprocess`,
 * which is not used here), so stopping that process leaves nothing behind. It is not `detached`: it
 * stays in the test run's process group, so a Ctrl-C on the run reaches it too, and a process 'exit'
 * hook kills it if the test process ends without running `stop()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export interface PrismServer {
  /** `http://127.0.0.1:<port>`: Prism serves the spec's paths at the root, without the servers' base path. */
  readonly baseURL: string;
  /** Everything Prism printed so far (its request log, with validation warnings). */
  output(): string;
  /** Kills Prism (SIGTERM, then SIGKILL after 3 s) and waits for it to exit. Safe to call more than once. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra `prism mock` arguments, e.g. `['--errors']`. */
  readonly args?: readonly string[];
  /** Upper bound for the whole startup, across port retries. */
  readonly startupTimeoutMs?: number;
}

/** Path of Prism's CLI entry point (its package.json `bin.prism`), resolved from node_modules. */
export function prismBin(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('@stoplight/prism-cli/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { bin?: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['prism'];
  if (bin === undefined) throw new Error(`${pkgPath} has no "prism" bin`);
  return join(dirname(pkgPath), bin);
}

/** A port that was free a moment ago (Prism may still lose a race for it; start() retries). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

function kill(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    child.kill(signal);
  } catch {
    // already gone
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  kill(child, 'SIGTERM');
  const timer = setTimeout(() => kill(child, 'SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `prism mock -h 127.0.0.1 -p <free port> <args> <spec>` and resolves once it answers HTTP.
 * Polls every 250 ms (each probe bounded to 2 s) until `startupTimeoutMs`; fails fast if Prism exits.
 */
export async function startPrism(spec: string, options: StartOptions = {}): Promise<PrismServer> {
  const deadline = Date.now() + (options.startupTimeoutMs ?? 45_000);
  const bin = prismBin();
  let lastFailure = '';

  for (let attempt = 1; attempt <= 3 && Date.now() < deadline; attempt++) {
    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}`;
    let log = '';
    const child = spawn(
      process.execPath,
      [bin, 'mock', '-h', '127.0.0.1', '-p', String(port), ...(options.args ?? []), spec],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } },
    );
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    let exit: string | undefined;
    child.once('exit', (code, signal) => (exit = `exited with ${signal ?? `code ${code}`}`));
    child.once('error', (error) => (exit = `failed to start: ${error.message}`));
    const onProcessExit = () => kill(child, 'SIGKILL');
    process.once('exit', onProcessExit);

    const server: PrismServer = {
      baseURL,
      output: () => log,
      stop: async () => {
        await stopChild(child);
        process.removeListener('exit', onProcessExit);
      },
    };

    while (exit === undefined && Date.now() < deadline) {
      try {
        // Prism answers a path the spec lacks with its own 404 problem; checking for it makes sure that
        // what answers is this Prism, not something that took the port first.
        const response = await fetch(`${baseURL}/__prism_ready__`, { signal: AbortSignal.timeout(2_000) });
        if ((await response.text()).includes('stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR')) return server;
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    await server.stop();
    lastFailure = `Prism ${exit ?? 'did not answer in time'} (port ${port}, attempt ${attempt}):\n${log}`;
    // Only a lost race for the port is worth another attempt.
    if (!/EADDRINUSE/.test(log)) break;
  }
  throw new Error(lastFailure || 'Prism did not start in time');
}

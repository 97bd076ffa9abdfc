/**
 * The wire stage on a thread of its own. The wire types need nothing but the checked spec, and
 * printing them is a fifth of a cold run on a big spec: a worker parses the texts the main thread
 * loaded (read once, checked once, there) and makes `src/openapi.ts` while the main thread builds
 * the IR and emits the SDK. The worker runs at the lowest scheduling priority where the system
 * lets a thread set it (Linux): it takes the other core when V8's own helpers of the main thread
 * (its optimizing compiler, its garbage collector) leave it free, and slows the main thread as
 * little as it can (BENCHMARKS.md, seventh session).
 */
import { Worker } from 'node:worker_threads';
import type { OutputFile } from '../emit/output.js';
import type { LoadedSpec } from '../load/types.js';

/** Below this much spec text, starting a thread (~0.1 s of CPU) costs more than it saves. */
export const WIRE_THREAD_MIN_CHARS = 1_000_000;

export interface WireRequest {
  /** Each spec file's text by absolute path, in the order the load read them (the entry first). */
  readonly texts: ReadonlyMap<string, string>;
  readonly entry: string;
  readonly cwd: string;
  readonly allowedRoots: readonly string[];
  /** The `wire` entries of lathe's disk cache and the output they point into; `record`: leave this run's. */
  readonly cache?: { readonly dir: string; readonly outDir: string; readonly record: boolean };
}

export interface WireThread {
  /** The file, or undefined if the worker failed: the stage then makes it on the main thread. */
  readonly file: Promise<OutputFile | undefined>;
  /** Ends the worker, done or not (a run that stopped early does not wait for it). */
  stop(): void;
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

export function worthAThread(spec: LoadedSpec): boolean {
  if (spec.version === '2.0') return false;
  let chars = 0;
  for (const f of spec.files.values()) chars += f.text.length;
  return chars >= WIRE_THREAD_MIN_CHARS;
}

export function startWireThread(spec: LoadedSpec, options: Omit<WireRequest, 'texts' | 'entry'>): WireThread {
  const request: WireRequest = { ...options, entry: spec.entry.path, texts: new Map([...spec.files].map(([path, f]) => [path, f.text])) };
  const worker = new Worker(WORKER_URL, { workerData: request });
  // Never what keeps the process alive: the run decides when it is done.
  worker.unref();
  const file = new Promise<OutputFile | undefined>((resolve) => {
    // A failed worker is only time lost: the main thread makes the file, and meets any bug of
    // lathe's there, where it is reported.
    worker.once('message', (m: { file?: OutputFile }) => resolve(m.file));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  return { file, stop: () => void worker.terminate() };
}

/**
 * The wire types on a thread of their own. They are made from the spec, not from the IR, so once
 * the spec is loaded and validated they are naturally independent of the SDK's IR and emit: on a
 * large spec the two run side by side (see BENCHMARKS.md). A small spec is printed in-line, where
 * a thread's start-up would cost more than it saves.
 */
import { Worker } from 'node:worker_threads';
import type { LoadedSpec } from '../load/types.js';
import { wireText } from './index.js';

/** What the worker needs to load the spec again: every file's text, by absolute path. */
export interface WireJob {
  readonly entry: string;
  readonly files: Record<string, string>;
  readonly cwd: string;
  readonly allowedRoots: readonly string[];
  readonly header: string;
}

/** Below this many characters of spec a thread does not pay for itself. */
const THREAD_MIN_CHARS = 1_000_000;

export interface PendingWire {
  /** The printed file (a small spec's is printed now, in-line). */
  result(): Promise<string>;
  /** Stops the worker when the run ends without needing its result. */
  cancel(): void;
}

export function startWire(spec: LoadedSpec, job: Omit<WireJob, 'entry' | 'files'>, threads: boolean): PendingWire {
  const files = Object.fromEntries([...spec.files.values()].map((f) => [f.path, f.text]));
  const size = Object.values(files).reduce((n, text) => n + text.length, 0);
  if (!threads || size < THREAD_MIN_CHARS) {
    return { result: async () => wireText(spec, job.header), cancel: () => {} };
  }
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { ...job, entry: spec.entry.path, files } satisfies WireJob });
  const text = new Promise<string>((resolve, reject) => {
    worker.once('message', (t: string) => resolve(t));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the wire worker exited with code ${code} before printing`)));
  });
  // Awaited or cancelled by the caller; a cancelled worker's rejection is nobody's error.
  text.catch(() => {});
  return { result: () => text, cancel: () => void worker.terminate() };
}

/**
 * emit -> **format**: prettier, only when the project has a Prettier config that governs the output
 * folder; then on every file lathe writes (the runtime core included), one file at a time, with a
 * content-addressed cache (same text, same prettier and options -> same result) and, for many
 * files, worker threads. Without such a config, files stay as emit laid them out.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Options } from 'prettier';
import { cacheKey, type CacheStore } from '../emit/disk-cache.js';
import type { OutputFile } from '../emit/modules.js';
import { formatFile, prettierVersion } from './prettier.js';

export { formatFile, prettierVersion, projectOptions } from './prettier.js';

export interface FormatOptions {
  /** The `prettier` entries of lathe's cache (run-memory.ts, emit/disk-cache.ts); none: no cache. */
  readonly cache?: CacheStore;
  /** Threads to format on, this one included; 1 formats here only. Default: one per core when there is enough work. */
  readonly workers?: number;
  /** The project's Prettier options; none: nothing is formatted. */
  readonly prettier?: Options;
}

/** Below this many files, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 64;

const WORKER_URL = new URL('./worker.js', import.meta.url);

export async function formatFiles(files: readonly OutputFile[], options: FormatOptions = {}): Promise<OutputFile[]> {
  const prettier = options.prettier;
  if (!prettier) return [...files];
  const cache = options.cache;
  const keys = cache ? files.map((f) => cacheKey(prettierVersion, prettier, f.path, f.content)) : [];
  const result: (OutputFile | undefined)[] = files.map((f, i) => {
    const hit = cache?.get(keys[i]!);
    return hit === undefined ? undefined : { path: f.path, content: hit };
  });
  const misses = files.flatMap((_, i) => (result[i] ? [] : [i]));
  const formatted = await formatMany(misses.map((i) => files[i]!), prettier, options.workers);
  misses.forEach((i, n) => {
    result[i] = formatted[n]!;
    cache?.set(keys[i]!, formatted[n]!.content);
  });
  return result as OutputFile[];
}

async function formatMany(files: OutputFile[], prettier: Options, workers?: number): Promise<OutputFile[]> {
  const lanes = workers ?? (files.length >= WORKER_THRESHOLD ? Math.min(availableParallelism(), 8) : 1);
  const inThread = async (batch: OutputFile[]) => {
    const out: OutputFile[] = [];
    for (const f of batch) out.push(await formatFile(f, prettier));
    return out;
  };
  if (lanes <= 1) return inThread(files);
  // Interleaved batches keep big and small files spread over the lanes. This thread, which has
  // prettier loaded anyway, is one lane: one worker fewer, same parallelism, less memory.
  const batches = Array.from({ length: lanes }, (_, w) => files.filter((_, i) => i % lanes === w));
  const others = batches.slice(1).map((batch) => runWorker(batch, prettier));
  const done = await Promise.all([inThread(batches[0]!), ...others]);
  const out: OutputFile[] = [];
  files.forEach((_, i) => out.push(done[i % lanes]![Math.floor(i / lanes)]!));
  return out;
}

function runWorker(files: OutputFile[], options: Options): Promise<OutputFile[]> {
  if (!files.length) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
    worker.once('message', (m: { files?: OutputFile[]; error?: string }) => {
      void worker.terminate();
      if (m.files) resolve(m.files);
      else reject(new Error(`prettier failed in a worker: ${m.error}`));
    });
    worker.once('error', reject);
    worker.postMessage({ files, options });
  });
}

/**
 * emit -> **format**: prettier, one file at a time (its cost grows faster than linearly with file
 * size, so many small files beat one big one).
 *
 * Most files need nothing here: emit lays them out in lathe's style itself (`styled`). What is
 * left (files emit cannot lay out, or every file when the project asks for another style) goes
 * through prettier, with a content-addressed cache (same unformatted text, same prettier and
 * options -> same result) and, for many files, worker threads.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Options } from 'prettier';
import type { OutputFile } from '../emit/modules.js';
import { formatFile, PRETTIER_OPTIONS, prettierVersion } from './prettier.js';

export { formatFile, PRETTIER_OPTIONS, prettierVersion, projectOptions } from './prettier.js';

export interface FormatOptions {
  /** Folder of the format cache; none: no cache (the in-memory API touches no disk). */
  readonly cacheDir?: string;
  /** Threads to format on, this one included; 1 formats here only. Default: one per core when there is enough work. */
  readonly workers?: number;
  /** Prettier options (lathe's style merged with the project's config); default lathe's style. */
  readonly prettier?: Options;
}

/** Below this many files, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 64;

const WORKER_URL = new URL('./worker.js', import.meta.url);

function keyOf(file: OutputFile, options: Options): string {
  return createHash('sha256')
    .update(`${prettierVersion}\0${JSON.stringify(options)}\0${file.path}\0${file.content}`)
    .digest('hex');
}

function cached(dir: string, key: string): string | undefined {
  try {
    return readFileSync(join(dir, key.slice(0, 2), key), 'utf8');
  } catch {
    return undefined;
  }
}

function store(dir: string, key: string, content: string): void {
  try {
    const shard = join(dir, key.slice(0, 2));
    mkdirSync(shard, { recursive: true });
    // Written whole then renamed, so a concurrent run never reads half an entry.
    const tmp = join(shard, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, content);
    renameSync(tmp, join(shard, key));
  } catch {
    // A cache that cannot be written only costs time next run.
  }
}

/** Whether `options` ask for exactly lathe's own style, the one emit already lays code out in. */
function isLatheStyle(options: Options): boolean {
  const keys = new Set([...Object.keys(options), ...Object.keys(PRETTIER_OPTIONS)]);
  return [...keys].every((k) => (options as Record<string, unknown>)[k] === (PRETTIER_OPTIONS as Record<string, unknown>)[k]);
}

/** Whether `file` leaves the format stage as it came in (laid out already, in the style asked for). */
export function isFinal(file: OutputFile, prettier: Options = PRETTIER_OPTIONS): boolean {
  return Boolean(file.preformatted || (file.styled && isLatheStyle(prettier)));
}

export async function formatFiles(files: readonly OutputFile[], options: FormatOptions = {}): Promise<OutputFile[]> {
  const prettier = options.prettier ?? PRETTIER_OPTIONS;
  const keys = options.cacheDir ? files.map((f) => (isFinal(f, prettier) ? '' : keyOf(f, prettier))) : [];
  const result: (OutputFile | undefined)[] = files.map((f, i) => {
    if (isFinal(f, prettier)) return { path: f.path, content: f.content };
    const hit = options.cacheDir ? cached(options.cacheDir, keys[i]!) : undefined;
    return hit === undefined ? undefined : { path: f.path, content: hit };
  });
  const misses = files.flatMap((_, i) => (result[i] ? [] : [i]));
  const formatted = await formatMany(misses.map((i) => files[i]!), prettier, options.workers);
  misses.forEach((i, n) => {
    result[i] = formatted[n]!;
    if (options.cacheDir) store(options.cacheDir, keys[i]!, formatted[n]!.content);
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
  // Workers run the compiled module; from TypeScript sources (tests) format in this thread.
  if (lanes <= 1 || !import.meta.url.endsWith('.js')) return inThread(files);
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

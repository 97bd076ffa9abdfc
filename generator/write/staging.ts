/**
 * Early writes for a first run: files that need no formatting are written into the staging folder
 * by a worker thread while the pipeline is still emitting the rest, instead of all at the end.
 * Writing thousands of files is mostly file-system time, which a second thread can spend while this
 * one emits. Only for an output folder that is empty or absent: there is nothing to compare with
 * and no mtime to keep, so every file is new anyway (writeOutput handles everything else).
 */
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { OutputFile } from '../emit/modules.js';
import { assertInside, hasFiles, stagingPath } from './paths.js';

/** What was staged: the folder and the content of each file written into it. */
export interface Staged {
  readonly dir: string;
  readonly files: ReadonlyMap<string, string>;
}

/** Files per message to the worker: one message per file cost the main thread ~0.1 s on Cloudflare. */
const BATCH = 64;

export class StagingWriter {
  private readonly files = new Map<string, string>();
  private batch: { path: string; content: string }[] = [];
  private readonly worker: Worker;
  private failure: Error | undefined;

  private constructor(readonly dir: string) {
    this.worker = new Worker(new URL('./staging-worker.js', import.meta.url), { workerData: { dir } });
    this.worker.on('error', (e) => (this.failure ??= e));
  }

  /** A writer for `outDir` when early writes are worth it (compiled lathe, empty or absent output). */
  static forOutput(outDir: string): StagingWriter | undefined {
    if (!import.meta.url.endsWith('.js')) return undefined;
    try {
      if (hasFiles(outDir)) return undefined;
      rmSync(stagingPath(outDir), { recursive: true, force: true });
    } catch {
      return undefined; // An output path lathe cannot use: writeOutput reports it.
    }
    return new StagingWriter(stagingPath(outDir));
  }

  put(file: OutputFile): void {
    try {
      assertInside(this.dir, file.path);
    } catch {
      return; // writeOutput refuses it, with the message users see.
    }
    this.files.set(file.path, file.content);
    this.batch.push({ path: file.path, content: file.content });
    if (this.batch.length >= BATCH) this.flush();
  }

  private flush(): void {
    if (this.batch.length) this.worker.postMessage(this.batch);
    this.batch = [];
  }

  /** Waits until every file is on disk; throws what the worker could not write. */
  async finish(): Promise<Staged> {
    const done = new Promise<string | undefined>((resolve) => {
      this.worker.once('message', (m: { error?: string }) => resolve(m.error));
      this.worker.once('exit', () => resolve(this.failure?.message ?? 'the staging writer stopped'));
    });
    this.flush();
    this.worker.postMessage(null);
    const error = await done;
    void this.worker.terminate();
    if (error) {
      this.cancel();
      throw new Error(error);
    }
    return { dir: this.dir, files: this.files };
  }

  /** Drops everything written (the run failed). */
  cancel(): void {
    void this.worker.terminate();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

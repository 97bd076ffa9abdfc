/** A prettier worker: formats the files it is sent, one message per batch. */
import { parentPort } from 'node:worker_threads';
import type { Options } from 'prettier';
import type { OutputFile } from '../emit/modules.js';
import { formatFile } from './prettier.js';

parentPort?.on('message', async ({ files, options }: { files: OutputFile[]; options: Options }) => {
  try {
    const out: OutputFile[] = [];
    for (const f of files) out.push(await formatFile(f, options));
    parentPort?.postMessage({ files: out });
  } catch (e) {
    parentPort?.postMessage({ error: (e as Error).stack ?? String(e) });
  }
});

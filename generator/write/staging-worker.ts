/** The worker side of StagingWriter: writes each file it is sent; `null` asks whether all went well. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const root = (workerData as { dir: string }).dir;
const made = new Set<string>();
let error: string | undefined;

parentPort?.on('message', (file: { path: string; content: string } | null) => {
  if (file === null) {
    parentPort?.postMessage({ error });
    return;
  }
  if (error) return;
  try {
    const target = join(root, file.path);
    const dir = dirname(target);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    writeFileSync(target, file.content);
  } catch (e) {
    error = (e as Error).message;
  }
});

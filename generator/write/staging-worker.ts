/** The worker side of StagingWriter: writes the files it is sent (in batches); `null` asks whether all went well. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const root = (workerData as { dir: string }).dir;
const made = new Set<string>();
let error: string | undefined;

parentPort?.on('message', (files: { path: string; content: string }[] | null) => {
  if (files === null) {
    parentPort?.postMessage({ error });
    return;
  }
  for (const file of files) {
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
  }
});

/** The wire thread (wire/thread.ts): parse the checked texts, make `src/openapi.ts`, post it. */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { DiskCache } from '../emit/disk-cache.js';
import { loadSpec, memoryHost } from '../load/index.js';
import { pristineBlobs } from '../write/pristine.js';
import { wireStage } from './build.js';
import type { WireRequest } from './thread.js';

try {
  // This thread's own id (Linux names it in /proc/thread-self), which setpriority takes for one thread.
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 19);
} catch {
  // Elsewhere the thread keeps its priority.
}

const request = workerData as WireRequest;
try {
  const checked = { files: [...request.texts.keys()] };
  const { spec } = loadSpec(request.entry, { host: memoryHost(Object.fromEntries(request.texts)), cwd: request.cwd, allowedRoots: request.allowedRoots, checked });
  const cache = request.cache;
  const file = spec && wireStage(spec, cache && { entries: new DiskCache(cache.dir, 'wire'), blobs: pristineBlobs(cache.outDir), outDir: cache.outDir, record: cache.record });
  parentPort!.postMessage({ file });
} catch {
  parentPort!.postMessage({});
}

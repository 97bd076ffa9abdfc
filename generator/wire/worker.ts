/**
 * The wire worker's entry (thread.ts starts it): loads the spec the main thread has already
 * loaded and validated, from the same bytes, and prints `src/openapi.ts` while the main thread
 * builds and emits the SDK.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadSpec, memoryHost } from '../load/index.js';
import { wireText } from './index.js';
import type { WireJob } from './thread.js';

const job = workerData as WireJob;
const { spec } = loadSpec(job.entry, { host: memoryHost(job.files), cwd: job.cwd, allowedRoots: job.allowedRoots, validated: true });
// The main thread validated these very bytes, so a spec is always there; a lathe bug otherwise.
if (!spec) throw new Error('the wire worker could not load the spec the main thread loaded');
parentPort!.postMessage(wireText(spec, job.header));

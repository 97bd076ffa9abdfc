/**
 * The worker side of `startWire`. It loads openapi-typescript as soon as it starts and then waits
 * for its spec, so a worker started early has that cost behind it when the spec arrives.
 */
import { parentPort } from 'node:worker_threads';
import { renderWire, type WireInput } from './wire-render.js';

// openapi-typescript logs some problems itself even when silent; lathe reports them as diagnostics.
console.error = console.warn = console.log = () => undefined;

parentPort?.once('message', async (input: WireInput) => parentPort?.postMessage(await renderWire(input)));

/** The worker side of `startWire`: one spec in, its wire types out. */
import { parentPort, workerData } from 'node:worker_threads';
import { renderWire, type WireInput } from './wire.js';

parentPort?.postMessage(await renderWire(workerData as WireInput));

/**
 * Generates one mutant at a time through lathe's programmatic API (the pipeline the CLI runs) in a
 * worker thread, so that the parent can stop a run that hangs.
 */
import { parentPort } from 'node:worker_threads';

const lathe = await import(new URL('../../dist/generator/index.js', import.meta.url).href);

parentPort.on('message', async (job) => {
  const start = performance.now();
  try {
    const r = await lathe.generate({
      spec: job.text,
      specPath: job.yaml ? 'openapi.yaml' : 'openapi.json',
      ...(job.files ? { files: job.files } : {}),
      ...(job.config ? { config: job.config } : {}),
    });
    parentPort.postMessage({ id: job.id, status: 'ok', files: r.files, diagnostics: r.diagnostics, ms: performance.now() - start });
  } catch (e) {
    if (e instanceof lathe.LatheError) parentPort.postMessage({ id: job.id, status: 'refused', diagnostics: e.diagnostics, ms: performance.now() - start });
    else parentPort.postMessage({ id: job.id, status: 'crash', error: String(e?.stack ?? e), ms: performance.now() - start });
  }
});

/**
 * openapi-typescript's `paths` / `components` / `operations` for the same spec, so the output also
 * serves openapi-fetch users and gives tests an independent oracle for the friendly types.
 *
 * openapi-typescript takes a second or more on a big spec (its transform, TypeScript's printer and
 * loading the compiler), so it runs on a worker thread: started as soon as a JSON spec's text is
 * read (else right after loading) and collected after formatting, it overlaps with load, ir, emit
 * and format instead of adding to them.
 */
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics.js';
import type { LoadedSpec } from '../load/types.js';
import type { OutputFile } from './modules.js';
import { HEADER } from './header.js';
import { bundle } from './bundle.js';
import type { WireCacheInput } from './wire-cache.js';
import type { WireInput, WireResult } from './wire-render.js';

/** Wire types for a spec openapi-typescript cannot type: valid, and empty. */
export const EMPTY = 'export type paths = Record<string, never>;\nexport type components = Record<string, never>;\nexport type operations = Record<string, never>;\n';

export function wireInput(spec: LoadedSpec, cache?: WireCacheInput): WireInput {
  return { root: spec.files.size === 1 ? spec.entry.root : bundle(spec), ...(cache ? { cache } : {}) };
}


/** Wire types being made; `cancel` stops the worker when the run ends early. */
export interface PendingWire {
  readonly result: Promise<WireResult>;
  cancel(): void;
}

let warm: Worker | undefined;

/**
 * Starts a wire worker before there is a spec to give it (the CLI does this first thing), so that
 * loading openapi-typescript and the TypeScript compiler overlaps with everything else.
 */
export function prewarmWire(): void {
  if (warm || !import.meta.url.endsWith('.js')) return;
  warm = new Worker(new URL('./wire-worker.js', import.meta.url));
  // Until a spec is handed over, it must not keep the process alive (`--help`, a usage error).
  warm.unref();
}

/** Starts the wire types (on a worker when running compiled), to be collected with `wireFile`. */
export function startWire(spec: LoadedSpec, cache?: WireCacheInput): PendingWire {
  const input = wireInput(spec, cache);
  // From TypeScript sources (tests) there is no compiled worker to start: work in this thread.
  if (!import.meta.url.endsWith('.js')) {
    // openapi-typescript's input is changed in place (mappings); the spec is shared, so copy it.
    const copy = { ...input, root: structuredClone(input.root) };
    // Imported only here and in the worker: openapi-typescript loads the TypeScript compiler.
    const result = import('./wire-render.js').then((m) => m.renderWire(copy));
    return { result, cancel: () => undefined };
  }
  return onWorker(input);
}

/**
 * Starts the wire types from the entry file's JSON text, while lathe is still resolving refs and
 * validating (a third of a second on Cloudflare's spec). Only for a compiled lathe; the result is
 * what `startWire` would give if the spec turns out to be that one file (else cancel it).
 */
export function startWireFromJson(text: string, cache?: WireCacheInput): PendingWire | undefined {
  return import.meta.url.endsWith('.js') ? onWorker({ json: text, ...(cache ? { cache } : {}) }) : undefined;
}

function onWorker(input: WireInput): PendingWire {
  const worker = warm ?? new Worker(new URL('./wire-worker.js', import.meta.url));
  worker.ref();
  warm = undefined;
  const result = new Promise<WireResult>((resolve) => {
    worker.once('message', (r: WireResult) => {
      void worker.terminate();
      resolve(r);
    });
    worker.once('error', (e) => resolve({ text: EMPTY, warning: e.message }));
  });
  worker.postMessage(input);
  return { result, cancel: () => void worker.terminate() };
}

/** Stops a pre-warmed worker that was not used (a run that ended before it needed one). */
export function coolWire(): void {
  void warm?.terminate();
  warm = undefined;
}

export function wireFile(result: WireResult, spec: LoadedSpec, diagnostics: Diagnostic[]): OutputFile {
  if (result.warning)
    diagnostics.push({
      severity: 'warning',
      message: `openapi-typescript could not type this spec, so src/openapi.ts holds empty wire types: ${result.warning}`,
      loc: { file: spec.entry.path, pointer: '#' },
    });
  // Prettier would take seconds on Cloudflare's 4 MB of wire types, which the TS printer already laid out.
  return { path: 'src/openapi.ts', content: `${HEADER}\n// Wire types by openapi-typescript.\n${result.text}`, preformatted: true };
}

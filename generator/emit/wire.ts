/**
 * openapi-typescript's `paths` / `components` / `operations` for the same spec, so the output also
 * serves openapi-fetch users and gives tests an independent oracle for the friendly types.
 *
 * openapi-typescript takes seconds on a big spec (most of it its own validation and loading the
 * TypeScript compiler), so the pipeline starts it on a worker thread right after loading and
 * collects it after formatting: it overlaps with ir, emit and format instead of adding to them.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics.js';
import type { LoadedSpec } from '../load/types.js';
import type { OutputFile } from './modules.js';
import { HEADER } from './modules.js';

/** What the worker needs: the document itself, or (multi-file) where its entry file is. */
export type WireInput = { readonly root: unknown } | { readonly entryPath: string };

export interface WireResult {
  readonly text: string;
  readonly warning?: string;
}

/**
 * Discriminator mappings may name a schema bare (`dog: Dog`); openapi-typescript only follows refs,
 * so bare names of existing components are spelled out as refs first.
 */
function withQualifiedMappings(root: unknown): unknown {
  const schemas = (root as { components?: { schemas?: Record<string, unknown> } }).components?.schemas ?? {};
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as Record<string, unknown>;
    const mapping = (record.discriminator as { mapping?: Record<string, unknown> } | undefined)?.mapping;
    if (mapping && typeof mapping === 'object')
      for (const [k, v] of Object.entries(mapping))
        if (typeof v === 'string' && /^[A-Za-z0-9_.-]+$/.test(v) && Object.hasOwn(schemas, v)) mapping[k] = `#/components/schemas/${v}`;
    Object.values(record).forEach(visit);
  };
  visit(root);
  return root;
}

const EMPTY = 'export type paths = Record<string, never>;\nexport type components = Record<string, never>;\nexport type operations = Record<string, never>;\n';

/** Runs openapi-typescript; never throws (a spec it cannot type gets empty wire types and a warning). */
export async function renderWire(input: WireInput): Promise<WireResult> {
  try {
    // A single-file spec goes in as data (no disk access); a multi-file one needs its files.
    const source = 'root' in input ? withQualifiedMappings(input.root) : pathToFileURL(input.entryPath);
    const ast = await openapiTS(source as Parameters<typeof openapiTS>[0], { silent: true });
    return { text: astToString(ast) };
  } catch (e) {
    return { text: EMPTY, warning: (e as Error).message.split('\n')[0] ?? String(e) };
  }
}

export function wireInput(spec: LoadedSpec): WireInput {
  return spec.files.size === 1 ? { root: spec.entry.root } : { entryPath: spec.entry.path };
}

/** Wire types being made; `cancel` stops the worker when the run ends early. */
export interface PendingWire {
  readonly result: Promise<WireResult>;
  cancel(): void;
}

/** Starts the wire types (on a worker when running compiled), to be collected with `wireFile`. */
export function startWire(spec: LoadedSpec): PendingWire {
  const input = wireInput(spec);
  // From TypeScript sources (tests) there is no compiled worker to start: work in this thread.
  if (!import.meta.url.endsWith('.js')) {
    const copy = 'root' in input ? { root: structuredClone(input.root) } : input;
    return { result: renderWire(copy), cancel: () => undefined };
  }
  const worker = new Worker(new URL('./wire-worker.js', import.meta.url), { workerData: input });
  const result = new Promise<WireResult>((resolve) => {
    worker.once('message', (r: WireResult) => {
      void worker.terminate();
      resolve(r);
    });
    worker.once('error', (e) => resolve({ text: EMPTY, warning: e.message }));
  });
  return { result, cancel: () => void worker.terminate() };
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

/**
 * `--watch` rebuilds the IR by replaying the steps an edit did not touch (generator/ir/replay.ts).
 * Whatever the edit, a run with the memory must make exactly what a run without it makes: the same
 * files and the same diagnostics, lines included. Each sequence below goes through one memory, as
 * a `--watch` session does, and every run is checked against a fresh one.
 */
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyConfig, parseConfig, type LatheConfig } from '../../generator/config.js';
import { memoryHost } from '../../generator/load/index.js';
import { runPipeline, type PipelineResult } from '../../generator/pipeline.js';
import { RunMemory } from '../../generator/run-memory.js';
import { read, ROOT } from '../helpers.js';

interface Case {
  readonly spec: string;
  readonly config: LatheConfig;
}

async function run(c: Case, text: string, memory?: RunMemory): Promise<PipelineResult> {
  const result = await runPipeline({ specPath: c.spec, host: memoryHost({ [c.spec]: text }), config: c.config, cwd: dirname(c.spec), ...(memory ? { memory } : {}) });
  // As the CLI does once the output is written.
  result.persist?.();
  return result;
}

function outcome(r: PipelineResult) {
  return { files: Object.fromEntries((r.files ?? []).map((f) => [f.path, f.content])), diagnostics: r.diagnostics };
}

/** Runs `texts` in order through one memory; each run must equal a fresh run of its text. */
async function sequence(c: Case, texts: readonly string[], memory = new RunMemory()): Promise<RunMemory> {
  for (const [i, text] of texts.entries()) {
    const replayed = outcome(await run(c, text, memory));
    const fresh = outcome(await run(c, text));
    expect(replayed.diagnostics, `run ${i}: diagnostics`).toEqual(fresh.diagnostics);
    expect(Object.keys(replayed.files), `run ${i}: file list`).toEqual(Object.keys(fresh.files));
    for (const [path, content] of Object.entries(fresh.files)) expect(replayed.files[path], `run ${i}: ${path}`).toBe(content);
  }
  return memory;
}

const EXAMPLE = join(ROOT, 'examples/cloudforce-one/spec/cloudflare-cloudforce-one.yaml');
const EXAMPLE_CONFIG = join(ROOT, 'examples/cloudforce-one/lathe.config.yaml');
const example: Case = { spec: EXAMPLE, config: parseConfig(read(EXAMPLE_CONFIG), EXAMPLE_CONFIG, 'lathe.config.yaml', dirname(EXAMPLE_CONFIG)).config! };
const TEXT = read(EXAMPLE);

/** `text` with `from` (which must be there exactly once) replaced. */
function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`'${from}' is not in the text exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

describe('IR replay under --watch', () => {
  it('makes what a fresh run makes through a session of edits of a configured SDK (Stainless config)', async () => {
    const summary = edit(TEXT, 'summary: List Requests', 'summary: List Requests (edited)');
    const component = edit(TEXT, '    cloudforce-one-requests_request-type:\n', '    cloudforce-one-requests_request-type:\n      description: One kind of request.\n');
    const broken = edit(TEXT, 'cloudforce-one-requests_request-types"', 'nowhere"');
    const lines = edit(TEXT, 'openapi: 3.0.3\n', 'openapi: 3.0.3\n\n\n\n');
    const memory = await sequence(example, [TEXT, summary, component, broken, TEXT, lines, summary, TEXT]);
    expect(memory.ir.counts.replayed).toBeGreaterThan(0);
  }, 120_000);

  it('replays every step but the edited ones after a one-summary edit', async () => {
    const memory = await sequence(example, [TEXT, edit(TEXT, 'summary: List Requests', 'summary: List Requests (edited)')]);
    // The edited path item, and the resource holding its method.
    expect(memory.ir.counts.redone).toBe(2);
    expect(memory.ir.counts.replayed).toBeGreaterThan(10);
  }, 60_000);

  it('gives later names what a fresh run gives them when an edit takes a name first', async () => {
    const spec = '/virtual/names.json';
    const doc = (extra: Record<string, unknown>) =>
      JSON.stringify(
        {
          openapi: '3.0.3',
          info: { title: 'Names', version: '1' },
          paths: {
            ...extra,
            '/widgets': {
              get: {
                operationId: 'listWidgets',
                parameters: [{ name: 'q', in: 'query', schema: 5 }],
                responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } } } },
              },
            },
            '/gadgets': {
              post: {
                operationId: 'createGadget',
                requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { w: { $ref: '#/components/schemas/Widget' } } } } } },
                responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Gadget' } } } } },
              },
            },
          },
          components: {
            schemas: {
              Widget: { type: 'object', properties: { id: { type: 'string' } } },
              Gadget: { type: 'object', properties: { id: { type: 'string' }, size: { type: 'integer' } } },
            },
          },
        },
        null,
        2,
      );
    const c: Case = { spec, config: emptyConfig('/virtual') };
    // A path item in front that meets the models first, under another name, and claims names.
    const first = {
      '/aaa': {
        get: {
          operationId: 'listWidgetsResponse',
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Gadget' } } } } },
        },
      },
    };
    const base = doc({});
    await sequence(c, [base, doc(first), base, `\n\n${base}`, doc(first).replace('"size"', '"size2"'), base]);
  }, 60_000);

  it('makes what a fresh run makes after edits of Cloudflare’s whole spec', async () => {
    const path = join(ROOT, 'test/fixtures/specs/cloudflare-openapi-2024-08.json.gz');
    const text = gunzipSync(readFileSync(path)).toString('utf8');
    const spec = '/virtual/cloudflare.json';
    const configFile = join(ROOT, 'test/fixtures/specs/cloudflare.config.yaml');
    const config = parseConfig(read(configFile), configFile, 'cloudflare.config.yaml', dirname(configFile)).config!;
    const c: Case = { spec, config };
    const summary = edit(text, '"summary":"List Accounts"', '"summary":"List Accounts (edited)"');
    const memory = await sequence(c, [text, summary]);
    expect(memory.ir.counts.redone).toBeLessThanOrEqual(3);
  }, 300_000);
});

/**
 * `--watch` keeps its last run in memory (generator/run-memory.ts): the next run reuses it through
 * the same caches as the disk cache, with no disk cache at all (a project without node_modules),
 * and makes exactly what a run without any cache makes.
 */
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../generator/config.js';
import { EmitCache } from '../../generator/emit/cache.js';
import { digestOf } from '../../generator/emit/output.js';
import { WireBuilder } from '../../generator/ir/wire.js';
import { memoryHost } from '../../generator/load/index.js';
import { runPipeline, type PipelineResult } from '../../generator/pipeline.js';
import { RunMemory } from '../../generator/run-memory.js';
import { read, ROOT, tempDir } from '../helpers.js';

const SPEC = join(ROOT, 'examples/cloudforce-one/spec/cloudflare-cloudforce-one.yaml');
const CONFIG = join(ROOT, 'examples/cloudforce-one/lathe.config.yaml');
const TEXT = read(SPEC);
const EDITED = TEXT.replace('summary: List Requests', 'summary: List Requests (edited)');

afterEach(() => vi.restoreAllMocks());

interface Counted {
  readonly result: PipelineResult;
  /** Resources looked up in the emit cache, and found there. */
  readonly lookups: number;
  readonly hits: number;
  /** Path items whose wire types were made. */
  readonly paths: number;
}

async function run(text: string, memory: RunMemory | undefined, outDir: string): Promise<Counted> {
  const lookup = vi.spyOn(EmitCache.prototype, 'lookup');
  const paths = vi.spyOn(WireBuilder.prototype, 'path');
  const config = parseConfig(read(CONFIG), CONFIG, 'lathe.config.yaml', dirname(CONFIG)).config!;
  const result = await runPipeline({ specPath: SPEC, host: memoryHost({ [SPEC]: text }), config, cwd: dirname(SPEC), outDir, ...(memory ? { memory } : {}) });
  // As the CLI does once the output is written.
  result.persist?.();
  const counted = {
    result,
    lookups: lookup.mock.results.length,
    hits: lookup.mock.results.filter((r) => r.value !== undefined).length,
    paths: paths.mock.calls.length,
  };
  vi.restoreAllMocks();
  return counted;
}

const contents = (r: PipelineResult) => Object.fromEntries((r.files ?? []).map((f) => [f.path, f.content]));

describe('RunMemory', () => {
  it('lets the next run reuse every resource and path item but the edited one, with no disk cache', async () => {
    const memory = new RunMemory();
    const out = tempDir();
    const first = await run(TEXT, memory, out);
    expect(first.result.files).toBeDefined();
    expect(first.hits).toBe(0);
    const second = await run(EDITED, memory, out);
    // One summary changed: one resource's key and one path item's text.
    expect(second.lookups).toBeGreaterThan(3);
    expect(second.hits).toBe(second.lookups - 1);
    expect(second.paths).toBe(1);
    const fresh = await run(EDITED, undefined, out);
    expect(fresh.lookups).toBe(0);
    expect(contents(second.result)).toEqual(contents(fresh.result));
    expect(contents(second.result)['src/openapi.ts']).toContain('List Requests (edited)');
  });

  it('keeps what the last run used: going back to an earlier spec makes its changed parts again', async () => {
    const memory = new RunMemory();
    const out = tempDir();
    await run(TEXT, memory, out);
    await run(EDITED, memory, out);
    const back = await run(TEXT, memory, out);
    expect(back.hits).toBe(back.lookups - 1);
    expect(back.paths).toBe(1);
    expect(contents(back.result)).toEqual(contents(await run(TEXT, undefined, out).then((r) => r.result)));
  });

  it('drops cache entries and files the last run did not use', () => {
    const memory = new RunMemory();
    const a = memory.store('emit');
    a.set('k1', 'one');
    a.set('k2', 'two');
    const x = { path: 'x.ts', content: 'x\u00e9' };
    memory.settle([x]);
    expect(memory.blobs().read(digestOf(x))).toBe(x.content);
    expect(memory.blobs().size(digestOf(x))).toBe(3);
    expect(memory.store('emit').get('k1')).toBe('one');
    memory.settle([]);
    const after = memory.store('emit');
    expect(after.get('k1')).toBe('one');
    expect(after.get('k2')).toBeUndefined();
    expect(memory.blobs().read(digestOf(x))).toBeUndefined();
  });
});

/**
 * The wire stage on a thread of its own (wire/thread.ts) gives the file the main thread would,
 * for one file and for many (whose schemas are named in the order the files were read); a worker
 * that cannot make it answers nothing, so the stage makes it itself; and the pipeline takes the
 * thread's file on a big spec.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyConfig } from '../../generator/config.js';
import { fsHost, loadSpec, memoryHost } from '../../generator/load/index.js';
import type { LoadedSpec } from '../../generator/load/types.js';
import { runPipeline } from '../../generator/pipeline.js';
import { wireStage } from '../../generator/wire/build.js';
import { startWireThread, WIRE_THREAD_MIN_CHARS, worthAThread } from '../../generator/wire/thread.js';
import { ROOT } from '../helpers.js';

const ONE_FILE = join(ROOT, 'examples/cloudforce-one/spec/cloudflare-cloudforce-one.yaml');
const MANY_FILES = join(ROOT, 'test/fixtures/schema/multi-file/openapi.yaml');

function load(path: string): LoadedSpec {
  const loaded = loadSpec(path, { host: fsHost(), cwd: dirname(path) });
  if (!loaded.spec) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return loaded.spec;
}

/** The Cloudforce One spec with an extension long enough to be worth a thread. */
function bigSpecText(): string {
  const text = readFileSync(ONE_FILE, 'utf8');
  const padded = text.replace(/^info:\n/m, `x-padding: '${'x'.repeat(WIRE_THREAD_MIN_CHARS)}'\ninfo:\n`);
  expect(padded).not.toBe(text);
  return padded;
}

describe('the wire thread', () => {
  it.each([
    ['one file', ONE_FILE],
    ['several files', MANY_FILES],
  ])('makes the file the main thread makes (%s)', async (_, path) => {
    const spec = load(path);
    const thread = startWireThread(spec, { cwd: dirname(path), allowedRoots: [] });
    try {
      const file = await thread.file;
      expect(file).toBeDefined();
      expect(file).toEqual(wireStage(spec));
      // Not an empty file that equals another empty one.
      expect(file!.content).toMatch(/export interface paths \{/);
    } finally {
      thread.stop();
    }
  });

  it('answers nothing when it cannot make the file (the stage then makes it on the main thread)', async () => {
    const spec = load(ONE_FILE);
    // The worker is told of an entry it was given no text for: its load finds no such file.
    const broken = { ...spec, entry: { ...spec.entry, path: join(ROOT, 'no-such-spec.yaml') } } as LoadedSpec;
    const thread = startWireThread(broken, { cwd: ROOT, allowedRoots: [] });
    try {
      expect(await thread.file).toBeUndefined();
    } finally {
      thread.stop();
    }
  });

  it('is started for a big OpenAPI 3 spec only', () => {
    expect(worthAThread(load(ONE_FILE))).toBe(false);
    const path = join(ROOT, 'big.yaml');
    const big = loadSpec(path, { host: memoryHost({ [path]: bigSpecText() }), cwd: ROOT }).spec!;
    expect(worthAThread(big)).toBe(true);
    expect(worthAThread({ ...big, version: '2.0' } as LoadedSpec)).toBe(false);
  });

  it("is what the pipeline writes for a big spec, byte for byte the main thread's file", async () => {
    const path = join(ROOT, 'big.yaml');
    const host = memoryHost({ [path]: bigSpecText() });
    const spec = loadSpec(path, { host, cwd: ROOT }).spec!;
    const result = await runPipeline({ specPath: path, host, config: emptyConfig(ROOT), cwd: ROOT });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const wire = result.files!.find((f) => f.path === 'src/openapi.ts');
    expect(wire).toEqual(wireStage(spec));
  });
});

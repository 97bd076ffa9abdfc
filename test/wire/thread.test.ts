/**
 * The wire worker (generator/wire/thread.ts) prints what the in-line printer prints, from its own
 * load of the same bytes. Runs the built code (dist/), as the CLI does: the worker is a file of its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const dist = (module: string) => import(pathToFileURL(join(ROOT, 'dist/generator', module)).href);

describe('the wire worker', () => {
  it("prints Cloudflare's wire types exactly as the in-line printer does", { timeout: 120_000 }, async () => {
    const { loadSpec, memoryHost } = await dist('load/index.js');
    const { startWire } = await dist('wire/thread.js');
    const path = '/spec/cloudflare.json';
    const text = gunzipSync(readFileSync(join(ROOT, 'test/fixtures/specs/cloudflare-openapi-2024-08.json.gz'))).toString('utf8');
    const { spec } = loadSpec(path, { host: memoryHost({ [path]: text }), cwd: '/' });
    const job = { cwd: '/', allowedRoots: [], header: '// header' };
    const [threaded, inline] = await Promise.all([startWire(spec, job, true).result(), startWire(spec, job, false).result()]);
    expect(threaded.length).toBeGreaterThan(1_000_000);
    expect(threaded.startsWith('// header\nexport interface paths {')).toBe(true);
    expect(threaded === inline).toBe(true);
  });

  it('can be cancelled: its result is then never delivered and nothing is left running', { timeout: 60_000 }, async () => {
    const { loadSpec, memoryHost } = await dist('load/index.js');
    const { startWire } = await dist('wire/thread.js');
    const path = '/spec/big.json';
    const big = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { s: { type: 'object', description: 'x'.repeat(1_100_000) } } } };
    const { spec } = loadSpec(path, { host: memoryHost({ [path]: JSON.stringify(big) }), cwd: '/' });
    const pending = startWire(spec, { cwd: '/', allowedRoots: [], header: '' }, true);
    pending.cancel();
    await expect(pending.result()).rejects.toThrow(/exited/);
  });
});

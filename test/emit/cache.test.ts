/**
 * The emit cache gives back a resource's files only when nothing they are made from changed, and
 * what it gives back is exactly what emit would make.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../generator/config.js';
import { createHash } from 'node:crypto';
import { EmitCache } from '../../generator/emit/cache.js';
import { DiskCache } from '../../generator/emit/disk-cache.js';
import { digestOf } from '../../generator/emit/modules.js';
import { emit } from '../../generator/emit/index.js';
import { coreExportNames } from '../../generator/emit/templates.js';
import { buildIR } from '../../generator/ir/index.js';
import type { IR } from '../../generator/ir/types.js';
import { loadSpec, memoryHost } from '../../generator/load/index.js';
import { read, ROOT, tempDir } from '../helpers.js';

const SPEC = join(ROOT, 'examples/cloudforce-one/spec/cloudflare-cloudforce-one.yaml');
const CONFIG = join(ROOT, 'examples/cloudforce-one/lathe.config.yaml');

function irOf(text: string): IR {
  const loaded = loadSpec(SPEC, { host: memoryHost({ [SPEC]: text }), cwd: dirname(SPEC) });
  const config = parseConfig(read(CONFIG), CONFIG, 'lathe.config.yaml', dirname(CONFIG)).config!;
  return buildIR(loaded.spec!, config, coreExportNames()).ir!;
}

/**
 * The output's pristine store, as the write step leaves it: every file of the last run by digest
 * (write/pristine.ts; the tests of the CLI use the real one).
 */
type Blobs = Map<string, string>;

/** Emits through a cache in `dir`, counting the resources it reused; `blobs` then holds this run's files. */
function emitCached(ir: IR, dir: string, code = 'code-1', blobs: Blobs = blobsOf(dir)): { files: ReturnType<typeof emit>; hits: number } {
  const cache = new EmitCache(new DiskCache(dir, 'emit'), ir, code, {
    size: (digest) => {
      const content = blobs.get(digest);
      return content === undefined ? undefined : Buffer.byteLength(content);
    },
    read: (digest) => {
      const content = blobs.get(digest);
      return content !== undefined && createHash('sha256').update(content).digest('hex') === digest ? content : undefined;
    },
  });
  let hits = 0;
  const lookup = cache.lookup.bind(cache);
  cache.lookup = (key) => {
    const hit = lookup(key);
    if (hit) hits++;
    return hit;
  };
  const files = emit(ir, cache);
  cache.save();
  // As the write step does: the new store is made (reading hits' content) before the old one goes.
  const next = files.map((f) => [digestOf(f), f.content] as const);
  blobs.clear();
  for (const [digest, content] of next) blobs.set(digest, content);
  return { files, hits };
}

const stores = new Map<string, Blobs>();
const blobsOf = (dir: string): Blobs => stores.get(dir) ?? stores.set(dir, new Map()).get(dir)!;

function resourceCount(ir: IR): number {
  const count = (r: IR['resources'][number]): number => 1 + r.children.reduce((n, c) => n + count(c), 0);
  return ir.resources.reduce((n, r) => n + count(r), 0);
}

const text = readFileSync(SPEC, 'utf8');
/** client.ts and index.ts: entries of their own, keyed by the resources' names. */
const WHOLE = 2;

describe('EmitCache', () => {
  it('reuses every resource of an unchanged IR, giving the same files as emit without a cache', () => {
    const dir = tempDir();
    const ir = irOf(text);
    const first = emitCached(ir, dir);
    expect(first.hits).toBe(0);
    const second = emitCached(irOf(text), dir);
    expect(second.hits).toBe(resourceCount(ir) + WHOLE);
    expect(second.files).toEqual(emit(ir));
  });

  it('after an edit of one operation, makes that resource again and reuses the others', () => {
    const dir = tempDir();
    emitCached(irOf(text), dir);
    const edited = text.replace('summary: Create a New Request Message', 'summary: Create a New Request Message (edited)');
    expect(edited).not.toBe(text);
    const ir = irOf(edited);
    const all = emitCached(ir, dir);
    // The edit renames nothing: client.ts and index.ts are reused too.
    expect(all.hits).toBe(resourceCount(ir) - 1 + WHOLE);
    expect(all.files).toEqual(emit(ir));
    expect(all.files.find((f) => f.path.endsWith('requests/message.ts'))!.content).toContain('(edited)');
  });

  it('reuses nothing after a model changed, or with other lathe code, or from a damaged file', () => {
    const dir = tempDir();
    emitCached(irOf(text), dir);
    const model = text.replace(/(description: )Content of message\b/, '$1Content of the message');
    expect(model).not.toBe(text);
    expect(emitCached(irOf(model), dir).hits).toBe(0);
    expect(emitCached(irOf(text), dir, 'code-2').hits).toBe(0);
    const entries = join(dir, 'emit');
    for (const shard of readdirSync(entries).filter((s) => s !== '.pruned')) for (const f of readdirSync(join(entries, shard))) writeFileSync(join(entries, shard, f), '{"broken');
    expect(emitCached(irOf(text), dir, 'code-2').hits).toBe(0);
  });

  it("takes a resource's files from the output's pristine store, and misses when a blob is gone or damaged", () => {
    const dir = tempDir();
    const ir = irOf(text);
    const first = emitCached(ir, dir);
    // Only paths and digests are cached: no entry holds a file's content.
    const entries = join(dir, 'emit');
    const sizes = readdirSync(entries).filter((s) => s !== '.pruned').flatMap((shard) => readdirSync(join(entries, shard)).map((f) => readFileSync(join(entries, shard, f), 'utf8')));
    expect(sizes.length).toBe(resourceCount(ir) + WHOLE);
    for (const entry of sizes) expect(entry).toMatch(/^\[\["[^"]+","[0-9a-f]{64}",\d+\]/);
    const message = first.files.find((f) => f.path.endsWith('requests/message.ts'))!;
    const blobs = blobsOf(dir);
    blobs.delete(digestOf(message));
    expect(emitCached(irOf(text), dir).hits).toBe(resourceCount(ir) - 1 + WHOLE);
    blobs.set(digestOf(message), `${message.content}// damaged\n`);
    const again = emitCached(irOf(text), dir);
    expect(again.hits).toBe(resourceCount(ir) - 1 + WHOLE);
    expect(again.files).toEqual(emit(ir));
  });
});

describe('DiskCache', () => {
  it('drops entries not written for a month, looking at most once a day', async () => {
    const { cacheKey } = await import('../../generator/emit/disk-cache.js');
    const { utimesSync, existsSync } = await import('node:fs');
    const root = tempDir();
    const old = cacheKey('old');
    const fresh = cacheKey('fresh');
    const cache = new DiskCache(root, 'x');
    cache.set(old, 'a');
    cache.set(fresh, 'b');
    const entry = (key: string) => join(root, 'x', key.slice(0, 2), key);
    const monthsAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    utimesSync(entry(old), monthsAgo, monthsAgo);
    new DiskCache(root, 'x');
    expect(existsSync(entry(old))).toBe(true); // pruned less than a day ago (when the cache was made)
    utimesSync(join(root, 'x', '.pruned'), monthsAgo, monthsAgo);
    const later = new DiskCache(root, 'x');
    expect(later.get(old)).toBeUndefined();
    expect(later.get(fresh)).toBe('b');
  });

  it('keys ignore source positions but not content', async () => {
    const { cacheKey } = await import('../../generator/emit/disk-cache.js');
    expect(cacheKey({ a: 1, loc: { line: 1 } })).toBe(cacheKey({ a: 1, loc: { line: 9 } }));
    expect(cacheKey({ a: 1 })).not.toBe(cacheKey({ a: 2 }));
    expect(cacheKey('a', 'b')).not.toBe(cacheKey('ab'));
  });
});

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
function emitCached(ir: IR, dir: string, code = 'code-1', out = OUT, blobs: Blobs = blobsOf(`${dir}:${out}`)): { files: ReturnType<typeof emit>; hits: number } {
  const cache = new EmitCache(new DiskCache(dir, 'emit'), ir, code, out, {
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

/** The output folder the entries are for (the tests' pristine stores are in memory). */
const OUT = '/out';

/** The texts of the cache's files, each an output's record. */
function records(dir: string): string[] {
  const entries = join(dir, 'emit');
  return readdirSync(entries).filter((s) => s !== '.pruned').flatMap((shard) => readdirSync(join(entries, shard)).map((f) => join(entries, shard, f)));
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
    for (const file of records(dir)) writeFileSync(file, '{"broken');
    expect(emitCached(irOf(text), dir, 'code-2').hits).toBe(0);
  });

  it("takes a resource's files from the output's pristine store, and misses when a blob is gone or damaged", () => {
    const dir = tempDir();
    const ir = irOf(text);
    const first = emitCached(ir, dir);
    // One record for the output, whose entries hold only paths and digests: no file's content.
    const [record, ...more] = records(dir);
    expect(more).toEqual([]);
    const entries = Object.values(JSON.parse(readFileSync(record!, 'utf8')) as Record<string, unknown[]>);
    expect(entries.length).toBe(resourceCount(ir) + WHOLE);
    for (const entry of entries) {
      expect(entry.length).toBeGreaterThan(0);
      for (const file of entry) expect(file).toEqual([expect.stringMatching(/^(src|docs)\//), expect.stringMatching(/^[0-9a-f]{64}$/), expect.any(Number)]);
    }
    const message = first.files.find((f) => f.path.endsWith('requests/message.ts'))!;
    const blobs = blobsOf(`${dir}:${OUT}`);
    blobs.delete(digestOf(message));
    expect(emitCached(irOf(text), dir).hits).toBe(resourceCount(ir) - 1 + WHOLE);
    blobs.set(digestOf(message), `${message.content}// damaged\n`);
    const again = emitCached(irOf(text), dir);
    expect(again.hits).toBe(resourceCount(ir) - 1 + WHOLE);
    expect(again.files).toEqual(emit(ir));
  });
});

describe('EmitCache records', () => {
  it('keeps a record per output folder: two outputs in one project do not take each other\'s entries', () => {
    const dir = tempDir();
    const edited = text.replace('summary: Create a New Request Message', 'summary: Create a New Request Message (edited)');
    expect(edited).not.toBe(text);
    const ir = irOf(text);
    emitCached(ir, dir, 'code-1', '/out/a');
    emitCached(irOf(edited), dir, 'code-1', '/out/b');
    expect(records(dir)).toHaveLength(2);
    expect(emitCached(irOf(text), dir, 'code-1', '/out/a').hits).toBe(resourceCount(ir) + WHOLE);
    expect(emitCached(irOf(edited), dir, 'code-1', '/out/b').hits).toBe(resourceCount(ir) + WHOLE);
  });

  it('reads the entries of a record that are whole, and misses the ones that are not', () => {
    const dir = tempDir();
    const ir = irOf(text);
    emitCached(ir, dir);
    const [file] = records(dir);
    const record = JSON.parse(readFileSync(file!, 'utf8')) as Record<string, unknown>;
    const [damaged] = Object.keys(record);
    record[damaged!] = [['src/x.ts', 42]];
    writeFileSync(file!, JSON.stringify(record));
    const again = emitCached(irOf(text), dir);
    expect(again.hits).toBe(resourceCount(ir) + WHOLE - 1);
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

/**
 * The wire printer takes a member's text from the last run only when the member's model is the
 * same, and the file it gives is exactly what printing everything would give.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWireModel } from '../../generator/ir/wire.js';
import type { WireModel } from '../../generator/ir/wire-model.js';
import { loadSpec, memoryHost } from '../../generator/load/index.js';
import { WireCache } from '../../generator/wire/cache.js';
import { printWire } from '../../generator/wire/index.js';
import { ROOT, tempDir } from '../helpers.js';

const SPEC = join(ROOT, 'examples/cloudforce-one/spec/cloudflare-cloudforce-one.yaml');
const text = readFileSync(SPEC, 'utf8');
const HEADER = '// header';

function modelOf(source: string): WireModel {
  const loaded = loadSpec(SPEC, { host: memoryHost({ [SPEC]: source }), cwd: dirname(SPEC) });
  return buildWireModel(loaded.spec!)!;
}

/** The output's pristine store as the write step leaves it: the last run's files by digest. */
type Blobs = Map<string, string>;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function cacheIn(dir: string, blobs: Blobs, code = 'code-1'): WireCache {
  return new WireCache(dir, code, '/out', {
    size: (digest) => (blobs.has(digest) ? Buffer.byteLength(blobs.get(digest)!) : undefined),
    read: (digest) => {
      const content = blobs.get(digest);
      return content !== undefined && sha(content) === digest ? content : undefined;
    },
  });
}

/** Prints through the cache as the pipeline does, counting the members it reused; `blobs` then holds the new file. */
function printCached(model: WireModel, cache: WireCache, blobs: Blobs): { text: string; members: number; reused: number } {
  const earlier = cache.earlier();
  let reused = 0;
  const counting = earlier && {
    get(key: string) {
      const hit = earlier.get(key);
      if (hit !== undefined) reused++;
      return hit;
    },
  };
  const printed = printWire(model, HEADER, counting as ReadonlyMap<string, string> | undefined);
  const file = { path: 'src/openapi.ts', content: printed.text };
  cache.save(file, printed);
  blobs.clear();
  blobs.set(sha(printed.text), printed.text);
  return { text: printed.text, members: printed.members.length, reused };
}

describe('WireCache', () => {
  it('reuses every member of an unchanged model, giving the text printing everything gives', () => {
    const dir = tempDir();
    const blobs: Blobs = new Map();
    const first = printCached(modelOf(text), cacheIn(dir, blobs), blobs);
    expect(first.reused).toBe(0);
    expect(first.members).toBeGreaterThan(20);
    const second = printCached(modelOf(text), cacheIn(dir, blobs), blobs);
    expect(second.reused).toBe(second.members);
    expect(second.text).toBe(printWire(modelOf(text), HEADER).text);
  });

  it('prints again exactly the members an edit changed: the path, its operation, and an edited schema', () => {
    const dir = tempDir();
    const blobs: Blobs = new Map();
    printCached(modelOf(text), cacheIn(dir, blobs), blobs);
    const summary = 'summary: List Requests\n';
    const schema = '      description: UUID.\n      type: string\n      example: f174e90a';
    expect(text.split(summary)).toHaveLength(2);
    expect(text.split(schema)).toHaveLength(2);
    const edited = text.replace(summary, 'summary: List Requests (edited)\n').replace(schema, schema.replace('UUID.', 'A UUID.'));
    const second = printCached(modelOf(edited), cacheIn(dir, blobs), blobs);
    const fresh = printWire(modelOf(edited), HEADER).text;
    expect(second.text).toBe(fresh);
    expect(fresh).toContain('List Requests (edited)');
    expect(fresh).toContain('@description A UUID.');
    // The path's GET, the operation and the schema: three members, each printed again.
    expect(second.reused).toBe(second.members - 3);
  });

  it('reuses nothing when the last file is gone or changed, or lathe is another version', () => {
    const dir = tempDir();
    const blobs: Blobs = new Map();
    printCached(modelOf(text), cacheIn(dir, blobs), blobs);
    expect(cacheIn(dir, blobs, 'code-2').earlier()).toBeUndefined();
    const [digest, content] = [...blobs][0]!;
    blobs.set(digest, content.replace('paths', 'patsh'));
    expect(cacheIn(dir, blobs).earlier()).toBeUndefined();
    blobs.clear();
    expect(cacheIn(dir, blobs).earlier()).toBeUndefined();
  });
});

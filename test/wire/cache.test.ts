/**
 * The wire stage takes a unit's text from the last run only when the unit's part of the document,
 * the refs it reads through and the document's outline are the same, and the file it gives is
 * exactly what making every unit gives.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WireBuilder } from '../../generator/ir/wire.js';
import { loadSpec, memoryHost } from '../../generator/load/index.js';
import type { LoadedSpec } from '../../generator/load/types.js';
import { wireFile } from '../../generator/wire/build.js';
import { WireCache } from '../../generator/wire/cache.js';
import { DiskCache } from '../../generator/emit/disk-cache.js';
import { ROOT, tempDir } from '../helpers.js';

const SPEC = join(ROOT, 'examples/cloudforce-one/spec/cloudflare-cloudforce-one.yaml');
const text = readFileSync(SPEC, 'utf8');
const HEADER = '// header';

function specOf(source: string, path = SPEC): LoadedSpec {
  const loaded = loadSpec(path, { host: memoryHost({ [path]: source }), cwd: dirname(path) });
  if (!loaded.spec) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return loaded.spec;
}

/** The output's pristine store as the write step leaves it: the last run's files by digest. */
type Blobs = Map<string, string>;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function cacheIn(dir: string, blobs: Blobs, code = 'code-1'): WireCache {
  return new WireCache(new DiskCache(dir, 'wire'), code, '/out', {
    size: (digest) => (blobs.has(digest) ? Buffer.byteLength(blobs.get(digest)!) : undefined),
    read: (digest) => {
      const content = blobs.get(digest);
      return content !== undefined && sha(content) === digest ? content : undefined;
    },
  });
}

/** Makes the file through the cache as the pipeline does, counting the units made; `blobs` then holds the new file. */
function made(spec: LoadedSpec, cache: WireCache, blobs: Blobs): { text: string; paths: number; components: number } {
  const paths = vi.spyOn(WireBuilder.prototype, 'path');
  const components = vi.spyOn(WireBuilder.prototype, 'components');
  const { file, units } = wireFile(spec, HEADER, { last: cache.earlier(), record: true });
  if (units) cache.save(file, units);
  const counts = { paths: paths.mock.calls.length, components: components.mock.calls.length };
  vi.restoreAllMocks();
  blobs.clear();
  blobs.set(sha(file.content), file.content);
  return { text: file.content, ...counts };
}

const fresh = (spec: LoadedSpec) => wireFile(spec, HEADER).file.content;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('wire units', () => {
  it('reuses every unit of an unchanged document, giving the file making every unit gives', () => {
    const dir = tempDir();
    const blobs: Blobs = new Map();
    const first = made(specOf(text), cacheIn(dir, blobs), blobs);
    const pathCount = Object.keys((specOf(text).entry.root as { paths: object }).paths).length;
    expect(first).toMatchObject({ paths: pathCount, components: 1 });
    const second = made(specOf(text), cacheIn(dir, blobs), blobs);
    expect(second).toMatchObject({ paths: 0, components: 0 });
    expect(second.text).toBe(first.text);
    expect(second.text).toBe(fresh(specOf(text)));
  });

  it('makes again only the path item an operation edit changed, or only the components a schema edit changed', () => {
    const dir = tempDir();
    const blobs: Blobs = new Map();
    made(specOf(text), cacheIn(dir, blobs), blobs);
    const summary = 'summary: List Requests\n';
    expect(text.split(summary)).toHaveLength(2);
    const opEdit = text.replace(summary, 'summary: List Requests (edited)\n');
    const second = made(specOf(opEdit), cacheIn(dir, blobs), blobs);
    expect(second).toMatchObject({ paths: 1, components: 0 });
    expect(second.text).toBe(fresh(specOf(opEdit)));
    expect(second.text).toContain('List Requests (edited)');

    const schema = '      description: UUID.\n      type: string\n      example: f174e90a';
    expect(opEdit.split(schema)).toHaveLength(2);
    const schemaEdit = opEdit.replace(schema, schema.replace('UUID.', 'A UUID.'));
    const third = made(specOf(schemaEdit), cacheIn(dir, blobs), blobs);
    expect(third).toMatchObject({ paths: 0, components: 1 });
    expect(third.text).toBe(fresh(specOf(schemaEdit)));
    expect(third.text).toContain('@description A UUID.');
  });

  it('makes again a path item whose own text is the same when a value it reads through a $ref changed', () => {
    const file = join(tempDir(), 'spec.yaml');
    const spec = (nameType: string) => `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet/properties/name' }
  /b:
    get:
      operationId: getB
      responses: { '200': { description: ok } }
components:
  schemas:
    Pet: { type: object, properties: { name: { type: ${nameType} } } }
`;
    const dir = tempDir();
    const blobs: Blobs = new Map();
    const first = made(specOf(spec('string'), file), cacheIn(dir, blobs), blobs);
    expect(first.text).toMatch(/'application\/json': string;/);
    const second = made(specOf(spec('integer'), file), cacheIn(dir, blobs), blobs);
    // The components changed; of the paths, only /a reads what changed.
    expect(second).toMatchObject({ paths: 1, components: 1 });
    expect(second.text).toMatch(/'application\/json': number;/);
    expect(second.text).toBe(fresh(specOf(spec('integer'), file)));
  });

  it('makes every unit again when a component is renamed (references are by name)', () => {
    const dir = tempDir();
    const blobs: Blobs = new Map();
    made(specOf(text), cacheIn(dir, blobs), blobs);
    const renamed = text.replaceAll('cloudforce-one-requests_uuid', 'cloudforce-one-requests_id');
    const second = made(specOf(renamed), cacheIn(dir, blobs), blobs);
    expect(second.components).toBe(1);
    expect(second.paths).toBe(Object.keys((specOf(renamed).entry.root as { paths: object }).paths).length);
    expect(second.text).toBe(fresh(specOf(renamed)));
  });

  it('makes every unit of a multi-file spec again (names of other files\' schemas depend on the order they are met in)', () => {
    const dir = tempDir();
    const entry = join(dir, 'api.yaml');
    const other = join(dir, 'pet.yaml');
    const files = {
      [entry]: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: './pet.yaml#/Pet' }
`,
      [other]: 'Pet: { type: object, properties: { name: { type: string } } }\n',
    };
    const spec = () => {
      const loaded = loadSpec(entry, { host: memoryHost(files), cwd: dir });
      if (!loaded.spec) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
      return loaded.spec;
    };
    const blobs: Blobs = new Map();
    const first = made(spec(), cacheIn(dir, blobs), blobs);
    expect(first.text).toMatch(/Pet: \{\n\s+name\?: string;/);
    const second = made(spec(), cacheIn(dir, blobs), blobs);
    expect(second).toMatchObject({ paths: 1, components: 1 });
    expect(second.text).toBe(first.text);
  });

  it('reuses nothing when the last file is gone or changed, or lathe is another version', () => {
    const dir = tempDir();
    const blobs: Blobs = new Map();
    made(specOf(text), cacheIn(dir, blobs), blobs);
    expect(cacheIn(dir, blobs, 'code-2').earlier()).toBeUndefined();
    const [digest, content] = [...blobs][0]!;
    blobs.set(digest, content.replace('paths', 'patsh'));
    expect(cacheIn(dir, blobs).earlier()).toBeUndefined();
    blobs.clear();
    expect(cacheIn(dir, blobs).earlier()).toBeUndefined();
  });
});

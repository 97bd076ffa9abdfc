/**
 * `--watch` loads through a LoadMemory. For any sequence of edits, each load must equal a fresh
 * load of the same files (the same diagnostics in the same order, with lines and columns; the same
 * trees; the same deref/get/locate/position answers), must not write into an earlier load's tree,
 * and must share with the last tree exactly the values that did not change (watch-edits.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { LoadMemory, loadSpec } from '../../generator/load/index.js';
import { FIXTURE_SEEDS, loadSeeds } from '../fuzz/fuzz.mjs';
import { mutant } from '../fuzz/mutate.mjs';
import { ROOT, tempDir } from '../helpers.js';
import { freeze } from './trees.js';
import { ALL_EDITS, EditedFile, Rng, Watcher, Workspace } from './watch-edits.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Every spec file below `dir` into the workspace, at the same absolute path. */
function addFolder(ws: Workspace, dir: string): void {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) addFolder(ws, file);
    else if (/\.(ya?ml|json)$/.test(name)) ws.write(file, readFileSync(file));
  }
}

/** The entry file, and when it has a folder of its own, the files beside and below it. */
function addSpec(ws: Workspace, entry: string): void {
  if (['load', 'invalid', 'valid'].includes(path.basename(path.dirname(entry)))) ws.write(entry, readFileSync(entry));
  else addFolder(ws, path.dirname(entry));
}

/** A random sequence of `count` edits of `files`, each followed by a load that is checked. */
function randomEdits(watch: Watcher, files: EditedFile[], seed: number, count: number, edits = ALL_EDITS): void {
  const rng = new Rng(seed);
  watch.load('first load');
  for (let i = 0; i < count; i++) {
    const file = rng.pick(files)!;
    const name = rng.pick(edits)!;
    const did = file.edit(name, rng);
    if (did) watch.load(`edit ${i} (seed ${seed}) of ${path.basename(file.path)}: ${did}`);
  }
}

/** A small JSON spec with most of what the checks look at. */
function petstore(): unknown {
  const op = (id: string, extra: object = {}) => ({
    operationId: id,
    summary: `Do ${id}`,
    parameters: [{ $ref: '#/components/parameters/Limit' }, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    responses: {
      '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
      default: { $ref: '#/components/responses/Error' },
    },
    ...extra,
  });
  return {
    openapi: '3.0.3',
    info: { title: 'Pets', version: '1' },
    paths: {
      '/pets/{id}': { get: op('getPet'), delete: op('deletePet', { responses: { '204': { description: 'gone' } } }) },
      '/pets/{id}/toys': { get: op('listToys'), post: op('addToy', { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Toy' } } } } }) },
      '/owners/{id}': { $ref: '#/components/pathItems/Owner' },
      '/shared/{id}': { get: { $ref: '#/x-ops/shared' } },
    },
    'x-ops': { shared: op('shared') },
    components: {
      schemas: {
        Pet: { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, toy: { $ref: '#/components/schemas/Toy' }, kind: { type: 'string', enum: ['cat', 'dog', 3] } } },
        Toy: { type: 'object', properties: { name: { type: 'string' }, owner: { $ref: '#/components/schemas/Pet' } } },
        Error: { type: 'object', properties: { message: { type: 'string' } } },
        List: { type: 'array', items: { $ref: '#/components/schemas/Pet' } },
      },
      parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer' } } },
      responses: { Error: { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
      pathItems: { Owner: { get: op('getOwner') } },
    },
  };
}

describe('a load through the memory equals a fresh load, edit after edit', () => {
  it('a small JSON spec, 150 random edits (values, keys, operations, components, broken text)', () => {
    const ws = new Workspace();
    ws.write('/w/openapi.json', JSON.stringify(petstore(), null, 2));
    const watch = new Watcher(ws, '/w/openapi.json', '/w');
    randomEdits(watch, [new EditedFile(ws, '/w/openapi.json', 'json')], 1, 150);
    expect(watch.outcomes.loaded).toBeGreaterThan(10);
    expect(watch.outcomes.refused).toBeGreaterThan(10);
  });

  it('the same spec as one line of JSON and as YAML, 60 random edits each', () => {
    for (const [name, text, format] of [
      ['/w/min.json', JSON.stringify(petstore()), 'json'],
      ['/w/pets.yaml', stringifyYaml(petstore()), 'yaml'],
    ] as const) {
      const ws = new Workspace();
      ws.write(name, text);
      randomEdits(new Watcher(ws, name, '/w'), [new EditedFile(ws, name, format, 0)], 2, 60);
    }
  });

  it('a YAML spec edited in its text, as an editor does: diagnostics placed as a fresh load places them', () => {
    // Each edit is read in part (yaml-edit.ts): places found before it are moved, those in its entry found again.
    // `type: 'null'` is a warning before 3.1: a diagnostic in every load.
    const doc = petstore() as { components: { schemas: Record<string, unknown> } };
    doc.components.schemas.Bad = { type: 'object', properties: { a: { type: 'null' }, b: { $ref: '#/components/schemas/Named' } } };
    doc.components.schemas.Named = { type: 'null' };
    const ws = new Workspace();
    ws.write('/w/api.yaml', stringifyYaml(doc));
    const watch = new Watcher(ws, '/w/api.yaml', '/w');
    const file = new EditedFile(ws, '/w/api.yaml', 'yaml');
    expect(watch.load('first load').diagnostics.length).toBeGreaterThan(1);
    const edits: [string | RegExp, string][] = [
      ['summary: Do getPet', 'summary: Do getPet, now'],
      [/summary: Do addToy\n/, 'summary: Do addToy\n      description: |\n        Two\n        lines\n'],
      [/a:\n( +)type: "null"/, 'a:\n$1description: first\n$1type: "null"'],
      ['schemas/Named', 'schemas/Nope'],
      ['title: Pets', 'title: Pets and more'],
      ['schemas/Nope', 'schemas/Named'],
      [/a:\n( +)description: first\n/, 'a:\n'],
    ];
    for (const [find, by] of edits) {
      expect(file.replace(find, by), String(find)).toBe(true);
      watch.load(`${String(find)} -> ${by}`);
    }
    // The broken ref refuses two loads; the places are compared all the same.
    expect(watch.outcomes).toEqual({ loaded: edits.length - 1, refused: 2 });
  });

  it('targeted edits: an error brought in, then taken out again', () => {
    const ws = new Workspace();
    ws.write('/w/openapi.json', JSON.stringify(petstore(), null, 2));
    const watch = new Watcher(ws, '/w/openapi.json', '/w');
    const file = new EditedFile(ws, '/w/openapi.json', 'json');
    const rng = new Rng(3);
    watch.load('first load');
    for (const edit of ['breakRef', 'duplicateOperationId', 'garbage', 'truncate', 'changeComponent', 'cycle', 'renamePath', 'newlines']) {
      expect(file.edit(edit, rng), edit).toBeDefined();
      watch.load(edit);
      expect(file.edit('undo', rng)).toBe('undo');
      watch.load(`${edit}, undone`);
    }
  });

  it('a version change checks again the units that did not change', () => {
    // `type: 'null'` is a warning before 3.1, and right in 3.1; the schema is the same object throughout.
    const doc = petstore() as { components: { schemas: Record<string, unknown> } };
    doc.components.schemas.Nothing = { type: 'null' };
    const ws = new Workspace();
    ws.write('/w/openapi.json', JSON.stringify(doc, null, 2));
    const watch = new Watcher(ws, '/w/openapi.json', '/w');
    const file = new EditedFile(ws, '/w/openapi.json', 'json');
    const warned = (r: { diagnostics: readonly { message: string }[] }) => r.diagnostics.some((d) => d.message.includes('needs OpenAPI 3.1'));
    expect(warned(watch.load('3.0'))).toBe(true);
    expect(file.replace('"openapi": "3.0.3"', '"openapi": "3.1.0"')).toBe(true);
    expect(warned(watch.load('3.1'))).toBe(false);
    expect(file.replace('"openapi": "3.1.0"', '"openapi": "3.0.3"')).toBe(true);
    expect(warned(watch.load('3.0 again'))).toBe(true);
  });

  it('duplicate keys in JSON: an edit of the member JSON.parse drops changes nothing', () => {
    const op = (id: string) => `{"get": {"operationId": "${id}", "summary": "s", "responses": {"200": {"description": "ok"}}}}`;
    const text = `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/a": ${op('first')}, "/b": ${op('b')}, "/a": ${op('last')}}}`;
    const ws = new Workspace();
    ws.write('/w/openapi.json', text);
    const watch = new Watcher(ws, '/w/openapi.json', '/w');
    const file = new EditedFile(ws, '/w/openapi.json', 'json');
    watch.load('first load');
    expect(file.replace('"operationId": "first"', '"operationId": "b"')).toBe(true);
    expect(watch.load('the dropped member now has a duplicate id').diagnostics).toEqual([]);
    expect(file.replace('"operationId": "last"', '"operationId": "b"')).toBe(true);
    expect(watch.load('the kept member has').diagnostics.map((d) => d.message)).toEqual([expect.stringContaining("duplicate operationId 'b'")]);
  });

  it('a member named `__proto__` on the way to an edit, and -0', () => {
    const doc = petstore() as { components: { schemas: { Pet: { properties: object } } } };
    const property = { value: { type: 'string', maximum: 0 }, enumerable: true, writable: true, configurable: true };
    Object.defineProperty(doc.components.schemas.Pet.properties, '__proto__', property);
    const ws = new Workspace();
    ws.write('/w/openapi.json', JSON.stringify(doc, null, 2));
    const watch = new Watcher(ws, '/w/openapi.json', '/w');
    const file = new EditedFile(ws, '/w/openapi.json', 'json');
    watch.load('first load');
    expect(file.replace('"maximum": 0', '"maximum": -0')).toBe(true);
    watch.load('-0');
    expect(file.replace(/"type": "string",(\s+)"maximum"/, '"type": "strnig",$1"maximum"')).toBe(true);
    expect(watch.load('a bad type under __proto__').diagnostics.map((d) => d.message)).toContainEqual(expect.stringContaining("'strnig'"));
  });

  it('the path item that checked a schema first is removed, moved, put back', () => {
    // Each schema is checked once, by the first unit that reaches it: Pet (with a bad enum value)
    // by GET /pets/{id}. Without that path item, another must check it, or the warning is lost.
    const ws = new Workspace();
    const doc = petstore() as { paths: Record<string, unknown> };
    const first = '/pets/{id}';
    ws.write('/w/openapi.json', JSON.stringify(doc, null, 2));
    const watch = new Watcher(ws, '/w/openapi.json', '/w');
    const enumWarning = (r: { diagnostics: readonly { message: string }[] }) => r.diagnostics.filter((d) => d.message.startsWith('enum value 3'));
    expect(enumWarning(watch.load('first load'))).toHaveLength(1);
    const item = doc.paths[first];
    delete doc.paths[first];
    ws.write('/w/openapi.json', JSON.stringify(doc, null, 2));
    expect(enumWarning(watch.load('removed'))).toHaveLength(1);
    doc.paths[first] = item;
    ws.write('/w/openapi.json', JSON.stringify(doc, null, 2));
    expect(enumWarning(watch.load('put back, last'))).toHaveLength(1);
    doc.paths = { [first]: item, ...doc.paths };
    ws.write('/w/openapi.json', JSON.stringify(doc, null, 2));
    expect(enumWarning(watch.load('first again'))).toHaveLength(1);
    ws.write('/w/openapi.json', JSON.stringify({ ...doc, paths: {} }, null, 2));
    expect(enumWarning(watch.load('no paths: the component checks it'))).toHaveLength(1);
  });

  it('a $ref on the way to what a path item refers to, pointed elsewhere', () => {
    const ws = new Workspace();
    const api = (target: string) =>
      [
        'openapi: 3.1.0',
        'info: {title: t, version: "1"}',
        'paths:',
        '  /a:',
        '    get:',
        "      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/X'}}}}}",
        `components: {$ref: './${target}'}`,
      ].join('\n');
    ws.write('/w/one.yaml', 'schemas: {X: {type: string}}');
    ws.write('/w/two.yaml', 'schemas: {X: {type: strnig}}');
    ws.write('/w/api.yaml', api('one.yaml'));
    const watch = new Watcher(ws, '/w/api.yaml', '/w');
    expect(watch.load('one.yaml').diagnostics).toEqual([]);
    ws.write('/w/api.yaml', api('two.yaml'));
    expect(watch.load('two.yaml').diagnostics.map((d) => d.message)).toEqual([expect.stringContaining("'strnig'")]);
    ws.write('/w/api.yaml', api('one.yaml'));
    watch.load('one.yaml again');
  });

  it('files of small specs, single and multi-file, YAML and JSON, valid and not', () => {
    const specs = [
      'load/multi/openapi.yaml',
      'load/cycle.yaml',
      'load/cycle-files/openapi.yaml',
      'load/dangling.json',
      'load/recursive.yaml',
      'load/missing-file.yaml',
      'load/openapi-spec-validator-parent-reference/openapi.yaml',
      'invalid/heyapi-operationId-unique.yaml',
      'invalid/mermade-duplicateParameter.yaml',
      'invalid/swagger-parser-duplicate-operation-ids.yaml',
      'invalid/redocly-spec-strict-refs/openapi.yaml',
      'invalid/oai-invalid_schema_types.yaml',
    ];
    specs.forEach((spec, i) => {
      const entry = path.join(fixtures, spec);
      const ws = new Workspace();
      addSpec(ws, entry);
      const files = ws.paths().map((p) => new EditedFile(ws, p, p.endsWith('.json') ? 'json' : 'yaml'));
      randomEdits(new Watcher(ws, entry, fixtures), files, 10 + i, 25);
    });
  });

  it('a file that goes missing and comes back, and one that stops parsing', () => {
    const entry = path.join(fixtures, 'load/multi/openapi.yaml');
    const ws = new Workspace();
    addSpec(ws, entry);
    const watch = new Watcher(ws, entry, fixtures);
    const pet = path.join(fixtures, 'load/multi/schemas/pet.yaml');
    const text = ws.read(pet)!;
    watch.load('first load');
    ws.remove(pet);
    watch.load('pet.yaml removed');
    ws.write(pet, 'type: [unclosed');
    watch.load('pet.yaml broken');
    ws.write(pet, text);
    watch.load('pet.yaml back');
    ws.write(entry, ws.read(entry)!.replace(/^openapi: .*$/m, 'openapi: 2.5.0'));
    watch.load('an unsupported version');
    ws.write(entry, ws.read(entry)!.replace(/^openapi: .*$/m, 'swagger: "2.0"'));
    watch.load('read as Swagger 2.0 now');
  });

  it('sequences of fuzzed mutants of each fuzz seed (deep nests, weird names, flipped bytes)', () => {
    for (const [i, seed] of loadSeeds(FIXTURE_SEEDS).entries()) {
      const ws = new Workspace();
      const watch = new Watcher(ws, '/w/spec', '/w');
      for (let k = 0; k < 12; k++) {
        const m = mutant([seed], 100 + i, k, (doc) => stringifyYaml(doc, { aliasDuplicateObjects: false }));
        ws.write('/w/spec', m.text);
        watch.load(`${seed.name} mutant ${k}: ${m.steps.join('; ')}`);
      }
    }
  });
});

describe('real specs through the memory', () => {
  const cloudflare = gunzipSync(readFileSync(path.join(ROOT, 'test/fixtures/specs/cloudflare-openapi-2024-08.json.gz'))).toString('utf8');

  it("Cloudflare's 4 MB spec: targeted and random edits", { timeout: 300_000 }, () => {
    const ws = new Workspace();
    ws.write('/cf/openapi.json', cloudflare);
    const watch = new Watcher(ws, '/cf/openapi.json', '/cf');
    const file = new EditedFile(ws, '/cf/openapi.json', 'json', 0);
    const rng = new Rng(4);
    watch.load('first load');
    // Edits made in the text as it is (an editor does not re-serialize the file).
    expect(file.replace('"summary":"List Accounts"', '"summary":"List Accounts 1"')).toBe(true);
    watch.load('one summary');
    expect(file.replace('"summary":"List Accounts 1"', '"summary":"List Accounts 2"')).toBe(true);
    watch.load('the summary again');
    expect(file.replace('"summary":"List Accounts 2"', '"summary":"List\\nAccounts"')).toBe(true);
    watch.load('an escape in the summary');
    expect(file.edit('newlines', rng)).toBeDefined();
    watch.load('newlines');
    for (const edit of ['garbage', 'undo', 'breakRef', 'undo', 'duplicateOperationId', 'undo', 'changeComponent', 'addOperation', 'removeOperation', 'renamePath', 'string', 'string', 'description']) {
      const did = file.edit(edit, rng);
      if (did) watch.load(`${edit}: ${did}`);
    }
    expect(watch.outcomes.refused).toBeGreaterThan(0);
  });

  it("a long session of edits all over Cloudflare's spec keeps the memory's size", { timeout: 300_000 }, () => {
    // What the memory keeps must not pin earlier texts or trees: 4 to 8 MB a text.
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = () => (gc(), process.memoryUsage().heapUsed / 2 ** 20);
    const ws = new Workspace();
    const memory = new LoadMemory();
    const summaries = [...cloudflare.matchAll(/"summary":"[^"]{3,40}"/g)].map((m) => m[0]);
    let text = cloudflare;
    let before = 0;
    for (let i = 0; i <= 80; i++) {
      const summary = summaries[(i * 7919) % summaries.length]!;
      text = text.replace(summary, `${summary.slice(0, -1)} ${i}"`);
      ws.write('/cf/openapi.json', text);
      expect(loadSpec('/cf/openapi.json', { host: ws.host, cwd: '/cf', memory }).spec).toBeDefined();
      if (i === 20) before = heap();
    }
    expect(heap() - before).toBeLessThan(12);
  });

  it('corpus specs: JSON, YAML, Swagger 2.0, 3.1 with an external file, circular refs', { timeout: 300_000 }, () => {
    const work = tempDir('lathe-incremental-');
    execFileSync('tar', ['-xzf', path.join(ROOT, 'test/fixtures/specs/corpus-valid.tar.gz'), '-C', work]);
    const specs: [string, number][] = [
      ['valid/slack-slack_web_openapi_v2.json', 12],
      ['valid/heyapi-3.1.x/full.yaml', 8],
      ['valid/heyapi-3.1.x/external.yaml', 10],
      ['valid/moby-swagger.yaml', 5],
      ['valid/swagger-parser-circular/circular.yaml', 15],
      ['valid/swagger-parser-deep-circular/deep-circular.yaml', 15],
    ];
    specs.forEach(([spec, count], i) => {
      const entry = path.join(work, spec);
      const ws = new Workspace();
      addSpec(ws, entry);
      const files = ws.paths().map((p) => new EditedFile(ws, p, p.endsWith('.json') ? 'json' : 'yaml'));
      randomEdits(new Watcher(ws, entry, work), files, 20 + i, count);
    });
  });

  it("DigitalOcean's 2,000 files: edits of the entry and of files it refers to", { timeout: 300_000 }, () => {
    const work = tempDir('lathe-incremental-do-');
    execFileSync('tar', ['-xzf', path.join(ROOT, 'test/fixtures/specs/corpus-valid.tar.gz'), '-C', work]);
    const entry = path.join(work, 'valid/openapi-typescript-digital-ocean-api/DigitalOcean-public.v2.yaml');
    const ws = new Workspace();
    addFolder(ws, path.dirname(entry));
    const watch = new Watcher(ws, entry, work);
    const rng = new Rng(5);
    watch.load('first load');
    const files = ws.paths().filter((p) => p.includes('/resources/droplets/'));
    for (let i = 0; i < 4; i++) {
      const file = new EditedFile(ws, rng.pick(files)!, 'yaml');
      const did = file.edit(rng.pick(['description', 'string', 'breakRef', 'garbage'])!, rng);
      if (did) watch.load(`${path.basename(file.path)}: ${did}`);
    }
  });
});

describe('what a load shares with the last one', () => {
  function spec(summary: string): string {
    const doc = petstore() as { paths: Record<string, Record<string, { summary: string }>> };
    doc.paths['/pets/{id}']!.get!.summary = summary;
    return JSON.stringify(doc, null, 2);
  }

  it('an edit inside one operation: only it and its ancestors are new objects', () => {
    const ws = new Workspace();
    const memory = new LoadMemory();
    const load = () => loadSpec('/w/openapi.json', { host: ws.host, cwd: '/w', memory }).spec!.entry.root as Record<string, Record<string, unknown>>;
    ws.write('/w/openapi.json', spec('before'));
    const before = load();
    const copy = structuredClone(before);
    freeze(before);
    ws.write('/w/openapi.json', spec('after'));
    const after = load();
    expect(after).not.toBe(before);
    expect(after.paths).not.toBe(before.paths);
    const [pet, other] = [after.paths!['/pets/{id}'] as Record<string, unknown>, before.paths!['/pets/{id}'] as Record<string, unknown>];
    expect(pet).not.toBe(other);
    expect(pet.get).not.toBe(other.get);
    expect(pet.delete).toBe(other.delete);
    expect((pet.get as { responses: unknown }).responses).toBe((other.get as { responses: unknown }).responses);
    for (const key of Object.keys(before.paths!)) if (key !== '/pets/{id}') expect(after.paths![key]).toBe(before.paths![key]);
    expect(after.components).toBe(before.components);
    expect(after.info).toBe(before.info);
    // The last tree is as it was (it is frozen: a write would have thrown).
    expect(before).toEqual(copy);
    expect((pet.get as { summary: string }).summary).toBe('after');
  });

  it('an edit that only moves text (whitespace) gives the same tree, and diagnostics their new lines', () => {
    const ws = new Workspace();
    const memory = new LoadMemory();
    const text = JSON.stringify({ ...(petstore() as object), components: { schemas: { Bad: { type: 'strnig' } } } }, null, 2);
    const load = () => loadSpec('/w/openapi.json', { host: ws.host, cwd: '/w', memory });
    ws.write('/w/openapi.json', text);
    const first = load();
    ws.write('/w/openapi.json', text.replace('"info": {', '"info":\n\n\n {'));
    const second = load();
    const fresh = loadSpec('/w/openapi.json', { host: ws.host, cwd: '/w' });
    expect(second.diagnostics).toEqual(fresh.diagnostics);
    const line = (r: typeof first) => r.diagnostics.find((d) => d.message.includes('strnig'))?.line;
    expect(line(second)).toBe(line(first)! + 3);
  });

  it('YAML is read whole, yet shares what did not change', () => {
    const ws = new Workspace();
    const memory = new LoadMemory();
    const doc = petstore() as { info: { title: string } };
    ws.write('/w/api.yaml', stringifyYaml(doc));
    const load = () => loadSpec('/w/api.yaml', { host: ws.host, cwd: '/w', memory }).spec!.entry.root as Record<string, unknown>;
    const before = load();
    doc.info.title = 'Changed';
    ws.write('/w/api.yaml', stringifyYaml(doc));
    const after = load();
    expect(after.info).not.toBe(before.info);
    expect(after.paths).toBe(before.paths);
    expect(after.components).toBe(before.components);
    expect(parseYaml(stringifyYaml(after))).toEqual(doc);
  });
});

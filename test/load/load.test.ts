import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Loc } from '../../generator/diagnostics.js';
import { fsHost, loadSpec, memoryHost, type LoadOptions } from '../../generator/load/index.js';

const dir = fileURLToPath(new URL('../fixtures/load/', import.meta.url));
const abs = (rel: string) => path.join(dir, rel);

function load(entry: string, options: Partial<LoadOptions> = {}) {
  return loadSpec(entry, { host: fsHost(), cwd: dir, ...options });
}

function messages(entry: string, options: Partial<LoadOptions> = {}): string[] {
  return load(entry, options).diagnostics.map(formatDiagnostic);
}

describe('multi-file refs', () => {
  const result = load('multi/openapi.yaml');
  const spec = result.spec!;
  const entry = abs('multi/openapi.yaml');

  it('loads every reachable file with no diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
    expect([...spec.files.keys()].sort()).toEqual(
      ['multi/openapi.yaml', 'multi/params/common.yaml', 'multi/schemas/owner.yaml', 'multi/schemas/pet.yaml'].map(abs).sort(),
    );
    expect(spec.version).toBe('3.0');
    expect(spec.rawVersion).toBe('3.0.3');
    expect(spec.entry.displayPath).toBe(path.join('multi', 'openapi.yaml'));
  });

  it('follows a ref to a ref across files (subfolder, then back up with ../)', () => {
    const at: Loc = { file: entry, pointer: '#/paths/~1pets~1{id}/get/parameters/0' };
    const r = spec.deref(spec.get(at), at)!;
    expect(r.value).toMatchObject({ name: 'id', in: 'path' });
    expect(r.loc).toEqual({ file: entry, pointer: '#/components/parameters/Id' });
  });

  it('resolves a pointer that passes through a $ref in another file', () => {
    const at: Loc = { file: entry, pointer: '#/paths/~1pets~1{id}~1owner-name/get/responses/200/content/application~1json/schema' };
    const r = spec.deref(spec.get(at), at)!;
    expect(r.value).toEqual({ type: 'string' });
    expect(r.loc).toEqual({ file: abs('multi/schemas/owner.yaml'), pointer: '#/properties/name' });
  });

  it('decodes ~0, ~1 and percent-encoding in pointer tokens', () => {
    const at: Loc = { file: entry, pointer: '#/components/schemas/Odd' };
    const r = spec.deref(spec.get(at), at)!;
    expect(r.value).toEqual({ type: 'integer' });
    expect(r.loc).toEqual({ file: abs('multi/schemas/pet.yaml'), pointer: '#/x-odd~1keys/a~0b c' });
  });

  it('get follows refs on the way but not at the end; locate says where the value lives', () => {
    const pet = abs('multi/schemas/pet.yaml');
    expect(spec.get({ file: pet, pointer: '#/properties/owner' })).toEqual({ $ref: './owner.yaml' });
    expect(spec.get({ file: pet, pointer: '#/properties/owner/type' })).toBe('object');
    expect(spec.locate({ file: pet, pointer: '#/properties/owner/properties/pets/items' })).toEqual({
      value: { $ref: 'pet.yaml' },
      loc: { file: abs('multi/schemas/owner.yaml'), pointer: '#/properties/pets/items' },
    });
    expect(spec.get({ file: pet, pointer: '#/properties/nope' })).toBeUndefined();
    expect(spec.get({ file: abs('multi/elsewhere.yaml'), pointer: '#' })).toBeUndefined();
  });

  it('finds positions lazily, in any file', () => {
    // owner.yaml line 8 is `      $ref: 'pet.yaml'`.
    expect(spec.position({ file: abs('multi/schemas/owner.yaml'), pointer: '#/properties/pets/items/$ref' })).toEqual({
      line: 8,
      column: 7,
    });
    // A pointer that does not exist gets its deepest existing ancestor: `components:` on line 30.
    expect(spec.position({ file: entry, pointer: '#/components/nope/deeper' })).toEqual({ line: 30, column: 1 });
    const placed = spec.place({ severity: 'warning', message: 'm', loc: { file: entry, pointer: '#/info/title' } });
    expect(formatDiagnostic(placed)).toBe(`${path.join('multi', 'openapi.yaml')}:3:3: warning: m (at #/info/title)`);
  });
});

describe('refs that cannot be followed', () => {
  it('a recursive schema through properties and items is fine', () => {
    const result = load('recursive.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.spec).toBeDefined();
  });

  it('a cycle of refs with no structure is a warning (an unconstrained value), reported once', () => {
    const result = load('cycle.yaml');
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'cycle.yaml:8:7: warning: $ref cycle never reaches a value: #/components/schemas/A -> #/components/schemas/B -> #/components/schemas/A; treated as an unconstrained value (at #/components/schemas/A/$ref)',
    ]);
    expect(result.spec).toBeDefined();
  });

  it('a loop entered first from outside is reported from its own first ref, not as the outside ref saw it', () => {
    // X leads into the loop A <-> B with the same string B uses; B is the loop's first ref in the walk.
    const files = {
      '/v/api.yaml': [
        'openapi: 3.1.0',
        'info: {title: t, version: "1"}',
        'components:',
        '  schemas:',
        "    X: {$ref: '#/components/schemas/A'}",
        "    B: {$ref: '#/components/schemas/A'}",
        "    A: {$ref: '#/components/schemas/B'}",
      ].join('\n'),
    };
    expect(loadSpec('api.yaml', { host: memoryHost(files), cwd: '/v' }).diagnostics.map(formatDiagnostic)).toEqual([
      'api.yaml:6:9: warning: $ref cycle never reaches a value: #/components/schemas/B -> #/components/schemas/A -> #/components/schemas/B; treated as an unconstrained value (at #/components/schemas/B/$ref)',
    ]);
  });

  it('a cycle across files is reported at a ref in the loop, not at the ref leading into it', () => {
    expect(messages('cycle-files/openapi.yaml')).toEqual([
      `${path.join('cycle-files', 'a.yaml')}:1:1: warning: $ref cycle never reaches a value: ${path.join('cycle-files', 'a.yaml')} -> ${path.join('cycle-files', 'b.yaml')} -> ${path.join('cycle-files', 'a.yaml')}; treated as an unconstrained value (at #/$ref)`,
    ]);
  });

  it('a URL is refused: no network calls', () => {
    expect(messages('url-ref.yaml')).toEqual([
      "url-ref.yaml:9:7: error: $ref 'https://example.com/schemas/pet.yaml#/Pet' is a URL; lathe makes no network calls: download the file and refer to it by a relative path (at #/components/schemas/Remote/$ref)",
    ]);
  });

  it('a file outside the entry folder is refused unless its folder is an allowed root', () => {
    const outside = path.join('outside', 'shared', 'common.yaml');
    expect(messages('outside/spec/openapi.yaml')).toEqual([
      `${path.join('outside', 'spec', 'openapi.yaml')}:9:7: error: $ref '../shared/common.yaml#/Thing' points outside the spec's folder (to ${outside}); lathe only reads files under the entry file's folder or an allowed root (at #/components/schemas/Thing/$ref)`,
    ]);
    expect(messages('outside/spec/openapi.yaml', { allowedRoots: ['outside/shared'] })).toEqual([]);
    const allowed = load('outside/spec/openapi.yaml', { allowedRoots: [abs('outside')] });
    expect(allowed.diagnostics).toEqual([]);
    expect(allowed.spec?.files.size).toBe(2);
  });

  it('a missing file is named', () => {
    expect(messages('missing-file.yaml')).toEqual([
      "missing-file.yaml:9:7: error: $ref './nope.yaml#/Gone' points to a file that does not exist: nope.yaml (at #/components/schemas/Gone/$ref)",
    ]);
  });

  it('a dangling ref in JSON gets the position of its `$ref` key', () => {
    expect(messages('dangling.json')).toEqual([
      "dangling.json:14:49: error: $ref '#/components/schemas/Nope' does not resolve (at #/paths/~1a~1{b}/get/responses/200/content/application~1json/schema/$ref)",
    ]);
  });

  it('one $ref string written in two files resolves against each file, wherever it is written', () => {
    const files = {
      '/v/api.yaml': [
        'openapi: 3.1.0',
        'info: {title: t, version: "1"}',
        'paths: {}',
        'components:',
        '  schemas:',
        "    A: {$ref: './common.yaml#/X'}",
        "    B: {$ref: './common.yaml#/X'}",
        "    C: {$ref: './sub/other.yaml#/Y'}",
      ].join('\n'),
      '/v/common.yaml': 'X: {type: string}',
      '/v/sub/other.yaml': "Y: {$ref: './common.yaml#/X'}",
      '/v/sub/common.yaml': 'X: {type: integer}',
    };
    const result = loadSpec('api.yaml', { host: memoryHost(files), cwd: '/v' });
    expect(result.diagnostics).toEqual([]);
    const spec = result.spec!;
    const at = (name: string): Loc => ({ file: '/v/api.yaml', pointer: `#/components/schemas/${name}` });
    const resolve = (name: string) => spec.deref(spec.get(at(name)), at(name));
    expect(resolve('A')).toEqual({ value: { type: 'string' }, loc: { file: '/v/common.yaml', pointer: '#/X' } });
    expect(resolve('B')).toEqual(resolve('A'));
    expect(resolve('C')).toEqual({ value: { type: 'integer' }, loc: { file: '/v/sub/common.yaml', pointer: '#/X' } });
    const y: Loc = { file: '/v/sub/other.yaml', pointer: '#/Y' };
    expect(spec.deref(spec.get(y), y)).toEqual(resolve('C'));
  });

  it('a pointer that passes through its own ref is a cycle, not a hang', () => {
    const files = {
      '/v/api.yaml': [
        'openapi: 3.1.0',
        'info: {title: t, version: "1"}',
        'components:',
        '  schemas:',
        '    X:',
        "      $ref: '#/components/schemas/X/properties/a'",
      ].join('\n'),
    };
    const result = loadSpec('api.yaml', { host: memoryHost(files), cwd: '/v' });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'api.yaml:6:7: warning: $ref cycle never reaches a value: #/components/schemas/X -> #/components/schemas/X; treated as an unconstrained value (at #/components/schemas/X/$ref)',
    ]);
  });

  it('refuses other schemes, plain-name fragments and bad pointers with their own messages', () => {
    const files = {
      '/v/api.yaml': [
        'openapi: 3.1.0',
        'info: {title: t, version: "1"}',
        'components:',
        '  schemas:',
        '    A: {$ref: "file:///etc/passwd"}',
        '    B: {$ref: "#Foo"}',
        '    C: {$ref: "#/components/schemas/~2"}',
        '    D: {$ref: "#/components/schemas/%ZZ"}',
        '    E: {$ref: "#/components/schemas/E%20F"}',
        '    E F: {type: string}',
      ].join('\n'),
    };
    const result = loadSpec('api.yaml', { host: memoryHost(files), cwd: '/v' });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      "api.yaml:5:9: error: $ref 'file:///etc/passwd' uses the 'file:' scheme; lathe only follows relative file paths and '#/...' pointers (at #/components/schemas/A/$ref)",
      "api.yaml:6:9: error: $ref '#Foo' has a plain-name fragment; lathe only follows JSON pointers ('#/...') (at #/components/schemas/B/$ref)",
      "api.yaml:7:9: error: $ref '#/components/schemas/~2' is not a valid JSON pointer ('~' must be followed by 0 or 1) (at #/components/schemas/C/$ref)",
      "api.yaml:8:9: error: $ref '#/components/schemas/%ZZ' is not a valid URI reference (at #/components/schemas/D/$ref)",
    ]);
  });

  it('a $ref to a file that holds null is a problem of the schema, not a crash', () => {
    const files = { '/v/api.yaml': "openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    A: {$ref: './n.json'}\n", '/v/n.json': 'null' };
    expect(loadSpec('api.yaml', { host: memoryHost(files), cwd: '/v' }).diagnostics.map(formatDiagnostic)).toEqual([
      'n.json:1:1: error: a schema must be an object or a boolean, not null (at #)',
    ]);
  });

  it('a property named `$ref` (its value a schema) is not a reference', () => {
    const files = {
      '/v/api.json': JSON.stringify({
        openapi: '3.0.3',
        info: { title: 't', version: '1' },
        paths: {},
        components: { schemas: { S: { type: 'object', properties: { $ref: { type: 'string' } } } } },
      }),
    };
    expect(loadSpec('api.json', { host: memoryHost(files), cwd: '/v' }).diagnostics).toEqual([]);
  });
});

describe('reading files', () => {
  it('a missing entry file', () => {
    expect(messages('nothere.yaml')).toEqual(['nothere.yaml: error: file not found']);
  });

  it('an empty (whitespace-only) file', () => {
    expect(messages('empty.yaml')).toEqual(['empty.yaml: error: file is empty']);
  });

  it('bytes that are not UTF-8, with the place of the first bad byte', () => {
    // Line 3 is `  title: Caf\xe9`: 15 + 6 bytes of lines 1-2, then 12 more.
    expect(messages('latin1.yaml')).toEqual(['latin1.yaml:3:13: error: file is not valid UTF-8 (bad byte at offset 33)']);
  });

  it('a BOM is dropped and does not shift columns', () => {
    expect(messages('bom.yaml')).toEqual([
      "bom.yaml:9:7: error: $ref '#/components/schemas/Nope' does not resolve (at #/components/schemas/A/$ref)",
    ]);
    const json = load('bom.json');
    expect(json.diagnostics).toEqual([]);
    expect(json.spec?.version).toBe('3.0');
  });

  it('refuses a billion-laughs alias bomb', () => {
    expect(messages('billion-laughs.yaml')).toEqual([
      'billion-laughs.yaml: error: YAML aliases expand more than 100 times; refusing what looks like a "billion laughs" document',
    ]);
  });

  it('duplicate keys are an error at the second key', () => {
    expect(messages('duplicate-keys.yaml')).toEqual(["duplicate-keys.yaml:5:3: error: duplicate key 'title'"]);
  });

  it('a JSON syntax error has a line and column', () => {
    // Line 3 is `  "info": {"title": "x",}`: the `}` after the trailing comma is column 25.
    expect(messages('bad-json.json')).toEqual(['bad-json.json:3:25: error: invalid JSON: Expected double-quoted property name']);
    // V8 gives no position for this one; the loader finds it: `tru` starts at column 14.
    expect(messages('bad-token.json')).toEqual(["bad-token.json:2:14: error: invalid JSON: unexpected 'tru'"]);
  });

  it('a YAML syntax error has a line and column', () => {
    // Line 3 is `  title: Bad: YAML`: the plain scalar starting at column 10 holds a `: `.
    expect(messages('bad-yaml.yaml')).toEqual([
      'bad-yaml.yaml:3:10: error: invalid YAML: Nested mappings are not allowed in compact mappings',
    ]);
  });

  it('a document whose root is not an object', () => {
    const host = memoryHost({ '/v/list.yaml': '- a\n- b\n', '/v/text.json': '"openapi"' });
    expect(loadSpec('list.yaml', { host, cwd: '/v' }).diagnostics.map(formatDiagnostic)).toEqual([
      'list.yaml:1:1: error: not an OpenAPI document: the top level is an array, not an object (at #)',
    ]);
    expect(loadSpec('text.json', { host, cwd: '/v' }).diagnostics.map(formatDiagnostic)).toEqual([
      'text.json:1:1: error: not an OpenAPI document: the top level is a string, not an object (at #)',
    ]);
  });

  it('YAML that starts with `{` but is not JSON is still read as YAML', () => {
    const host = memoryHost({ '/v/flow.yaml': '{openapi: 3.1.0, info: {title: t, version: "1"}, paths: {}}' });
    const result = loadSpec('flow.yaml', { host, cwd: '/v' });
    expect(result.diagnostics).toEqual([]);
    expect(result.spec?.entry.format).toBe('yaml');
  });

  it('reads bytes from a memory host', () => {
    const bytes = new TextEncoder().encode('swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\n');
    const result = loadSpec('/v/api.yaml', { host: memoryHost({ '/v/api.yaml': bytes }), cwd: '/v' });
    expect(result.diagnostics).toEqual([]);
    expect(result.spec?.version).toBe('2.0');
  });
});

describe('real multi-file specs from the corpus', () => {
  it('openapi-spec-validator parent-reference (../ refs, a ref to a ref across files)', () => {
    const result = load('openapi-spec-validator-parent-reference/openapi.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.spec?.files.size).toBe(5);
  });

  it('swagger-parser deep-circular (pointers through refs, refs inside enum)', () => {
    const result = load('swagger-parser-deep-circular/deep-circular.yaml');
    expect(result.diagnostics).toEqual([]);
    const spec = result.spec!;
    const name = abs('swagger-parser-deep-circular/definitions/name.yaml');
    const at: Loc = { file: name, pointer: '#/properties/middle/enum/0' };
    expect(spec.deref(spec.get(at), at)?.value).toBe('string');
    const title: Loc = { file: name, pointer: '#/properties/middle/enum/1' };
    expect(spec.deref(spec.get(title), title)?.value).toBe('requiredString');
  });
});

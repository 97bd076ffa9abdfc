/**
 * A YAML file edited under `--watch` is read in part (generator/load/yaml-edit.ts): only the block
 * mapping entry around the edit. Whatever the edit, a read through the kept file must give what a
 * whole read of the new text gives; the cases an editor makes most (a scalar, a line of a block
 * scalar, an item, a key added) must be read in part, and the cases where the entry does not
 * stand for the whole (aliases, merge keys, a sequence at its key's indent, tabs) must not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { readSpecBytes } from '../../generator/load/read.js';
import { reread, type KeptFile } from '../../generator/load/reread.js';
import type { SpecHost } from '../../generator/load/types.js';
import { differ } from './trees.js';

const PATH = '/w/api.yaml';

/**
 * Reads `texts` one after the other through one kept file, each checked against a whole read; for
 * each after the first, whether it was read in part (`readable`: of those js-yaml reads whole).
 */
function readInTurn(texts: readonly string[], readable?: boolean[]): boolean[] {
  let bytes = new Uint8Array();
  const host: SpecHost = { readFile: () => bytes };
  const kept = new Map<string, KeptFile>();
  const partial: boolean[] = [];
  texts.forEach((text, i) => {
    bytes = new TextEncoder().encode(text);
    const got = reread(host, PATH, 'api.yaml', kept);
    const fresh = readSpecBytes(bytes, PATH, 'api.yaml');
    expect(got.diagnostics, `read ${i}`).toEqual(fresh.diagnostics);
    expect(got.file?.text === fresh.file?.text, `text of read ${i}`).toBe(true);
    expect(differ(got.file?.root, fresh.file?.root), `tree of read ${i}`).toBeUndefined();
    if (i === 0) return;
    // Only a read in part keeps the text as pieces (reread.ts).
    partial.push(kept.get(PATH)!.last.pieces !== undefined);
    readable?.push(fresh.quickYaml === true && text !== texts[i - 1]);
  });
  return partial;
}

const SPEC = `openapi: 3.0.3
info:
  title: Pets
  version: "1"
paths:
  '/pets/{id}':
    get:
      summary: Get a pet
      description: |
        Returns one pet.

        - name: the pet's name
        - tag: a tag
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
        - $ref: '#/components/parameters/Limit'
      responses:
        "200":
          description: ok # a comment
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Pet'
components:
  parameters:
    Limit: { name: limit, in: query, schema: { type: integer } }
  schemas:
    Pet:
      type: object
      required: [id, name]
      properties:
        id: { type: integer, maximum: 10 }
        kind:
          type: string
          enum:
            - cat
            - dog
`;

/** `SPEC` with `find` replaced by `by` (which must be there once). */
function edited(find: string, by: string, text = SPEC): string {
  expect(text.split(find).length, find).toBe(2);
  return text.replace(find, by);
}

describe('a YAML edit read in part', () => {
  it.each([
    ['a summary', 'summary: Get a pet', 'summary: Get one pet'],
    ['a line of a block scalar that reads like an entry', "- name: the pet's name", "- name: the pet's given name"],
    ['a blank line of a block scalar', 'Returns one pet.\n\n', 'Returns one pet.\n        More.\n'],
    ['a key of a sequence item', 'in: path', 'in: query'],
    ['the first key of a sequence item', '- name: id', '- name: petId'],
    ['a scalar item', '- dog', '- dog2'],
    ['a value under a quoted key', 'description: ok # a comment', 'description: fine # a comment'],
    ['a type', 'maximum: 10', 'maximum: 12.5'],
    ['a flow sequence', 'required: [id, name]', 'required: [id, name, kind]'],
    ['a flow mapping', 'Limit: { name: limit,', 'Limit: { name: max,'],
    ['a key added', '      summary: Get a pet\n', '      summary: Get a pet\n      operationId: getPet\n'],
    ['an item added', '            - dog\n', '            - dog\n            - bird\n'],
    ['a nested block added', '        id: { type: integer, maximum: 10 }\n', '        id: { type: integer, maximum: 10 }\n        name:\n          type: string\n'],
    ['a value made a block', 'summary: Get a pet', 'summary: >-\n        Get\n        a pet'],
  ])('%s', (_name, find, by) => {
    expect(readInTurn([SPEC, edited(find, by)])).toEqual([true]);
  });

  it('edit after edit, with CRLF line ends and four-space indents', () => {
    const crlf = SPEC.replace(/\n/g, '\r\n');
    const four = stringifyYaml(parseYaml(SPEC), { indent: 4 });
    for (const base of [crlf, four]) {
      const one = edited('summary: Get a pet', 'summary: Get one pet', base);
      const two = edited('in: path', 'in: header', one);
      const three = edited('- dog', '- wolf', two);
      expect(readInTurn([base, one, two, three])).toEqual([true, true, true]);
    }
  });

  it.each([
    ['an alias brought in', 'summary: Get a pet', 'summary: *x'],
    ['a merge key brought in', '          schema:\n            type: string', '          schema:\n            <<: {}\n            type: string'],
    ['a null key', 'summary: Get a pet', 'summary: Get a pet\n      ~: x'],
    ['a top-level key renamed', 'components:', 'components2:'],
    ['a tab in an indent', '      summary: Get a pet', '\t  summary: Get a pet'],
    ['an entry broken', 'summary: Get a pet', 'summary: "Get a pet'],
    ['a duplicate key', '      summary: Get a pet\n', '      summary: Get a pet\n      summary: again\n'],
  ])('not: %s', (_name, find, by) => {
    expect(readInTurn([SPEC, edited(find, by)])).toEqual([false]);
  });

  it('a sequence written at its key\'s indent', () => {
    const compact = edited('          enum:\n            - cat\n            - dog', '          enum:\n          - cat\n          - dog');
    // Made so by an edit of the entry around it; then an item of it, and an entry below it.
    expect(readInTurn([SPEC, compact, edited('- dog', '- wolf', compact), edited('- dog', '- wolf\n        name: { type: string }', compact)])).toEqual([true, true, true]);
    const top = 'openapi: 3.1.0\ntags:\n- name: a\n  description: x\n- name: b\npaths: {}\n';
    expect(readInTurn([top, top.replace('description: x', 'description: y'), top.replace('description: x', 'description: y').replace('name: b', 'name: c')])).toEqual([true, true]);
  });

  it('not in a document that js-yaml leaves to the yaml library, nor after one', () => {
    const anchored = `${SPEC}x-shared: &x { a: 1 }\nx-use: *x\n`;
    expect(readInTurn([anchored, edited('summary: Get a pet', 'summary: Get one pet', anchored)])).toEqual([false]);
  });

  it('a mapping in flow style over several lines', () => {
    const flow = `a:\n  b: {\n   c: 1,\n   d: 2 }\n  e: 1\n`;
    const partial = readInTurn([flow, flow.replace('d: 2', 'd: 3'), flow.replace('d: 2', 'd: 3').replace('e: 1', 'e: 2')]);
    // The flow mapping's lines do not say where they belong: read whole; the entry after it, in part.
    expect(partial).toEqual([false, true]);
  });

  it('gives what a whole read gives, for any edit of any document', () => {
    const scalar = fc.oneof(fc.string({ unit: fc.constantFrom('a', ' ', ':', '-', '#', '\n', "'", '"', '|', '1', '&', '*', '[', '{'), maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null));
    const key = fc.string({ unit: fc.constantFrom('k', 'e', ' ', ':', '-', '1', '/', '{', '~'), minLength: 1, maxLength: 6 });
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('map'), tie('seq')),
      map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      seq: fc.array(tie('node'), { maxLength: 3 }),
    })).map;
    const options = fc.record({ indent: fc.constantFrom(2, 4), indentSeq: fc.boolean(), flow: fc.boolean(), lineWidth: fc.constantFrom(0, 20) });
    /** An edit as an editor makes it: characters typed, deleted or replaced at a place, or a line typed. */
    const change = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 6 }),
      put: fc.oneof(fc.string({ unit: fc.constantFrom('a', ' ', ':', '-', '#', '\n', '\t', "'", '"', '|', '*', '&', '<', '~', '{', '[', '1'), maxLength: 8 }), fc.constantFrom('\n  x: 1', '\n- y', 'key: value\n', '  ')),
    });
    let partial = 0;
    let readable = 0;
    fc.assert(
      fc.property(value, options, fc.array(change, { minLength: 1, maxLength: 4 }), (doc, opts, changes) => {
        const base = stringifyYaml({ openapi: '3.1.0', doc }, { indent: opts.indent, indentSeq: opts.indentSeq, lineWidth: opts.lineWidth, ...(opts.flow ? { collectionStyle: 'flow' as const } : {}) });
        const texts = [base];
        for (const c of changes) {
          const last = texts[texts.length - 1]!;
          const at = c.at % (last.length + 1);
          texts.push(last.slice(0, at) + c.put + last.slice(at + c.cut));
        }
        const quick: boolean[] = [];
        const read = readInTurn(texts, quick);
        readable += quick.filter(Boolean).length;
        partial += read.filter((p, i) => p && quick[i]).length;
      }),
      { seed: 11, numRuns: 1500 },
    );
    // Half the documents are in flow style, and random edits often land on a top-level key: of
    // the edits that leave a document js-yaml reads, still a good share is read in part.
    expect(readable).toBeGreaterThan(300);
    expect(partial / readable).toBeGreaterThan(0.2);
  });
});

/**
 * YAML is read by js-yaml when it can (read.ts `quickYaml`) and its places found from js-yaml's
 * events (yaml-places.ts); the `yaml` library reads the rest, and words the errors. Whatever the
 * path, the tree and the places must be what `yaml` gives: checked here on every YAML file of the
 * valid corpus (2,000 files: DigitalOcean's, OpenAI's, Moby's...) and the test fixtures.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yaml';
import { quickYaml, YAML_OPTIONS } from '../../generator/load/read.js';
import { YamlPlaces } from '../../generator/load/yaml-places.js';
import { loadSpec, memoryHost } from '../../generator/load/index.js';
import { ROOT, removeTempDirs, tempDir } from '../helpers.js';

afterAll(removeTempDirs);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The offset of the node at `tokens` in `yaml`'s syntax tree, as positions.ts found it before (aliases and merge keys aside). */
function treeOffset(doc: Y.Document, tokens: readonly string[]): number {
  const start = (n: unknown) => (n as { range?: number[] } | null)?.range?.[0];
  let node: unknown = doc.contents;
  let offset = start(node) ?? 0;
  for (const token of tokens) {
    if (Y.isMap(node)) {
      const pair = node.items.find((p) => (Y.isScalar(p.key) ? String(p.key.value) : String(p.key)) === token);
      if (!pair) break;
      offset = start(pair.key) ?? start(pair.value) ?? offset;
      node = pair.value;
    } else if (Y.isSeq(node)) {
      const item = /^(0|[1-9]\d*)$/.test(token) ? node.items[Number(token)] : undefined;
      if (item === undefined) break;
      offset = start(item) ?? offset;
      node = item;
    } else break;
  }
  return offset;
}

/** Up to `max` pointers into `value`, parents first, and two that go past what it has. */
function pointers(value: unknown, max: number): string[][] {
  const out: string[][] = [];
  const visit = (v: unknown, tokens: string[]) => {
    if (out.length >= max) return;
    out.push(tokens);
    if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) visit(c, [...tokens, k]);
  };
  visit(value, []);
  return [...out, ['no-such-member'], [...(out[out.length - 1] ?? []), 'no-such-member', 'x']];
}

describe('YAML read by js-yaml', () => {
  const work = tempDir('lathe-yaml-quick-');
  execFileSync('tar', ['-xzf', join(ROOT, 'test/fixtures/specs/corpus-valid.tar.gz'), '-C', work]);
  const files = [...yamlFiles(join(work, 'valid')), ...yamlFiles(join(ROOT, 'test/fixtures'))];
  /** The files js-yaml reads, with its tree and yaml's document. */
  const quick = files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const got = quickYaml(text);
    return got ? [{ file, text, root: got.root, doc: Y.parseDocument(text, YAML_OPTIONS) }] : [];
  });

  it('reads every corpus and fixture file to the tree yaml reads, or leaves it to yaml', () => {
    const differ: string[] = [];
    for (const { file, root, doc } of quick) {
      expect(doc.errors, file).toEqual([]);
      if (!isDeepStrictEqual(root, doc.toJS())) differ.push(file);
    }
    expect(differ).toEqual([]);
    // Most of them, not a few: the fast path is the common one.
    expect(files.length).toBeGreaterThan(2000);
    expect(quick.length).toBeGreaterThan(files.length - 20);
  });

  it('places every node where yaml places it', () => {
    let checked = 0;
    const wrong: string[] = [];
    for (const { file, text, root, doc } of quick) {
      // From the events the read parsed (read.ts keeps them for this): the text is not parsed again.
      const places = YamlPlaces.fromEvents(text, quickYaml(text)!.events);
      expect(places, file).toBeDefined();
      for (const tokens of pointers(root, 500)) {
        checked++;
        if (places!.offset(tokens) !== treeOffset(doc, tokens)) wrong.push(`${file} ${JSON.stringify(tokens)}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(20_000);
  });

  it('places quoted and tagged keys at their first character, and finds keys as the core schema resolves them', () => {
    const text = "a:\n  'q': 1\n  \"d\": 2\n  010: ten\n  ~: nothing\n  !!str t: tagged\n  list:\n    - k: 1\n    - [x, y]\n";
    const places = YamlPlaces.of(text)!;
    const at = (...tokens: string[]) => text.slice(places.offset(tokens), places.offset(tokens) + 4);
    expect(at('a', 'q')).toBe("'q':");
    expect(at('a', 'd')).toBe('"d":');
    expect(at('a', '10')).toBe('010:');
    expect(at('a', '')).toBe('~: n');
    expect(at('a', 'list', '0')).toBe('k: 1');
    expect(at('a', 'list', '1', '1')).toBe('y]\n');
    // Past the end: the deepest member there is.
    expect(at('a', 'list', '7', 'x')).toBe('list');
    // A null key is '' to yaml and 'null' to js-yaml: yaml reads such a file.
    expect(quickYaml(text)).toBeUndefined();
    const plain = text.replace('  ~: nothing\n', '');
    expect(quickYaml(plain)?.root).toEqual(Y.parse(plain, YAML_OPTIONS));
  });

  it('leaves to yaml what js-yaml would read otherwise or not at all', () => {
    expect(quickYaml('a: &x {b: 1}\nc: *x\n')).toBeUndefined();
    expect(quickYaml('base: {b: 1}\nc:\n  <<: {b: 2}\n  d: 3\n')).toBeUndefined();
    expect(quickYaml('a: 1\na: 2\n')).toBeUndefined();
    expect(quickYaml('a: 1\n---\nb: 2\n')).toBeUndefined();
    expect(quickYaml('a: !custom 1\n')).toBeUndefined();
    for (const key of ['~', 'null', 'NULL', '', 'null ', '? ~\n ']) expect(quickYaml(`a:\n  ${key}: 1\n`), key).toBeUndefined();
    expect(quickYaml('a: {x: 1, null: 2}\n')).toBeUndefined();
    expect(quickYaml('a: [{x: 1}, {b: {~ : 2}}]\n')).toBeUndefined();
    // Not told apart from a null key: left to yaml too, which reads it the same.
    expect(quickYaml('a:\n  "null": 1\n')).toBeUndefined();
    // A long run of blanks (a pattern over the text once took seconds on one).
    expect(quickYaml(`a:\n  b: c${' '.repeat(200_000)}\n`)?.root).toEqual({ a: { b: 'c' } });
    expect(YamlPlaces.of('a: &x {b: 1}\nc: *x\n')).toBeUndefined();
    expect(YamlPlaces.of('a: 1\n---\nb: 2\n')).toBeUndefined();
  });

  it('reports a bad document as yaml words it, at its place', async () => {
    const host = memoryHost({ '/s/dup.yaml': 'openapi: 3.0.0\ninfo: {title: t, version: "1"}\npaths: {}\npaths: {}\n' });
    const { diagnostics } = await loadSpec('/s/dup.yaml', { host, cwd: '/s' });
    expect(diagnostics.map((d) => [d.severity, d.message, d.line])).toEqual([['error', "duplicate key 'paths'", 4]]);
  });
});

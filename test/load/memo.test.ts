/**
 * A load that reuses what the last run checked (load/memo.ts) against a load from scratch: after
 * each edit, the same diagnostics in the same order, placed the same, and a spec exactly when there
 * is no error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadSpec, memoryHost } from '../../generator/load/index.js';
import type { LoadResult } from '../../generator/load/types.js';
import { ROOT, tempDir } from '../helpers.js';

type Doc = { paths: Record<string, Record<string, Record<string, unknown>>>; components: { schemas: Record<string, unknown> } };

const FILE = '/specs/api.json';

function load(doc: Doc, memoDir?: string): LoadResult {
  const host = memoryHost({ [FILE]: JSON.stringify(doc) });
  return loadSpec(FILE, { host, cwd: '/specs', ...(memoDir ? { memo: { file: join(memoDir, 'load.json'), maker: 'test' } } : {}) });
}

/** The observable result: diagnostics as printed, and whether there is a spec. */
function seen(r: LoadResult) {
  return { diagnostics: r.diagnostics.map((d) => `${d.displayFile}:${d.line}:${d.column}: ${d.severity}: ${d.message}`), spec: r.spec !== undefined };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
function operationOf(item: Record<string, Record<string, unknown>>): Record<string, unknown> | undefined {
  const m = METHODS.find((k) => item[k]);
  return m ? item[m] : undefined;
}

const EDITS: Record<string, (item: Record<string, Record<string, unknown>>, n: number) => void> = {
  summary(item, n) {
    const op = operationOf(item);
    if (op) op.summary = `edited ${n}`;
  },
  'a warning'(item, n) {
    const op = operationOf(item);
    if (op) op.parameters = [{ name: `w${n}`, in: 'query', schema: { type: 'integer', enum: ['not a number'] } }];
  },
  'a broken ref'(item) {
    const op = operationOf(item);
    if (op) op.requestBody = { $ref: '#/components/requestBodies/Nope' };
  },
  'a duplicate operationId'(item) {
    const op = operationOf(item);
    if (op) op.operationId = 'cloudforce-one-request-list';
  },
  'a ref into paths'(item) {
    const op = operationOf(item);
    if (op) op.responses = { '200': { $ref: '#/paths/~1accounts~1{account_id}~1cloudforce-one~1requests/post/responses/200' } };
  },
  'an unknown field'(item, n) {
    item[`Get${n}`] = {};
  },
  'a component'(_, n) {
    void n;
  },
};

const base = parseYaml(readFileSync(join(ROOT, 'examples/cloudforce-one/spec/cloudflare-cloudforce-one.yaml'), 'utf8')) as Doc;

describe('loading with a memo', () => {
  it.each(Object.keys(EDITS))('%s: the same result as loading from scratch', (kind) => {
    const dir = tempDir('lathe-memo-');
    const doc = structuredClone(base);
    expect(seen(load(doc, dir))).toEqual(seen(load(doc)));
    const keys = Object.keys(doc.paths);
    EDITS[kind]!(doc.paths[keys[4]!]!, 1);
    if (kind === 'a component') (doc.components.schemas[Object.keys(doc.components.schemas)[0]!] as Record<string, unknown>).type = 'nonsense';
    expect(seen(load(doc, dir))).toEqual(seen(load(doc)));
  });

  it('checks only the changed path item after an edit that stays inside it', () => {
    const dir = tempDir('lathe-memo-');
    const doc = structuredClone(base);
    expect(load(doc, dir).checkedOnly).toBeUndefined();
    EDITS['a warning']!(doc.paths[Object.keys(doc.paths)[2]!]!, 1);
    const after = load(doc, dir);
    expect(after.checkedOnly).toBe(1);
    expect(after.diagnostics.some((d) => d.message.includes('does not match the schema'))).toBe(true);
    // Back again: the warning goes.
    doc.paths[Object.keys(doc.paths)[2]!] = structuredClone(base.paths[Object.keys(base.paths)[2]!]!);
    const undone = load(doc, dir);
    expect(undone.checkedOnly).toBe(1);
    expect(seen(undone)).toEqual(seen(load(doc)));
  });

  it('checks everything after an edit that reaches outside the path item', () => {
    for (const kind of ['a duplicate operationId', 'a ref into paths']) {
      const dir = tempDir('lathe-memo-');
      const doc = structuredClone(base);
      load(doc, dir);
      EDITS[kind]!(doc.paths[Object.keys(doc.paths)[4]!]!, 1);
      expect(load(doc, dir).checkedOnly).toBeUndefined();
    }
  });

  it('remembers the operationIds of the path items it checked alone', () => {
    const dir = tempDir('lathe-memo-');
    const doc = structuredClone(base);
    const keys = Object.keys(doc.paths);
    load(doc, dir);
    EDITS.summary!(doc.paths[keys[0]!]!, 1);
    expect(load(doc, dir).checkedOnly).toBe(1);
    // Another path item takes the first one's operationId: a duplicate, as from scratch.
    operationOf(doc.paths[keys[3]!]!)!.operationId = operationOf(doc.paths[keys[0]!]!)!.operationId;
    const dup = load(doc, dir);
    expect(dup.diagnostics.some((d) => d.message.startsWith('duplicate operationId'))).toBe(true);
    expect(seen(dup)).toEqual(seen(load(doc)));
  });

  it('a changed path item that reaches a component with a warning reports it once', () => {
    const dir = tempDir('lathe-memo-');
    const doc = structuredClone(base);
    doc.components.schemas.Warned = { type: 'integer', enum: ['not a number'] };
    load(doc, dir);
    const op = operationOf(doc.paths[Object.keys(doc.paths)[4]!]!)!;
    op.parameters = [{ name: 'w', in: 'query', schema: { $ref: '#/components/schemas/Warned' } }];
    const after = load(doc, dir);
    expect(after.diagnostics.filter((d) => d.message.includes('does not match the schema'))).toHaveLength(1);
    expect(seen(after)).toEqual(seen(load(doc)));
  });

  it('checks everything when a path item refers into another one', () => {
    const dir = tempDir('lathe-memo-');
    const doc = structuredClone(base);
    const keys = Object.keys(doc.paths);
    const target = doc.paths[keys[0]!]!;
    const method = METHODS.find((m) => target[m])!;
    const status = Object.keys((target[method] as { responses: object }).responses)[0]!;
    const pointer = `#/paths/${keys[0]!.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${status}`;
    operationOf(doc.paths[keys[5]!]!)!.responses = { [status]: { $ref: pointer } };
    const first = load(doc, dir);
    expect(first.spec).toBeDefined();
    expect(seen(first)).toEqual(seen(load(doc)));
    // The target goes: the referring item (unchanged) now has a broken ref.
    delete (target[method] as Record<string, unknown>).responses;
    const after = load(doc, dir);
    expect(after.checkedOnly).toBeUndefined();
    expect(after.diagnostics.some((d) => d.message.includes('does not resolve'))).toBe(true);
    expect(seen(after)).toEqual(seen(load(doc)));
  });

  it('reports a broken file that an edit newly refers to', () => {
    const dir = tempDir('lathe-memo-');
    const doc = structuredClone(base);
    const files = (d: Doc) => ({ [FILE]: JSON.stringify(d), '/specs/other.json': '{ "broken": ' });
    const loadWith = (d: Doc, memoDir?: string) =>
      loadSpec(FILE, { host: memoryHost(files(d)), cwd: '/specs', ...(memoDir ? { memo: { file: join(memoDir, 'load.json'), maker: 'test' } } : {}) });
    loadWith(doc, dir);
    operationOf(doc.paths[Object.keys(doc.paths)[4]!]!)!.requestBody = { $ref: 'other.json#/body' };
    const after = loadWith(doc, dir);
    expect(after.spec).toBeUndefined();
    expect(after.diagnostics.some((d) => d.displayFile === 'other.json')).toBe(true);
    expect(seen(after)).toEqual(seen(loadWith(doc)));
  });

  it('any sequence of edits gives the result of loading from scratch', () => {
    const keys = Object.keys(base.paths);
    const edit = fc.record({ kind: fc.constantFrom(...Object.keys(EDITS).filter((k) => k !== 'a component')), at: fc.nat({ max: keys.length - 1 }) });
    fc.assert(
      fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (runs) => {
        const dir = tempDir('lathe-memo-');
        const doc = structuredClone(base);
        load(doc, dir);
        let n = 0;
        for (const run of runs) {
          for (const { kind, at } of run) EDITS[kind]!(doc.paths[keys[at]!]!, n++);
          expect(seen(load(doc, dir))).toEqual(seen(load(doc)));
        }
      }),
      { seed: 20_261_125, numRuns: 60 },
    );
  });

  it("Cloudflare's spec: a summary edit checks one path item and reports what a full load reports", { timeout: 120_000 }, () => {
    const doc = JSON.parse(gunzipSync(readFileSync(join(ROOT, 'test/fixtures/specs/cloudflare-openapi-2024-08.json.gz'))).toString('utf8')) as Doc;
    const dir = tempDir('lathe-memo-');
    load(doc, dir);
    EDITS.summary!(doc.paths[Object.keys(doc.paths)[100]!]!, 1);
    const after = load(doc, dir);
    expect(after.checkedOnly).toBe(1);
    expect(seen(after)).toEqual(seen(load(doc)));
  });
});

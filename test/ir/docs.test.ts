import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.js';
import { docsOf } from '../../generator/ir/schema.js';
import { read } from '../helpers.js';

/** docsOf as first written: each keyword looked up by name. The one-pass version must agree. */
function reference(s: Record<string, unknown>): Record<string, unknown> {
  const docs: Record<string, unknown> = {};
  if (typeof s.title === 'string') docs.title = s.title;
  if (typeof s.description === 'string') docs.description = s.description;
  if (typeof s.format === 'string') docs.format = s.format;
  if (s.deprecated === true) docs.deprecated = true;
  if ('default' in s) docs.default = { value: s.default };
  if ('example' in s) docs.example = { value: s.example };
  else if (Array.isArray(s.examples) && s.examples.length) docs.example = { value: s.examples[0] };
  if (s.readOnly === true) docs.readOnly = true;
  if (s.writeOnly === true) docs.writeOnly = true;
  const c: Record<string, unknown> = {};
  const exclusiveMin = s.exclusiveMinimum === true && typeof s.minimum === 'number';
  const exclusiveMax = s.exclusiveMaximum === true && typeof s.maximum === 'number';
  for (const k of ['maxLength', 'minLength', 'minimum', 'maximum', 'multipleOf', 'minItems', 'maxItems', 'minProperties', 'maxProperties'])
    if (typeof s[k] === 'number' && !(k === 'minimum' && exclusiveMin) && !(k === 'maximum' && exclusiveMax)) c[k] = s[k];
  if (typeof s.pattern === 'string') c.pattern = s.pattern;
  if (s.uniqueItems === true) c.uniqueItems = true;
  if (typeof s.exclusiveMinimum === 'number') c.exclusiveMinimum = s.exclusiveMinimum;
  else if (exclusiveMin) c.exclusiveMinimum = s.minimum;
  if (typeof s.exclusiveMaximum === 'number') c.exclusiveMaximum = s.exclusiveMaximum;
  else if (exclusiveMax) c.exclusiveMaximum = s.maximum;
  if (Object.keys(c).length) docs.constraints = c;
  return docs;
}

describe('docsOf', () => {
  it("reads OpenAPI 3.0's boolean exclusive bounds as the bound itself", () => {
    expect(docsOf({ type: 'number', minimum: 1, exclusiveMinimum: true, maximum: 5 }).constraints).toEqual({ maximum: 5, exclusiveMinimum: 1 });
    expect(docsOf({ type: 'number', minimum: 1, maximum: 5, exclusiveMaximum: true }).constraints).toEqual({ minimum: 1, exclusiveMaximum: 5 });
  });

  it("keeps 3.1's numeric exclusive bounds next to inclusive ones, in the order the spec's keywords are read", () => {
    const constraints = docsOf({ type: 'integer', exclusiveMinimum: 0, maximum: 10, maxLength: 3 }).constraints!;
    expect(constraints).toEqual({ maxLength: 3, maximum: 10, exclusiveMinimum: 0 });
    expect(Object.keys(constraints)).toEqual(['maxLength', 'maximum', 'exclusiveMinimum']);
  });

  it('has no constraints when there are none, and ignores a boolean bound without its number', () => {
    expect(docsOf({ type: 'string', description: 'd' })).toEqual({ description: 'd' });
    expect(docsOf({ type: 'number', exclusiveMinimum: true }).constraints).toBeUndefined();
  });

  it('agrees with a keyword-by-keyword reading on random schemas, key order included', () => {
    const keyword = fc.constantFrom(
      'title', 'description', 'format', 'deprecated', 'default', 'example', 'examples', 'readOnly', 'writeOnly', 'pattern',
      'uniqueItems', 'exclusiveMinimum', 'exclusiveMaximum', 'maxLength', 'minLength', 'minimum', 'maximum', 'multipleOf',
      'minItems', 'maxItems', 'minProperties', 'maxProperties', 'type', 'enum', 'nullable', 'x-extra',
    );
    const value = fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.string(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(keyword, value), { maxLength: 8 }), (entries) => {
        const schema = Object.fromEntries(entries);
        const got = docsOf(schema) as Record<string, unknown>;
        const want = reference(schema);
        expect(got).toEqual(want);
        expect(Object.keys(got)).toEqual(Object.keys(want));
        expect(Object.keys((got.constraints as object | undefined) ?? {})).toEqual(Object.keys((want.constraints as object | undefined) ?? {}));
      }),
      { numRuns: 3000 },
    );
  });
});

/** A spec with what issue 18's docs item is about: enums (inline and by ref), nested objects, long field lists. */
function docsSpec(): object {
  return JSON.parse(read('test/fixtures/site/long-lists.json')) as object;
}

describe('docs pages (issue 18, item 6)', async () => {
  const { files } = await generate({ spec: docsSpec(), specPath: 'openapi.json', config: { docs: { html: true } } });
  const file = (p: string) => {
    const f = files.find((x) => x.path === p);
    if (!f) throw new Error(`no ${p} in ${files.map((x) => x.path).join(', ')}`);
    return String(f.content);
  };
  const md = file('docs/things/create.md');
  const html = file('site/things/create.html');

  it('lists enum values, inline and of a referenced enum model, shortened after ten', () => {
    expect(md).toContain('One of: `"asc"`, `"desc"`\n');
    expect(md).toContain('One of: `"kind-1"`, `"kind-2"`, `"kind-3"`, `"kind-4"`, `"kind-5"`, `"kind-6"`, `"kind-7"`, `"kind-8"`, `"kind-9"`, `"kind-10"`, …and 2 more\n');
    expect(html).toContain('<span class="label">One of:</span><ul class="values"><li><code>&quot;kind-1&quot;</code></li>');
    expect(html).toMatch(/<details class="more"><summary>2 more<\/summary><ul class="values"><li><code>&quot;kind-11&quot;<\/code><\/li><li><code>&quot;kind-12&quot;<\/code><\/li><\/ul><\/details>/);
  });

  it('expands list items and nested objects with stable anchors, to a bounded depth in Markdown', () => {
    expect(md).toContain('<a id="param-params.tags.t1"></a>`t1?: string`');
    expect(md).toContain('<a id="param-params.owner.address.city"></a>`city?: object`');
    // Markdown stops two levels below the top fields; the HTML page goes on.
    expect(md).not.toContain('param-params.owner.address.city.name');
    expect(html).toContain('id="param-params.owner.address.city.name"');
    // A page's list items (a paginated or array response's items) are expanded too.
    expect(md).toContain('<a id="return-items.f1"></a>`f1?: string`');
  });

  it('shortens long nested field lists: "…and N more" linking to the type in Markdown, a collapsed "N more" in HTML', () => {
    expect(md).toContain('<a id="param-params.tags.t8"></a>');
    expect(md).not.toContain('param-params.tags.t9');
    const more = /- …and 4 more in \[`Tag`\]\(\.\.\/\.\.\/(src\/[^)]+\.ts)\)/.exec(md);
    expect(more, md).not.toBeNull();
    expect(file(more![1]!)).toMatch(/export (interface|type) Tag\b/);
    // Nine fields: one hidden field is shown rather than "1 more".
    expect(md).toContain('return-items.f9');
    // HTML: every field is on the page (anchors work), the rest behind a collapsed "4 more".
    const tags = html.slice(html.indexOf('id="param-params.tags"'));
    expect(tags).toMatch(/^[^]*?id="param-params\.tags\.t8"[^]*?<details class="nested more"><summary>4 more<span class="sr-only"> fields of tags<\/span><\/summary><div class="fields"><div class="field" id="param-params\.tags\.t9"/);
    expect(html).toContain('id="param-params.tags.t12"');
  });

  it("writes api.md in Stainless's layout: a heading per resource, Types:, then Methods: with verb and path", () => {
    const api = file('api.md');
    const lines = api.split('\n');
    expect(lines[0]).toBe('# Things');
    expect(lines.indexOf('Types:')).toBeLessThan(lines.indexOf('Methods:'));
    expect(api).not.toContain('Params:');
    const types = lines.filter((l) => /^- <code><a href=/.test(l));
    for (const t of types) {
      const [, path, name] = /^- <code><a href="\.\/([^"]+)">(\w+)<\/a><\/code>$/.exec(t)!;
      expect(file(path!), `${name} in ${path}`).toMatch(new RegExp(`export (interface|type|const) ${name}\\b`));
    }
    expect(types.map((t) => /(\w+)<\/a>/.exec(t)![1])).toEqual(expect.arrayContaining(['Kind', 'Tag', 'Thing']));
    expect(api).toMatch(
      /^- <code title="post \/things\/\{thing_id\}">client\.things\.<a href="\.\/src\/[\w/-]+\.ts">create<\/a>\(thingId, \{ \.\.\.params \}\) -> Thing<\/code> \*\*POST\*\* `\/things\/\{thing_id\}` \(\[docs\]\(\.\/docs\/things\/create\.md\)\)$/m,
    );
  });
});

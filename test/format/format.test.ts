import { describe, expect, it } from 'vitest';
import { formatFile } from '../../generator/format/index.js';

describe('formatFile', () => {
  it('formats TypeScript in the SDK style (single quotes, trailing commas, 110 columns)', async () => {
    const out = await formatFile({ path: 'src/a.ts', content: 'export const a = {b: "c", d: [1,2]}' });
    expect(out.content).toBe("export const a = { b: 'c', d: [1, 2] };\n");
  });

  it('leaves example code in Markdown as the emitter laid it out', async () => {
    const code = "const message = await client.x.create(\n  'id',\n  { a: 1 },\n);";
    const out = await formatFile({ path: 'docs/a.md', content: `# T\n\n\`\`\`ts\n${code}\n\`\`\`\n` });
    expect(out.content).toContain(code);
  });

  it('passes through files it has no parser for', async () => {
    const file = { path: 'LICENSE', content: 'as   is' };
    expect(await formatFile(file)).toEqual(file);
  });
});

describe('docs pages (not run through prettier: written in its style)', () => {
  it('are already what prettier would print, for every Cloudforce One operation', async () => {
    const { generate } = await import('../../generator/index.js');
    const { read } = await import('../helpers.js');
    const config = read('examples/cloudforce-one/lathe.config.yaml');
    const specPath = 'examples/cloudforce-one/spec/cloudflare-cloudforce-one.yaml';
    const { files } = await generate({ spec: read(specPath), specPath, config });
    const pages = files.filter((f) => f.path.startsWith('docs/'));
    expect(pages.length).toBe(23);
    for (const page of pages) expect((await formatFile({ path: page.path, content: page.content })).content, page.path).toBe(page.content);
  });
});

describe('runtime templates (copied without formatting)', () => {
  it('are prettier-clean in lathe style, header included', async () => {
    const { coreFiles } = await import('../../generator/emit/templates.js');
    const files = coreFiles();
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect((await formatFile({ path: f.path, content: f.content })).content, f.path).toBe(f.content);
  });
});

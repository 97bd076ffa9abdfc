import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { formatFile, PRETTIER_OPTIONS, projectOptions } from '../../generator/format/index.js';
import { CONFIG_FILES } from '../../generator/format/prettier.js';
import { tempDir } from '../helpers.js';

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

describe("the project's Prettier config (looked for without importing prettier when there is none)", () => {
  it('lathe looks for the same file names as the installed prettier', () => {
    const source = readFileSync(join(dirname(createRequire(import.meta.url).resolve('prettier')), 'index.mjs'), 'utf8');
    const block = /var CONFIG_FILES = \[([\s\S]*?)\n\];/.exec(source)?.[1];
    expect(block).toBeDefined();
    const names = [...block!.matchAll(/^ {2}(?:\{\s*name: )?"([^"]+)"/gm)].map((m) => m[1]);
    expect(names).toEqual(['package.json', 'package.yaml', ...CONFIG_FILES]);
  });

  // [case, files written in the output folder (or above it), whether they change lathe's style]
  const cases: [string, Record<string, string>, boolean][] = [
    ['no config at all', {}, false],
    ['a .prettierrc.json beside the output', { '.prettierrc.json': '{"semi": false}' }, true],
    ['a .prettierrc.yaml two folders up', { '../../.prettierrc.yaml': 'singleQuote: false' }, true],
    ['a prettier.config.mjs', { 'prettier.config.mjs': 'export default { printWidth: 80 };' }, true],
    ['a package.json without a prettier key', { 'package.json': '{"name": "sdk"}' }, false],
    ['a package.json with one', { 'package.json': '{"name": "sdk", "prettier": {"tabWidth": 4}}' }, true],
    ['a package.json that does not parse', { 'package.json': '{"name": ' }, false],
    ['a .editorconfig (lathe asks prettier to ignore it)', { '.editorconfig': 'root = true\n[*]\nindent_style = tab\n' }, false],
  ];
  for (const [name, files, configures] of cases)
    it(`gives what prettier resolves: ${name}`, async () => {
      const out = join(tempDir(), 'a', 'b', 'out');
      mkdirSync(out, { recursive: true });
      for (const [file, text] of Object.entries(files)) writeFileSync(join(out, file), text);
      const found = await resolveConfig(join(out, 'src', 'index.ts'), { editorconfig: false });
      const options = await projectOptions(out);
      expect(options).toEqual(found ? { ...PRETTIER_OPTIONS, ...found } : PRETTIER_OPTIONS);
      if (configures) expect(options).not.toEqual(PRETTIER_OPTIONS);
    });
});

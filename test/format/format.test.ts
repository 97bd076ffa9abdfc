import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { formatFile, formatFiles, projectOptions } from '../../generator/format/index.js';
import { CONFIG_FILES } from '../../generator/format/prettier.js';
import { DiskCache } from '../../generator/emit/disk-cache.js';
import { lathe, ROOT, tempDir } from '../helpers.js';

describe('formatFile', () => {
  it("formats TypeScript in the options' style", async () => {
    const out = await formatFile({ path: 'src/a.ts', content: 'export const a = {b: "c", d: [1,2]}' }, { singleQuote: true, semi: false });
    expect(out.content).toBe("export const a = { b: 'c', d: [1, 2] }\n");
  });

  it('leaves example code in Markdown as the emitter laid it out', async () => {
    const code = "const message = await client.x.create(\n  'id',\n  { a: 1 },\n);";
    const out = await formatFile({ path: 'docs/a.md', content: `# T\n\n\`\`\`ts\n${code}\n\`\`\`\n` }, {});
    expect(out.content).toContain(code);
  });

  it('passes through files it has no parser for', async () => {
    const file = { path: 'LICENSE', content: 'as   is' };
    expect(await formatFile(file, {})).toEqual(file);
  });
});

describe('formatFiles', () => {
  const files = [{ path: 'src/a.ts', content: 'export const a = {b: "c"}' }];

  it('leaves every file as emitted when no Prettier config governs the output', async () => {
    expect(await formatFiles(files, {})).toEqual(files);
  });

  it('caches by content in the cache folder: an entry found there is used as is', async () => {
    const cacheDir = tempDir();
    const first = await formatFiles(files, { prettier: { semi: false }, cache: new DiskCache(cacheDir, 'prettier') });
    expect(first[0]!.content).toBe('export const a = { b: "c" }\n');
    const shard = join(cacheDir, 'prettier', readdirSync(join(cacheDir, 'prettier')).find((f) => f !== '.pruned')!);
    const entry = join(shard, readdirSync(shard)[0]!);
    writeFileSync(entry, 'from the cache\n');
    expect((await formatFiles(files, { prettier: { semi: false }, cache: new DiskCache(cacheDir, 'prettier') }))[0]!.content).toBe('from the cache\n');
    // Other options, other key.
    expect((await formatFiles(files, { prettier: { semi: true }, cache: new DiskCache(cacheDir, 'prettier') }))[0]!.content).toBe('export const a = { b: "c" };\n');
  });
});

describe('formatFiles on worker threads', () => {
  it('gives what formatting in this thread gives, in input order', async () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ path: `src/m${i}.ts`, content: `export const m${i} = {v: "${'x'.repeat(i * 30)}", n: [${i},${i + 1}]}` }));
    const options = { semi: false, printWidth: 60 };
    const alone = await formatFiles(many, { prettier: options, workers: 1 });
    const threaded = await formatFiles(many, { prettier: options, workers: 3 });
    expect(threaded).toEqual(alone);
    // Formatted, not passed through: the long line was broken (and, with `semi: false`, no semicolon added).
    expect(alone.map((f) => f.path)).toEqual(many.map((f) => f.path));
    expect(alone[8]!.content).toBe(`export const m8 = {\n  v: "${'x'.repeat(240)}",\n  n: [8, 9],\n}\n`);
  });
});

describe('a project with a .prettierrc', () => {
  it('gets every generated file, the runtime core included, in its style', { timeout: 120_000 }, async () => {
    const project = tempDir();
    const options = { semi: false, singleQuote: false };
    writeFileSync(join(project, '.prettierrc'), JSON.stringify(options));
    mkdirSync(join(project, 'node_modules'));
    const r = lathe(['generate', '--spec', join(ROOT, 'spec/cloudforce-one-message-create.yaml'), '--config', join(ROOT, 'lathe.config.yaml'), '--out', 'sdk'], project);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const ts: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) ts.push(p);
      }
    };
    walk(join(project, 'sdk', 'src'));
    expect(ts.some((p) => p.includes(`${join('src', 'core')}`))).toBe(true);
    expect(ts.some((p) => p.endsWith('client.ts') && !p.includes('core'))).toBe(true);
    for (const file of ts) {
      const content = readFileSync(file, 'utf8');
      expect(await format(content, { ...options, parser: 'typescript' }), file).toBe(content);
      expect(content, file).not.toMatch(/ from '/);
    }
    // The format cache lives in the project's node_modules, nowhere else.
    expect(existsSync(join(project, 'node_modules', '.cache', 'lathe', 'prettier'))).toBe(true);
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

  // [case, files written in the output folder (or above it), whether prettier runs]
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
      expect(options).toEqual(found ?? undefined);
      expect(options !== undefined).toBe(configures);
    });
});

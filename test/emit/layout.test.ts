/**
 * lathe lays generated code out itself, in prettier's layout, so that the format stage can skip
 * prettier. The invariant: every file emit marks `styled` is exactly what prettier (babel-ts,
 * lathe's options) makes of it. Checked on real specs: the seed fragment, Cloudforce One, the
 * valid corpus and Cloudflare's whole API.
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { emptyConfig, parseConfig, type LatheConfig } from '../../generator/config.js';
import { numberText, quote } from '../../generator/emit/code.js';
import { emit, type OutputFile } from '../../generator/emit/index.js';
import { coreExportNames } from '../../generator/emit/templates.js';
import { formatFile } from '../../generator/format/index.js';
import { buildIR } from '../../generator/ir/index.js';
import { fsHost, loadSpec, memoryHost } from '../../generator/load/index.js';
import { ROOT, tempDir, VALID_CORPUS } from '../helpers.js';

function configAt(path: string | undefined, dir: string): LatheConfig {
  if (!path) return emptyConfig(dir);
  const parsed = parseConfig(readFileSync(path, 'utf8'), path, 'lathe.config.yaml', dirname(path));
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return parsed.config!;
}

function emitted(specFile: string, config: LatheConfig, text?: string): OutputFile[] {
  const host = text === undefined ? fsHost() : memoryHost({ [specFile]: text });
  const loaded = loadSpec(specFile, { host, cwd: dirname(specFile) });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const { ir, diagnostics } = buildIR(loaded.spec!, config, coreExportNames());
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return emit(ir);
}

/** Files prettier would change, each with its first differing line. */
async function notPrettierClean(files: OutputFile[]): Promise<string[]> {
  const problems: string[] = [];
  for (const f of files.filter((file) => file.styled)) {
    const formatted = (await formatFile({ path: f.path, content: f.content })).content;
    if (formatted === f.content) continue;
    const a = f.content.split('\n');
    const b = formatted.split('\n');
    const i = a.findIndex((l, n) => l !== b[n]);
    problems.push(`${f.path}:${i + 1}\n  lathe:    ${a[i]}\n  prettier: ${b[i]}`);
  }
  return problems;
}

describe('styled files are what prettier would write', () => {
  it.each([
    ['spec/cloudforce-one-message-create.yaml', 'lathe.config.yaml'],
    ['examples/cloudforce-one/spec/cloudflare-cloudforce-one.yaml', 'examples/cloudforce-one/lathe.config.yaml'],
  ])('%s', async (spec, config) => {
    const files = emitted(join(ROOT, spec), configAt(join(ROOT, config), ROOT));
    const styled = files.filter((f) => f.styled);
    // The resource modules at least: they are most of the code.
    expect(styled.map((f) => f.path)).toEqual(expect.arrayContaining([expect.stringMatching(/^src\/resources\/.*message\.ts$/)]));
    expect(await notPrettierClean(files)).toEqual([]);
  });

  it("Cloudflare's full 2024 spec: nearly every module is styled, and all of those are prettier's", { timeout: 600_000 }, async () => {
    const file = join(ROOT, 'test/fixtures/specs/cloudflare-openapi-2024-08.json');
    const text = gunzipSync(readFileSync(`${file}.gz`)).toString('utf8');
    const files = emitted(file, configAt(join(ROOT, 'test/fixtures/specs/cloudflare.config.yaml'), ROOT), text);
    const code = files.filter((f) => f.path.endsWith('.ts') && !f.preformatted);
    const styled = code.filter((f) => f.styled);
    expect(styled.length / code.length).toBeGreaterThan(0.9);
    expect(await notPrettierClean(files)).toEqual([]);
  });

  // Names and text chosen to break generators: whatever emit marks styled must still be prettier's.
  it.each(['test/fixtures/hostile/names.yaml', 'test/fixtures/hostile/text.yaml'])('%s', async (spec) => {
    const files = emitted(join(ROOT, spec), emptyConfig(ROOT));
    expect(files.some((f) => f.styled)).toBe(true);
    expect(await notPrettierClean(files)).toEqual([]);
  });

  const corpus = tempDir('lathe-layout-');
  execFileSync('tar', ['-xzf', join(ROOT, 'test/fixtures/specs/corpus-valid.tar.gz'), '-C', corpus]);
  it.each(VALID_CORPUS)('corpus: %s', { timeout: 300_000 }, async (spec) => {
    const files = emitted(join(corpus, spec), emptyConfig(corpus));
    expect(files.some((f) => f.styled)).toBe(true);
    expect(await notPrettierClean(files)).toEqual([]);
  });
});

describe('literals as prettier writes them (singleQuote)', () => {
  it('prefers single quotes, unless the text has more single than double quotes', () => {
    expect(quote('plain')).toBe(`'plain'`);
    expect(quote(`it's`)).toBe(`"it's"`);
    expect(quote(`say "hi"`)).toBe(`'say "hi"'`);
    expect(quote(`it's "x" "y"`)).toBe(`'it\\'s "x" "y"'`);
    expect(quote(`a'b'"c`)).toBe(`"a'b'\\"c"`);
  });

  it('keeps the escapes a string needs', () => {
    expect(quote('line\nbreak\\')).toBe(`'line\\nbreak\\\\'`);
    expect(quote('\u0001')).toBe(`'\\u0001'`);
  });

  it('quotes any string as prettier does (plain text, quotes, escapes, surrogates)', async () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom('a', ' ', "'", '"', '\\', '\n', '\u0007', '\u2028', 'é', '\ud83d\ude00', '\ud800', '\udfff') }),
    );
    await fc.assert(
      fc.asyncProperty(text, async (s) => {
        const out = await formatFile({ path: 'a.ts', content: `export const a = ${JSON.stringify(s)};` });
        expect(`export const a = ${quote(s)};\n`).toBe(out.content);
      }),
      { numRuns: 400 },
    );
  });

  it('writes numbers without a plus in the exponent', () => {
    expect(numberText(1e21)).toBe('1e21');
    expect(numberText(1e-7)).toBe('1e-7');
    expect(numberText(0.5)).toBe('0.5');
  });
});

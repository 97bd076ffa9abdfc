/**
 * Every file of the invalid corpus: either lathe refuses it with diagnostics that name the place
 * (test/load asserts their text), or it handles it leniently with a warning, and then what it
 * writes compiles. Never an uncaught exception.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, LatheError } from '../../generator/index.js';
import { loadSpec, fsHost } from '../../generator/load/index.js';
import { ROOT, tempDir, tsc } from '../helpers.js';

const dir = join(ROOT, 'test/fixtures/invalid');
const entries = readdirSync(dir).map((name) => {
  const full = join(dir, name);
  return statSync(full).isDirectory() ? join(full, 'openapi.yaml') : full;
});
const out = tempDir('lathe-invalid-');
const written: string[] = [];

describe('invalid corpus', () => {
  it.each(entries.map((e) => [e.slice(dir.length + 1), e]))('%s: refused with placed errors, or generated', async (_name, entry) => {
    // The loader reads the files (and the refs between them) exactly as the CLI would.
    const loaded = loadSpec(entry, { host: fsHost(), cwd: dirname(entry) });
    if (!loaded.spec) {
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
      for (const d of errors) expect(d.displayFile).toBeTruthy();
      return;
    }
    const files: Record<string, string> = {};
    for (const [path, f] of loaded.spec.files) files[path] = f.text;
    try {
      const result = await generate({ spec: loaded.spec.entry.text, specPath: entry, files });
      const target = join(out, _name.replace(/[^\w.-]/g, '_'));
      for (const f of result.files) {
        mkdirSync(dirname(join(target, f.path)), { recursive: true });
        writeFileSync(join(target, f.path), f.content);
      }
      written.push(target);
    } catch (e) {
      // A lenient load may still fail later, but only with diagnostics, never a crash.
      expect(e).toBeInstanceOf(LatheError);
      expect((e as LatheError).diagnostics.some((d) => d.severity === 'error')).toBe(true);
    }
  });

  it('what was generated from them compiles with tsc --strict', () => {
    expect(written.length).toBeGreaterThan(0);
    const config = {
      compilerOptions: {
        target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [],
        strict: true, noUncheckedIndexedAccess: true, noEmit: true, isolatedModules: true, verbatimModuleSyntax: true,
      },
      include: written.map((w) => `${w}/src/**/*.ts`),
    };
    writeFileSync(join(out, 'tsconfig.json'), JSON.stringify(config));
    const r = tsc(['-p', join(out, 'tsconfig.json')]);
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  });
});

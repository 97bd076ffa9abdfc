/**
 * The wire types where openapi-typescript's do not compile (issue 13's two bug classes, and refs
 * to a schema's own location or into another operation's request body), and the switch that
 * turns them off. Each spec goes through the CLI; the package it writes must pass tsc --strict,
 * with type assertions on the wire types themselves.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { lathe, ROOT, tempDir, tsc } from '../helpers.js';
import { oracleWire } from './oracle.js';

const FIXTURES = join(ROOT, 'test/fixtures/wire');

/** Generates `spec` into a new folder with `check.ts` beside src/openapi.ts; returns tsc's output. */
function generateAndCompile(spec: string, check: string, config?: string): { out: string; output: string } {
  // Its own working folder: the CLI would read this repository's lathe.config.yaml otherwise.
  const dir = tempDir('lathe-wire-');
  const out = join(dir, 'out');
  if (config) writeFileSync(join(dir, 'lathe.config.yaml'), config);
  const gen = lathe(['generate', '--spec', join(FIXTURES, spec), '--out', out, '--quiet'], dir);
  expect(gen.stderr).not.toMatch(/: error: /);
  expect(gen.code).toBe(0);
  writeFileSync(join(out, 'src/check.ts'), check);
  const r = tsc(['-p', join(out, 'tsconfig.json'), '--noEmit', '--strict']);
  return { out, output: r.output };
}

/** TypeScript's error codes for openapi-typescript's types of `spec`, alone in a program. */
async function oracleErrors(spec: string): Promise<string[]> {
  const text = await oracleWire(join(FIXTURES, spec));
  const dir = tempDir('lathe-wire-oracle-');
  writeFileSync(join(dir, 'openapi.ts'), text!);
  const program = ts.createProgram([join(dir, 'openapi.ts')], { strict: true, noEmit: true, types: [] });
  return ts.getPreEmitDiagnostics(program).map((d) => `TS${d.code}`);
}

describe('allOf over a nullable $ref with an outer required', () => {
  it('compiles, and the outer required makes both properties required', async () => {
    const check = [
      "import type { components } from './openapi.js';",
      "export const ok: components['schemas']['Derived'] = { a: 'x', b: 'y' };",
      '// @ts-expect-error a is required',
      "export const missing: components['schemas']['Derived'] = { b: 'y' };",
      '',
    ].join('\n');
    const r = generateAndCompile('nullable-allof.yaml', check);
    expect(r.output).toBe('');
    // The fixture is the bug: openapi-typescript's types for it do not compile.
    expect(await oracleErrors('nullable-allof.yaml')).toContain('TS2344');
  });
});

describe('$refs into request bodies', () => {
  it('compiles; a ref into an optional request body, another operation or the same one is the target type', async () => {
    const check = [
      "import type { components, operations } from './openapi.js';",
      "type Put = operations['putY']['requestBody']['content']['application/json'];",
      "export const same: Put['same'] = 'a';",
      '// @ts-expect-error not one of the enum values',
      "export const wrong: Put['same'] = 'c';",
      "export const whole: Put['whole'] = { p: 'b', q: 'a' };",
      "export const held: components['schemas']['Holder'] = { p: 'a' };",
      "type Post = NonNullable<operations['postX']['requestBody']>['content']['application/json'];",
      "export const q: Post['q'] = 'b';",
      '',
    ].join('\n');
    const r = generateAndCompile('request-body-ref.yaml', check);
    expect(r.output).toBe('');
    expect(await oracleErrors('request-body-ref.yaml')).toContain('TS2339');
  });
});

describe('schemas that contain themselves', () => {
  it('compiles: a recursive array, two arrays of each other; object recursion is kept', async () => {
    const check = [
      "import type { components } from './openapi.js';",
      "type Tree = components['schemas']['Tree'];",
      "export const tree: Tree = { children: [{ children: [] }], nested: ['a', ['b']], ping: [[1, []]] };",
      '// @ts-expect-error children holds trees',
      "export const bad: Tree = { children: ['x'] };",
      '',
    ].join('\n');
    const r = generateAndCompile('self-ref.yaml', check);
    expect(r.output).toBe('');
    expect(await oracleErrors('self-ref.yaml')).toContain('TS2502');
  });

  it('compiles: a $ref to its own location is unknown (openapi-typescript refuses the document)', async () => {
    const check = [
      "import type { components } from './openapi.js';",
      "export const loop: components['schemas']['Loop'] = { any: 'thing' };",
      "export const wrapper: components['schemas']['Wrapper'] = { loop: 1 };",
      '',
    ].join('\n');
    expect(generateAndCompile('self-loop.yaml', check).output).toBe('');
    expect(await oracleWire(join(FIXTURES, 'self-loop.yaml'))).toBeUndefined();
  });
});

describe('wireTypes: false', () => {
  it('writes no src/openapi.ts and no wire export; the package still compiles', () => {
    const r = generateAndCompile('nullable-allof.yaml', 'export {};\n', 'wireTypes: false\n');
    expect(r.output).toBe('');
    expect(existsSync(join(r.out, 'src/openapi.ts'))).toBe(false);
    expect(readFileSync(join(r.out, 'src/index.ts'), 'utf8')).not.toContain('wire');
  });

  it('is refused when it is not a boolean, with its place in the config', () => {
    const dir = tempDir('lathe-wire-');
    writeFileSync(join(dir, 'lathe.config.yaml'), 'wireTypes: no-thanks\n');
    const r = lathe(['generate', '--spec', join(FIXTURES, 'nullable-allof.yaml'), '--out', join(dir, 'out')], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('lathe.config.yaml:1:1: error: `wireTypes` must be true or false');
  });
});

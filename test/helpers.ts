import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pristineBlobs, readPristine } from '../generator/write/pristine.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'lathe.js');

export function read(path: string): string {
  return readFileSync(resolve(ROOT, path), 'utf8');
}

const made: string[] = [];

/** A new folder under the OS temp dir, removed after the test file (test/setup.ts). */
export function tempDir(prefix = 'lathe-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Runs the built CLI (npm test builds it first). */
export function lathe(args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs tsc from this project's node_modules on a tsconfig (TypeScript 5.9, or 7 with `version: 7`). */
export function tsc(args: string[], cwd = ROOT, version: 5 | 7 = 5): { code: number; output: string } {
  // TypeScript 7 is installed under the alias `typescript7` (its native compiler ships in a
  // platform package it depends on), so both compilers check the same output in one test run.
  const pkg = version === 7 ? 'typescript7' : 'typescript';
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', pkg, 'bin/tsc'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

/** The valid corpus (test/fixtures/specs/corpus-valid.tar.gz): entry files, multi-file specs included. */
export const VALID_CORPUS = [
  'valid/heyapi-clerk-2025-11-10.yaml',
  'valid/heyapi-openai.yaml',
  'valid/heyapi-opencode.yaml',
  'valid/redocly-rebilly-description.yaml',
  'valid/slack-slack_web_openapi_v2.json',
  'valid/moby-swagger.yaml',
  'valid/heyapi-3.1.x/full.yaml',
  'valid/heyapi-3.1.x/external.yaml',
  'valid/openapi-typescript-digital-ocean-api/DigitalOcean-public.v2.yaml',
  'valid/swagger-parser-circular/circular.yaml',
  'valid/swagger-parser-deep-circular/deep-circular.yaml',
  'valid/openapi-spec-validator-parent-reference/openapi.yaml',
];

/**
 * Every file below `dir` with its content, sorted by path; lathe's pristine store as what it holds
 * (`.lathe/pristine:<path>`: the pristine text of each output path) instead of the packs holding
 * it, whose layout depends on the runs before.
 */
export function outputTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const paths = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((p) => p !== '.lathe/pristine.json' && !p.startsWith('.lathe/pristine/'))
    .sort();
  for (const p of paths) files[p] = readFileSync(join(dir, p), 'utf8');
  const index = readPristine(dir);
  const blobs = pristineBlobs(dir, index);
  for (const [path, digest] of Object.entries(index?.files ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) files[`.lathe/pristine:${path}`] = blobs.read(digest) ?? '(missing)';
  return files;
}

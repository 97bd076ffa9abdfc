/**
 * Multi-file specs reach openapi-typescript as one bundled document, so the wire types are real
 * even through the in-memory API (which gives openapi-typescript no files to read).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.js';
import { ROOT } from '../helpers.js';

const dir = join(ROOT, 'test/fixtures/schema/multi-file');

function filesOf(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(folder, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(folder);
  return out;
}

describe('wire types of a multi-file spec', () => {
  it('come from the bundled document, with schemas of other files as named components', async () => {
    const files = filesOf(dir);
    const { files: out, diagnostics } = await generate({ spec: files['openapi.yaml']!, specPath: 'openapi.yaml', files });
    expect(diagnostics.filter((d) => d.message.includes('openapi-typescript'))).toEqual([]);
    const wire = out.find((f) => f.path === 'src/openapi.ts')!.content;
    expect(wire).not.toContain('export type paths = Record<string, never>');
    // Customer and Money live in common/*.yaml and Line in schemas/line.yaml.
    for (const name of ['Customer', 'Money', 'Line']) expect(wire).toMatch(new RegExp(`\\b${name}\\b[^\\n]*:`));
  });
});

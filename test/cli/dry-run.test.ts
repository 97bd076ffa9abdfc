/**
 * `check` and `diff` write no output, and no cache entry either: an entry would point into an
 * output that does not exist, and the wire cache's one entry per output would lose the one the
 * last `generate` left, which the next `generate` reuses.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { lathe, read, tempDir } from '../helpers.js';

/** The emit and wire caches' entries, by path, with their content. */
function entries(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ns of ['emit', 'wire']) {
    const root = join(dir, 'node_modules', '.cache', 'lathe', ns);
    if (!existsSync(root)) continue;
    for (const f of readdirSync(root, { recursive: true }).map(String)) {
      const path = join(root, f);
      if (f.length > 60) out[`${ns}/${f}`] = readFileSync(path, 'utf8');
    }
  }
  return out;
}

it('check and diff of an edited spec leave the caches as generate left them', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'spec'));
  mkdirSync(join(dir, 'node_modules'));
  const spec = read('spec/cloudforce-one-message-create.yaml');
  writeFileSync(join(dir, 'spec', 'api.yaml'), spec);
  writeFileSync(join(dir, 'lathe.config.yaml'), read('lathe.config.yaml').replace('spec/cloudforce-one-message-create.yaml', 'spec/api.yaml'));
  expect(lathe(['generate'], dir).code).toBe(0);
  const generated = entries(dir);
  expect(Object.keys(generated).some((k) => k.startsWith('wire/'))).toBe(true);
  expect(Object.keys(generated).some((k) => k.startsWith('emit/'))).toBe(true);

  expect(spec).toContain('summary: Create a New Request Message\n');
  writeFileSync(join(dir, 'spec', 'api.yaml'), spec.replace('summary: Create a New Request Message\n', 'summary: Create a Request Message\n'));
  expect(lathe(['check'], dir).code).toBe(1);
  expect(lathe(['diff'], dir).code).toBe(0);
  expect(entries(dir)).toEqual(generated);

  expect(lathe(['generate'], dir).code).toBe(0);
  const after = entries(dir);
  const wire = Object.keys(after).filter((k) => k.startsWith('wire/'));
  expect(wire.map((k) => after[k])).not.toEqual(wire.map((k) => generated[k]));
});

/**
 * Real specs written by others, whole: each generates (exit 0, no errors) into a package that
 * `tsc --strict` accepts with zero errors. Cloudflare's full 2024 spec (1,533 operations), the
 * valid corpus (OpenAPI 3.0/3.1, Swagger 2.0, DigitalOcean's 2,000-file spec, circular refs).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { lathe, ROOT, tempDir, tsc, VALID_CORPUS } from '../helpers.js';

const work = tempDir('lathe-corpus-');
execFileSync('tar', ['-xzf', join(ROOT, 'test/fixtures/specs/corpus-valid.tar.gz'), '-C', work]);
writeFileSync(
  join(work, 'cloudflare-openapi-2024-08.json'),
  gunzipSync(readFileSync(join(ROOT, 'test/fixtures/specs/cloudflare-openapi-2024-08.json.gz'))),
);

const SPECS = ['cloudflare-openapi-2024-08.json', ...VALID_CORPUS];

describe.each(SPECS)('%s', (spec) => {
  const out = join(work, 'out', spec.replace(/[/.]/g, '_'));

  // Cloudflare's spec comes with its config (envelope, auth, positional params); the others with none.
  const config = spec.startsWith('cloudflare') ? ['--config', join(ROOT, 'test/fixtures/specs/cloudflare.config.yaml')] : [];

  it('generates without errors and compiles with tsc --strict', { timeout: 600_000 }, () => {
    const gen = lathe(['generate', '--spec', join(work, spec), '--out', out, '--quiet', ...config], work);
    expect(gen.stderr).not.toMatch(/: error: |internal error/);
    expect(gen.code).toBe(0);
    for (const version of [5, 7] as const) {
      const r = tsc(['-p', join(out, 'tsconfig.json'), '--noEmit', '--strict'], ROOT, version);
      expect(r.output, `TypeScript ${version}`).toBe('');
      expect(r.code).toBe(0);
    }
  });
});

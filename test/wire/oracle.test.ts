/**
 * lathe's wire types against openapi-typescript 7.13's, through openapi-fetch: on Cloudflare's
 * whole spec and every spec of the valid corpus, every operation's call (params, body, `data` and
 * `error`) that type-checks against openapi-typescript's types type-checks against lathe's.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir, VALID_CORPUS } from '../helpers.js';
import { checkCalls, latheWire, oracleWire } from './oracle.js';

const work = tempDir('lathe-oracle-');
execFileSync('tar', ['-xzf', join(ROOT, 'test/fixtures/specs/corpus-valid.tar.gz'), '-C', work]);
writeFileSync(
  join(work, 'cloudflare-openapi-2024-08.json'),
  gunzipSync(readFileSync(join(ROOT, 'test/fixtures/specs/cloudflare-openapi-2024-08.json.gz'))),
);

const SPECS = ['cloudflare-openapi-2024-08.json', ...VALID_CORPUS];
const counts: string[] = [];

afterAll(() => {
  // The counts the issue asks for, in the test log.
  console.log(['spec | operations | calls that type-check: openapi-typescript | lathe', ...counts].join('\n'));
});

describe.each(SPECS)('%s', (spec) => {
  it('every call that type-checks against openapi-typescript type-checks against lathe', { timeout: 600_000 }, async () => {
    const file = join(work, spec);
    const dir = join(work, 'check', spec.replace(/[/.]/g, '_'));
    mkdirSync(dir, { recursive: true });
    const [lathe, oracle] = await Promise.all([latheWire(file), oracleWire(file)]);
    const r = checkCalls(dir, oracle, lathe.text ?? 'export type paths = Record<string, never>;\n', lathe.operations);
    // Without openapi-typescript's types there are no calls to hold lathe's to; its file must still compile.
    counts.push(`${spec} | ${r.operations} | ${r.oracle ? r.oracle.size : 'refused'} | ${r.oracle ? r.lathe.size : 'n/a (src/openapi.ts compiles)'}`);
    expect(r.latheErrors).toEqual([]);
    const missing = [...(r.oracle ?? [])].filter((i) => !r.lathe.has(i)).map((i) => `${lathe.operations[i]!.method} ${lathe.operations[i]!.path}: ${r.latheCallErrors.get(i)}`);
    expect(missing).toEqual([]);
    // The harness itself: on a spec openapi-typescript reads, most of its own calls type-check.
    if (r.oracle && r.operations) expect(r.oracle.size).toBeGreaterThan(r.operations / 2);
  });
});

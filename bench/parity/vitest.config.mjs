import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
// Stainless's SDK source, for PARITY_SDK=stainless (its tests import `cloudflare`): PARITY_SDK_SRC or ../sdk/src/.
const sdk = process.env.PARITY_SDK_SRC ?? fileURLToPath(new URL('../sdk/src/', import.meta.url));
export default defineConfig({
  resolve: process.env.PARITY_SDK === 'stainless' ? { alias: [{ find: /^cloudflare$/, replacement: sdk + 'index.ts' }, { find: /^cloudflare\/(.*)$/, replacement: sdk + '$1' }] } : {},
  test: {
    globals: true,
    include: [process.env.PARITY_INCLUDE ?? 'tests/**/*.test.ts'],
    testTimeout: 30000,
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    reporters: ['json'],
  },
});

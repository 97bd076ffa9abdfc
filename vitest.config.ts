import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The machine has two cores; tsc-heavy tests are slow when they all run at once.
    maxWorkers: 2,
  },
});

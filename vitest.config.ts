import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';

const ROOT = dirname(fileURLToPath(import.meta.url));
const SOURCES = join(ROOT, 'generator');
const BUILT = join(ROOT, 'dist', 'generator');

/**
 * Tests import the generator as `../generator/x.js` (so that tsc checks them against the sources)
 * and run what the CLI runs: the compiled `dist/generator/x.js`. One code path, not a source one for
 * tests and a built one for users (worker threads, for one, can only start compiled modules).
 * test/build.ts rebuilds dist/ first when a source is newer.
 */
function builtGenerator(): Plugin {
  return {
    name: 'lathe-built-generator',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      const target = resolve(dirname(importer), source);
      if (!target.startsWith(SOURCES + sep)) return null;
      return join(BUILT, relative(SOURCES, target)).replace(/\.ts$/, '.js');
    },
  };
}

export default defineConfig({
  plugins: [builtGenerator()],
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/build.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The machine has two cores; tsc-heavy tests are slow when they all run at once.
    maxWorkers: 2,
  },
});

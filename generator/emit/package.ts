/** package.json and tsconfig.json of the generated package: self-contained, no runtime dependencies. */
import type { IR } from '../ir/types.js';
import type { OutputFile } from './modules.js';

/**
 * npm runs `prepare` when the package is installed as a `file:` or git dependency, but it does
 * not install that package's devDependencies there: a plain `tsc` would fail the whole install.
 * So the build runs only when TypeScript can be found from the package's folder (its own
 * devDependency, or a workspace root's); otherwise the install goes on and says how to build.
 */
const PREPARE =
  "node -e \"let tsc; try { tsc = require.resolve('typescript/bin/tsc') } catch { console.log('TypeScript is not installed here: build this package with tsc -p tsconfig.json'); process.exit() } require('node:child_process').execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' })\"";

export function packageJson(ir: IR): OutputFile {
  const pkg = {
    name: ir.client.packageName,
    version: ir.client.packageVersion,
    description: ir.client.packageDescription,
    type: 'module',
    main: './dist/index.js',
    types: './dist/index.d.ts',
    // Each resource module by subpath too (`<pkg>/resources/cloudforce-one/requests/message`), as
    // Stainless SDKs allow, with or without the `.js` extension.
    exports: {
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
      './resources/*.js': { types: './dist/resources/*.d.ts', default: './dist/resources/*.js' },
      './resources/*': { types: './dist/resources/*.d.ts', default: './dist/resources/*.js' },
    },
    files: ['dist', 'src', 'api.md', 'docs'],
    sideEffects: false,
    engines: { node: '>=20' },
    scripts: { build: 'tsc -p tsconfig.json', prepare: PREPARE },
    devDependencies: { typescript: '~5.9.3' },
  };
  return { path: 'package.json', content: `${jsonText(pkg)}\n` };
}

export function tsconfigJson(): OutputFile {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types: [],
      strict: true,
      noUncheckedIndexedAccess: true,
      declaration: true,
      rootDir: 'src',
      outDir: 'dist',
      skipLibCheck: false,
      isolatedModules: true,
      verbatimModuleSyntax: true,
    },
    include: ['src'],
  };
  return { path: 'tsconfig.json', content: `${jsonText(config)}\n` };
}

/** JSON with objects one entry per line and short arrays of scalars on one line. */
function jsonText(value: unknown, indent = ''): string {
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => `${inner}${jsonText(v, inner)}`).join(',\n')}\n${indent}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (!entries.length) return '{}';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${jsonText(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

// The tests run the compiled generator (vitest.config.ts): rebuild it when a source is newer than
// what it compiled to, so that `npx vitest` after an edit does not test the previous build.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Not from helpers.ts: that imports the generator, which may not be built yet.
const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

function stale(dir: string): boolean {
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (stale(path)) return true;
    } else if (e.name.endsWith('.ts')) {
      const built = join(ROOT, 'dist', path.replace(/\.ts$/, '.js'));
      const builtAt = statSync(built, { throwIfNoEntry: false })?.mtimeMs;
      if (builtAt === undefined || builtAt < statSync(join(ROOT, path)).mtimeMs) return true;
    }
  }
  return false;
}

export default function setup(): void {
  if (stale('generator')) execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}

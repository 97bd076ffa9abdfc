// The tests run the compiled generator (vitest.config.ts): rebuild it when a source is newer than
// what it compiled to, or a compiled module has no source any more, so that `npx vitest` after an
// edit does not test the previous build. (`npm run build` empties dist/ first.)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Not from helpers.ts: that imports the generator, which may not be built yet.
const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

function files(dir: string, ext: string): string[] {
  if (!existsSync(join(ROOT, dir))) return [];
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), ext) : e.name.endsWith(ext) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

function stale(): boolean {
  const sources = files('generator', '.ts');
  const built = new Set(files('dist/generator', '.js'));
  if (built.size !== sources.length) return true;
  return sources.some((source) => {
    const js = join('dist', source.replace(/\.ts$/, '.js'));
    return !built.has(js) || statSync(join(ROOT, js)).mtimeMs < statSync(join(ROOT, source)).mtimeMs;
  });
}

export default function setup(): void {
  if (stale()) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

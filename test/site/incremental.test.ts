/**
 * The site goes through lathe's write stage like every other output file: after an edit of one
 * operation's description, only the files that say it are rewritten.
 */
import { cpSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lathe, ROOT, tempDir } from '../helpers.js';

function snapshot(dir: string): Map<string, { mtime: number; content: string }> {
  const out = new Map<string, { mtime: number; content: string }>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), { mtime: statSync(p).mtimeMs, content: readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

describe('site writes', () => {
  it('rewrites only the pages an edit changes (docs.html: true)', async () => {
    const dir = tempDir('lathe-site-inc-');
    cpSync(join(ROOT, 'examples/cloudforce-one/spec'), join(dir, 'spec'), { recursive: true });
    const config = readFileSync(join(ROOT, 'examples/cloudforce-one/lathe.config.yaml'), 'utf8');
    expect(config).toMatch(/^docs:\n/m);
    writeFileSync(join(dir, 'lathe.config.yaml'), config.replace(/^docs:\n/m, 'docs:\n  html: true\n'));
    const first = lathe(['generate', '--quiet'], dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const out = join(dir, 'generated');
    const before = snapshot(out);
    expect([...before.keys()].filter((p) => p.startsWith('site/') && p.endsWith('.html')).length).toBe(23 + 5 + 1); // operations, resources (cloudforce_one, requests, message, priority, assets), index
    await new Promise((r) => setTimeout(r, 20));
    const spec = join(dir, 'spec/cloudflare-cloudforce-one.yaml');
    const text = readFileSync(spec, 'utf8');
    const old = 'Adds a message to a Cloudforce One intelligence request conversation.';
    expect(text.split(old).length).toBe(2);
    writeFileSync(spec, text.replace(old, 'Adds a *message* to a request conversation.'));
    const second = lathe(['generate'], dir);
    expect(second.code).toBe(0);
    const after = snapshot(out);
    const changed = [...after].filter(([p, f]) => before.get(p)?.content !== f.content).map(([p]) => p).sort();
    // The site's share: the operation's page and the search index (which holds descriptions).
    expect(changed.filter((p) => p.startsWith('site/'))).toEqual(['site/_lathe/search-index.js', 'site/cloudforce-one/requests/message/create.html']);
    expect(changed).toContain('docs/cloudforce-one/requests/message/create.md');
    expect(after.get('site/cloudforce-one/requests/message/create.html')!.content).toContain('<p>Adds a <em>message</em> to a request conversation.</p>');
    // Everything else was left alone, not rewritten with the same bytes.
    for (const [p, f] of after) if (!changed.includes(p)) expect(f.mtime, p).toBe(before.get(p)!.mtime);
  });
});

/** `docs.html` and `--site`: how a user asks for the HTML reference, and what a mistake says. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lathe, ROOT, tempDir } from '../helpers.js';

const SPEC = join(ROOT, 'spec/cloudforce-one-message-create.yaml');

describe('asking for the HTML reference', () => {
  it('refuses a docs.html that is not a boolean, at its line, writing nothing', () => {
    const dir = tempDir('lathe-site-cfg-');
    writeFileSync(join(dir, 'lathe.config.yaml'), `spec: ${SPEC}\ndocs:\n  html: yes please\n`);
    const r = lathe(['generate'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('lathe.config.yaml:3:3: error: `docs.html` must be true or false');
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  it('writes no site unless asked, site/ with docs.html, and any folder with --site', () => {
    const dir = tempDir('lathe-site-cfg-');
    expect(lathe(['generate', '--spec', SPEC, '--out', 'plain', '--quiet'], dir).code).toBe(0);
    expect(existsSync(join(dir, 'plain/site'))).toBe(false);
    writeFileSync(join(dir, 'lathe.config.yaml'), `spec: ${SPEC}\noutput: with-site\ndocs:\n  html: true\n`);
    expect(lathe(['generate', '--quiet'], dir).code).toBe(0);
    expect(existsSync(join(dir, 'with-site/site/index.html'))).toBe(true);
    expect(lathe(['check', '--quiet'], dir).code).toBe(0);
    expect(lathe(['generate', '--spec', SPEC, '--out', 'sdk', '--site', 'public/ref', '--quiet'], dir).code).toBe(0);
    expect(existsSync(join(dir, 'public/ref/index.html'))).toBe(true);
    expect(existsSync(join(dir, 'public/ref/_lathe/search-index.js'))).toBe(true);
    expect(existsSync(join(dir, 'sdk/site'))).toBe(false);
    expect(lathe(['check', '--spec', SPEC, '--out', 'sdk', '--site', 'public/ref', '--quiet'], dir).code).toBe(0);
  });
});

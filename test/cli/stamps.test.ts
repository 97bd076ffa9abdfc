/**
 * The up-to-date fast path trusts a file by its stat stamp (write/stamps.ts) only while nothing
 * has written it: an edit is found even when it keeps the file's size and puts its mtime back.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { lathe, read, tempDir } from '../helpers.js';

let dir: string;

beforeEach(() => {
  dir = tempDir();
  mkdirSync(join(dir, 'spec'));
  // A project: its node_modules holds lathe's one disk cache, where the stamps live.
  mkdirSync(join(dir, 'node_modules'));
  writeFileSync(join(dir, 'spec', 'api.yaml'), read('spec/cloudforce-one-message-create.yaml'));
  writeFileSync(join(dir, 'lathe.config.yaml'), read('lathe.config.yaml').replace('spec/cloudforce-one-message-create.yaml', 'spec/api.yaml'));
});

const stampEntries = () => readdirSync(join(dir, 'node_modules', '.cache', 'lathe', 'stamps'), { recursive: true }).filter((f) => String(f).length > 60);

describe('stat stamps of the output', () => {
  it('are recorded by generate and used by check, which still finds a same-size edit with its mtime put back', async () => {
    expect(lathe(['generate'], dir).code).toBe(0);
    expect(stampEntries()).toHaveLength(1);
    expect(lathe(['check'], dir).stdout).toContain('up to date (inputs unchanged');
    // Let the clock move past the record's tick, so the edit cannot share it.
    await new Promise((r) => setTimeout(r, 20));
    const file = join(dir, 'generated', 'src', 'client.ts');
    const text = readFileSync(file, 'utf8');
    const before = statSync(file);
    const edited = text.replace('export', 'exporT');
    expect(edited.length).toBe(text.length);
    writeFileSync(file, edited);
    utimesSync(file, before.atime, before.mtime);
    expect(Math.abs(statSync(file).mtimeMs - before.mtimeMs)).toBeLessThan(1);
    const check = lathe(['check'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('changed: generated/src/client.ts');
  });

  it('let generate compare files by digest, and still find a same-size hand edit with its mtime put back', async () => {
    expect(lathe(['generate'], dir).code).toBe(0);
    await new Promise((r) => setTimeout(r, 20));
    const file = join(dir, 'generated', 'src', 'client.ts');
    const text = readFileSync(file, 'utf8');
    const before = statSync(file);
    const edited = text.replace('export', 'exporT');
    writeFileSync(file, edited);
    utimesSync(file, before.atime, before.mtime);
    // A spec change elsewhere: the resource's docs change, the client does not.
    writeFileSync(join(dir, 'spec', 'api.yaml'), read('spec/cloudforce-one-message-create.yaml').replace('Adds a message', 'Adds a NOTE'));
    const run = lathe(['generate'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('hand-edited kept (src/client.ts)');
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(lathe(['check'], dir).code).toBe(0);
  });

  it('are no use for another manifest: a regenerated output is checked against its own', () => {
    expect(lathe(['generate'], dir).code).toBe(0);
    writeFileSync(join(dir, 'spec', 'api.yaml'), read('spec/cloudforce-one-message-create.yaml').replace('Adds a message', 'Adds a NOTE'));
    expect(lathe(['check'], dir).code).toBe(1);
    expect(lathe(['generate'], dir).code).toBe(0);
    expect(lathe(['check'], dir).code).toBe(0);
    expect(stampEntries()).toHaveLength(1);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, libraryVersions, resolvedVersion } from '../../generator/fingerprint.js';
import { read, tempDir } from '../helpers.js';

/** A project with one dependency whose `exports` hide its package.json and whose entry is in a subfolder. */
function projectWith(exportsField: unknown): NodeRequire {
  const root = tempDir();
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'app', dependencies: { hidden: '^2' } }));
  const pkg = join(root, 'node_modules', 'hidden');
  mkdirSync(join(pkg, 'lib', 'deep'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'hidden', version: '2.7.1', exports: exportsField }));
  // A nested package.json of another name (as some packages ship for their ESM folder) must be passed by.
  writeFileSync(join(pkg, 'lib', 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(join(pkg, 'lib', 'deep', 'index.cjs'), 'module.exports = 1;\n');
  return createRequire(join(root, 'package.json'));
}

describe('the versions in the fingerprint', () => {
  it("reads a library's version from its package.json when its exports list it", () => {
    expect(resolvedVersion('hidden', projectWith({ '.': './lib/deep/index.cjs', './package.json': './package.json' }))).toBe('2.7.1');
  });

  it('walks up from the entry to the package.json that names the library when its exports hide it', () => {
    const require = projectWith({ '.': './lib/deep/index.cjs' });
    expect(() => require.resolve('hidden/package.json')).toThrow();
    expect(resolvedVersion('hidden', require)).toBe('2.7.1');
  });

  it("covers lathe and each of its dependencies, as installed", () => {
    const pkg = JSON.parse(read('package.json')) as { name: string; version: string; dependencies: Record<string, string> };
    const versions = libraryVersions();
    expect(versions[pkg.name]).toBe(pkg.version);
    for (const name of Object.keys(pkg.dependencies))
      expect(versions[name], name).toBe((JSON.parse(read(`node_modules/${name}/package.json`)) as { version: string }).version);
  });

  it('changes with any library version, the bytes of any input, the config or the Prettier options', () => {
    const inputs = [{ name: 'spec.yaml', bytes: new TextEncoder().encode('openapi: 3.0.3') }];
    const base = fingerprint(inputs, 'config', {});
    expect(fingerprint(inputs, 'config', {})).toBe(base);
    expect(fingerprint(inputs, 'config', {}, { ...libraryVersions(), prettier: '0.0.1' })).not.toBe(base);
    expect(fingerprint([{ name: 'spec.yaml', bytes: new TextEncoder().encode('openapi: 3.0.4') }], 'config', {})).not.toBe(base);
    expect(fingerprint(inputs, 'config ', {})).not.toBe(base);
    expect(fingerprint(inputs, 'config', { semi: false })).not.toBe(base);
  });
});

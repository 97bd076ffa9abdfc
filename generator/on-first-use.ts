/**
 * Libraries loaded on first use, for the runs that need them: a JSON spec with no config file
 * never needs `yaml` (about 25 ms of start-up), nor a config without a package name and version
 * `validate-npm-package-name` and `semver` (semver's import alone took longer than reading a
 * small spec). `node-diff3` is needed only when a hand edit is merged; `js-yaml` and `yaml` only for
 * YAML.
 */
import { createRequire } from 'node:module';

function onFirstUse<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= createRequire(import.meta.url)(name) as T);
}

export const yaml = onFirstUse<typeof import('yaml')>('yaml');
export const jsYaml = onFirstUse<typeof import('js-yaml')>('js-yaml');
export const semver = onFirstUse<typeof import('semver')>('semver');
export const validatePackageName = onFirstUse<typeof import('validate-npm-package-name')>('validate-npm-package-name');
export const diff3 = onFirstUse<typeof import('node-diff3')>('node-diff3');

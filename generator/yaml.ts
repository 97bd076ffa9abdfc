/**
 * The `yaml` package, loaded on first use: a JSON spec with no config file never needs it, and
 * loading it costs ~25 ms of every run's start-up.
 */
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');

let loaded: Yaml | undefined;

export function yaml(): Yaml {
  return (loaded ??= createRequire(import.meta.url)('yaml') as Yaml);
}

/**
 * ir -> **emit**: every output file, unformatted, from the IR alone. (The wire types come from
 * openapi-typescript on their own thread: see wire.ts.)
 */
import type { IR } from '../ir/types.js';
import type { EmitCache } from './cache.js';
import { clientFile, indexFile } from './client.js';
import { apiMd, eachResource, operationPage, packageReadme } from './docs.js';
import type { OutputFile } from './modules.js';
import { packageJson, tsconfigJson } from './package.js';
import { resourceFile } from './resource.js';
import { coreFiles } from './templates.js';

export type { OutputFile } from './modules.js';

/** Core modules whose exports the package entry re-exports. */
const PUBLIC_CORE = ['core/errors', 'core/api-promise', 'core/pagination', 'core/types', 'core/builder'];

/**
 * `onFile` sees each file as soon as it exists (the CLI starts writing some of them early); `cache`
 * gives back the files of resources that did not change since an earlier run.
 */
export function emit(ir: IR, onFile?: (file: OutputFile) => void, cache?: EmitCache): OutputFile[] {
  const files: OutputFile[] = [];
  const add = (...items: OutputFile[]) => {
    for (const f of items) {
      files.push(f);
      onFile?.(f);
    }
  };
  const core = coreFiles();
  add(...core);
  const present = new Set(core.map((f) => f.path.replace(/^src\//, '').replace(/\.ts$/, '')));
  add(clientFile(ir), indexFile(ir, PUBLIC_CORE.filter((m) => present.has(m))));
  eachResource(ir, (r, access) => {
    const key = cache?.keyOf(r, access);
    const hit = key === undefined ? undefined : cache!.lookup(key);
    if (hit) return add(...hit);
    const made = [resourceFile(ir, r, access), ...r.operations.map((op) => operationPage(ir, r, op, access))];
    add(...made);
    if (key !== undefined) cache!.store(key, made);
  });
  add(apiMd(ir), packageReadme(ir), packageJson(ir), tsconfigJson());
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

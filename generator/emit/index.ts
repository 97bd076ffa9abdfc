/**
 * ir -> **emit**: every output file, unformatted, from the IR alone. (The wire types come from
 * openapi-typescript on their own thread: see wire.ts.)
 */
import type { IR } from '../ir/types.js';
import { clientFile, indexFile } from './client.js';
import { apiMd, eachResource, operationPage, packageReadme } from './docs.js';
import type { OutputFile } from './modules.js';
import { packageJson, tsconfigJson } from './package.js';
import { resourceFile } from './resource.js';
import { coreFiles } from './templates.js';

export type { OutputFile } from './modules.js';

/** Core modules whose exports the package entry re-exports. */
const PUBLIC_CORE = ['core/errors', 'core/api-promise', 'core/pagination', 'core/types', 'core/builder'];

/** `onFile` sees each file as soon as it exists (the CLI starts writing some of them early). */
export function emit(ir: IR, onFile?: (file: OutputFile) => void): OutputFile[] {
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
    add(resourceFile(ir, r, access));
    for (const op of r.operations) add(operationPage(ir, r, op, access));
  });
  add(apiMd(ir), packageReadme(ir), packageJson(ir), tsconfigJson());
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

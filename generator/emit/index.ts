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

export function emit(ir: IR): OutputFile[] {
  const files: OutputFile[] = [];
  const core = coreFiles();
  files.push(...core);
  const present = new Set(core.map((f) => f.path.replace(/^src\//, '').replace(/\.ts$/, '')));
  files.push(clientFile(ir), indexFile(ir, PUBLIC_CORE.filter((m) => present.has(m))));
  eachResource(ir, (r, access) => {
    files.push(resourceFile(ir, r, access));
    for (const op of r.operations) files.push(operationPage(ir, r, op, access));
  });
  files.push(apiMd(ir), packageReadme(ir), packageJson(ir), tsconfigJson());
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

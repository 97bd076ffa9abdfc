/**
 * ir -> **emit**: every output file from the IR alone, TypeScript modules as ts-morph structures
 * printed by ts-morph, type declarations among them as writer functions on its writer (types.ts).
 * (The wire types are printed apart, from the spec's wire model: see wire/.)
 */
import type { IR } from '../ir/types.js';
import type { EmitCache } from './cache.js';
import { clientFile, clientInputs, indexFile, indexInputs } from './client.js';
import { apiMd, eachResource, operationPage, packageReadme } from './docs.js';
import type { OutputFile } from './modules.js';
import { packageJson, tsconfigJson } from './package.js';
import { resourceFile } from './resource.js';
import { coreFiles } from './templates.js';
import { webhooksFile } from './webhooks.js';
import { webhookPages } from '../docs/webhooks.js';

export type { OutputFile } from './modules.js';

/** `cache` gives back the files of resources that did not change since an earlier run. */
export function emit(ir: IR, cache?: EmitCache): OutputFile[] {
  const files: OutputFile[] = [];
  const add = (...items: OutputFile[]) => files.push(...items);
  const core = coreFiles();
  add(...core);
  // Made from the resources' names only: an edit that renames nothing finds them in the cache.
  const whole = (name: string, inputs: unknown, make: () => OutputFile): OutputFile[] => {
    const key = cache?.keyOfWhole(name, inputs);
    const hit = key === undefined ? undefined : cache!.lookup(key);
    if (hit) return hit;
    const made = [make()];
    if (key !== undefined) cache!.remember(key, made);
    return made;
  };
  add(...whole('client', clientInputs(ir), () => clientFile(ir)), ...whole('index', indexInputs(ir), () => indexFile(ir)));
  eachResource(ir, (r, access) => {
    const key = cache?.keyOf(r, access);
    const hit = key === undefined ? undefined : cache!.lookup(key);
    if (hit) return add(...hit);
    const made = [resourceFile(ir, r, access), ...r.operations.map((op) => operationPage(ir, r, op, access))];
    add(...made);
    if (key !== undefined) cache!.remember(key, made);
  });
  const webhooks = webhooksFile(ir);
  if (webhooks) add(webhooks, ...webhookPages(ir));
  add(apiMd(ir), packageReadme(ir), packageJson(ir), tsconfigJson());
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

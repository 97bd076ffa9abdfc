/**
 * openapi-typescript's `paths` / `components` / `operations` for the same spec, so the output also
 * serves openapi-fetch users and gives tests an independent oracle for the friendly types.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics.js';
import type { LoadedSpec } from '../load/types.js';
import type { OutputFile } from './modules.js';
import { HEADER } from './modules.js';

/**
 * Discriminator mappings may name a schema bare (`dog: Dog`); openapi-typescript only follows refs,
 * so bare names of existing components are spelled out as refs first.
 */
function withQualifiedMappings(root: unknown): unknown {
  const schemas = (root as { components?: { schemas?: Record<string, unknown> } }).components?.schemas ?? {};
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as Record<string, unknown>;
    const mapping = (record.discriminator as { mapping?: Record<string, unknown> } | undefined)?.mapping;
    if (mapping && typeof mapping === 'object')
      for (const [k, v] of Object.entries(mapping))
        if (typeof v === 'string' && /^[A-Za-z0-9_.-]+$/.test(v) && Object.hasOwn(schemas, v)) mapping[k] = `#/components/schemas/${v}`;
    Object.values(record).forEach(visit);
  };
  visit(root);
  return root;
}

export async function wireTypes(spec: LoadedSpec, diagnostics: Diagnostic[]): Promise<OutputFile> {
  let body: string;
  try {
    // A single-file spec goes in as data (no disk access); a multi-file one needs its files.
    const input = spec.files.size === 1 ? withQualifiedMappings(structuredClone(spec.entry.root)) : pathToFileURL(spec.entry.path);
    const ast = await openapiTS(input as Parameters<typeof openapiTS>[0], { silent: true });
    body = astToString(ast);
  } catch (e) {
    diagnostics.push({
      severity: 'warning',
      message: `openapi-typescript could not type this spec, so src/openapi.ts holds empty wire types: ${(e as Error).message.split('\n')[0]}`,
      loc: { file: spec.entry.path, pointer: '#' },
    });
    body = 'export type paths = Record<string, never>;\nexport type components = Record<string, never>;\nexport type operations = Record<string, never>;\n';
  }
  // Prettier would take seconds on Cloudflare's 4 MB of wire types, which the TS printer already laid out.
  return { path: 'src/openapi.ts', content: `${HEADER}\n// Wire types by openapi-typescript.\n${body}`, preformatted: true };
}

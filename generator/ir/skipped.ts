/**
 * Parts of a spec the SDK does not cover yet, each named in a warning at its place rather than
 * dropped without a word: callbacks and links (webhooks.ts warns about the webhooks it skips).
 */
import { joinPointer, type Diagnostic } from '../diagnostics.js';
import type { LoadedSpec } from '../load/types.js';
import { isRecord } from './schema.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function skippedParts(spec: LoadedSpec): Diagnostic[] {
  const root = spec.entry.root as Record<string, unknown>;
  const file = spec.entry.path;
  const out: Diagnostic[] = [];
  const warn = (pointer: string, message: string) => out.push({ severity: 'warning', message, loc: { file, pointer } });
  const count = (v: unknown) => (isRecord(v) ? Object.keys(v).length : 0);
  const components = isRecord(root.components) ? root.components : {};
  if (count(components.callbacks)) warn('#/components/callbacks', 'callbacks are not part of the SDK: skipped');
  if (count(components.links)) warn('#/components/links', 'links are not part of the SDK: skipped');
  const paths = isRecord(root.paths) ? root.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isRecord(op)) continue;
      // Made only for a warning: escaping every operation's pointer was most of this walk.
      const at = () => joinPointer('#/paths', path, method);
      if (count(op.callbacks)) warn(joinPointer(at(), 'callbacks'), 'callbacks are not part of the SDK: skipped');
      const responses = isRecord(op.responses) ? op.responses : {};
      for (const [status, response] of Object.entries(responses))
        if (isRecord(response) && count(response.links)) warn(joinPointer(at(), 'responses', status, 'links'), 'links are not part of the SDK: skipped');
    }
  }
  return out;
}

/**
 * Config `auth.<scheme>.alsoFor`: a scheme the spec's `security` leaves off operations that do
 * accept it (an API whose operations list token permissions but declare only key auth). Each
 * matching operation gets the scheme as one more alternative, after its own, so a client configured
 * for the declared alternatives still sends those and one with only this scheme can call it too.
 */
import type { AlsoFor, LatheConfig } from '../config.js';
import { joinPointer, type Diagnostic } from '../diagnostics.js';
import type { LoadedSpec } from '../load/types.js';
import type { IROperation, IRResource, IRSecurityScheme } from './types.js';

type Requirements = readonly (readonly string[])[];

export function widenSecurity(
  resources: readonly IRResource[],
  spec: LoadedSpec,
  config: LatheConfig,
  schemes: readonly IRSecurityScheme[],
  documentSecurity: Requirements,
  diagnostics: Diagnostic[],
): IRResource[] {
  const rules = Object.entries(config.auth).flatMap(([scheme, options]) => (options.alsoFor ? [{ scheme, rule: options.alsoFor }] : []));
  const known = rules.filter(({ scheme }) => {
    if (schemes.some((s) => s.key === scheme)) return true;
    const loc = { file: config.file ?? 'lathe.config.yaml', pointer: joinPointer('#/auth', scheme, 'alsoFor') };
    diagnostics.push({ severity: 'error', message: `'alsoFor' is set for '${scheme}', which is not a security scheme of the spec`, loc });
    return false;
  });
  if (!known.length) return [...resources];
  const widen = (op: IROperation): IROperation => {
    const declared = op.security ?? documentSecurity;
    // An operation that needs no credentials at all stays that way.
    if (declared.length === 0 || declared.some((r) => r.length === 0)) return op;
    let security: Requirements = declared;
    for (const { scheme, rule } of known) {
      if (security.some((r) => r.length === 1 && r[0] === scheme) || !matches(op, rule, spec)) continue;
      security = [...security, [scheme]];
    }
    return security === declared ? op : { ...op, security };
  };
  // A resource nothing widens stays the object it was: later stages know IR objects by identity (emit/cache.ts).
  const walk = (r: IRResource): IRResource => {
    const operations = r.operations.map(widen);
    const children = r.children.map(walk);
    const same = operations.every((op, i) => op === r.operations[i]) && children.every((c, i) => c === r.children[i]);
    return same ? r : { ...r, operations, children };
  };
  return resources.map(walk);
}

function matches(op: IROperation, rule: AlsoFor, spec: LoadedSpec): boolean {
  if (rule.extension !== undefined) {
    const raw = spec.get(op.loc) as Record<string, unknown> | undefined;
    const value = raw?.[rule.extension];
    if (value !== undefined && value !== null && value !== false && !(Array.isArray(value) && value.length === 0)) return true;
  }
  return (rule.operations ?? []).some((glob) => {
    const re = new RegExp(`^${glob.split('*').map(escape).join('.*')}$`);
    return re.test(op.id) || re.test(`${op.method} ${op.path}`) || re.test(`${op.method.toLowerCase()} ${op.path}`);
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

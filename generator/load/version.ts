import type { Diagnostic, Loc } from '../diagnostics.js';
import { describe } from './refs.js';
import type { OpenAPIVersion } from './types.js';

export interface VersionResult {
  /** Undefined when the document cannot be read as any supported version. */
  readonly version?: OpenAPIVersion;
  /** The version string as written (`3.0.3`, `2.0`). */
  readonly raw?: string;
  readonly diagnostics: Diagnostic[];
}

/**
 * Reads `openapi` / `swagger` from the entry document.
 *
 * OpenAPI 3.2 and later 3.x minors are accepted with a warning and read as 3.1: 3.2 only adds to
 * 3.1 (the `query` method, `additionalOperations`, tag parents), and what lathe does not know is
 * ignored with a warning rather than refused, so a spec that moved to 3.2 keeps generating.
 */
export function detectVersion(root: Record<string, unknown>, file: string): VersionResult {
  const at = (pointer: string): Loc => ({ file, pointer });
  const error = (message: string, pointer: string): VersionResult => ({
    diagnostics: [{ severity: 'error', message, loc: at(pointer) }],
  });
  if (Object.hasOwn(root, 'openapi')) {
    const raw = root.openapi;
    if (typeof raw !== 'string') {
      return error(`\`openapi\` must be a version string such as "3.1.0", not ${describe(raw)} (quote it in YAML)`, '#/openapi');
    }
    const m = /^(\d+)\.(\d+)(\.\d+)?(?:-[0-9A-Za-z.-]+)?$/.exec(raw);
    if (!m || m[1] !== '3') return error(`unsupported OpenAPI version '${raw}'; lathe reads 2.0, 3.0 and 3.1`, '#/openapi');
    const minor = Number(m[2]);
    const diagnostics: Diagnostic[] = [];
    if (minor >= 2) {
      diagnostics.push({
        severity: 'warning',
        message: `OpenAPI ${raw} is newer than lathe supports; reading it as 3.1 (features added after 3.1 are ignored)`,
        loc: at('#/openapi'),
      });
    } else if (m[3] === undefined) {
      diagnostics.push({
        severity: 'warning',
        message: `\`openapi\` should be a full version such as "${raw}.0"; reading '${raw}' as ${raw}`,
        loc: at('#/openapi'),
      });
    }
    return { version: minor === 0 ? '3.0' : '3.1', raw, diagnostics };
  }
  if (Object.hasOwn(root, 'swagger')) {
    const raw = root.swagger;
    if (raw === '2.0') return { version: '2.0', raw, diagnostics: [] };
    if (typeof raw === 'number') {
      return error(`\`swagger\` must be the string "2.0", not the number ${raw} (quote it: swagger: "2.0")`, '#/swagger');
    }
    return error(
      `Swagger ${typeof raw === 'string' ? `'${raw}'` : describe(raw)} is not supported; lathe reads Swagger "2.0" and OpenAPI 3.0 and 3.1`,
      '#/swagger',
    );
  }
  return error('not an OpenAPI document: no `openapi` or `swagger` field', '#');
}

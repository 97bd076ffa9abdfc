/**
 * A 50 MB spec loads (no hang, no crash) and a problem deep inside it is still placed exactly.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../generator/diagnostics.js';
import { loadSpec, memoryHost } from '../../generator/load/index.js';

function bigSpec(): string {
  const schemas: Record<string, unknown> = {};
  for (let i = 0; schemas && i < 60_000; i++)
    schemas[`S${i}`] = {
      type: 'object',
      description: `Schema number ${i}. ${'Lorem ipsum dolor sit amet. '.repeat(25)}`,
      properties: { id: { type: 'integer' }, next: { $ref: `#/components/schemas/S${i + 1}` } },
    };
  schemas.S60000 = { type: 'string' };
  (schemas.S59999 as { properties: Record<string, unknown> }).properties.broken = { $ref: '#/components/schemas/Nope' };
  return JSON.stringify({ openapi: '3.0.3', info: { title: 'big', version: '1' }, paths: {}, components: { schemas } }, null, 1);
}

describe('a 50 MB spec', () => {
  it('loads and reports the one broken ref at its line', () => {
    const text = bigSpec();
    expect(text.length).toBeGreaterThan(50_000_000);
    const result = loadSpec('/big/openapi.json', { host: memoryHost({ '/big/openapi.json': text }), cwd: '/big' });
    const before = text.slice(0, text.indexOf('"#/components/schemas/Nope"')).split('\n');
    const line = before.length;
    const column = before[before.length - 1]!.indexOf('"$ref"') + 1;
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `openapi.json:${line}:${column}: error: $ref '#/components/schemas/Nope' does not resolve (at #/components/schemas/S59999/properties/broken/$ref)`,
    ]);
  }, 120_000);
});

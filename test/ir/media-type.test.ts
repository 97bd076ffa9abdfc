/**
 * `content` keys that are not media types (`string`, `undefined`: Cloudflare's spec has both) are
 * warned about at their place and never sent as Accept or checked against a response.
 */
import { describe, expect, it } from 'vitest';
import { isMediaType } from '../../generator/load/media-type.js';
import { generate } from '../../generator/index.js';

describe('content keys that are not media types', () => {
  it('are told apart from media types and ranges', () => {
    for (const ok of ['application/json', 'text/plain; charset=utf-8', 'image/*', '*/*', 'application/vnd.api+json', 'multipart/form-data'])
      expect(isMediaType(ok), ok).toBe(true);
    for (const bad of ['string', 'undefined', 'json', '/json', 'application/', '', 'a b/c']) expect(isMediaType(bad), bad).toBe(false);
  });

  it('are warned about at their key, left out of Accept (any type, */*, when no 2xx key is one), and not used as the response media type', async () => {
    const spec = `openapi: 3.0.3
info: { title: T, version: '1' }
paths:
  /script:
    get:
      operationId: getScript
      responses:
        '200':
          description: ok
          content:
            string: { schema: { type: string } }
            application/javascript: { schema: { type: string } }
  /raw:
    get:
      operationId: getRaw
      responses:
        '200':
          description: ok
          content:
            undefined: { schema: { type: string } }
`;
    const { files, diagnostics } = await generate({ spec, specPath: 'api.yaml' });
    const warned = diagnostics.filter((d) => /is not a media type/.test(d.message));
    expect(warned.map((d) => [d.loc?.pointer, d.line])).toEqual([
      ['#/paths/~1script/get/responses/200/content/string', 11],
      ['#/paths/~1raw/get/responses/200/content/undefined', 20],
    ]);
    const code = files.filter((f) => f.path.startsWith('src/resources/')).map((f) => f.content).join('\n');
    expect(code).toContain("accept: 'application/javascript'");
    expect(code).toContain("accept: '*/*'");
    expect(code).not.toMatch(/'string'|'undefined'/);
  });
});

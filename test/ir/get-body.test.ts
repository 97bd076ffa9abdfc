/**
 * A GET or HEAD operation with a request body (Cloudflare's caption `vtt` GET requires one):
 * fetch throws on such a request, so the method sends no body and the spec's place is warned about.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.js';

const spec = `openapi: 3.0.3
info: { title: T, version: '1' }
paths:
  /captions/{lang}/vtt:
    get:
      operationId: getVtt
      parameters:
        - { name: lang, in: path, required: true, schema: { type: string } }
      requestBody:
        required: true
        content:
          application/json: {}
      responses:
        '200': { description: ok, content: { text/vtt: { schema: { type: string } } } }
    post:
      operationId: postVtt
      parameters:
        - { name: lang, in: path, required: true, schema: { type: string } }
      requestBody:
        required: true
        content:
          application/json: {}
      responses:
        '200': { description: ok }
`;

describe('a GET with a request body', () => {
  it('is warned about at its requestBody and sends none; other methods keep theirs', async () => {
    const { files, diagnostics } = await generate({ spec, specPath: 'api.yaml' });
    const warned = diagnostics.filter((d) => /cannot carry a body/.test(d.message));
    expect(warned.map((d) => [d.severity, d.loc?.pointer, d.line])).toEqual([['warning', '#/paths/~1captions~1{lang}~1vtt/get/requestBody', 9]]);
    const code = files.filter((f) => f.path.startsWith('src/resources/')).map((f) => f.content).join('\n');
    const getBuilder = /export function buildVttListRequest[\s\S]*?\n}\n/.exec(code)?.[0] ?? '';
    const postBuilder = /export function buildVttCreateRequest[\s\S]*?\n}\n/.exec(code)?.[0] ?? '';
    expect(getBuilder).toContain("'GET'");
    expect(getBuilder).not.toContain('body');
    expect(postBuilder).toContain('body');
  });
});

/**
 * Spec text in string literals. A value ending in a backslash once broke a generated module: the
 * printer took the closing quote after `\\` for an escaped one and misread the rest of the file
 * (found by the corpus fuzz run: a query param named `filter\`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quote } from '../../generator/emit/syntax.js';
import { generate } from '../../generator/index.js';
import { tempDir, tsc } from '../helpers.js';

describe('quote', () => {
  it('reads back as the same text, a final backslash included', () => {
    for (const text of ['a\\', '\\', 'a\\\\', "it's\\", 'say "hi"\\', '*/ x /*', 'line\nbreak\\', "\\'"]) {
      // eslint-disable-next-line no-new-func
      expect(new Function(`return ${quote(text)};`)()).toBe(text);
      expect(quote(text).endsWith("\\\\'")).toBe(false);
    }
  });

  it('a param whose name ends in a backslash, next to comment-like text, gives code that compiles', async () => {
    const spec = {
      openapi: '3.0.3',
      info: { title: 'T', version: '1' },
      paths: {
        '/things': {
          get: {
            operationId: 'listThings',
            parameters: [
              { name: 'filter\\', in: 'query', description: 'A filter.', schema: { type: 'string', enum: ['*/ export const PWNED = 1; /*', "'b'", 'c'] } },
              { name: 'count', in: 'query', description: 'How many.', schema: { type: 'integer' } },
            ],
            responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { 'x\\': { type: 'string' } } } } } } },
          },
        },
      },
    };
    const { files } = await generate({ spec });
    const dir = tempDir();
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content);
    }
    const resource = files.find((f) => f.path === 'src/resources/things.ts')!.content;
    expect(resource).not.toContain('*//**');
    const compiled = tsc(['-p', 'tsconfig.json', '--noEmit'], dir);
    expect(compiled.code, compiled.output).toBe(0);
  }, 60_000);
});

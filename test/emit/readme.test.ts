/** The generated package's README says how to load the package (issue 16: it is ESM-only). */
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.js';

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Pets', version: '1' },
  paths: { '/pets': { get: { operationId: 'listPets', responses: { 200: { description: 'ok' } } } } },
};

describe('generated README', () => {
  it('says the package is ESM-only and how CommonJS loads it', async () => {
    const { files } = await generate({ spec: SPEC, config: { package: { name: 'pets-sdk' }, client: { name: 'Pets' } } });
    const readme = files.find((f) => f.path === 'README.md')!.content;
    const pkg = JSON.parse(files.find((f) => f.path === 'package.json')!.content) as { type?: string };
    expect(pkg.type).toBe('module');
    expect(readme).toMatch(/ESM-only \(`"type": "module"`\)/);
    expect(readme).toContain("const { default: Pets } = await import('pets-sdk');");
  });
});

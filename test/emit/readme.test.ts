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

describe('the README example call', () => {
  const spec = {
    openapi: '3.1.0',
    info: { title: 'Pets', version: '1' },
    paths: {
      '/pets': { get: { operationId: 'listPets', responses: { 200: { description: 'ok' } } } },
      '/pets/{pet_id}/toys': {
        post: {
          operationId: 'addToy',
          parameters: [{ name: 'pet_id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, squeaky: { type: 'boolean' } } } } } },
          responses: { 200: { description: 'ok' } },
        },
      },
    },
  };
  const readme = async (docs: object) => {
    const { files } = await generate({ spec, config: { package: { name: 'pets-sdk' }, client: { name: 'Pets' }, docs } });
    return files.find((f) => f.path === 'README.md')!.content;
  };

  it('is the first method by default', async () => {
    expect(await readme({})).toMatch(/await client\.pets\.list\(\)/);
  });

  it('is the configured endpoint with the configured params, the positional one first', async () => {
    const text = await readme({ readmeExample: { endpoint: 'post /pets/{pet_id}/toys', params: { name: 'Rope', pet_id: 'rex', squeaky: true } } });
    expect(text).toContain("client.pets.toys.create('rex', { name: 'Rope', squeaky: true })");
    expect(text).not.toMatch(/client\.pets\.list\(/);
  });

  it('names an endpoint of the SDK, or is an error at the key', async () => {
    const error = await generate({ spec, config: { docs: { readmeExample: { endpoint: 'get /nope' } } } }).then(
      () => undefined,
      (e: unknown) => e as { diagnostics: { loc?: { pointer: string }; message: string }[] },
    );
    expect(error?.diagnostics.map((d) => [d.loc?.pointer, d.message])).toEqual([
      ['#/docs/readmeExample/endpoint', "readmeExample's endpoint 'get /nope' is not a method of the SDK"],
    ]);
  });
});

/**
 * A Swagger 2.0 document (swagger-2.yaml): an `in: body` parameter, `in: formData` parameters with
 * a file, response `schema`s, collectionFormat, x-nullable and a `basic` securityDefinition.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileAll, declarationOf, generateFixture, warnings, type Compiled, type Generated } from './harness.js';

type Builder = (...args: unknown[]) => {
  path: string;
  query: [string, string][];
  body?: { type: string; value: Record<string, unknown> };
};

let g: Generated;
let compiled: Compiled;

beforeAll(async () => {
  g = await generateFixture('swagger-2.yaml');
  compiled = await compileAll({
    swagger2: {
      generated: g,
      extra: {
        'check.ts': `
import { Client } from './client.js';
export const client = new Client({ basicAuth: 'user:pass' });
export async function use(): Promise<number> {
  const pet = await client.pets.create({ name: 'Rex', tag: null });
  const photo = await client.pets.photo.create(pet.id, { file: new Blob(['x']) });
  const all = await client.pets.list({ tags: ['a'] });
  return photo.id + all.length;
}
`,
      },
    },
  });
}, 120_000);

describe('Swagger 2.0', () => {
  it('generates with no warning but the wire types one (openapi-typescript reads 3.x only)', () => {
    expect(warnings(g)).toEqual([]);
  });

  it('flattens the `in: body` parameter schema into the params, x-nullable adding | null', () => {
    expect(declarationOf(g.resources, 'PetCreateParams')).toBe(
      ['export interface PetCreateParams {', '  name: string;', '  tag?: string | null;', '}'].join('\n'),
    );
    expect(g.resources).toContain('create(params: PetCreateParams, options?: RequestOptions): APIPromise<Pet> {');
  });

  it('reads response `schema`s: a definition, and an array of one', () => {
    expect(declarationOf(g.resources, 'Pet')).toBe(
      ['export interface Pet {', '  /** @format int64 */', '  id: number;', '  name: string;', '  photoUrls?: Array<string>;', '}'].join('\n'),
    );
    expect(g.resources).toContain('list(params: PetListParams = {}, options?: RequestOptions): APIPromise<Array<Pet>> {');
  });

  it('turns formData parameters with a file into a multipart body with an Uploadable field (a Blob sent as a file part)', async () => {
    expect(declarationOf(g.resources, 'PhotoCreateParams')).toBe(
      ['export interface PhotoCreateParams {', '  /** The photo. */', '  file: Uploadable;', '  caption?: string;', '}'].join('\n'),
    );
    const { buildPhotoCreateRequest } = await compiled.load<Record<string, Builder>>('swagger2', 'resources/pets/photo.js');
    const file = new Blob(['img']);
    const req = buildPhotoCreateRequest!(7, { file, caption: 'c' });
    expect(req.path).toBe('/pets/7/photo');
    expect(req.body).toEqual({ type: 'multipart', value: { file, caption: 'c' } });
  });

  it('serializes a query array by its collectionFormat (csv, the default)', async () => {
    expect(declarationOf(g.resources, 'buildPetListRequest', 'function')).toContain(`['tags', tags, { style: 'form', explode: false }]`);
    const { buildPetListRequest } = await compiled.load<Record<string, Builder>>('swagger2', 'resources/pets/pets.js');
    expect(buildPetListRequest!({ limit: 10, tags: ['a', 'b'] }).query).toEqual([
      ['limit', '10'],
      ['tags', 'a,b'],
    ]);
  });

  it('maps the `basic` securityDefinition to http basic auth on the client, with host + basePath as base URL', () => {
    const client = g.file('src/client.ts');
    expect(client).toContain('basicAuth?: string | null | undefined;');
    expect(client).toContain(`securitySchemes: { basicAuth: { type: 'http', scheme: 'basic' } },`);
    expect(client).toContain(`defaultSecurity: [['basicAuth']],`);
    expect(client).toContain(`baseURL: baseURL || 'https://api.example.com/v1',`);
  });
});

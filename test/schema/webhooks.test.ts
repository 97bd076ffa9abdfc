/**
 * OpenAPI 3.1 webhooks (issue 16): exported types for each webhook's payload and headers, a docs
 * page per webhook listed in api.md and the README, and a located warning for what is skipped.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.js';
import { compileAll, declarationOf, generateFixture, warnings } from './harness.js';

describe('webhooks', async () => {
  const g = await generateFixture('webhooks.yaml');
  const module = g.file('src/resources/webhooks.ts');

  it('types each payload and each set of headers, the component of the same name keeping its own', () => {
    expect(declarationOf(module, 'WebhooksNewPetEvent')).toMatch(/type: 'pet\.created';\n\s+pet: Pet;\n\s+owner\?: WebhooksNewPetEvent\.Owner;/);
    expect(declarationOf(module, 'WebhooksNewPetEvent', 'namespace')).toContain('export interface Owner');
    expect(declarationOf(module, 'WebhooksNewPetEventHeaders')).toMatch(/'X-Signature': string;\n[\s\S]*'X-Delivery-Attempt'\?: number;/);
    expect(declarationOf(module, 'PetAdoptedEvent', 'type')).toBe('export type PetAdoptedEvent = Adoption;');
    // Adoption is used by webhooks only: declared next to them. Pet belongs to the pets resource.
    expect(declarationOf(module, 'Adoption')).toContain('pet_id: number;');
    expect(module).toMatch(/import type \{ Pet \} from '\.\/pets\.js';/);
    expect(g.resources).toMatch(/export interface NewPetEvent \{/);
  });

  it('exports them from the package root', () => {
    expect(g.file('src/index.ts')).toContain("export * from './resources/webhooks.js';");
  });

  it('compiles under tsc --strict, payloads checked', async () => {
    const check = [
      "import type { Adoption, PetAdoptedEvent, WebhooksNewPetEvent, WebhooksNewPetEventHeaders } from './index.js';",
      "export const event: WebhooksNewPetEvent = { type: 'pet.created', pet: { id: 1, name: 'Rex' }, owner: { name: 'Ann' } };",
      "export const headers: WebhooksNewPetEventHeaders = { 'X-Signature': 'abc' };",
      'export const adopted: PetAdoptedEvent = { pet_id: 1 };',
      'export const same: Adoption = adopted;',
      '// @ts-expect-error: the payload needs its pet',
      "export const bad: WebhooksNewPetEvent = { type: 'pet.created' };",
      '// @ts-expect-error: X-Signature is required',
      'export const noSignature: WebhooksNewPetEventHeaders = {};',
    ].join('\n');
    await compileAll({ webhooks: { generated: g, extra: { 'check.ts': check } } });
  }, 120_000);

  it('has a docs page per typed webhook, listed in api.md and the README', () => {
    const page = g.file('docs/webhooks/new-pet.md');
    expect(page).toMatch(/^# A pet was added\n/);
    expect(page).toContain('the API sends a **POST** request to your endpoint');
    expect(page).toContain('## Headers');
    // Each field line carries its anchor, as on the operation pages.
    const field = (text: string) => new RegExp(`^ *- <a id="[^"]+"></a>\`${text.replace(/[?]/g, '\\?')}\`$`, 'm');
    expect(page).toMatch(field('X-Signature: string'));
    expect(page).toContain('## Payload');
    expect(page).toMatch(field('pet: Pet'));
    expect(page).toContain("import type { WebhooksNewPetEvent, WebhooksNewPetEventHeaders } from 'pet-store';");
    expect(page).toContain('## Example payload');
    expect(g.file('docs/webhooks/pet-adopted.md')).toMatch(field('pet_id: number'));
    expect(g.files.some((f) => f.path.startsWith('docs/webhooks/ping'))).toBe(false);
    const api = g.file('api.md');
    expect(api).toContain('## Webhooks');
    expect(api).toContain('<a href="./src/resources/webhooks.ts">PetAdoptedEvent</a>');
    expect(api).toContain('([docs](./docs/webhooks/new-pet.md))');
    const readme = g.file('README.md');
    expect(readme).toContain('## Webhooks');
    expect(readme).toContain('- [`pet_adopted`](./docs/webhooks/pet-adopted.md): `PetAdoptedEvent`');
  });

  it('the HTML site has the same pages', async () => {
    const site = await generateFixture('webhooks.yaml', undefined, { docs: { html: true } });
    const page = site.file('site/webhooks/new-pet.html');
    expect(page).toContain('<h1>A pet was added</h1>');
    expect(page).toContain('X-Signature');
    expect(site.file('site/webhooks/pet-adopted.html')).toContain('PetAdoptedEvent');
    expect(site.file('site/_lathe/search-index.js')).toContain('webhooks/new-pet.html');
    // The sidebar lists them under their own node.
    const nav = JSON.parse(site.file('site/_lathe/nav.js').replace(/^window\.LATHE_NAV = /, '').replace(/;\n$/, '')) as { name: string; ops: { href: string }[] }[];
    expect(nav.find((n) => n.name === 'Webhooks')?.ops.map((o) => o.href)).toEqual(expect.arrayContaining(['webhooks/new-pet.html', 'webhooks/pet-adopted.html']));
  });

  it('warns, at its place, only about the webhook it cannot type', () => {
    const skipped = g.diagnostics.filter((d) => /skipped/.test(d.message));
    expect(skipped.map((d) => d.loc?.pointer)).toEqual(['#/webhooks/ping/post']);
    expect(skipped[0]!.line).toBeGreaterThan(0);
    expect(warnings(g).some((w) => /newPet|pet_adopted/.test(w))).toBe(false);
  });

  it('hostile webhook names still give distinct types, pages and a package that compiles', async () => {
    const hook = (type: string) => `    post:\n      requestBody: { content: { application/json: { schema: { type: object, properties: { v: { type: ${type} } } } } } }\n      responses: { '200': { description: ok } }\n`;
    // The last two are longer than a file name may be, and the same for their first 300 characters.
    const names = ['""', '__proto__', '"q\'uo\\"te"', 'a-b', 'a_b', 'constructor', 'Array', 'webhooks', 'x'.repeat(300), `${'x'.repeat(300)}y`];
    const spec = `openapi: 3.1.0\ninfo: { title: t, version: '1' }\nwebhooks:\n${names.map((n, i) => `  ${n}:\n${hook(i % 2 ? 'string' : 'integer')}`).join('')}`;
    const r = await generate({ spec, specPath: 'hooks.yaml' });
    const pages = r.files.filter((f) => f.path.startsWith('docs/webhooks/'));
    expect(pages).toHaveLength(names.length);
    expect(new Set(pages.map((p) => p.path)).size).toBe(names.length);
    for (const p of pages) for (const part of p.path.split('/')) expect(Buffer.byteLength(part)).toBeLessThan(255);
    const hostile = { files: r.files, diagnostics: r.diagnostics, file: (p: string) => r.files.find((f) => f.path === p)!.content, resources: '' };
    await compileAll({ hostile: { generated: hostile } });
  }, 120_000);
});

/**
 * allOf (merged into one object; a conflict is a warning), oneOf/anyOf (unions) and discriminators
 * (with a `$ref` mapping, a bare-name mapping, and no mapping), on composition.yaml.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.js';
import { compileAll, declarationOf, generateFixture, warnings, type Generated } from './harness.js';

let g: Generated;

beforeAll(async () => {
  g = await generateFixture('composition.yaml');
});

/** The union members of a `type X = ...` declaration, parentheses dropped. */
function members(name: string): string[] {
  const decl = declarationOf(g.resources, name, 'type');
  return decl
    .replace(new RegExp(`^export type ${name} =\\s*`), '')
    .replace(/;$/, '')
    .split(/\s*\|\s*(?![^(]*\))/)
    .map((m) => m.replace(/^\((.*)\)$/s, '$1').trim())
    .filter(Boolean);
}

/** The literal type of the discriminator property in a member like `Dog & Pet.X` or `Dog & { petType: 'dog' }`. */
function tagOf(member: string): string {
  const [, tag] = member.split(' & ');
  expect(tag, `${member} is narrowed`).toBeDefined();
  // ts-morph ends each member of a type literal with `;`.
  const inline = /^\{ \w+: (.+?);? \}$/.exec(tag!);
  if (inline) return inline[1]!;
  // Printed as a nested interface: `Pet.PetUnionMember0Member1` in `namespace Pet`.
  const [ns, iface] = tag!.split('.');
  const body = declarationOf(declarationOf(g.resources, ns!, 'namespace').replace(/^ {2}/gm, ''), iface!);
  return /^ {2}\w+: (.+);$/m.exec(body)![1]!;
}

describe('allOf', () => {
  it('merges a $ref and an inline object into one interface, required from both', () => {
    expect(declarationOf(g.resources, 'Merged')).toBe(
      ['export interface Merged {', '  id: string;', '  name: string;', '  size?: number;', '}'].join('\n'),
    );
  });

  it('reports members that disagree on a property as a warning, and keeps the later one', () => {
    expect(warnings(g)).toContain(`allOf members disagree on property 'id' (string vs integer); the later one wins`);
    expect(declarationOf(g.resources, 'Conflicting')).toContain('  id: number;');
    const d = g.diagnostics.find((x) => x.message.startsWith('allOf members disagree'))!;
    expect(d.severity).toBe('warning');
    expect(d.loc?.pointer).toBe('#/components/schemas/Conflicting/allOf/1/properties/id');
  });
});

describe('oneOf / anyOf without a discriminator', () => {
  it('prints a union of the members', () => {
    expect(declarationOf(g.resources, 'PlainUnion', 'type')).toBe('export type PlainUnion = Dog | string;');
    expect(declarationOf(g.resources, 'PetOwner')).toContain('  inlineUnion?: string | number;');
  });
});

describe('discriminator', () => {
  it('with a $ref mapping: each member is narrowed to its mapped value', () => {
    const m = members('MappedPet');
    expect(m.map((x) => x.split(' & ')[0])).toEqual(['Dog', 'Cat']);
    expect(m.map(tagOf)).toEqual([`'dog'`, `'cat'`]);
  });

  it('without a mapping: each member is narrowed to its schema name', () => {
    expect(members('UnmappedPet').map(tagOf)).toEqual([`'Dog'`, `'Cat'`]);
  });

  it('with a mapping by bare schema name, several values for one schema becoming a literal union', () => {
    expect(members('BareMappedPet').map(tagOf)).toEqual([`'doggo'`, `'kitty' | 'kitten'`]);
  });

  it('on anyOf, a member missing from a partial mapping falls back to its schema name', () => {
    expect(members('AnyPet').map(tagOf)).toEqual([`'dog'`, `'Cat'`]);
  });

  it("keeps a member's own enum for the property instead of narrowing it to a value it forbids", () => {
    expect(declarationOf(g.resources, 'Message', 'type')).toBe('export type Message = UserMessage | ToolMessage;');
    expect(declarationOf(g.resources, 'UserMessage')).toContain(`  role: 'user';`);
    expect(declarationOf(g.resources, 'ToolMessage')).toContain('  role: ToolRole;');
  });

  it('narrows a member enum to its mapped value, and adds nothing to a member already pinned to its value', () => {
    const m = members('Shape');
    expect(m[0]!.split(' & ')[0]).toBe('Circle');
    expect(tagOf(m[0]!)).toBe(`'circle'`);
    expect(m[1]).toBe('Square');
  });

  it('warns about a mapping value that names no schema', async () => {
    const spec = `
openapi: 3.0.3
info: { title: T, version: '1' }
paths: {}
components:
  schemas:
    Pet:
      oneOf: [{ $ref: '#/components/schemas/Dog' }]
      discriminator: { propertyName: kind, mapping: { wolf: Wolf } }
    Dog: { type: object, properties: { kind: { type: string } } }
`;
    const r = await generate({ spec, config: { resources: { pets: { models: { pet: '#/components/schemas/Pet' } } } } });
    expect(r.diagnostics.map((d) => d.message)).toContain(`discriminator mapping 'wolf' does not name a schema; ignored`);
  });
});

describe('compiles', () => {
  it('under tsc --strict, and the discriminated unions narrow on the property', async () => {
    await compileAll({
      composition: {
        generated: g,
        extra: {
          'check.ts': `
import type { AnyPet, BareMappedPet, MappedPet, Merged, Message, Shape, UnmappedPet } from './resources/pets.js';

export function bark(p: MappedPet): boolean | undefined {
  if (p.petType === 'dog') return p.bark;
  // @ts-expect-error a cat does not bark
  return p.bark;
}
export function lives(p: UnmappedPet): number | undefined {
  return p.petType === 'Cat' ? p.lives : undefined;
}
export function bare(p: BareMappedPet): number | undefined {
  if (p.petType === 'kitten') return p.lives;
  return undefined;
}
// @ts-expect-error 'dog' is not a value of BareMappedPet (mapped as 'doggo')
export const wrong: BareMappedPet = { petType: 'dog', bark: true };
export const ok: AnyPet = { petType: 'Cat' };
export const square: Shape = { kind: 'Square', side: 1 };
// @ts-expect-error the mapping narrows Circle's kind to 'circle'
export const round: Shape = { kind: 'round', radius: 1 };
export const tool: Message = { role: 'function', toolCallId: 't' };
export function content(m: Message): string | undefined {
  return m.role === 'user' ? m.content : undefined;
}
// @ts-expect-error name is required by the merged allOf member
export const merged: Merged = { id: 'x' };
`,
        },
      },
    });
  });
});

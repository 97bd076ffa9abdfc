import { describe, expect, it } from 'vitest';
import type { IRModel, IRSchema, SchemaDocs } from '../../generator/ir/types.js';
import { docLines } from '../../generator/emit/jsdoc.js';
import { declaration, type Direction } from '../../generator/emit/types.js';
import { printModule } from '../../generator/emit/modules.js';

const loc = { file: '/spec.yaml', pointer: '#' };
/** IRSchema without loc (and with optional docs), member by member of the union. */
type Draft = IRSchema extends infer T ? (T extends IRSchema ? Omit<T, 'loc' | 'docs'> & { docs?: SchemaDocs } : never) : never;
const s = (schema: Draft): IRSchema => ({ loc, docs: {}, ...schema }) as IRSchema;

function print(name: string, schema: IRSchema, direction: Direction = 'response', models = new Map<string, IRModel>()): string {
  const statements = declaration(name, schema, docLines(schema.docs), { models, module: 'm', direction, imports: new Map() });
  return printModule('src/m.ts', statements).content;
}

describe('declarations', () => {
  it('nests inline objects in a namespace merged with their parent, id first then required', () => {
    const text = print(
      'Thing',
      s({
        kind: 'object',
        properties: [
          { name: 'name', required: false, schema: s({ kind: 'string' }) },
          { name: 'owner', required: true, schema: s({ kind: 'object', properties: [{ name: 'email', required: true, schema: s({ kind: 'string' }) }] }) },
          { name: 'id', required: true, schema: s({ kind: 'integer' }) },
        ],
      }),
    );
    expect(text).toMatch(/export interface Thing \{\s+id: number;\s+owner: Thing\.Owner;\s+name\?: string;\s+\}/);
    expect(text).toMatch(/export namespace Thing \{\s+export interface Owner \{\s+email: string;\s+\}\s+\}/);
  });

  it('prints enums as literal unions and nullable as | null', () => {
    const text = print(
      'Status',
      s({ kind: 'union', members: [s({ kind: 'literal', value: 'open' }), s({ kind: 'literal', value: 'closed' }), s({ kind: 'null' })] }),
    );
    expect(text).toContain(`export type Status = 'open' | 'closed' | null;`);
  });

  it('drops optional readOnly properties from request types (required ones turn optional) and writeOnly ones from responses', () => {
    const schema = s({
      kind: 'object',
      properties: [
        { name: 'id', required: true, schema: s({ kind: 'string', docs: { readOnly: true } }) },
        { name: 'created', required: false, schema: s({ kind: 'string', docs: { readOnly: true } }) },
        { name: 'password', required: true, schema: s({ kind: 'string', docs: { writeOnly: true } }) },
      ],
    });
    expect(print('User', schema, 'request')).not.toContain('created');
    expect(print('User', schema, 'request')).toContain('id?: string');
    expect(print('User', schema, 'request')).toContain('password: string');
    expect(print('User', schema, 'response')).not.toContain('password');
  });

  it('quotes property names that are not identifiers', () => {
    const text = print('H', s({ kind: 'object', properties: [{ name: 'x-rate-limit', required: false, schema: s({ kind: 'number' }) }] }));
    expect(text).toContain(`'x-rate-limit'?: number;`);
  });
});

describe('JSDoc', () => {
  it('carries description, format, constraints, default, example and deprecated', () => {
    expect(
      docLines({
        description: 'When it was made.',
        format: 'date-time',
        constraints: { maxLength: 32 },
        default: { value: 'now' },
        example: { value: '2022-01-01T00:00:00Z' },
        deprecated: true,
      }),
    ).toEqual(['When it was made.', '', '@format date-time', '@maxLength 32', '@default "now"', '@example "2022-01-01T00:00:00Z"', '@deprecated']);
  });

  it('cannot be closed by spec text', () => {
    const [line] = docLines({ description: 'evil */ export const x = 1; /*' });
    expect(line).not.toContain('*/');
    expect(line).toContain('*\\/');
  });
});

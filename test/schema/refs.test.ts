/**
 * `$ref` in all its spellings (internal, another file, a parent folder, a ref to a ref, a ref
 * through a ref in another file) and recursive / mutually recursive schemas.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generate, LatheError } from '../../generator/index.js';
import { compileAll, declarationOf, generateFixture, warnings, type Generated } from './harness.js';

let multi: Generated;
let multiStrict: Generated;
let recursive: Generated;
let recursiveArray: Generated;

beforeAll(async () => {
  multi = await generateFixture('multi-file', 'openapi.yaml');
  multiStrict = await generateFixture('multi-file', 'openapi.yaml', { validation: 'strict' });
  recursive = await generateFixture('recursive.yaml');
  recursiveArray = await generateFixture('recursive-array.yaml');
});

describe('$ref across files (multi-file/, passed through generate({ files }))', () => {
  it('names the model after the end of a ref-to-ref chain that leaves the entry file', () => {
    // #/components/schemas/OrderAlias -> #/components/schemas/Order -> schemas/order.yaml#/Order
    expect(multi.resources).toContain('get(orderId: string, options?: RequestOptions): APIPromise<Order> {');
    expect(declarationOf(multi.resources, 'Order')).toBe(
      [
        'export interface Order {',
        '  /**',
        '   * @format uuid',
        '   * @maxLength 36',
        '   */',
        '  id: string;',
        '  customer: Customer;',
        '  lines: Array<Line>;',
        '  total?: Money;',
        '}',
      ].join('\n'),
    );
  });

  it('follows an internal ref inside the other file (#/OrderId) and keeps its constraints for the path param', () => {
    // Layout aside (the constraints object breaks onto its own lines past 80 columns). Length
    // checks are made only with `validation: strict`.
    expect(multiStrict.resources).toMatch(/formatPath\('\/orders\/\{order_id\}', \{ order_id: orderId \}, \{\s*order_id: \{ maxLength: 36 \},?\s*\}\)/);
  });

  it('reads a whole file from the parent folder (../common/customer.yaml) as a model named after the file', () => {
    expect(declarationOf(multi.resources, 'Customer')).toMatch(/export interface Customer \{\n  name: string;\n  \/\*\* @format email \*\/\n  email\?: string;\n\}/);
  });

  it('declares a schema reached through a ref in another file once, shared by every user', () => {
    // line.yaml#/Money is itself `$ref: ../common/money.yaml#/Money`; Order.total and Line.price both use it.
    expect(declarationOf(multi.resources, 'Line')).toContain('price?: Money;');
    expect(declarationOf(multi.resources, 'Money')).toContain('currency: Currency;');
    expect(multi.resources.match(/export interface Money\b/g)).toHaveLength(1);
    expect(declarationOf(multi.resources, 'Currency', 'type')).toBe(`export type Currency = 'USD' | 'EUR';`);
  });

  it('accepts a response defined in another file (the default error) without changing the return type', () => {
    expect(warnings(multi)).toEqual([]);
  });

  it('refuses a ref that leaves the entry file folder', async () => {
    const spec = `
openapi: 3.0.3
info: { title: Escape, version: '1' }
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '../outside.yaml' }
`;
    const run = generateSpec(spec, { '../outside.yaml': 'type: object' });
    await expect(run).rejects.toBeInstanceOf(LatheError);
    await expect(run).rejects.toThrow(/points outside the spec's folder/);
  });
});

describe('recursive schemas (recursive.yaml)', () => {
  it('refers a self-recursive model to itself', () => {
    expect(declarationOf(recursive.resources, 'TreeNode')).toBe(
      ['export interface TreeNode {', '  value: string;', '  parent?: TreeNode;', '  children?: Array<TreeNode>;', '}'].join('\n'),
    );
  });

  it('keeps mutually recursive models apart, each referring to the other', () => {
    expect(declarationOf(recursive.resources, 'Department')).toContain('head?: Employee;');
    expect(declarationOf(recursive.resources, 'Employee')).toContain('department?: Department;');
    expect(declarationOf(recursive.resources, 'Employee')).toContain('reports?: Array<Employee>;');
  });

  it('recurses through a union', () => {
    expect(declarationOf(recursive.resources, 'Expr', 'type')).toBe('export type Expr = number | BinaryExpr;');
    expect(declarationOf(recursive.resources, 'BinaryExpr')).toContain('left: Expr;');
  });

  it('names a recursive array component (recursive-array.yaml) instead of typing the inner use unknown', () => {
    expect(declarationOf(recursiveArray.resources, 'ListListResponse')).toContain('nested?: NestedList;');
    expect(declarationOf(recursiveArray.resources, 'NestedList', 'type')).toBe('export type NestedList = Array<string | NestedList>;');
  });
});

describe('compiles', () => {
  // openapi-typescript prints components as interface members; the wire stage loosens the inner
  // self-reference so src/openapi.ts compiles (TS2502 otherwise), while lathe's own alias keeps it.
  it('a recursive array component under tsc --strict (src/openapi.ts included)', async () => {
    await compileAll({
      recursiveArray: {
        generated: recursiveArray,
        extra: {
          'check.ts': `import type { NestedList } from './resources/lists.js';\nexport const n: NestedList = ['a', ['b', ['c']]];\n`,
        },
      },
    });
  });

  it('under tsc --strict, and the recursive types accept deep values', async () => {
    await compileAll({
      multi: {
        generated: multi,
        extra: {
          'check.ts': `
import type { Order } from './resources/orders.js';
export const order: Order = {
  id: 'o1',
  customer: { name: 'Ada' },
  lines: [{ sku: 'x', quantity: 1, price: { amount: '1.00', currency: 'EUR' } }],
  // @ts-expect-error Currency is a closed enum
  total: { amount: '1.00', currency: 'GBP' },
};
`,
        },
      },
      recursive: {
        generated: recursive,
        extra: {
          'check.ts': `
import type { Forest } from './resources/tree.js';
export const forest: Forest = {
  root: { value: 'a', children: [{ value: 'b', children: [{ value: 'c' }] }] },
  departments: [{ name: 'R&D', head: { name: 'Ada', department: { name: 'R&D' }, reports: [{ name: 'Bob' }] } }],
  expr: { op: '+', left: 1, right: { op: '-', left: 2, right: 3 } },
};
`,
        },
      },
    });
  });
});

function generateSpec(spec: string, files: Record<string, string>) {
  return generate({ spec, specPath: 'api/openapi.yaml', files: Object.fromEntries(Object.entries(files).map(([k, v]) => [`api/${k}`, v])) });
}

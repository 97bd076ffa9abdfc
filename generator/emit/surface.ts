/**
 * The Stainless-shaped surface around a resource's methods: page classes named after their items
 * (`MessagesSinglePage`), and a namespace merged onto each resource class (and the client class)
 * that holds the module's types and its children's classes and types, so that
 * `Cloudflare.CloudforceOne.Requests.Message` names a type as it does in a Stainless SDK.
 */
import type { StatementStructures, WriterFunction } from 'ts-morph';
import { ModuleDeclarationKind, StructureKind } from '../ts-morph.js';
import type { IR, IROperation, IRResource } from '../ir/types.js';
import { assignment, e, t, typeText, type TypeNode } from './syntax.js';
import { specifierList } from './modules.js';

/** The runtime class a page class extends, per kind of pagination. */
export const PAGE_BASE = { single: 'SinglePage', v4page: 'V4PagePaginationArray' } as const;

/** What a resource module exports by name: values (classes) and types. */
export interface ModuleNames {
  readonly values: readonly string[];
  readonly types: readonly string[];
}

/** Page classes the module declares, each with the class it extends. */
export function pageClasses(resource: IRResource, item: (op: IROperation) => TypeNode): Map<string, TypeNode> {
  const out = new Map<string, TypeNode>();
  for (const op of resource.operations) {
    const { pagination, pageClass } = op.returns;
    if (pagination && pageClass && !out.has(pageClass)) out.set(pageClass, t.generic(PAGE_BASE[pagination], item(op)));
  }
  return out;
}

/**
 * The names a resource module declares for its callers (not its request builders). Models come from
 * `ir.models` only when `ir` is given: the emit cache keys children by what they alone decide.
 */
export function moduleNames(resource: IRResource, ir?: IR): ModuleNames {
  const values = [resource.className, ...new Set(resource.operations.flatMap((op) => (op.returns.pageClass ? [op.returns.pageClass] : [])))];
  const types = resource.operations.flatMap((op) => [op.paramsType, op.returns.typeName, op.returns.itemTypeName].filter((n): n is string => !!n));
  const models = ir ? (modelsByModule(ir).get(resource.module) ?? []) : [];
  return { values, types: [...types, ...models] };
}

const modelNames = new WeakMap<IR, Map<string, string[]>>();

/** The names of the models each module declares, in the models' order (asked for once per resource). */
export function modelsByModule(ir: IR): Map<string, string[]> {
  let byModule = modelNames.get(ir);
  if (!byModule) {
    byModule = new Map();
    for (const m of ir.models.values()) {
      const names = byModule.get(m.module);
      if (names) names.push(m.name);
      else byModule.set(m.module, [m.name]);
    }
    modelNames.set(ir, byModule);
  }
  return byModule;
}

/** Names a child module contributes to its parent's namespace, minus those the parent already has. */
export function childSurface(ir: IR, child: IRResource, taken: ReadonlySet<string>): ModuleNames {
  const names = moduleNames(child, ir);
  return { values: names.values.filter((n) => !taken.has(n)), types: names.types.filter((n) => !taken.has(n)) };
}

/**
 * `Owner.X = X;` for every class the namespace names (a declared namespace holds no values by
 * itself), then `export declare namespace Owner { export { ... } }`.
 */
export function mergedNamespace(owner: string, groups: readonly ModuleNames[]): (StatementStructures | WriterFunction)[] {
  const values = [...new Set(groups.flatMap((g) => g.values))];
  const types = [...new Set(groups.flatMap((g) => g.types))].filter((n) => !values.includes(n));
  if (!values.length && !types.length) return [];
  const specifiers = specifierList([...values, ...types.map((name) => ({ name, isTypeOnly: true }))]);
  return [
    ...values.map((name) => assignment(`${owner}.${name}`, e.code(name))),
    {
      kind: StructureKind.Module,
      name: owner,
      isExported: true,
      hasDeclareKeyword: true,
      declarationKind: ModuleDeclarationKind.Namespace,
      statements: [{ kind: StructureKind.ExportDeclaration, namedExports: specifiers }],
    },
  ];
}

/** `export class MessagesSinglePage extends SinglePage<Message> {}` */
export function pageClassDeclarations(pages: ReadonlyMap<string, TypeNode>): StatementStructures[] {
  return [...pages].map(([name, base]) => ({ kind: StructureKind.Class, name, isExported: true, extends: typeText(base) }));
}

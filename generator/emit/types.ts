/**
 * IR schemas -> TypeScript type text and declaration structures. Inline objects become interfaces
 * in a namespace merged with their parent (`MessageDeleteResponse.Error`), as Stainless does.
 */
import {
  StructureKind,
  ModuleDeclarationKind,
  type InterfaceDeclarationStructure,
  type ModuleDeclarationStructure,
  type OptionalKind,
  type PropertySignatureStructure,
  type StatementStructures,
  type TypeAliasDeclarationStructure,
} from 'ts-morph';
import { isIdentifier, NameRegistry, pascalCase, singular } from '../ir/names.js';
import type { IRModel, IRProperty, IRSchema } from '../ir/types.js';
import { docLines, jsDoc } from './jsdoc.js';

export type Direction = 'request' | 'response';

/** Where a type is being printed: which module (for imports) and which way data flows. */
export interface TypeContext {
  readonly models: ReadonlyMap<string, IRModel>;
  readonly module: string;
  readonly direction: Direction;
  /** Filled while printing: model names used from other modules, by module. */
  readonly imports: Map<string, Set<string>>;
}

/** A namespace being filled with the nested declarations of one declaration. */
class Scope {
  /**
   * A nested name equal to an enclosing one (`Options.Options`) would shadow it, and the qualified
   * references printed inside (`Options.Options.X`) would then resolve from the wrong place.
   */
  readonly names: NameRegistry;
  readonly members: StatementStructures[] = [];
  constructor(readonly qualified: string) {
    this.names = new NameRegistry(qualified.split('.'));
  }
}

export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : JSON.stringify(name);
}

/** `id` first, then required properties, then optional ones, each in spec order. */
export function orderProperties<T extends { name: string; required: boolean }>(props: readonly T[]): T[] {
  const rank = (p: T) => (p.name === 'id' && p.required ? 0 : p.required ? 1 : 2);
  return [...props].sort((a, b) => rank(a) - rank(b));
}

export function visibleProperties(props: readonly IRProperty[], direction: Direction): IRProperty[] {
  return props.filter((p) => !(direction === 'request' ? p.schema.docs.readOnly : p.schema.docs.writeOnly));
}

/** An exported declaration (interface or type alias) for `schema`, plus its namespace if it needs one. */
export function declaration(name: string, schema: IRSchema, docs: string[], ctx: TypeContext): StatementStructures[] {
  const scope = new Scope(name);
  const decl = declarationIn(name, schema, docs, scope, ctx);
  return scope.members.length ? [decl, namespaceOf(name, scope)] : [decl];
}

/** An interface from ready-made property structures (the params interfaces), with a namespace for nested types. */
export function interfaceDeclaration(
  name: string,
  docs: string[],
  properties: (scope: { typeOf(schema: IRSchema, hint: string): string }) => OptionalKind<PropertySignatureStructure>[],
  ctx: TypeContext,
): StatementStructures[] {
  const scope = new Scope(name);
  const props = properties({ typeOf: (schema, hint) => typeOf(schema, scope, hint, ctx) });
  const decl: InterfaceDeclarationStructure = { kind: StructureKind.Interface, name, isExported: true, docs: jsDoc(docs), properties: props };
  return scope.members.length ? [decl, namespaceOf(name, scope)] : [decl];
}

function declarationIn(
  name: string,
  schema: IRSchema,
  docs: string[],
  scope: Scope,
  ctx: TypeContext,
): InterfaceDeclarationStructure | TypeAliasDeclarationStructure {
  if (schema.kind === 'object' && (schema.properties.length > 0 || !schema.additional)) {
    const properties = orderProperties(visibleProperties(schema.properties, ctx.direction)).map(
      (p): OptionalKind<PropertySignatureStructure> => ({
        name: propertyKey(p.name),
        hasQuestionToken: !p.required,
        type: typeOf(p.schema, scope, p.name, ctx),
        docs: jsDoc(docLines(p.schema.docs)),
      }),
    );
    return {
      kind: StructureKind.Interface,
      name,
      isExported: true,
      docs: jsDoc(docs),
      properties,
      // Named properties must fit the index signature, so next to them it can only say `unknown`.
      indexSignatures: schema.additional
        ? [
            {
              keyName: 'key',
              keyType: 'string',
              returnType: properties.length ? 'unknown' : `${typeOf(schema.additional, scope, 'additional', ctx)} | undefined`,
            },
          ]
        : [],
    };
  }
  return { kind: StructureKind.TypeAlias, name, isExported: true, docs: jsDoc(docs), type: typeOf(schema, scope, name, ctx) };
}

function namespaceOf(name: string, scope: Scope): ModuleDeclarationStructure {
  return {
    kind: StructureKind.Module,
    name,
    declarationKind: ModuleDeclarationKind.Namespace,
    isExported: true,
    statements: scope.members,
  };
}

/** The type text of `schema`; nested objects are declared in `scope` as a side effect. */
function typeOf(schema: IRSchema, scope: Scope, hint: string, ctx: TypeContext): string {
  switch (schema.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'unknown':
    case 'never':
      return schema.kind;
    case 'integer':
      return 'number';
    case 'binary':
      return 'Blob';
    case 'literal':
      return JSON.stringify(schema.value);
    case 'array':
      return `Array<${typeOf(schema.items, scope, singular(hint), ctx)}>`;
    case 'tuple': {
      const items = schema.items.map((s, i) => typeOf(s, scope, `${hint}${i}`, ctx));
      if (schema.rest) items.push(`...Array<${typeOf(schema.rest, scope, `${hint}Rest`, ctx)}>`);
      return `[${items.join(', ')}]`;
    }
    case 'object': {
      if (schema.properties.length === 0)
        return schema.additional ? `{ [key: string]: ${typeOf(schema.additional, scope, hint, ctx)} | undefined }` : '{ [key: string]: unknown }';
      const name = scope.names.claim(pascalCase(hint) || 'Item');
      const child = new Scope(`${scope.qualified}.${name}`);
      scope.members.push(declarationIn(name, schema, docLines(schema.docs), child, ctx));
      if (child.members.length) scope.members.push(namespaceOf(name, child));
      return `${scope.qualified}.${name}`;
    }
    case 'union': {
      const parts = schema.members.map((m, i) => typeOf(m, scope, `${pascalCase(hint)}UnionMember${i}`, ctx));
      return [...new Set(parts)].map(parenthesize).join(' | ') || 'never';
    }
    case 'intersection':
      return [...new Set(schema.members.map((m, i) => inlineTag(m) ?? typeOf(m, scope, `${pascalCase(hint)}Member${i}`, ctx)))]
        .map(parenthesize)
        .join(' & ');
    case 'ref': {
      const model = ctx.models.get(schema.model);
      if (!model) return 'unknown';
      if (model.module !== ctx.module) {
        const set = ctx.imports.get(model.module) ?? new Set<string>();
        set.add(model.name);
        ctx.imports.set(model.module, set);
      }
      return model.name;
    }
    default: {
      const never: never = schema;
      return never;
    }
  }
}

/**
 * A discriminator tag (`{ petType: 'dog' }`: only literal-valued properties, no docs) reads best
 * inline next to the member it narrows, not as a nested interface of its own.
 */
function inlineTag(s: IRSchema): string | undefined {
  if (s.kind !== 'object' || s.additional || !s.properties.length || Object.keys(s.docs).length) return undefined;
  const parts: string[] = [];
  for (const p of s.properties) {
    const values = p.schema.kind === 'literal' ? [p.schema] : p.schema.kind === 'union' ? p.schema.members : [];
    if (!values.length || !values.every((v) => v.kind === 'literal')) return undefined;
    parts.push(`${propertyKey(p.name)}${p.required ? '' : '?'}: ${values.map((v) => JSON.stringify(v.kind === 'literal' ? v.value : null)).join(' | ')}`);
  }
  return `{ ${parts.join('; ')} }`;
}

function parenthesize(type: string): string {
  return /^[\w$.<>[\], "'-]+$/.test(type) && !type.includes(' | ') && !type.includes(' & ') ? type : `(${type})`;
}

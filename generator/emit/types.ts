/**
 * IR schemas -> TypeScript type text and declaration structures. Inline objects become interfaces
 * in a namespace merged with their parent (`MessageDeleteResponse.Error`), as Stainless does.
 */
import type { CodeBlockWriter, ModuleDeclarationStructure, WriterFunction } from 'ts-morph';
import { StructureKind, ModuleDeclarationKind } from '../ts-morph.js';
import { NameRegistry, pascalCase, singular } from '../ir/names.js';
import { sentInRequests } from '../ir/schema.js';
import type { IRModel, IRProperty, IRSchema } from '../ir/types.js';
import { docLines, jsDoc } from './jsdoc.js';
import { propertyKey, t, typeText, typeWriter, wrapDocs, type TypeMember, type TypeNode } from './syntax.js';

/**
 * A declaration a module holds at its top level or in a namespace: a namespace, or an interface or
 * type alias written into the file's writer (`interfaceWriter`, `typeAliasWriter`).
 */
export type Decl = ModuleDeclarationStructure | WriterFunction;

/** A member of an interface with its docs, as `interfaceWriter` writes it. */
export interface Member {
  readonly docs?: string;
  readonly member: TypeMember;
}

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
  readonly members: Decl[] = [];
  /** How deep in namespaces the declarations of this scope are (0: top level). */
  readonly depth: number;
  constructor(readonly qualified: string) {
    this.names = new NameRegistry(qualified.split('.'));
    this.depth = qualified.split('.').length - 1;
  }
}

export { propertyKey } from './syntax.js';

/** A JSDoc for a declaration at `indent` columns, wrapped to the line width. */
export function docsAt(docs: string | undefined, indent: number): { docs?: string[] } {
  return docs ? { docs: [wrapDocs(docs, indent)] } : {};
}

/**
 * `export interface Name { ... }` at `depth` namespaces deep, written straight into the file's one
 * writer. ts-morph's interface printer makes a new writer for every member's type and looks each
 * of its printers up through a memo keyed by `JSON.stringify` of the arguments: on Cloudflare,
 * whose resource modules are mostly interfaces, that was most of the printing. The layout is the
 * one ts-morph gives (index signatures first, one member per line, a blank line before).
 */
export function interfaceWriter(decl: { name: string; docs?: string; extends?: string; members: readonly Member[] }, depth: number): WriterFunction {
  const indent = 2 * depth + 2;
  const members = [...decl.members.filter((m) => m.member.kind === 'index'), ...decl.members.filter((m) => m.member.kind !== 'index')];
  return (w) => {
    blankLineBefore(w);
    writeDocs(w, decl.docs, 2 * depth);
    w.write(`export interface ${decl.name} ${decl.extends ? `extends ${decl.extends} ` : ''}`);
    w.inlineBlock(() => {
      members.forEach(({ docs, member }, i) => {
        if (i) w.newLine();
        writeDocs(w, docs, indent);
        if (member.kind === 'index') return writeTyped(w, '[key: string]: ', member.type, indent + 15);
        const key = propertyKey(member.key);
        writeTyped(w, `${key}${member.optional ? '?' : ''}: `, member.type, indent + key.length + (member.optional ? 3 : 2));
      });
    });
  };
}

/** `export type Name = type;`, after a blank line unless `tight` (then only where the statement list puts one). */
function typeAliasWriter(name: string, type: TypeNode, depth: number, options: { docs?: string; tight?: boolean } = {}): WriterFunction {
  const indent = 2 * depth;
  return (w) => {
    if (!options.tight) blankLineBefore(w);
    writeDocs(w, options.docs, indent);
    writeTyped(w, `export type ${name} = `, type, indent + 14 + name.length);
  };
}

/** `head`, `type` and a semicolon; a union too long for the line goes on with one member per line, hung one level deeper. */
function writeTyped(w: CodeBlockWriter, head: string, type: TypeNode, column: number): void {
  const text = typeWriter(type, column);
  if (typeof text === 'string') {
    w.write(`${head}${text};`);
    return;
  }
  w.hangingIndent(() => {
    w.write(head);
    text(w);
  });
  w.write(';');
}

/** A JSDoc block of `text` (wrapped for a declaration at `indent` columns), laid out as ts-morph lays one out. */
function writeDocs(w: CodeBlockWriter, text: string | undefined, indent: number): void {
  if (!text) return;
  const lines = wrapDocs(text, indent).split(/\r?\n/);
  if (lines.length === 1) w.write(`/** ${lines[0]}${lines[0]!.endsWith(' ') ? '' : ' '}*/`);
  else {
    w.write('/**').newLine();
    for (const line of lines.slice(lines[0] ? 0 : 1)) w.write(line ? ` * ${line}` : ' *').newLine();
    w.write(' */');
  }
  w.newLine();
}

/** `id` first, then required properties, then optional ones, each in spec order. */
export function orderProperties<T extends { name: string; required: boolean }>(props: readonly T[]): T[] {
  // Three stable buckets rather than a sort: this runs for every object type lathe prints.
  const id: T[] = [];
  const required: T[] = [];
  const optional: T[] = [];
  for (const p of props) (p.required ? (p.name === 'id' ? id : required) : optional).push(p);
  return id.length || optional.length ? [...id, ...required, ...optional] : required;
}

export function visibleProperties(props: readonly IRProperty[], direction: Direction): IRProperty[] {
  if (direction === 'response') return props.filter((p) => !p.schema.docs.writeOnly);
  return props.filter(sentInRequests).map((p) => (p.required && p.schema.docs.readOnly ? { ...p, required: false } : p));
}

/** An exported declaration (interface or type alias) for `schema`, plus its namespace if it needs one. */
export function declaration(name: string, schema: IRSchema, docs: string[], ctx: TypeContext): Decl[] {
  const scope = new Scope(name);
  const decl = declarationIn(name, schema, docs, scope, ctx);
  return scope.members.length ? [decl, namespaceOf(name, scope)] : [decl];
}

/** An interface from ready-made property structures (the params interfaces), with a namespace for nested types. */
export function interfaceDeclaration(
  name: string,
  docs: string[],
  properties: (scope: { typeOf(schema: IRSchema, hint: string): TypeNode }) => Member[],
  ctx: TypeContext,
): Decl[] {
  const scope = new Scope(name);
  const members = properties({ typeOf: (schema, hint) => typeOf(schema, scope, hint, ctx) });
  const decl = interfaceWriter({ name, ...jsDoc(docs), members }, 0);
  return scope.members.length ? [decl, namespaceOf(name, scope)] : [decl];
}

/**
 * `Name = Name.Variant0 | Name.Variant1 | ...` with each variant an interface of `Name`'s namespace
 * (Stainless's shape for params whose body is a union), nested types under `Name.VariantN`.
 */
export function variantsDeclaration(
  name: string,
  variants: readonly ((scope: { typeOf(schema: IRSchema, hint: string): TypeNode }) => Member[])[],
  ctx: TypeContext,
): Decl[] {
  const outer = new Scope(name);
  const names = variants.map((_, i) => `Variant${i}`);
  variants.forEach((members, i) => {
    const scope = new Scope(`${name}.${names[i]}`);
    outer.members.push(interfaceWriter({ name: names[i]!, members: members({ typeOf: (schema, hint) => typeOf(schema, scope, hint, ctx) }) }, 1));
    if (scope.members.length) outer.members.push(namespaceOf(names[i]!, scope));
  });
  const alias = typeAliasWriter(name, t.union(names.map((n) => t.name(`${name}.${n}`))), 0, { tight: true });
  return [alias, namespaceOf(name, outer)];
}

function declarationIn(
  name: string,
  schema: IRSchema,
  docs: string[],
  scope: Scope,
  ctx: TypeContext,
): Decl {
  if (schema.kind === 'object' && (schema.properties.length > 0 || !schema.additional)) {
    const members = orderProperties(visibleProperties(schema.properties, ctx.direction)).map(
      (p): Member => ({
        ...jsDoc(docLines(p.schema.docs)),
        member: { kind: 'property', key: p.name, optional: !p.required, type: typeOf(p.schema, scope, p.name, ctx) },
      }),
    );
    // Named properties must fit the index signature, so next to them it can only say `unknown`.
    if (schema.additional)
      members.unshift({
        member: {
          kind: 'index',
          type: members.length ? t.name('unknown') : t.union([typeOf(schema.additional, scope, 'additional', ctx), t.name('undefined')]),
        },
      });
    return interfaceWriter({ name, ...jsDoc(docs), members }, scope.depth);
  }
  // A blank line before an alias too, as before an interface: it reads better.
  return typeAliasWriter(name, typeOf(schema, scope, name, ctx), scope.depth, jsDoc(docs));
}

/** The blank line ts-morph's statement list puts before an interface or a namespace. */
function blankLineBefore(w: CodeBlockWriter): void {
  if (!w.isAtStartOfFirstLineOfBlock()) w.blankLineIfLastNot();
}

function namespaceOf(name: string, scope: Scope): Decl {
  return { kind: StructureKind.Module, name, isExported: true, declarationKind: ModuleDeclarationKind.Namespace, statements: scope.members };
}

/** The type of `schema`; nested objects are declared in `scope` as a side effect. */
function typeOf(schema: IRSchema, scope: Scope, hint: string, ctx: TypeContext): TypeNode {
  switch (schema.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'unknown':
    case 'never':
      return t.name(schema.kind);
    case 'integer':
      return t.name('number');
    case 'binary':
      // What the SDK hands back is a Blob; what it sends may be anything toFile reads, or a string.
      if (ctx.direction === 'response') return t.name('Blob');
      ctx.imports.set('core/types', (ctx.imports.get('core/types') ?? new Set<string>()).add('Uploadable'));
      return t.name('Uploadable');
    case 'literal':
      return t.literal(schema.value);
    case 'array':
      return t.generic('Array', typeOf(schema.items, scope, singular(hint), ctx));
    case 'tuple':
      return {
        kind: 'tuple',
        items: schema.items.map((s, i) => typeOf(s, scope, `${hint}${i}`, ctx)),
        ...(schema.rest ? { rest: typeOf(schema.rest, scope, `${hint}Rest`, ctx) } : {}),
      };
    case 'object': {
      if (schema.properties.length === 0) {
        const value = schema.additional ? t.union([typeOf(schema.additional, scope, hint, ctx), t.name('undefined')]) : t.name('unknown');
        return { kind: 'object', members: [{ kind: 'index', type: value }] };
      }
      const name = scope.names.claim(pascalCase(hint) || 'Item');
      const child = new Scope(`${scope.qualified}.${name}`);
      scope.members.push(declarationIn(name, schema, docLines(schema.docs), child, ctx));
      if (child.members.length) scope.members.push(namespaceOf(name, child));
      return t.name(`${scope.qualified}.${name}`);
    }
    case 'union': {
      const members = distinct(schema.members.map((m, i) => typeOf(m, scope, `${pascalCase(hint)}UnionMember${i}`, ctx)));
      return members.length === 0 ? t.name('never') : members.length === 1 ? members[0]! : t.union(members);
    }
    case 'intersection': {
      const members = distinct(schema.members.map((m, i) => inlineTag(m) ?? typeOf(m, scope, `${pascalCase(hint)}Member${i}`, ctx)));
      return members.length === 1 ? members[0]! : { kind: 'intersection', members };
    }
    case 'ref': {
      const model = ctx.models.get(schema.model);
      if (!model) return t.name('unknown');
      if (model.module !== ctx.module) {
        const set = ctx.imports.get(model.module) ?? new Set<string>();
        set.add(model.name);
        ctx.imports.set(model.module, set);
      }
      return t.name(model.name);
    }
    default: {
      const never: never = schema;
      return never;
    }
  }
}

/** Members in order, each once (two refs to one model print the same). */
function distinct(types: TypeNode[]): TypeNode[] {
  const seen = new Set<string>();
  return types.filter((type) => {
    const key = typeText(type);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * A discriminator tag (`{ petType: 'dog' }`: only literal-valued properties, no docs) reads best
 * inline next to the member it narrows, not as a nested interface of its own.
 */
function inlineTag(s: IRSchema): TypeNode | undefined {
  if (s.kind !== 'object' || s.additional || !s.properties.length || Object.keys(s.docs).length) return undefined;
  const members: TypeMember[] = [];
  for (const p of s.properties) {
    const values = p.schema.kind === 'literal' ? [p.schema] : p.schema.kind === 'union' ? p.schema.members : [];
    if (!values.length || !values.every((v) => v.kind === 'literal')) return undefined;
    const literals = values.map((v) => t.literal(v.kind === 'literal' ? v.value : null));
    members.push({ kind: 'property', key: p.name, optional: !p.required, type: literals.length === 1 ? literals[0]! : t.union(literals) });
  }
  return { kind: 'object', members };
}

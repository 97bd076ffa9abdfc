/**
 * One module per resource: the resource class (methods call the builders), then per operation its
 * params type, its request builder and descriptor, and its response type; then the models it owns.
 * Built as ts-morph structures and printed once.
 */
import type { ClassDeclarationStructure, FunctionDeclarationStructure, ImportDeclarationStructure, MethodDeclarationStructure, ParameterDeclarationStructure, StatementStructures, WriterFunction } from 'ts-morph';
import { StructureKind } from '../ts-morph.js';
import { BUILDER_HELPERS, isIdentifier, isJsReserved } from '../ir/names.js';
import type { IR, IRField, IROperation, IRResource, IRSchema } from '../ir/types.js';
import { exampleCall } from './examples.js';
import { cleanText, docLines, jsDoc } from './jsdoc.js';
import { importDecl, printModule, specifier, specifierList, type OutputFile, type Specifier } from './modules.js';
import { childSurface, mergedNamespace, moduleNames, pageClassDeclarations, pageClasses } from './surface.js';
import { itemsOf } from '../ir/page-names.js';
import { sentSecurity } from './security.js';
import { destructure, e, exprText, exprWriter, t, typeText, type Expr, type Prop, type TypeNode } from './syntax.js';
import { declaration, docsAt, interfaceDeclaration, variantsDeclaration, type Decl, type Member, type TypeContext } from './types.js';

const ORIGIN_PREFIX: Record<IRField['origin'], string> = {
  path: 'Path param: ',
  query: 'Query param: ',
  header: 'Header param: ',
  cookie: 'Cookie param: ',
  body: 'Body param: ',
};

interface Param {
  readonly name: string;
  readonly type: TypeNode;
  readonly optional?: boolean;
  readonly init?: Expr;
}

export function resourceFile(ir: IR, resource: IRResource, accessPath: string[]): OutputFile {
  const module = resource.module;
  const imports = new Map<string, Set<string>>();
  const req: TypeContext = { models: ir.models, module, direction: 'request', imports };
  const res: TypeContext = { models: ir.models, module, direction: 'response', imports };
  const statements: (StatementStructures | WriterFunction)[] = [];
  const coreValues = new Set<string>();
  const coreTypes = new Set<string>(['RequestOptions']);

  statements.push(resourceClass(ir, resource, accessPath, coreTypes, res));
  const pages = pageClasses(resource, (op) => itemTypeNode(op, ir, res));
  statements.push(...pageClassDeclarations(pages));

  // Everything about one operation in one place: what it takes, how its request is built, what it returns.
  for (const op of resource.operations) {
    if (op.paramsType) statements.push(...paramsDeclaration(op, req));
    statements.push(builderFunction(op, coreValues, ir.strictValidation === true), operationConstant(ir, op));
    if (op.body?.encoding === 'binary') coreTypes.add('Uploadable');
    coreTypes.add('BuiltRequest').add('OperationSpec');
    if (op.returns.typeName && op.returns.schema)
      statements.push(...declaration(op.returns.typeName, op.returns.schema, docLines(op.returns.schema.docs), res));
    const items = itemsOf(op.returns.schema, ir);
    if (op.returns.itemTypeName && items) statements.push(...declaration(op.returns.itemTypeName, items, docLines(items.docs), res));
  }
  for (const model of [...ir.models.values()].filter((m) => m.module === module))
    statements.push(...declaration(model.name, model.schema, docLines(model.schema.docs), res));

  // Core types a params type uses (`Uploadable`) join the module's one import of core/types.
  for (const name of imports.get('core/types') ?? []) coreTypes.add(name);
  const modelImports = [...imports.entries()]
    .filter(([m]) => m !== module && m !== 'core/types')
    .sort(([a], [b]) => a.localeCompare(b));
  // The namespace merged onto the class re-exports each child's classes and types (Stainless's
  // `Requests.Message`): names this module declares or imports from elsewhere keep their meaning.
  const own = moduleNames(resource, ir);
  const local = new Set([...own.values, ...own.types, ...modelImports.flatMap(([m, names]) => (resource.children.some((c) => c.module === m) ? [] : [...names]))]);
  const children = resource.children.map((c) => ({ child: c, names: childSurface(ir, c, local) }));
  const childImports = children.map(({ child, names }): ImportDeclarationStructure => {
    const already = imports.get(child.module) ?? new Set<string>();
    return {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: specifier(module, child.module),
      namedImports: specifierList(
        [
          ...names.values.map((name): Specifier => ({ name })),
          ...[...new Set([...names.types, ...already])].filter((n) => !names.values.includes(n)).map((name): Specifier => ({ name, isTypeOnly: true })),
        ].sort((a, b) => a.name.localeCompare(b.name)),
      ),
    };
  });
  statements.push(...mergedNamespace(resource.className, [{ values: own.values.slice(1), types: own.types }, ...children.map((c) => c.names)]));
  const basePages = [...new Set([...pages.values()].map((p) => (p.kind === 'generic' ? p.name : typeText(p))))];
  return printModule(`src/${module}.ts`, [
    importDecl(module, 'core/resource', ['APIResource']),
    ...(resource.operations.some((o) => !o.returns.pagination) ? [importDecl(module, 'core/api-promise', ['APIPromise'], true)] : []),
    ...(basePages.length ? [importDecl(module, 'core/pagination', ['PagePromise', ...basePages])] : []),
    ...(resource.operations.length ? [importDecl(module, 'core/types', coreTypes, true)] : []),
    ...(coreValues.size ? [importDecl(module, 'core/builder', coreValues)] : []),
    ...childImports,
    ...modelImports.filter(([m]) => !resource.children.some((c) => c.module === m)).map(([m, names]) => importDecl(module, m, names, true)),
    ...statements,
  ]);
}

function parameters(params: readonly Param[]): ParameterDeclarationStructure[] {
  return params.map((p) => ({
    kind: StructureKind.Parameter,
    name: p.name,
    type: typeText(p.type),
    ...(p.optional ? { hasQuestionToken: true } : {}),
    ...(p.init ? { initializer: exprText(p.init) } : {}),
  }));
}

function resourceClass(
  ir: IR,
  resource: IRResource,
  accessPath: string[],
  coreTypes: Set<string>,
  ctx: TypeContext,
): ClassDeclarationStructure {
  return {
    kind: StructureKind.Class,
    name: resource.className,
    isExported: true,
    extends: 'APIResource',
    properties: resource.children.map((c) => ({
      kind: StructureKind.Property,
      name: c.propertyName,
      type: c.className,
      initializer: `new ${c.className}(this._client)`,
    })),
    methods: resource.operations.map((op) => method(ir, op, accessPath, coreTypes, ctx)),
  };
}

function returnType(op: IROperation, ir: IR, ctx: TypeContext): TypeNode {
  if (op.returns.pagination) return t.generic('PagePromise', pageType(op, ir, ctx), itemTypeNode(op, ir, ctx));
  return t.generic('APIPromise', valueTypeNode(op, ir, ctx));
}

/** The page class a paged method resolves to: its own (`MessagesSinglePage`), else the runtime's generic one. */
function pageType(op: IROperation, ir: IR, ctx: TypeContext | undefined): TypeNode {
  return op.returns.pageClass ? t.name(op.returns.pageClass) : t.generic(pageClass(op), itemTypeNode(op, ir, ctx));
}

/** The runtime page kind, as docs show it (`SinglePage<Message>`). */
export function pageClass(op: IROperation): string {
  return op.returns.pagination === 'v4page' ? 'V4PagePagination' : 'SinglePage';
}

/** Records that a model is used, importing it when another module declares it. */
function useModel(id: string, ir: IR, ctx: TypeContext | undefined): string {
  const model = ir.models.get(id);
  if (!model) return 'unknown';
  if (ctx && model.module !== ctx.module) {
    const set = ctx.imports.get(model.module) ?? new Set<string>();
    ctx.imports.set(model.module, set.add(model.name));
  }
  return model.name;
}

/** The TS type a method resolves to (as docs show it). */
export function valueType(op: IROperation, ir: IR): string {
  return typeText(valueTypeNode(op, ir, undefined), true);
}

function valueTypeNode(op: IROperation, ir: IR, ctx: TypeContext | undefined): TypeNode {
  const s = op.returns.schema;
  if (!s) return t.name('void');
  if (op.returns.typeName) return t.name(op.returns.typeName);
  return simpleType(s, ir, ctx);
}

/** The item type of a paginated method (`Message` for `SinglePage<Message>`), as docs show it. */
export function itemType(op: IROperation, ir: IR): string {
  return typeText(itemTypeNode(op, ir, undefined), true);
}

function itemTypeNode(op: IROperation, ir: IR, ctx: TypeContext | undefined): TypeNode {
  if (op.returns.itemTypeName) return t.name(op.returns.itemTypeName);
  const items = itemsOf(op.returns.schema, ir);
  return items ? simpleType(items, ir, ctx) : t.name('unknown');
}

/** Types that print without nested declarations (model refs, primitives, arrays of them). */
function simpleType(s: IRSchema, ir: IR, ctx: TypeContext | undefined): TypeNode {
  switch (s.kind) {
    case 'ref':
      return t.name(useModel(s.model, ir, ctx));
    case 'integer':
      return t.name('number');
    case 'binary':
      return t.name('Blob');
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'unknown':
    case 'never':
      return t.name(s.kind);
    case 'literal':
      return t.literal(s.value);
    case 'array':
      return t.generic('Array', simpleType(s.items, ir, ctx));
    default:
      return t.name('unknown');
  }
}

function method(
  ir: IR,
  op: IROperation,
  accessPath: string[],
  coreTypes: Set<string>,
  ctx: TypeContext,
): MethodDeclarationStructure {
  const params = signatureParams(op);
  // Built inside the call, so a missing or bad param rejects the returned promise instead of throwing.
  const args = [op.positional?.tsName, op.paramsType ? 'params' : undefined].filter((a): a is string => !!a);
  const call = e.code(`() => ${op.builderName}(${args.join(', ')})`);
  const opConst = e.code(operationConstName(op));
  const example = exampleCall(ir, op, accessPath);
  const docs = [
    ...(op.summary ? [cleanText(op.summary)] : []),
    ...(op.description && op.description !== op.summary ? [cleanText(op.description)] : []),
  ];
  const docText = [docs.join('\n\n'), `@example\n\`\`\`ts\n${example}\n\`\`\``, ...(op.deprecated ? ['@deprecated'] : [])]
    .filter(Boolean)
    .join('\n\n');
  coreTypes.add('RequestOptions');
  const options = e.code('options');
  const returned = op.returns.pagination
    ? e.call('this._client.requestPage', e.code(typeText(pageType(op, ir, ctx))), call, opConst, options)
    : e.call('this._client.request', call, opConst, options);
  return {
    kind: StructureKind.Method,
    name: op.methodName,
    // The example holds spec values (a cron string may contain `*/`): keep the comment closed only by us.
    ...docsAt(docText.replace(/\*\//g, '*\\/'), 2),
    parameters: parameters([...params, { name: 'options', type: t.name('RequestOptions'), optional: true }]),
    returnType: typeText(returnType(op, ir, ctx)),
    statements: [(w) => {
      w.write('return ');
      exprWriter(returned, 11, 4)(w);
      w.write(';');
    }],
  };
}

/** `requestId: string`, `params: MessageCreateParams` (or `= {}` when nothing in it is required). */
function signatureParams(op: IROperation): Param[] {
  const out: Param[] = [];
  if (op.positional) out.push({ name: op.positional.tsName, type: scalarParamType(op.positional.param.schema) });
  if (op.paramsType) {
    const type = t.name(op.paramsType);
    // `{}` is not assignable to a type with a field named like an Object.prototype member (`constructor`).
    const init: Expr = hasPrototypeNames(op) ? { kind: 'as', expr: e.object([]), type } : e.object([]);
    out.push(op.paramsRequired ? { name: 'params', type } : { name: 'params', type, init });
  }
  return out;
}

/** Whether a field of the params, or of one of its body variants, is named like an Object.prototype member. */
function hasPrototypeNames(op: IROperation): boolean {
  const named = (fields: readonly IRField[]) => fields.some((f) => f.name in Object.prototype);
  return named(op.fields) || (op.bodyVariants ?? []).some(named);
}

/** Path params are scalars on the wire; enums keep their literal union. */
function scalarParamType(s: IRSchema): TypeNode {
  switch (s.kind) {
    case 'integer':
    case 'number':
      return t.name('number');
    case 'boolean':
      return t.name('boolean');
    case 'literal':
      return t.literal(s.value);
    case 'union':
      return s.members.every((m) => m.kind === 'literal') ? t.union(s.members.map((m) => scalarParamType(m))) : t.name('string');
    default:
      return t.name('string');
  }
}

function paramsDeclaration(op: IROperation, ctx: TypeContext): Decl[] {
  if (op.bodyVariants) {
    const params = op.fields.filter((f) => f.origin !== 'body');
    const rank = (f: IRField) => (f.origin === 'path' ? 0 : f.required ? 1 : 2);
    const variants = op.bodyVariants.map((body) => [...params, ...body].sort((a, b) => rank(a) - rank(b)));
    return variantsDeclaration(op.paramsType!, variants.map((fields) => (scope) => paramMembers(fields, scope)), ctx);
  }
  return interfaceDeclaration(op.paramsType!, [], (scope) => paramMembers(op.fields, scope), ctx);
}

/** The params interface's members for `fields`, each documented with where it goes. */
function paramMembers(fields: readonly IRField[], scope: { typeOf(schema: IRSchema, hint: string): TypeNode }): Member[] {
  const mixed = new Set(fields.map((f) => f.origin)).size > 1;
  return fields.map(
    (f): Member => ({
      member: { kind: 'property', key: f.name, optional: !f.required, type: scope.typeOf(f.schema, f.name) },
      ...jsDoc(
        docLines(f.deprecated ? { ...f.schema.docs, deprecated: true } : f.schema.docs, {
          ...(f.description !== undefined ? { description: f.description } : {}),
          // A prefix alone (`Query param:` with nothing after it) says nothing: only with a description.
          ...(mixed && (f.description ?? f.schema.docs.description ?? f.schema.docs.title) ? { prefix: ORIGIN_PREFIX[f.origin] } : {}),
        }),
      ),
    }),
  );
}

function operationConstName(op: IROperation): string {
  const stem = op.builderName.replace(/^build/, '').replace(/Request$/, '');
  return `${stem[0]!.toLowerCase()}${stem.slice(1)}Operation`;
}

/** The operation's descriptor, a statement of its own (ts-morph hangs a multi-line initializer one level deeper). */
function operationConstant(ir: IR, op: IROperation): WriterFunction {
  const spec: Record<string, unknown> = { id: op.id };
  if (op.security) spec.security = sentSecurity(ir, op.security);
  if (op.returns.unwrap) spec.unwrap = op.returns.unwrap;
  // The runtime checks the answer's media type against it (a 200 HTML page is an error, not data).
  if (op.returns.mediaType) spec.responseMediaType = op.returns.mediaType;
  if (op.accept) spec.accept = op.accept;
  const head = `const ${operationConstName(op)}: OperationSpec = `;
  return (w) => {
    w.write(head);
    exprWriter(e.data(spec), head.length, 0)(w);
    w.write(';');
  };
}

/** Local variable names for destructured fields: the field name when it is a safe identifier. */
function locals(op: IROperation): Map<string, string> {
  const used = new Set(['params', 'body', op.positional?.tsName ?? '']);
  const out = new Map<string, string>();
  op.fields.forEach((f, i) => {
    if (f.origin === 'body' && f.name !== op.bodyField) return;
    let local = isIdentifier(f.name) && !used.has(f.name) && !isJsReserved(f.name) && !BUILDER_HELPERS.includes(f.name) ? f.name : `p${i}`;
    while (used.has(local)) local = `${local}_`;
    used.add(local);
    out.set(f.name, local);
  });
  return out;
}

function builderFunction(op: IROperation, coreValues: Set<string>, strict: boolean): FunctionDeclarationStructure {
  const names = locals(op);
  const body: WriterFunction[] = [];
  const bodyFields = op.fields.filter((f) => f.origin === 'body' && f.name !== op.bodyField);
  // With body variants, only what every variant requires is checked.
  const requiredEverywhere = (f: IRField) =>
    f.required && (f.origin !== 'body' || !op.bodyVariants || op.bodyVariants.every((v) => v.some((g) => g.name === f.name && g.required)));
  const required = op.fields.filter(requiredEverywhere).map((f) => f.name);
  const statement = (expr: Expr, prefix = '', column = 2): WriterFunction => (w) => {
    w.write(prefix);
    exprWriter(expr, column + prefix.length, 2)(w);
    w.write(';');
  };
  if (op.paramsType && required.length) {
    // Types say it already; this catches JavaScript callers and casts before anything is sent.
    coreValues.add('requireParams');
    body.push(statement(e.call('requireParams', e.code('params'), e.data(required))));
  }
  if (op.paramsType) {
    const entries = [...names].map(([key, local]) => ({ key, local }));
    const rest = bodyFields.length || (op.body && !op.bodyField) ? 'body' : undefined;
    // An omitted `constructor`/`__proto__` field must not be read from Object.prototype and sent.
    const source = hasPrototypeNames(op) ? 'Object.assign(Object.create(null) as {}, params)' : 'params';
    if (entries.length || rest) body.push(destructure(entries.map(({ key, local }) => ({ key, local })), rest, source, 2));
  }
  const pathValues: Prop[] = [];
  const constraints: Prop[] = [];
  for (const f of op.fields.filter((f) => f.origin === 'path')) {
    pathValues.push(e.prop(f.name, e.code(names.get(f.name)!)));
    const c = constraintsOf(f.schema, strict);
    if (c) constraints.push(e.prop(f.name, c));
  }
  if (op.positional) {
    const p = op.positional;
    pathValues.push(e.prop(p.param.name, e.code(p.tsName)));
    const c = constraintsOf(p.param.schema, strict);
    if (c) constraints.push(e.prop(p.param.name, c));
  }
  coreValues.add('formatPath');
  const pathExpr = e.call('formatPath', e.literal(op.path), e.object(pathValues), ...(constraints.length ? [e.object(constraints)] : []));

  const query = op.fields.filter((f) => f.origin === 'query');
  let queryExpr: Expr | undefined;
  if (query.length) {
    coreValues.add('serializeQuery');
    const entry = (name: string, value: Expr, spelled: { style?: string; explode?: boolean }): Expr => {
      const style = { style: spelled.style ?? 'form', explode: spelled.explode ?? (spelled.style ?? 'form') === 'form' };
      return { kind: 'array', items: [e.literal(name), value, e.data(style)] };
    };
    const entries = query.flatMap((f): Expr[] => {
      const local = e.code(names.get(f.name)!);
      // A nested field of dotted params: each leaf goes under its own dotted name.
      if (f.dotted) return f.dotted.map((d) => entry(d.name, { kind: 'optionalChain', object: local, path: d.path }, d));
      return [entry(f.name, local, f)];
    });
    queryExpr = e.call('serializeQuery', { kind: 'array', items: entries });
  }
  const entries = (origin: IRField['origin']): Expr[] =>
    op.fields.filter((f) => f.origin === origin).map((f) => ({ kind: 'array', items: [e.literal(f.name), e.code(names.get(f.name)!)] }));
  const headerEntries = entries('header');
  const cookieEntries = entries('cookie');
  let headers: Expr | undefined;
  if (headerEntries.length || cookieEntries.length) {
    coreValues.add('requestHeaders');
    headers = e.call('requestHeaders', { kind: 'array', items: headerEntries }, ...(cookieEntries.length ? [{ kind: 'array' as const, items: cookieEntries }] : []));
  }
  const bodyValue = bodyExpr(op, names);
  const request = e.object([
    e.prop('method', e.literal(op.method)),
    e.prop('path', pathExpr),
    // Absent rather than empty: the runtime reads a missing query or header list as none.
    ...(queryExpr ? [e.prop('query', queryExpr)] : []),
    ...(headers ? [e.prop('headers', headers)] : []),
    ...(bodyValue ? [e.prop('body', bodyValue)] : []),
  ]);
  body.push(statement(request, 'return '));
  return {
    kind: StructureKind.Function,
    name: op.builderName,
    isExported: true,
    ...docsAt(`Builds the \`${op.method} ${cleanText(op.path)}\` request (${cleanText(op.id)}) without sending it.`, 0),
    parameters: parameters(signatureParams(op)),
    returnType: 'BuiltRequest',
    statements: body,
  };
}

function bodyExpr(op: IROperation, names: Map<string, string>): Expr | undefined {
  if (!op.body) return undefined;
  // With no params object at all (an empty body schema), there is nothing to send but `{}`.
  const value: Expr = op.bodyField ? e.code(names.get(op.bodyField)!) : op.paramsType ? e.code('body') : e.object([]);
  const contentType = e.literal(op.body.mediaType);
  const cast = (type: TypeNode): Expr => ({ kind: 'as', expr: { kind: 'as', expr: value, type: t.name('unknown') }, type });
  const record = t.generic('Record', t.name('string'), t.name('unknown'));
  switch (op.body.encoding) {
    case 'json':
      return e.object([e.prop('type', e.literal('json')), e.prop('value', op.body.emptyObject ? { kind: 'binary', op: '??', left: value, right: e.object([]) } : value)]);
    case 'form':
      return e.object([e.prop('type', e.literal('form')), e.prop('value', cast(record))]);
    case 'multipart':
      return e.object([e.prop('type', e.literal('multipart')), e.prop('value', cast(record))]);
    case 'text':
      return e.object([e.prop('type', e.literal('text')), e.prop('value', e.call('String', value)), e.prop('contentType', contentType)]);
    case 'binary':
      return e.object([e.prop('type', e.literal('binary')), e.prop('value', cast(t.name('Uploadable'))), e.prop('contentType', contentType)]);
  }
}

/**
 * A path param's checks. Pattern and lengths only when `strict`: specs get them wrong often enough
 * (a pattern narrower than the IDs the server issues) that checking them by default stops calls
 * the server would take; what protects the route is formatPath's own check.
 */
function constraintsOf(s: IRSchema, strict: boolean): Expr | undefined {
  const c = s.docs.constraints ?? {};
  const out: Record<string, unknown> = {};
  const keys = strict ? (['maxLength', 'minLength', 'minimum', 'maximum'] as const) : (['minimum', 'maximum'] as const);
  for (const k of keys) if (c[k] !== undefined) out[k] = c[k];
  if (strict && c.pattern !== undefined) out.pattern = c.pattern;
  if (s.kind === 'union' && s.members.every((m) => m.kind === 'literal')) out.enum = s.members.map((m) => (m.kind === 'literal' ? m.value : null));
  return Object.keys(out).length ? e.data(out) : undefined;
}

/**
 * One module per resource: the resource class (methods call the builders), its params and response
 * types, the models it owns, one pure request builder per operation and the operation descriptors.
 */
import {
  printStructure,
  StructureKind,
  VariableDeclarationKind,
  type ClassDeclarationStructure,
  type FunctionDeclarationStructure,
  type MethodDeclarationStructure,
  type OptionalKind,
  type PropertySignatureStructure,
  type StatementStructures,
  type VariableStatementStructure,
} from 'ts-morph';
import { BUILDER_HELPERS, isIdentifier, isJsReserved } from '../ir/names.js';
import type { IR, IRField, IROperation, IRResource, IRSchema } from '../ir/types.js';
import { exampleCall } from './examples.js';
import { cleanText, docLines, jsDoc } from './jsdoc.js';
import { HEADER, importDecl, type OutputFile } from './modules.js';
import { declaration, interfaceDeclaration, propertyKey, type TypeContext } from './types.js';

const ORIGIN_PREFIX: Record<IRField['origin'], string> = {
  path: 'Path param: ',
  query: 'Query param: ',
  header: 'Header param: ',
  cookie: 'Cookie param: ',
  body: 'Body param: ',
};

export function resourceFile(ir: IR, resource: IRResource, accessPath: string[]): OutputFile {
  const module = resource.module;
  const imports = new Map<string, Set<string>>();
  const req: TypeContext = { models: ir.models, module, direction: 'request', imports };
  const res: TypeContext = { models: ir.models, module, direction: 'response', imports };
  const statements: StatementStructures[] = [];
  const coreValues = new Set<string>();
  const coreTypes = new Set<string>(['RequestOptions']);

  statements.push(resourceClass(ir, resource, accessPath, coreTypes, res));

  for (const op of resource.operations) {
    if (op.paramsType) statements.push(...paramsDeclaration(op, req));
    if (op.returns.typeName && op.returns.schema)
      statements.push(...declaration(op.returns.typeName, op.returns.schema, docLines(op.returns.schema.docs), res));
  }
  for (const model of [...ir.models.values()].filter((m) => m.module === module))
    statements.push(...declaration(model.name, model.schema, docLines(model.schema.docs), res));

  for (const op of resource.operations) {
    statements.push(builderFunction(op, req, coreValues));
    statements.push(operationConstant(op));
    coreTypes.add('BuiltRequest').add('OperationSpec');
  }

  const childImports = resource.children.map((c) => importDecl(module, c.module, [c.className]));
  const modelImports = [...imports.entries()]
    .filter(([m]) => m !== module)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([m, names]) => importDecl(module, m, names, true));
  const pageClasses = [...new Set(resource.operations.flatMap((o) => (o.returns.pagination ? [pageClass(o)] : [])))];
  const text = printStructure({
    kind: StructureKind.SourceFile,
    statements: [
      HEADER,
      importDecl(module, 'core/resource', ['APIResource']),
      ...(resource.operations.some((o) => !o.returns.pagination) ? [importDecl(module, 'core/api-promise', ['APIPromise'], true)] : []),
      ...(pageClasses.length ? [importDecl(module, 'core/pagination', ['PagePromise', ...pageClasses])] : []),
      ...(resource.operations.length ? [importDecl(module, 'core/types', coreTypes, true)] : []),
      ...(coreValues.size ? [importDecl(module, 'core/builder', coreValues)] : []),
      ...childImports,
      ...modelImports,
      ...statements,
    ],
  }, { indentNumberOfSpaces: 2, useSingleQuote: true });
  return { path: `src/${module}.ts`, content: text };
}

function resourceClass(
  ir: IR,
  resource: IRResource,
  accessPath: string[],
  coreTypes: Set<string>,
  ctx: TypeContext,
): ClassDeclarationStructure {
  const methods = resource.operations.map((op) => method(ir, op, accessPath, coreTypes, ctx));
  return {
    kind: StructureKind.Class,
    name: resource.className,
    isExported: true,
    extends: 'APIResource',
    properties: resource.children.map((c) => ({
      name: c.propertyName,
      type: c.className,
      initializer: `new ${c.className}(this._client)`,
    })),
    methods,
  };
}

function returnType(op: IROperation, ir: IR, ctx: TypeContext): string {
  if (op.returns.pagination) return `PagePromise<${pageClass(op)}<${itemType(op, ir, ctx)}>, ${itemType(op, ir, ctx)}>`;
  return `APIPromise<${valueType(op, ir, ctx)}>`;
}

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

/** The TS type a method resolves to. */
export function valueType(op: IROperation, ir: IR, ctx?: TypeContext): string {
  const s = op.returns.schema;
  if (!s) return 'void';
  if (op.returns.typeName) return op.returns.typeName;
  return simpleType(s, ir, ctx);
}

/** The item type of a paginated method (`Message` for `SinglePage<Message>`). */
export function itemType(op: IROperation, ir: IR, ctx?: TypeContext): string {
  const s = op.returns.schema;
  const items = s?.kind === 'array' ? s.items : s?.kind === 'ref' ? arrayItemsOf(ir.models.get(s.model)?.schema) : undefined;
  return items ? simpleType(items, ir, ctx) : 'unknown';
}

function arrayItemsOf(s: IRSchema | undefined): IRSchema | undefined {
  return s?.kind === 'array' ? s.items : undefined;
}

/** Types that print without nested declarations (model refs, primitives, arrays of them). */
function simpleType(s: IRSchema, ir: IR, ctx: TypeContext | undefined): string {
  switch (s.kind) {
    case 'ref':
      return useModel(s.model, ir, ctx);
    case 'integer':
      return 'number';
    case 'binary':
      return 'Blob';
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'unknown':
    case 'never':
      return s.kind;
    case 'literal':
      return JSON.stringify(s.value);
    case 'array':
      return `Array<${simpleType(s.items, ir, ctx)}>`;
    default:
      return 'unknown';
  }
}

function method(
  ir: IR,
  op: IROperation,
  accessPath: string[],
  coreTypes: Set<string>,
  ctx: TypeContext,
): OptionalKind<MethodDeclarationStructure> {
  const params = signatureParams(op);
  const call = `${op.builderName}(${[op.positional?.tsName, op.paramsType ? 'params' : undefined].filter(Boolean).join(', ')})`;
  const opConst = operationConstName(op);
  const example = exampleCall(ir, op, accessPath);
  const docs = [
    ...(op.summary ? [cleanText(op.summary)] : []),
    ...(op.description && op.description !== op.summary ? [cleanText(op.description)] : []),
  ];
  const docText = [docs.join('\n\n'), `@example\n\`\`\`ts\n${example}\n\`\`\``, ...(op.deprecated ? ['@deprecated'] : [])]
    .filter(Boolean)
    .join('\n\n');
  coreTypes.add('RequestOptions');
  return {
    name: op.methodName,
    // The example holds spec values (a cron string may contain `*/`): keep the comment closed only by us.
    docs: [{ description: docText.replace(/\*\//g, '*\\/') }],
    parameters: [...params, { name: 'options', type: 'RequestOptions', hasQuestionToken: true }],
    returnType: returnType(op, ir, ctx),
    statements: op.returns.pagination
      ? [`return this._client.requestPage(${pageClass(op)}<${itemType(op, ir, ctx)}>, ${call}, ${opConst}, options);`]
      : [`return this._client.request(${call}, ${opConst}, options);`],
  };
}

/** `requestId: string`, `params: MessageCreateParams` (or `= {}` when nothing in it is required). */
function signatureParams(op: IROperation): { name: string; type: string; initializer?: string; hasQuestionToken?: boolean }[] {
  const out: { name: string; type: string; initializer?: string }[] = [];
  if (op.positional) out.push({ name: op.positional.tsName, type: scalarParamType(op.positional.param.schema) });
  // `{}` is not assignable to a type with a field named like an Object.prototype member (`constructor`).
  const initializer = hasPrototypeNames(op) ? `{} as ${op.paramsType}` : '{}';
  if (op.paramsType) out.push(op.paramsRequired ? { name: 'params', type: op.paramsType } : { name: 'params', type: op.paramsType, initializer });
  return out;
}

function hasPrototypeNames(op: IROperation): boolean {
  return op.fields.some((f) => f.name in Object.prototype);
}

/** Path params are scalars on the wire; enums keep their literal union. */
function scalarParamType(s: IRSchema): string {
  switch (s.kind) {
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'literal':
      return JSON.stringify(s.value);
    case 'union':
      return s.members.every((m) => m.kind === 'literal') ? s.members.map((m) => scalarParamType(m)).join(' | ') : 'string';
    default:
      return 'string';
  }
}

function paramsDeclaration(op: IROperation, ctx: TypeContext): StatementStructures[] {
  const mixed = new Set(op.fields.map((f) => f.origin)).size > 1;
  return interfaceDeclaration(op.paramsType!, [], (scope) =>
    op.fields.map(
      (f): OptionalKind<PropertySignatureStructure> => ({
        name: propertyKey(f.name),
        hasQuestionToken: !f.required,
        type: scope.typeOf(f.schema, f.name),
        docs: jsDoc(
          docLines(f.deprecated ? { ...f.schema.docs, deprecated: true } : f.schema.docs, {
            ...(f.description !== undefined ? { description: f.description } : {}),
            // A prefix alone (`Query param:` with nothing after it) says nothing: only with a description.
            ...(mixed && (f.description ?? f.schema.docs.description ?? f.schema.docs.title) ? { prefix: ORIGIN_PREFIX[f.origin] } : {}),
          }),
        ),
      }),
    ),
  ctx);
}

function operationConstName(op: IROperation): string {
  const stem = op.builderName.replace(/^build/, '').replace(/Request$/, '');
  return `${stem[0]!.toLowerCase()}${stem.slice(1)}Operation`;
}

function operationConstant(op: IROperation): VariableStatementStructure {
  const spec: string[] = [`id: ${JSON.stringify(op.id)}`];
  if (op.security) spec.push(`security: ${JSON.stringify(op.security)}`);
  if (op.returns.unwrap) spec.push(`unwrap: ${JSON.stringify(op.returns.unwrap)}`);
  return {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: operationConstName(op), type: 'OperationSpec', initializer: `{ ${spec.join(', ')} }` }],
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

function builderFunction(op: IROperation, ctx: TypeContext, coreValues: Set<string>): FunctionDeclarationStructure {
  const names = locals(op);
  const lines: string[] = [];
  const bodyFields = op.fields.filter((f) => f.origin === 'body' && f.name !== op.bodyField);
  const required = op.fields.filter((f) => f.required).map((f) => f.name);
  if (op.paramsType && required.length) {
    // Types say it already; this catches JavaScript callers and casts before anything is sent.
    coreValues.add('requireParams');
    lines.push(`requireParams(params, ${JSON.stringify(required)});`);
  }
  if (op.paramsType) {
    const parts = [...names].map(([field, local]) => (field === local ? field : `${propertyKey(field)}: ${local}`));
    if (bodyFields.length || (op.body && !op.bodyField)) parts.push('...body');
    // An omitted `constructor`/`__proto__` field must not be read from Object.prototype and sent.
    const source = hasPrototypeNames(op) ? 'Object.assign(Object.create(null) as {}, params)' : 'params';
    lines.push(parts.length ? `const { ${parts.join(', ')} } = ${source};` : '');
  }
  const pathValues: string[] = [];
  const constraints: string[] = [];
  const pathFields = op.fields.filter((f) => f.origin === 'path');
  for (const f of pathFields) {
    const local = names.get(f.name)!;
    pathValues.push(local === f.name ? local : `${propertyKey(f.name)}: ${local}`);
    const c = constraintsOf(f.schema);
    if (c) constraints.push(`${propertyKey(f.name)}: ${c}`);
  }
  if (op.positional) {
    const p = op.positional;
    pathValues.push(`${propertyKey(p.param.name)}: ${p.tsName}`);
    const c = constraintsOf(p.param.schema);
    if (c) constraints.push(`${propertyKey(p.param.name)}: ${c}`);
  }
  coreValues.add('formatPath');
  const pathExpr = `formatPath(${JSON.stringify(op.path)}, { ${pathValues.join(', ')} }${constraints.length ? `, { ${constraints.join(', ')} }` : ''})`;

  const query = op.fields.filter((f) => f.origin === 'query');
  const queryParams = op.params.filter((p) => p.in === 'query');
  let queryExpr = '[]';
  if (query.length) {
    coreValues.add('serializeQuery');
    const entries = query.map((f) => {
      const p = queryParams.find((q) => q.name === f.name);
      const style = { style: p?.style ?? 'form', explode: p?.explode ?? (p?.style ?? 'form') === 'form' };
      return `[${JSON.stringify(f.name)}, ${names.get(f.name)}, ${JSON.stringify(style)}]`;
    });
    queryExpr = `serializeQuery([${entries.join(', ')}])`;
  }
  const headerFields = op.fields.filter((f) => f.origin === 'header');
  const cookieFields = op.fields.filter((f) => f.origin === 'cookie');
  const headerParts = headerFields.map((f) => {
    const v = names.get(f.name)!;
    return `...(${v} === undefined || ${v} === null ? {} : { ${JSON.stringify(f.name)}: String(${v}) })`;
  });
  if (cookieFields.length) {
    const pairs = cookieFields.map((f) => {
      const v = names.get(f.name)!;
      return `${v} === undefined || ${v} === null ? [] : [${JSON.stringify(`${f.name}=`)} + encodeURIComponent(String(${v}))]`;
    });
    lines.push(`const cookie = [${pairs.map((p) => `...(${p})`).join(', ')}].join('; ');`);
    headerParts.push(`...(cookie ? { Cookie: cookie } : {})`);
  }
  const body = bodyExpr(op, names);
  const obj = [
    `method: ${JSON.stringify(op.method)}`,
    `path: ${pathExpr}`,
    `query: ${queryExpr}`,
    `headers: { ${headerParts.join(', ')} }`,
    ...(body ? [`body: ${body}`] : []),
  ];
  lines.push(`return { ${obj.join(', ')} };`);
  const parameters = signatureParams(op);
  void ctx;
  return {
    kind: StructureKind.Function,
    name: op.builderName,
    isExported: true,
    docs: [{ description: `Builds the \`${op.method} ${cleanText(op.path)}\` request (${cleanText(op.id)}) without sending it.` }],
    parameters,
    returnType: 'BuiltRequest',
    statements: lines.filter(Boolean),
  };
}

function bodyExpr(op: IROperation, names: Map<string, string>): string | undefined {
  if (!op.body) return undefined;
  // With no params object at all (an empty body schema), there is nothing to send but `{}`.
  const value = op.bodyField ? names.get(op.bodyField)! : op.paramsType ? 'body' : '{}';
  const mt = JSON.stringify(op.body.mediaType);
  switch (op.body.encoding) {
    case 'json':
      return `{ type: 'json', value: ${value} }`;
    case 'form':
      return `{ type: 'form', value: ${value} as unknown as Record<string, unknown> }`;
    case 'multipart':
      return `{ type: 'multipart', value: ${value} as unknown as Record<string, unknown> }`;
    case 'text':
      return `{ type: 'text', value: String(${value}), contentType: ${mt} }`;
    case 'binary':
      return `{ type: 'binary', value: ${value} as unknown as Blob, contentType: ${mt} }`;
  }
}

function constraintsOf(s: IRSchema): string | undefined {
  const c = s.docs.constraints ?? {};
  const parts: string[] = [];
  for (const k of ['maxLength', 'minLength', 'minimum', 'maximum'] as const) if (c[k] !== undefined) parts.push(`${k}: ${c[k]}`);
  if (c.pattern !== undefined) parts.push(`pattern: ${JSON.stringify(c.pattern)}`);
  if (s.kind === 'union' && s.members.every((m) => m.kind === 'literal'))
    parts.push(`enum: ${JSON.stringify(s.members.map((m) => (m.kind === 'literal' ? m.value : null)))}`);
  return parts.length ? `{ ${parts.join(', ')} }` : undefined;
}



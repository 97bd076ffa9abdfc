/**
 * The client class (options per security scheme, env defaults, base URL, top-level resources) and
 * the package entry point.
 */
import type { CodeBlockWriter, ImportDeclarationStructure, PropertyDeclarationStructure, StatementStructures, WriterFunction } from 'ts-morph';
import { StructureKind } from '../ts-morph.js';
import type { IR, IRResource, IRSecurityScheme } from '../ir/types.js';
import { isIdentifier, safeIdentifier } from '../ir/names.js';
import { cleanText } from './jsdoc.js';
import { importDecl, printModule, specifier, specifierList, type OutputFile } from './modules.js';
import { destructure, e, exprWriter, t, type Expr, type Prop } from './syntax.js';
import { childSurface, mergedNamespace, moduleNames } from './surface.js';
import { docsAt, interfaceWriter, type Member } from './types.js';
import { hasClientOption, sentSecurity } from './security.js';

/** Every piece of a doc comment below may come from the spec or the config: cleaned as a whole, so none can close it. */
function schemeDoc(s: IRSecurityScheme): string {
  const what = s.description ? s.description : `Credential for the \`${s.key}\` security scheme.`;
  const where =
    s.type === 'apiKey' ? `Sent as the \`${s.name}\` ${s.in ?? 'header'}.` : s.type === 'http' ? `Sent as \`Authorization: ${capitalise(s.scheme ?? 'bearer')} …\`.` : '';
  return cleanText(`${what}\n\n${where}\n\nDefaults to \`process.env['${s.env}']\`.`.replace(/\n\n\n/g, '\n\n'));
}

/**
 * The constructor's local for a credential option: the option itself when it is a plain identifier
 * that cannot clash with the other destructured names, else a numbered local (`'api-key': credential0`).
 */
function optionBinding(option: string, i: number, taken: Set<string>): { key: string; local: string } {
  const plain = isIdentifier(option) && safeIdentifier(option) === option && option !== 'arguments' && option !== 'eval' && !taken.has(option);
  let local = plain ? option : `credential${i}`;
  while (!plain && taken.has(local)) local = `${local}_`;
  taken.add(local);
  return { key: option, local };
}

function capitalise(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

function asConst(expr: Expr): Expr {
  return { kind: 'as', expr, type: t.name('const') };
}

/** Schemes the client can send by itself (oauth2/openIdConnect tokens are bearer tokens too). */

/**
 * What `clientFile` reads of the resources (the rest of what it reads, the IR's facts and models, is
 * in every emit key): its key in the emit cache, so an edit that renames nothing reuses client.ts.
 */
export function clientInputs(ir: IR): unknown {
  return ir.resources.map((r) => [r.className, r.propertyName, r.module, moduleNames(r, ir)]);
}

export function clientFile(ir: IR): OutputFile {
  const module = 'client';
  const schemes = ir.securitySchemes.filter(hasClientOption);
  const name = ir.client.className;
  const runtimeScheme = (s: IRSecurityScheme): Expr => {
    if (s.type === 'apiKey') return e.data({ type: 'apiKey', in: s.in ?? 'header', name: s.name ?? s.key });
    if (s.type === 'http') return e.data({ type: 'http', scheme: s.scheme ?? 'bearer' });
    return e.data({ type: 'http', scheme: 'bearer' });
  };
  const environments = ir.client.environments;
  const taken = new Set(['baseURL', 'environment', 'options', 'clientOptions', 'readEnv', 'BaseClient', name]);
  const bindings = schemes.map((s, i) => optionBinding(s.option, i, taken));
  const readEnv = (variable: string) => e.call('readEnv', e.literal(variable));
  const ctorProps = [
    { key: 'baseURL', local: 'baseURL', default: readEnv(ir.client.baseURLEnv) },
    ...(environments ? [{ key: 'environment', local: 'environment', default: e.literal(environments[0]![0]) }] : []),
    ...schemes.map((s, i): { key: string; local: string; default: Expr } => ({
      ...bindings[i]!,
      default: { kind: 'binary', op: '??', left: readEnv(s.env), right: e.literal(null) },
    })),
  ];
  const envelope: Prop[] = [
    ...(ir.envelope?.success ? [e.prop('success', e.literal(ir.envelope.success))] : []),
    ...(ir.envelope?.errors ? [e.prop('errors', e.literal(ir.envelope.errors))] : []),
  ];
  const superArgs = e.object([
    { kind: 'spread', expr: e.code('options') },
    e.prop('baseURL', {
      kind: 'binary',
      op: '||',
      left: e.code('baseURL'),
      right: environments ? e.code(`${ENVIRONMENTS}[environment]`) : e.literal(ir.baseURL),
    }),
    e.prop('credentials', e.object(schemes.map((s, i) => e.prop(s.key, e.code(bindings[i]!.local))))),
    e.prop('credentialOptions', e.object(schemes.map((s) => e.prop(s.key, e.literal(s.option))))),
    // A key named like an Object.prototype member (`constructor`) gets no contextual type from the
    // index signature, so its literals would widen to `string`: `as const` keeps them.
    e.prop('securitySchemes', e.object(schemes.map((s) => e.prop(s.key, s.key in Object.prototype ? asConst(runtimeScheme(s)) : runtimeScheme(s))))),
    e.prop('defaultSecurity', e.data(sentSecurity(ir, ir.security))),
    ...(ir.anyAuth ? [e.prop('authMode', e.literal('any'))] : []),
    ...(envelope.length ? [e.prop('envelope', e.object(envelope))] : []),
    e.prop('userAgent', e.literal(`${ir.client.packageName}/${ir.client.packageVersion}`)),
    e.prop('logEnv', e.literal(logEnv(ir))),
    ...(ir.client.defaultHeaders ? [e.prop('configHeaders', e.data(ir.client.defaultHeaders))] : []),
    e.prop('customHeadersEnv', e.literal(envName(ir, 'CUSTOM_HEADERS'))),
  ]);
  const optional = t.union([t.name('string'), t.name('null'), t.name('undefined')]);
  const members: Member[] = [
    // Two schemes may share an option (and none may redeclare `baseURL`): one property each.
    ...schemes
      .filter((s, i) => s.option !== 'baseURL' && schemes.findIndex((o) => o.option === s.option) === i)
      .map((s): Member => ({ docs: schemeDoc(s), member: { kind: 'property', key: s.option, optional: true, type: optional } })),
    {
      docs: cleanText(
        `Overrides the base URL of the API.\n\nDefaults to \`process.env['${ir.client.baseURLEnv}']\`, else ${environments ? 'the `environment`\'s' : `\`${ir.baseURL || '(none)'}\``}.`,
      ),
      member: { kind: 'property', key: 'baseURL', optional: true, type: optional },
    },
    ...(environments
      ? [
          {
            docs: cleanText(
              `Which environment's base URL to use (\`baseURL\` or \`process.env['${ir.client.baseURLEnv}']\` wins over it):\n\n${environments.map(([n, url], i) => `- \`${n}\`: \`${url}\`${i ? '' : ' (default)'}`).join('\n')}`,
            ),
            member: {
              kind: 'property',
              key: 'environment',
              optional: true,
              type: t.union([...environments.map(([n]) => t.literal(n)), t.name('undefined')]),
            },
          } satisfies Member,
        ]
      : []),
  ];
  // An option named like an Object.prototype member (`constructor`) makes `{}` not a ClientOptions.
  const emptyOptions = schemes.some((s) => s.option in Object.prototype) ? '{} as ClientOptions' : '{}';
  // The error classes hang off the client class (`Cloudflare.NotFoundError`), as in Stainless SDKs.
  const surface = ir.resources.map((r) => childSurface(ir, r, new Set([name, 'ClientOptions', 'toFile'])));
  const imported = new Set(surface.flatMap((g) => [...g.values, ...g.types]));
  let errors = 'Errors';
  while (imported.has(errors)) errors = `${errors}_`;
  // A static and a namespace member of one name would clash: the statics keep theirs.
  const statics = new Set([...ERROR_CLASSES, 'toFile']);
  const merged = surface.map((g) => ({ values: g.values.filter((n) => !statics.has(n)), types: g.types.filter((n) => !statics.has(n)) }));
  // `Cloudflare.RequestOptions`, unless the spec has a type of that name.
  const requestOptions = imported.has('RequestOptions') ? [] : ['RequestOptions'];
  const statements: (StatementStructures | WriterFunction)[] = [
    importDecl(module, 'core/client', ['BaseClient']),
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: specifier(module, 'core/errors'), namespaceImport: errors },
    importDecl(module, 'core/uploads', ['toFile']),
    importDecl(module, 'core/client', ['ClientOptionsBase'], true),
    ...(requestOptions.length ? [importDecl(module, 'core/types', requestOptions, true)] : []),
    importDecl(module, 'core/env', ['readEnv']),
    ...ir.resources.map((r, i): ImportDeclarationStructure => ({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: specifier(module, r.module),
      namedImports: specifierList([...surface[i]!.values, ...surface[i]!.types.map((name) => ({ name, isTypeOnly: true }))]),
    })),
    // A statement of its own: ts-morph hangs a multi-line initializer one level deeper.
    ...(environments
      ? [
          (w: CodeBlockWriter) => {
            const head = `const ${ENVIRONMENTS} = `;
            w.write(head);
            exprWriter(asConst(e.object(environments.map(([n, url]) => e.prop(n, e.literal(url))))), head.length, 0)(w);
            w.write(';');
          },
        ]
      : []),
    interfaceWriter({ name: 'ClientOptions', extends: 'ClientOptionsBase', members }, 0),
    {
      kind: StructureKind.Class,
      name,
      isExported: true,
      extends: 'BaseClient',
      ...docsAt(cleanText(`Client for ${ir.title} ${ir.version}.`), 0),
      properties: [
        ...ERROR_CLASSES.map((c): PropertyDeclarationStructure => ({ kind: StructureKind.Property, name: c, isStatic: true, initializer: `${errors}.${c}` })),
        { kind: StructureKind.Property, name: 'toFile', isStatic: true, initializer: 'toFile' },
        ...ir.resources.map((r): PropertyDeclarationStructure => ({ kind: StructureKind.Property, name: r.propertyName, type: r.className, initializer: `new ${r.className}(this)` })),
      ],
      ctors: [
        {
          kind: StructureKind.Constructor,
          parameters: [{ kind: StructureKind.Parameter, name: 'clientOptions', type: 'ClientOptions', initializer: emptyOptions }],
          statements: [
            destructure(ctorProps, 'options', 'clientOptions', 4),
            (w) => {
              w.write('super(');
              exprWriter(superArgs, 80, 4)(w);
              w.write(');');
            },
          ],
        },
      ],
    },
    ...mergedNamespace(name, [...merged, { values: [], types: requestOptions }]),
  ];
  return printModule('src/client.ts', statements);
}

/** The package entry: the client, resources with their types, errors and pages; not the runtime helpers. */
/** What `indexFile` reads of the resources: every module, in tree order (its key, as `clientInputs`). */
export function indexInputs(ir: IR): string[] {
  const modules: string[] = [];
  const walk = (r: IRResource) => {
    modules.push(r.module);
    r.children.forEach(walk);
  };
  ir.resources.forEach(walk);
  return modules;
}

export function indexFile(ir: IR): OutputFile {
  const modules = indexInputs(ir);
  const from = (m: string) => specifier('index', m);
  const exportAll = (m: string): StatementStructures => ({ kind: StructureKind.ExportDeclaration, moduleSpecifier: from(m) });
  return printModule('src/index.ts', [
    importDecl('index', 'client', [ir.client.className]),
    { kind: StructureKind.ExportAssignment, isExportEquals: false, expression: ir.client.className },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: from('client'), namedExports: [ir.client.className, { name: 'ClientOptions', isTypeOnly: true }] },
    exportAll('core/errors'),
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: from('core/api-promise'), namedExports: ['APIPromise'] },
    exportAll('core/pagination'),
    // What a caller of a request builder, or of a method with options, needs to name.
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: from('core/types'), namedExports: PUBLIC_TYPES },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: from('core/client'), namedExports: ['ClientOverrides', 'LogLevel', 'Logger', 'RawRequestOptions'] },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: from('core/uploads'), namedExports: ['toFile', { name: 'ToFileInput', isTypeOnly: true }] },
    ...modules.map(exportAll),
    ...(ir.webhooks ? [exportAll(ir.webhooks.module)] : []),
    ...(ir.wireTypes === false ? [] : [{ kind: StructureKind.ExportDeclaration, isTypeOnly: true, namespaceExport: 'wire', moduleSpecifier: './openapi.js' } as const]),
  ]);
}

const PUBLIC_TYPES = ['BuiltRequest', 'HTTPMethod', 'RequestBody', 'RequestOptions', 'Uploadable'];

/** `<CLIENT>_LOG`, next to the base URL's variable (`CLOUDFLARE_BASE_URL` -> `CLOUDFLARE_LOG`). */
export function logEnv(ir: IR): string {
  return envName(ir, 'LOG');
}

/** `<CLIENT>_<suffix>`, the prefix taken from the base URL's variable. */
function envName(ir: IR, suffix: string): string {
  const env = ir.client.baseURLEnv;
  return `${env.endsWith('_BASE_URL') ? env.slice(0, -'_BASE_URL'.length) : env}_${suffix}`;
}

/** The config's environments in client.ts: no spec name (PascalCase types, classes) can take it. */
const ENVIRONMENTS = 'ENVIRONMENTS';

/** templates/core/errors.ts: every class, so each is a static of the client. */
const ERROR_CLASSES = [
  ...['SDKError', 'APIError', 'BadRequestError', 'AuthenticationError', 'PermissionDeniedError', 'NotFoundError'],
  ...['ConflictError', 'UnprocessableEntityError', 'RateLimitError', 'InternalServerError', 'APIConnectionError'],
  ...['APIConnectionTimeoutError', 'APIUserAbortError', 'InvalidHeaderError', 'InvalidResponseError'],
  ...['ResponseTooLargeError', 'ParamError', 'AuthError', 'MissingCredentialsError'],
];

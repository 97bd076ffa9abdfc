/**
 * The client class (options per security scheme, env defaults, base URL, top-level resources) and
 * the package entry point.
 */
import type { IR, IRResource, IRSecurityScheme } from '../ir/types.js';
import { isIdentifier, safeIdentifier } from '../ir/names.js';
import { e, propertyKey, quote, t, type Expr, type Prop } from './code.js';
import { cleanText } from './jsdoc.js';
import { printModule, type Decl } from './layout.js';
import { HEADER, importDecl, specifier, type OutputFile } from './modules.js';

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
  return { key: plain ? option : propertyKey(option), local };
}

function capitalise(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

/** Schemes the client can send by itself (oauth2/openIdConnect tokens are bearer tokens too). */
function usable(s: IRSecurityScheme): boolean {
  return s.type === 'apiKey' || s.type === 'http' || s.type === 'oauth2' || s.type === 'openIdConnect';
}

export function clientFile(ir: IR): OutputFile {
  const module = 'client';
  const schemes = ir.securitySchemes.filter(usable);
  const name = ir.client.className;
  const runtimeScheme = (s: IRSecurityScheme): Expr => {
    if (s.type === 'apiKey') return e.data({ type: 'apiKey', in: s.in ?? 'header', name: s.name ?? s.key });
    if (s.type === 'http') return e.data({ type: 'http', scheme: s.scheme ?? 'bearer' });
    return e.data({ type: 'http', scheme: 'bearer' });
  };
  const taken = new Set(['baseURL', 'options', 'readEnv', 'BaseClient', name]);
  const bindings = schemes.map((s, i) => optionBinding(s.option, i, taken));
  const readEnv = (variable: string) => e.call('readEnv', e.literal(variable));
  const ctorProps = [
    { key: 'baseURL', local: 'baseURL', default: readEnv(ir.client.baseURLEnv) },
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
    { kind: 'spread', expr: e.id('options') },
    e.prop('baseURL', { kind: 'binary', op: '||', left: e.id('baseURL'), right: e.literal(ir.baseURL) }),
    // Always `key: local`, even when they are the same word.
    e.prop('credentials', e.object(schemes.map((s, i): Prop => ({ kind: 'property', key: propertyKey(s.key), value: e.id(bindings[i]!.local) })))),
    e.prop('credentialOptions', e.object(schemes.map((s) => e.prop(s.key, e.literal(s.option))))),
    e.prop('securitySchemes', e.object(schemes.map((s) => e.prop(s.key, runtimeScheme(s))))),
    e.prop('defaultSecurity', e.data(ir.security)),
    ...(envelope.length ? [e.prop('envelope', e.object(envelope))] : []),
    e.prop('userAgent', e.literal(`${ir.client.packageName}/${ir.client.packageVersion}`)),
  ]);
  const optional = t.union([t.name('string'), t.name('null'), t.name('undefined')]);
  const statements: Decl[] = [
    { kind: 'comment', text: HEADER },
    importDecl(module, 'core/client', ['BaseClient']),
    importDecl(module, 'core/client', ['ClientOptionsBase'], true),
    importDecl(module, 'core/env', ['readEnv']),
    ...ir.resources.map((r) => importDecl(module, r.module, [r.className])),
    {
      kind: 'interface',
      name: 'ClientOptions',
      extends: ['ClientOptionsBase'],
      members: [
        // Two schemes may share an option (and none may redeclare `baseURL`): one property each.
        ...schemes
          .filter((s, i) => s.option !== 'baseURL' && schemes.findIndex((o) => o.option === s.option) === i)
          .map((s) => ({ docs: schemeDoc(s), member: { kind: 'property' as const, key: propertyKey(s.option), optional: true, type: optional } })),
        {
          docs: cleanText(`Overrides the base URL of the API.\n\nDefaults to \`process.env['${ir.client.baseURLEnv}']\`, else \`${ir.baseURL || '(none)'}\`.`),
          member: { kind: 'property', key: 'baseURL', optional: true, type: optional },
        },
      ],
    },
    {
      kind: 'class',
      name,
      extends: 'BaseClient',
      docs: cleanText(`Client for ${ir.title} ${ir.version}.`),
      properties: ir.resources.map((r) => ({ name: r.propertyName, type: t.name(r.className), init: { kind: 'new', callee: r.className, args: [e.id('this')] } })),
      ctor: {
        props: ctorProps,
        rest: 'options',
        type: 'ClientOptions',
        init: e.object([]),
        body: [{ kind: 'expression', expr: e.call('super', superArgs) }],
      },
      methods: [],
    },
  ];
  const printed = printModule(statements);
  return { path: 'src/client.ts', content: printed.content, ...(printed.inexact ? {} : { styled: true }) };
}

export function indexFile(ir: IR, coreModules: readonly string[]): OutputFile {
  const modules: string[] = [];
  const walk = (r: IRResource) => {
    modules.push(r.module);
    r.children.forEach(walk);
  };
  ir.resources.forEach(walk);
  const printed = printModule([
    { kind: 'comment', text: HEADER },
    importDecl('index', 'client', [ir.client.className]),
    {
      kind: 'exports',
      lines: [
        `export default ${ir.client.className};`,
        { names: [ir.client.className, 'type ClientOptions'], from: specifier('index', 'client') },
        ...[...coreModules, ...modules].map((m) => `export * from ${quote(specifier('index', m))};`),
        ...(ir.wireTypes === false ? [] : [`export type * as wire from './openapi.js';`]),
      ],
    },
  ]);
  return { path: 'src/index.ts', content: printed.content, ...(printed.inexact ? {} : { styled: true }) };
}

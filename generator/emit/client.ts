/**
 * The client class (options per security scheme, env defaults, base URL, top-level resources) and
 * the package entry point.
 */
import type { IR, IRResource, IRSecurityScheme } from '../ir/types.js';
import { isIdentifier, safeIdentifier } from '../ir/names.js';
import { e, t } from './code.js';
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

/** A client option as an object key (`apiKey`, or `'api-key'` when the config names it oddly). */
function optionKey(option: string): string {
  return isIdentifier(option) ? option : JSON.stringify(option);
}

/**
 * The constructor's local for a credential option: the option itself when it is a plain identifier
 * that cannot clash with the other destructured names, else a numbered local (`'api-key': credential0`).
 */
function optionBinding(option: string, i: number, taken: Set<string>): { binding: string; local: string } {
  const plain = isIdentifier(option) && safeIdentifier(option) === option && option !== 'arguments' && option !== 'eval' && !taken.has(option);
  let local = plain ? option : `credential${i}`;
  while (!plain && taken.has(local)) local = `${local}_`;
  taken.add(local);
  return { binding: plain ? option : `${JSON.stringify(option)}: ${local}`, local };
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
  const runtimeScheme = (s: IRSecurityScheme): string => {
    if (s.type === 'apiKey') return `{ type: 'apiKey', in: ${JSON.stringify(s.in ?? 'header')}, name: ${JSON.stringify(s.name ?? s.key)} }`;
    if (s.type === 'http') return `{ type: 'http', scheme: ${JSON.stringify(s.scheme ?? 'bearer')} }`;
    return `{ type: 'http', scheme: 'bearer' }`;
  };
  const key = (k: string) => JSON.stringify(k);
  const taken = new Set(['baseURL', 'options', 'readEnv', 'BaseClient', name]);
  const bindings = schemes.map((s, i) => optionBinding(s.option, i, taken));
  const destructure = [
    `baseURL = readEnv(${JSON.stringify(ir.client.baseURLEnv)})`,
    ...schemes.map((s, i) => `${bindings[i]!.binding} = readEnv(${JSON.stringify(s.env)}) ?? null`),
    '...options',
  ];
  const superArgs = [
    '...options',
    `baseURL: baseURL || ${JSON.stringify(ir.baseURL)}`,
    `credentials: { ${schemes.map((s, i) => `${key(s.key)}: ${bindings[i]!.local}`).join(', ')} }`,
    `credentialOptions: { ${schemes.map((s) => `${key(s.key)}: ${JSON.stringify(s.option)}`).join(', ')} }`,
    `securitySchemes: { ${schemes.map((s) => `${key(s.key)}: ${runtimeScheme(s)}`).join(', ')} }`,
    `defaultSecurity: ${JSON.stringify(ir.security)}`,
    ...(ir.envelope?.success || ir.envelope?.errors
      ? [`envelope: { ${[ir.envelope.success ? `success: ${JSON.stringify(ir.envelope.success)}` : '', ir.envelope.errors ? `errors: ${JSON.stringify(ir.envelope.errors)}` : ''].filter(Boolean).join(', ')} }`]
      : []),
    `userAgent: ${JSON.stringify(`${ir.client.packageName}/${ir.client.packageVersion}`)}`,
  ];
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
          .map((s) => ({ docs: schemeDoc(s), member: { kind: 'property' as const, key: optionKey(s.option), optional: true, type: optional } })),
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
      ctor: { params: `{ ${destructure.join(', ')} }: ClientOptions = {}`, body: [{ kind: 'raw', text: `super({ ${superArgs.join(', ')} });` }] },
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
  const lines = [
    HEADER,
    `import { ${ir.client.className} } from './client.js';`,
    '',
    `export default ${ir.client.className};`,
    `export { ${ir.client.className}, type ClientOptions } from './client.js';`,
    ...coreModules.map((m) => `export * from '${specifier('index', m)}';`),
    ...modules.map((m) => `export * from '${specifier('index', m)}';`),
    `export type * as wire from './openapi.js';`,
    '',
  ];
  return { path: 'src/index.ts', content: lines.join('\n') };
}

/**
 * The client class (options per security scheme, env defaults, base URL, top-level resources) and
 * the package entry point.
 */
import { printStructure, StructureKind, type StatementStructures } from 'ts-morph';
import type { IR, IRResource, IRSecurityScheme } from '../ir/types.js';
import { cleanText } from './jsdoc.js';
import { HEADER, importDecl, specifier, type OutputFile } from './modules.js';

const PRINT = { indentNumberOfSpaces: 2, useSingleQuote: true } as const;

function schemeDoc(s: IRSecurityScheme): string {
  const what = s.description ? cleanText(s.description) : `Credential for the \`${s.key}\` security scheme.`;
  const where =
    s.type === 'apiKey' ? `Sent as the \`${s.name}\` ${s.in ?? 'header'}.` : s.type === 'http' ? `Sent as \`Authorization: ${capitalise(s.scheme ?? 'bearer')} …\`.` : '';
  return `${what}\n\n${where}\n\nDefaults to \`process.env['${s.env}']\`.`.replace(/\n\n\n/g, '\n\n');
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
  const destructure = [
    `baseURL = readEnv(${JSON.stringify(ir.client.baseURLEnv)})`,
    ...schemes.map((s) => `${s.option} = readEnv(${JSON.stringify(s.env)}) ?? null`),
    '...options',
  ];
  const superArgs = [
    '...options',
    `baseURL: baseURL || ${JSON.stringify(ir.baseURL)}`,
    `credentials: { ${schemes.map((s) => `${key(s.key)}: ${s.option}`).join(', ')} }`,
    `credentialOptions: { ${schemes.map((s) => `${key(s.key)}: ${JSON.stringify(s.option)}`).join(', ')} }`,
    `securitySchemes: { ${schemes.map((s) => `${key(s.key)}: ${runtimeScheme(s)}`).join(', ')} }`,
    `defaultSecurity: ${JSON.stringify(ir.security)}`,
    ...(ir.envelope?.success || ir.envelope?.errors
      ? [`envelope: { ${[ir.envelope.success ? `success: ${JSON.stringify(ir.envelope.success)}` : '', ir.envelope.errors ? `errors: ${JSON.stringify(ir.envelope.errors)}` : ''].filter(Boolean).join(', ')} }`]
      : []),
    `userAgent: ${JSON.stringify(`${ir.client.packageName}/${ir.client.packageVersion}`)}`,
  ];
  const statements: (string | StatementStructures)[] = [
    HEADER,
    importDecl(module, 'core/client', ['BaseClient']),
    importDecl(module, 'core/client', ['ClientOptionsBase'], true),
    importDecl(module, 'core/env', ['readEnv']),
    ...ir.resources.map((r) => importDecl(module, r.module, [r.className])),
    {
      kind: StructureKind.Interface,
      name: 'ClientOptions',
      isExported: true,
      extends: ['ClientOptionsBase'],
      properties: [
        ...schemes.map((s) => ({ name: s.option, hasQuestionToken: true, type: 'string | null | undefined', docs: [{ description: schemeDoc(s) }] })),
        {
          name: 'baseURL',
          hasQuestionToken: true,
          type: 'string | null | undefined',
          docs: [{ description: `Overrides the base URL of the API.\n\nDefaults to \`process.env['${ir.client.baseURLEnv}']\`, else \`${ir.baseURL || '(none)'}\`.` }],
        },
      ],
    },
    {
      kind: StructureKind.Class,
      name,
      isExported: true,
      extends: 'BaseClient',
      docs: [{ description: `Client for ${cleanText(ir.title)} ${cleanText(ir.version)}.` }],
      properties: ir.resources.map((r) => ({ name: r.propertyName, type: r.className, initializer: `new ${r.className}(this)` })),
      ctors: [
        {
          parameters: [{ name: `{ ${destructure.join(', ')} }`, type: 'ClientOptions', initializer: '{}' }],
          statements: [`super({ ${superArgs.join(', ')} });`],
        },
      ],
    },
  ];
  return { path: 'src/client.ts', content: printStructure({ kind: StructureKind.SourceFile, statements }, PRINT) };
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

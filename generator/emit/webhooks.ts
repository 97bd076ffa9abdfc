/**
 * The webhook types module (`src/resources/webhooks.ts`): per webhook its payload type and its
 * headers interface, then the models only webhooks use. Types only: the SDK receives webhooks, it
 * does not send them, so there is no class, builder or descriptor.
 */
import type { StatementStructures, WriterFunction } from 'ts-morph';
import type { IR, IRWebhook } from '../ir/types.js';
import { cleanText, docLines, jsDoc } from './jsdoc.js';
import { importDecl, printModule, type OutputFile } from './modules.js';
import { declaration, interfaceDeclaration, type Decl, type Member, type TypeContext } from './types.js';

export function webhooksFile(ir: IR): OutputFile | undefined {
  const webhooks = ir.webhooks;
  if (!webhooks) return undefined;
  const module = webhooks.module;
  const imports = new Map<string, Set<string>>();
  // The API sends these: they read as responses do (readOnly fields present, writeOnly ones not).
  const ctx: TypeContext = { models: ir.models, module, direction: 'response', imports };
  const statements: (StatementStructures | WriterFunction)[] = [];
  for (const hook of webhooks.hooks) {
    if (hook.payloadType && hook.payload) {
      const own = docLines(hook.payload.schema.docs, hook.payload.description ? { description: hook.payload.description } : {});
      // A blank line between what the webhook is and what its schema says.
      const docs = [own.length ? `${hookSummary(hook)}\n` : hookSummary(hook), ...own];
      statements.push(...declaration(hook.payloadType, hook.payload.schema, docs, ctx));
    }
    if (hook.headersType) statements.push(...headersDeclaration(hook, ctx));
  }
  for (const model of [...ir.models.values()].filter((m) => m.module === module))
    statements.push(...declaration(model.name, model.schema, docLines(model.schema.docs), ctx));
  const modelImports = [...imports.entries()]
    .filter(([m]) => m !== module)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([m, names]) => importDecl(module, m, names, true));
  return printModule(`src/${module}.ts`, [...modelImports, ...statements]);
}

/** `The payload of the 'newPet' webhook (POST): <summary>` */
function hookSummary(hook: IRWebhook): string {
  const what = cleanText(`The \`${hook.name}\` webhook (${hook.method})${hook.summary ? `: ${hook.summary}` : ''}`);
  return [what, ...(hook.description && hook.description !== hook.summary ? [cleanText(hook.description)] : []), ...(hook.deprecated ? ['@deprecated'] : [])].join('\n\n');
}

function headersDeclaration(hook: IRWebhook, ctx: TypeContext): Decl[] {
  const docs = [`Headers of the \`${cleanText(hook.name)}\` webhook (${hook.method}), by the names the spec gives them.`];
  return interfaceDeclaration(hook.headersType!, docs, (scope) =>
    hook.headers.map(
      (f): Member => ({
        member: { kind: 'property', key: f.name, optional: !f.required, type: scope.typeOf(f.schema, f.name) },
        ...jsDoc(docLines(f.deprecated ? { ...f.schema.docs, deprecated: true } : f.schema.docs, f.description !== undefined ? { description: f.description } : {})),
      }),
    ),
  ctx);
}

/**
 * Docs for webhooks: the docs model of a webhook (what it sends: payload and headers, with an
 * example payload and how to type it) and its Markdown page under docs/, plus its entries in
 * api.md and the package README. The HTML site can render the same model.
 */
import { exampleValue } from '../emit/examples.js';
import { cleanText } from '../emit/jsdoc.js';
import type { OutputFile } from '../emit/modules.js';
import { encodingOf } from '../ir/operations.js';
import { kebabCase } from '../ir/names.js';
import type { IR, IRWebhook } from '../ir/types.js';
import { escapeHtml, fieldLines, type PageContext } from './markdown.js';
import { FieldBuilder, typeSummary, type BuildOptions, type DocField } from './model.js';

export interface WebhookDoc {
  readonly name: string;
  readonly title: string;
  readonly method: IRWebhook['method'];
  readonly description?: string;
  readonly deprecated: boolean;
  /** `docs/webhooks/new-pet.md` */
  readonly page: string;
  readonly payload?: { readonly typeName: string; readonly type: string; readonly mediaType: string; readonly required: boolean; readonly field: DocField };
  readonly headers?: { readonly typeName: string; readonly fields: readonly DocField[] };
  /** How a handler types what it receives (TypeScript). */
  readonly usage: string;
  /** An example payload as JSON text (JSON payloads only). */
  readonly example?: string;
}

/** Characters of a webhook's page name (the rest of a longer name is cut). */
const MAX_PAGE_NAME = 100;

/** The docs model of every webhook, in spec order. */
export function webhookDocs(ir: IR, options: BuildOptions): WebhookDoc[] {
  const webhooks = ir.webhooks;
  if (!webhooks) return [];
  const dir = `docs/${webhooks.module.replace(/^resources\//, '')}`;
  const taken = new Set<string>();
  return webhooks.hooks.map((hook) => {
    const twice = webhooks.hooks.filter((h) => h.name === hook.name).length > 1;
    // Capped well below a file system's 255-byte name limit; the suffix below keeps cut names distinct.
    const base = kebabCase(twice ? `${hook.name} ${hook.method}` : hook.name).slice(0, MAX_PAGE_NAME).replace(/-+$/, '') || 'webhook';
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    return webhookDoc(ir, hook, `${dir}/${name}.md`, options);
  });
}

function webhookDoc(ir: IR, hook: IRWebhook, page: string, options: BuildOptions): WebhookDoc {
  const fields = new FieldBuilder(ir, options.depth);
  const payload = hook.payload;
  const json = payload && encodingOf(payload.mediaType) === 'json';
  const example = json ? exampleValue(payload.schema, ir, '', { direction: 'response', requiredOnly: false }) : undefined;
  return {
    name: hook.name,
    title: hook.summary ?? `${hook.name} webhook`,
    method: hook.method,
    ...(hook.description ? { description: hook.description } : {}),
    deprecated: hook.deprecated,
    page,
    ...(payload && hook.payloadType
      ? {
          payload: {
            typeName: hook.payloadType,
            type: typeSummary(payload.schema, hook.payloadType, ir),
            mediaType: payload.mediaType,
            required: payload.required,
            // Built one level deeper so its children are the payload's properties.
            field: new FieldBuilder(ir, options.depth + 1).field({
              name: 'payload',
              optional: !payload.required,
              schema: payload.schema,
              description: payload.description,
              anchor: 'payload',
              direction: 'response',
              owner: undefined,
            }),
          },
        }
      : {}),
    ...(hook.headersType
      ? { headers: { typeName: hook.headersType, fields: hook.headers.map((f) =>
              fields.field({ name: f.name, optional: !f.required, schema: f.schema, description: f.description, anchor: `header-${kebabCase(f.name)}`, direction: 'response', owner: undefined }),
            ),
          },
        }
      : {}),
    usage: usage(ir, hook, !!json),
    ...(example !== undefined ? { example: JSON.stringify(example, null, 2) } : {}),
  };
}

function usage(ir: IR, hook: IRWebhook, json: boolean): string {
  const types = [hook.payloadType, hook.headersType].filter((t): t is string => !!t);
  const lines = [`import type { ${types.join(', ')} } from '${ir.client.packageName}';`];
  if (hook.payloadType && json) lines.push('', '// In the handler of your endpoint, with the request body as text:', `const event = JSON.parse(body) as ${hook.payloadType};`);
  return lines.join('\n');
}

/** A Markdown page per webhook under docs/. */
export function webhookPages(ir: IR): OutputFile[] {
  return webhookDocs(ir, { depth: 0 }).map((doc) => {
    const page: PageContext = { root: '../'.repeat(doc.page.split('/').length - 1) };
    const lines = [
      `# ${cleanText(doc.title)}`,
      '',
      `Webhook \`${cleanText(doc.name)}\`: the API sends a **${doc.method}** request to your endpoint.`,
      '',
      ...(doc.description ? [cleanText(doc.description), ''] : []),
      ...(doc.deprecated ? ['> **Deprecated.**', ''] : []),
      ...(doc.headers
        ? ['## Headers', '', `- \`${doc.headers.typeName}\``, '', ...doc.headers.fields.flatMap((f) => [...fieldLines(page, f, f.description, '  '), ''])]
        : []),
      ...(doc.payload
        ? [
            '## Payload',
            '',
            `- \`${doc.payload.type}\` (\`${doc.payload.mediaType}\`${doc.payload.required ? '' : ', may be absent'})`,
            '',
            ...(doc.payload.field.description ? [`  ${cleanText(doc.payload.field.description)}`, ''] : []),
            ...doc.payload.field.children.flatMap((f) => [...fieldLines(page, f, f.description, '  '), '']),
          ]
        : []),
      '## Usage',
      '',
      '```ts',
      doc.usage,
      '```',
      '',
      ...(doc.example !== undefined ? ['## Example payload', '', '```json', doc.example, '```', ''] : []),
    ];
    return { path: doc.page, content: `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n` };
  });
}

/** The Webhooks section of api.md: the types and a line per webhook. */
export function webhooksApiLines(ir: IR): string[] {
  const webhooks = ir.webhooks;
  if (!webhooks) return [];
  const file = `./src/${webhooks.module}.ts`;
  const types = [
    ...webhooks.hooks.flatMap((h) => [h.payloadType, h.headersType].filter((t): t is string => !!t)),
    ...[...ir.models.values()].filter((m) => m.module === webhooks.module).map((m) => m.name),
  ];
  const lines = ['## Webhooks', '', 'Types:', '', ...types.map((t) => `- <code><a href="${file}">${t}</a></code>`), '', 'Webhooks:', ''];
  for (const doc of webhookDocs(ir, { depth: 0 })) {
    const sends = doc.payload ? ` -> ${escapeHtml(doc.payload.typeName)}` : '';
    lines.push(`- <code title="${doc.method.toLowerCase()}">${escapeHtml(doc.name)}${sends}</code> ([docs](./${doc.page}))`);
  }
  lines.push('');
  return lines;
}

/** The Webhooks section of the package README. */
export function webhooksReadmeLines(ir: IR): string[] {
  const docs = webhookDocs(ir, { depth: 0 });
  if (!docs.length) return [];
  return [
    '## Webhooks',
    '',
    "The types of the webhooks the API sends (payloads and headers) are exported from the package root; each has a page under [docs/](./docs) and is listed in [api.md](./api.md#webhooks):",
    '',
    ...docs.map((d) => `- [\`${cleanText(d.name)}\`](./${d.page})${d.payload ? `: \`${d.payload.typeName}\`` : ''}${d.headers ? `, \`${d.headers.typeName}\`` : ''}`),
    '',
  ];
}

/**
 * OpenAPI 3.1 `webhooks`: requests the API sends to the user's server. The SDK does not send them,
 * so they get types only (as openapi-typescript's `webhooks` and Stainless's webhook event types):
 * per webhook operation, its payload (request body) and its header params, named from the webhook
 * (`newPet` -> `NewPetEvent`, `NewPetEventHeaders`). A webhook with nothing to type keeps a
 * located "skipped" warning.
 */
import { joinPointer, type Diagnostic, type Loc } from '../diagnostics.js';
import type { LoadedSpec } from '../load/types.js';
import { NameRegistry, pascalCase } from './names.js';
import { at, encodingOf, HTTP_METHODS, operationParams, operationText, paramList } from './operations.js';
import { isRecord, type SchemaConverter } from './schema.js';
import type { IRField, IRParam, IRResource, IRWebhook, IRWebhooks } from './types.js';

/** Qualifier for a webhook type whose name is taken (`WebhooksPetEvent`). */
const QUALIFIER = 'Webhooks';

export function readWebhooks(
  spec: LoadedSpec,
  converter: SchemaConverter,
  names: NameRegistry,
  resources: readonly IRResource[],
  diagnostics: Diagnostic[],
): IRWebhooks | undefined {
  const root = spec.entry.root as Record<string, unknown>;
  if (!isRecord(root.webhooks)) return undefined;
  const file = spec.entry.path;
  const hooks: IRWebhook[] = [];
  for (const [name, rawItem] of Object.entries(root.webhooks)) {
    const item = spec.deref<Record<string, unknown>>(rawItem, { file, pointer: joinPointer('#/webhooks', name) });
    if (!item || !isRecord(item.value)) continue;
    const shared = paramList(spec, converter, item.value.parameters, at(item.loc, 'parameters'));
    const methods = HTTP_METHODS.filter((m) => item.value[m] !== undefined);
    for (const method of methods) {
      const op = spec.deref<Record<string, unknown>>(item.value[method], at(item.loc, method));
      if (!op || !isRecord(op.value)) continue;
      // One operation per webhook is the rule; a second one is told apart by its method.
      const stem = methods.length > 1 ? `${pascalCase(name)}${pascalCase(method)}Event` : `${pascalCase(name)}Event`;
      const hook = readHook({ spec, converter, names, diagnostics }, name, method, op.value, op.loc, shared, stem);
      if (hook) hooks.push(hook);
    }
  }
  return hooks.length ? { module: moduleFor(resources), hooks } : undefined;
}

interface Reading {
  readonly spec: LoadedSpec;
  readonly converter: SchemaConverter;
  readonly names: NameRegistry;
  readonly diagnostics: Diagnostic[];
}

function readHook(
  { spec, converter, names, diagnostics }: Reading,
  name: string,
  method: (typeof HTTP_METHODS)[number],
  op: Record<string, unknown>,
  loc: Loc,
  shared: readonly IRParam[],
  stem: string,
): IRWebhook | undefined {
  const params = operationParams(spec, converter, op, loc, shared);
  const headers: IRField[] = params
    .filter((p) => p.in === 'header')
    .map((p) => ({
      name: p.name,
      origin: 'header',
      required: p.required,
      schema: p.schema,
      ...(p.description ?? p.schema.docs.description ? { description: p.description ?? p.schema.docs.description } : {}),
      ...(p.deprecated ? { deprecated: true } : {}),
    }));
  const payload = readPayload(spec, converter, op.requestBody, at(loc, 'requestBody'), name, diagnostics);
  if (!payload && !headers.length) {
    diagnostics.push({ severity: 'warning', message: `webhook '${name}' (${method}) declares no payload and no header params: the SDK has no type for it (skipped)`, loc });
    return undefined;
  }
  // The headers are named after the payload, whatever name it took (`WebhooksNewPetEventHeaders`).
  const payloadType = payload ? names.claim(stem, [QUALIFIER]) : undefined;
  return {
    name,
    method: method.toUpperCase() as IRWebhook['method'],
    loc,
    ...operationText(op),
    ...(payload && payloadType ? { payloadType, payload } : {}),
    ...(headers.length ? { headersType: names.claim(`${payloadType ?? stem}Headers`, [QUALIFIER]) } : {}),
    headers,
  };
}

/** The payload: the body's JSON content if it has one, else its first media type. */
function readPayload(spec: LoadedSpec, converter: SchemaConverter, raw: unknown, loc: Loc, name: string, diagnostics: Diagnostic[]): IRWebhook['payload'] {
  if (raw === undefined) return undefined;
  const body = spec.deref<Record<string, unknown>>(raw, loc);
  if (!body || !isRecord(body.value)) return undefined;
  const content = isRecord(body.value.content) ? Object.entries(body.value.content) : [];
  if (!content.length) {
    diagnostics.push({ severity: 'warning', message: `webhook '${name}': the request body has no content, so its payload has no type (skipped)`, loc: body.loc });
    return undefined;
  }
  const [mediaType, media] = content.find(([m]) => encodingOf(m) === 'json') ?? content[0]!;
  const binary = encodingOf(mediaType) === 'binary';
  const rawSchema = isRecord(media) && media.schema !== undefined ? media.schema : binary ? { type: 'string', format: 'binary' } : {};
  return {
    // Sent by the API: the schema as a response reads it (readOnly fields included).
    schema: converter.convert(rawSchema, at(body.loc, 'content', mediaType, 'schema')),
    mediaType,
    required: body.value.required === true,
    ...(typeof body.value.description === 'string' ? { description: body.value.description } : {}),
  };
}

/** `resources/webhooks`, unless a resource of the spec already has that module. */
function moduleFor(resources: readonly IRResource[]): string {
  const taken = new Set<string>();
  const walk = (r: IRResource) => {
    taken.add(r.module);
    r.children.forEach(walk);
  };
  resources.forEach(walk);
  let module = 'resources/webhooks';
  for (let n = 2; taken.has(module); n++) module = `resources/webhooks-${n}`;
  return module;
}

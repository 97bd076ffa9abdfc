// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.
/** Turns a `RequestBody` into what `fetch` sends. */
import { serializeQuery, stringify } from './builder.js';
import type { RequestBody } from './types.js';
import { isRecord } from './util.js';

export interface EncodedBody {
  readonly body: BodyInit | null;
  /** Undefined when fetch must choose it (multipart needs the boundary fetch generates). */
  readonly contentType: string | undefined;
  /** False for streams: they can be read once, so the request cannot be retried or re-sent on a redirect. */
  readonly replayable: boolean;
}

export function encodeBody(body: RequestBody | undefined): EncodedBody {
  switch (body?.type) {
    case undefined:
      return { body: null, contentType: undefined, replayable: true };
    case 'json':
      // An optional body param left out: no body at all (JSON has no spelling for undefined).
      if (body.value === undefined) return { body: null, contentType: undefined, replayable: true };
      return { body: JSON.stringify(body.value), contentType: 'application/json', replayable: true };
    case 'form':
      return {
        body: encodeForm(body.value),
        contentType: 'application/x-www-form-urlencoded',
        replayable: true,
      };
    case 'multipart':
      return { body: toFormData(body.value), contentType: undefined, replayable: true };
    case 'text':
      return { body: body.value, contentType: body.contentType, replayable: true };
    case 'binary': {
      const replayable = typeof ReadableStream === 'undefined' || !(body.value instanceof ReadableStream);
      // ArrayBufferView<SharedArrayBuffer> is not a BufferSource in the DOM typings, but fetch sends
      // any view. Responses and async iterables were read by resolveUploads.
      return { body: body.value as BodyInit, contentType: body.contentType, replayable };
    }
  }
}

/**
 * The body with every value fetch cannot send as it is read first: a Response or an async iterable
 * in a binary body becomes a Blob (a web stream is streamed), and in a multipart body a Response, a
 * stream or an async iterable becomes a File (see toFile).
 */
export async function resolveUploads(body: RequestBody | undefined): Promise<RequestBody | undefined> {
  if (body?.type === 'binary') {
    const { value } = body;
    if (value instanceof Response) return { ...body, value: await value.blob() };
    if (isAsyncIterable(value) && !isStream(value)) return { ...body, value: new Blob(await collect(value)) };
    return body;
  }
  if (body?.type !== 'multipart') return body;
  const items = Object.values(body.value).flatMap((v) => (Array.isArray(v) ? v : [v]));
  if (!items.some(needsReading)) return body;
  const entries = await Promise.all(
    Object.entries(body.value).map(async ([name, value]) => {
      const read = async (item: unknown) => (needsReading(item) ? toFile(item as ToFileInput) : item);
      return [name, Array.isArray(value) ? await Promise.all(value.map(read)) : await read(value)] as const;
    }),
  );
  // fromEntries defines own properties, so a field named `__proto__` stays a field.
  return { ...body, value: Object.fromEntries(entries) };
}

function needsReading(value: unknown): boolean {
  return value instanceof Response || isStream(value) || (isAsyncIterable(value) && typeof value !== 'string');
}

function isStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof ReadableStream !== 'undefined' && value instanceof ReadableStream;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<BlobPart> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** How a raw call's `body` goes on the wire: see RawRequestOptions. */
export function toRequestBody(value: unknown): RequestBody {
  if (typeof value === 'string') return { type: 'text', value, contentType: 'text/plain;charset=UTF-8' };
  if (value instanceof URLSearchParams) {
    return { type: 'text', value: value.toString(), contentType: 'application/x-www-form-urlencoded' };
  }
  if (value instanceof FormData) {
    const fields = new Map<string, unknown[]>();
    value.forEach((item, name) => fields.set(name, [...(fields.get(name) ?? []), item]));
    // fromEntries defines own properties, so a field named `__proto__` stays a field.
    return { type: 'multipart', value: Object.fromEntries(fields) };
  }
  if (value instanceof Blob) {
    return { type: 'binary', value, contentType: value.type || 'application/octet-stream' };
  }
  if (
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    (typeof ReadableStream !== 'undefined' && value instanceof ReadableStream)
  ) {
    return {
      type: 'binary',
      value: value as ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array>,
      contentType: 'application/octet-stream',
    };
  }
  return { type: 'json', value };
}

/** Nested objects use `a[b]=v` (the `qs` convention most form parsers understand); arrays repeat the key. */
function encodeForm(fields: Record<string, unknown>): string {
  const pairs = serializeQuery(
    Object.entries(fields).map(
      ([name, value]) => [name, value, { style: isRecord(value) ? 'deepObject' : 'form' }] as const,
    ),
  );
  return new URLSearchParams(pairs).toString();
}

/**
 * Blobs/Files become file parts (a File keeps its name), binary buffers become unnamed file parts,
 * arrays repeat the field, and objects are sent as JSON text, OpenAPI's default encoding for them.
 */
function toFormData(fields: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      if (item instanceof Blob) form.append(name, item);
      else if (item instanceof ArrayBuffer || ArrayBuffer.isView(item))
        form.append(name, new Blob([item as BlobPart]));
      else form.append(name, stringify(item));
    }
  }
  return form;
}

/** What toFile accepts: file contents in any form a runtime hands out. */
export type ToFileInput =
  | Blob
  | Response
  | ArrayBuffer
  | ArrayBufferView
  | string
  | ReadableStream<Uint8Array>
  | AsyncIterable<BlobPart>
  | Iterable<BlobPart>;

/**
 * A File for binary and multipart fields, from a Blob or File, a fetch Response, bytes, a string, a
 * web stream or any async iterable of chunks (Node's `fs.createReadStream(path)` included). The name
 * is `name`, else the File's name, the Response URL's last segment or a stream's `path`, else
 * 'unknown_file'; the type is `options.type`, else the Blob's or Response's own.
 */
export async function toFile(
  value: ToFileInput | PromiseLike<ToFileInput>,
  name?: string | null,
  options: FilePropertyBag = {},
): Promise<File> {
  const input = await value;
  const fileName = name ?? nameOf(input) ?? 'unknown_file';
  if (input instanceof Blob) {
    return new File([input], fileName, { ...options, type: options.type ?? input.type });
  }
  if (input instanceof Response) {
    const blob = await input.blob();
    return new File([blob], fileName, { ...options, type: options.type ?? blob.type });
  }
  if (typeof input === 'string' || input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
    return new File([input as BlobPart], fileName, options);
  }
  return new File(await collect(input), fileName, options);
}

function nameOf(input: unknown): string | undefined {
  if (typeof File !== 'undefined' && input instanceof File && input.name !== '') return input.name;
  if (input instanceof Response && input.url !== '') return lastSegment(new URL(input.url).pathname);
  // Node's fs.ReadStream carries the path it reads.
  const { path } = (typeof input === 'object' && input !== null ? input : {}) as { path?: unknown };
  if (typeof path === 'string' && path !== '') return lastSegment(path);
  return undefined;
}

function lastSegment(path: string): string | undefined {
  return path.split(/[\\/]/).filter(Boolean).pop();
}

async function collect(
  input: ReadableStream<Uint8Array> | AsyncIterable<BlobPart> | Iterable<BlobPart>,
): Promise<BlobPart[]> {
  const parts: BlobPart[] = [];
  if (typeof ReadableStream !== 'undefined' && input instanceof ReadableStream) {
    // Not every runtime makes web streams async-iterable.
    const reader = input.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      parts.push(chunk.value as BlobPart);
    return parts;
  }
  if (Symbol.asyncIterator in input) {
    for await (const chunk of input as AsyncIterable<BlobPart>) parts.push(chunk);
    return parts;
  }
  return [...(input as Iterable<BlobPart>)];
}

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
      // ArrayBufferView<SharedArrayBuffer> is not a BufferSource in the DOM typings, but fetch sends any view.
      return { body: body.value as BodyInit, contentType: body.contentType, replayable };
    }
  }
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

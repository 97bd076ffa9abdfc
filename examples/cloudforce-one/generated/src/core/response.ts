// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.
/** Reading response bodies, bounded in size and checked against what the operation declares. */
import {
  APIConnectionTimeoutError,
  APIUserAbortError,
  InvalidResponseError,
  ResponseTooLargeError,
} from './errors.js';
import { capText, type Redactor } from './redact.js';

/** What reading a body needs to know besides the response. */
export interface ReadContext {
  readonly method: string;
  /** The operation, for error messages. */
  readonly operationId: string;
  /**
   * What the operation's success response is declared as: a media type, or 'json' for operations
   * that unwrap an envelope field. Undefined: go by the response's own Content-Type.
   */
  readonly declared: string | undefined;
  /** Bytes read at most; beyond it reading stops with ResponseTooLargeError. */
  readonly limit: number;
  readonly redactor: Redactor;
}

/** Characters of an unexpected body quoted in InvalidResponseError's message. */
const SNIPPET_LIMIT = 200;
const SNIPPET_BYTES = 4 * SNIPPET_LIMIT;

/**
 * The body of a successful response: undefined when there is none, parsed JSON where JSON is
 * declared (or, with nothing declared, where the response says JSON), a string for `text/*`, and a
 * Blob for anything else. Where JSON is declared, a body without Content-Type (or `text/plain`) is
 * accepted when it parses as JSON; anything else is an InvalidResponseError, never a silent string.
 */
export async function readBody(response: Response, context: ReadContext): Promise<unknown> {
  const { status, headers } = response;
  if (
    context.method === 'HEAD' ||
    status === 204 ||
    status === 205 ||
    headers.get('content-length') === '0'
  ) {
    await response.body?.cancel();
    return undefined;
  }
  const mediaType = mediaTypeOf(headers.get('content-type'));
  const expected = kindOf(context.declared) ?? kindOf(mediaType) ?? 'binary';
  if (expected === 'json') {
    const lenient = mediaType === '' || mediaType === 'text/plain';
    if (!lenient && kindOf(mediaType) !== 'json') {
      // Enough of the body to show what it is (a login page, a proxy's error), not all of it.
      const text = decode((await readLimited(response, { ...context, limit: SNIPPET_BYTES }, false)).bytes);
      throw invalid(
        response,
        context,
        mediaType,
        `is ${mediaType}, not the JSON the operation declares`,
        text,
      );
    }
    const text = decode((await readLimited(response, context)).bytes);
    if (text === '') return undefined;
    try {
      return JSON.parse(text);
    } catch (error) {
      const problem = mediaType === '' ? 'has no Content-Type and is not JSON' : `is not valid JSON`;
      throw invalid(response, context, mediaType, problem, text, error);
    }
  }
  const { bytes } = await readLimited(response, context);
  if (expected === 'text') return decode(bytes);
  return new Blob([bytes as BlobPart], mediaType === '' ? {} : { type: mediaType });
}

/**
 * The body of an error response, whatever its content type claims (proxies and gateways often send
 * JSON errors as text/plain, or HTML as application/json): JSON when it parses, else the text. A body
 * beyond the size limit is cut there and kept as text: the status matters more than the rest of it.
 */
export async function readErrorBody(response: Response, context: ReadContext): Promise<unknown> {
  let text: string;
  try {
    const { bytes, truncated } = await readLimited(response, context, false);
    text = decode(bytes);
    if (truncated) return text;
  } catch (error) {
    // A timeout or abort must surface as such; any other read failure should not hide the status.
    if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) throw error;
    return undefined;
  }
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Reads at most `context.limit` bytes. Past it, cancels the body (releasing the connection) and
 * either rejects with ResponseTooLargeError or, when `strict` is false, returns what it read.
 */
async function readLimited(
  response: Response,
  context: ReadContext,
  strict = true,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const { limit } = context;
  const tooLarge = () =>
    new ResponseTooLargeError(response.status, context.redactor.headers(response.headers), limit);
  const declaredLength = Number(response.headers.get('content-length') ?? NaN);
  if (strict && declaredLength > limit) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (response.body === null) return { bytes: new Uint8Array(), truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > limit) {
      await reader.cancel();
      if (strict) throw tooLarge();
      chunks.push(value.subarray(0, limit - size));
      return { bytes: concat(chunks, limit), truncated: true };
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return { bytes: concat(chunks, size), truncated: false };
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

function invalid(
  response: Response,
  context: ReadContext,
  mediaType: string,
  problem: string,
  text: string,
  cause?: unknown,
): InvalidResponseError {
  const snippet =
    text === '' ? '' : `: ${JSON.stringify(capText(context.redactor.text(text), SNIPPET_LIMIT))}`;
  return new InvalidResponseError(
    response.status,
    context.redactor.headers(response.headers),
    mediaType,
    `The ${response.status} response of operation ${context.operationId} ${problem}${snippet}`,
    cause === undefined ? undefined : { cause },
  );
}

/** `type/subtype` in lower case, without parameters; '' when there is none. */
function mediaTypeOf(contentType: string | null | undefined): string {
  return contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
}

function kindOf(mediaType: string | undefined): 'json' | 'text' | 'binary' | undefined {
  if (mediaType === undefined || mediaType === '') return undefined;
  const type = mediaTypeOf(mediaType);
  if (type === 'json' || type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type.startsWith('text/')) return 'text';
  return 'binary';
}

// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.
/** Reading response bodies. */
import { SDKError } from './errors.js';

/**
 * The body of a successful response: undefined when there is none, parsed JSON for JSON media types,
 * a string for `text/*`, and a Blob (ArrayBuffer where Blob is unavailable) for anything else.
 */
export async function readBody(response: Response, method: string): Promise<unknown> {
  const { status, headers } = response;
  if (method === 'HEAD' || status === 204 || status === 205 || headers.get('content-length') === '0') {
    return undefined;
  }
  const mediaType = headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) {
    const text = await response.text();
    if (text === '') return undefined;
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new SDKError(`Could not parse the ${status} response body as JSON`, { cause: error });
    }
  }
  if (mediaType.startsWith('text/')) return response.text();
  return typeof response.blob === 'function' ? response.blob() : response.arrayBuffer();
}

/**
 * The body of an error response, whatever its content type claims (proxies and gateways often send
 * JSON errors as text/plain, or HTML as application/json): JSON when it parses, else the text.
 */
export async function readErrorBody(response: Response): Promise<unknown> {
  // An unreadable error body should not hide the status, so it reads as empty.
  const text = await response.text().catch(() => '');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

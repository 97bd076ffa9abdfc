/** One attempt at a request: fetch, bounded by a timeout, with redirects followed by hand. */
import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, SDKError } from './errors.js';

/** Any fetch-compatible function; the SDK always calls it with a URL string. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface Attempt {
  readonly fetch: Fetch;
  readonly url: string;
  /** method, headers, body and any caller-supplied fetch options. */
  readonly init: RequestInit & { readonly method: string; readonly headers: Headers };
  /** False when the body is a stream that cannot be sent a second time. */
  readonly replayable: boolean;
  readonly timeout: number;
  readonly signal: AbortSignal | undefined;
  /** Header and query names carrying credentials, dropped once a redirect leaves the origin. */
  readonly credentialHeaders: readonly string[];
  readonly credentialQuery: readonly string[];
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;
/** Dropped on cross-origin redirects even when set by the caller rather than by a security scheme. */
const SENSITIVE_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

/**
 * Resolves with the final response (any status) or rejects with APIUserAbortError,
 * APIConnectionTimeoutError or APIConnectionError. The timeout and `signal` cover the request up to
 * the response headers; the body is read later, outside this attempt.
 */
export async function sendAttempt(attempt: Attempt): Promise<Response> {
  const { signal, timeout } = attempt;
  if (signal?.aborted) throw new APIUserAbortError();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await followRedirects(attempt, controller.signal);
  } catch (error) {
    if (signal?.aborted) throw new APIUserAbortError();
    if (timedOut) throw new APIConnectionTimeoutError();
    if (error instanceof SDKError) throw error;
    throw new APIConnectionError(undefined, { cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * `redirect: 'follow'` would forward API keys to whatever host a redirect names, so redirects are
 * followed here instead: credentials are dropped for good once the chain leaves the original origin.
 * After MAX_REDIRECTS the redirect response itself is returned (and becomes an APIError).
 */
async function followRedirects(attempt: Attempt, signal: AbortSignal): Promise<Response> {
  const origin = new URL(attempt.url).origin;
  const headers = new Headers(attempt.init.headers);
  let { method } = attempt.init;
  let body = attempt.init.body ?? null;
  let url = attempt.url;
  let leftOrigin = false;
  for (let redirects = 0; ; redirects++) {
    const init = { ...attempt.init, method, headers, body, signal, redirect: 'manual' as const };
    // Node's fetch refuses a stream body unless told it is sent half-duplex.
    const response = await attempt.fetch(
      url,
      attempt.replayable ? init : ({ ...init, duplex: 'half' } as RequestInit),
    );
    if (response.type === 'opaqueredirect') {
      throw new SDKError(
        'The server redirected the request, and this runtime does not let the SDK follow redirects safely',
      );
    }
    const location = response.headers.get('location');
    if (!REDIRECT_STATUSES.has(response.status) || location === null || redirects === MAX_REDIRECTS)
      return response;
    const keepsMethod = response.status === 307 || response.status === 308;
    if (keepsMethod && body != null && !attempt.replayable) return response;
    await response.body?.cancel();

    const next = new URL(location, url);
    leftOrigin ||= next.origin !== origin;
    if (leftOrigin) {
      for (const name of [...SENSITIVE_HEADERS, ...attempt.credentialHeaders]) headers.delete(name);
      for (const name of attempt.credentialQuery)
        if (next.searchParams.has(name)) next.searchParams.delete(name);
    }
    // As browsers do: 303 turns into GET, and so do 301/302 after a POST.
    if (!keepsMethod && (response.status === 303 ? method !== 'HEAD' : method === 'POST')) {
      method = 'GET';
      body = null;
      headers.delete('content-type');
    }
    url = next.href;
  }
}

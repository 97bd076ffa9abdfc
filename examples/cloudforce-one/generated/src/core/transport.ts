// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.
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
 * APIConnectionTimeoutError or APIConnectionError. The timeout and `signal` cover the whole attempt,
 * reading the body included: a body that stalls or drips after the headers fails at the deadline, and
 * reading it rejects with the same errors (never with a runtime's own AbortError or TypeError).
 */
export async function sendAttempt(attempt: Attempt): Promise<Response> {
  const { signal } = attempt;
  if (signal?.aborted) throw new APIUserAbortError();
  const guard = new AttemptGuard(attempt.timeout, signal);
  let response: Response;
  try {
    response = await followRedirects(attempt, guard.signal);
  } catch (error) {
    guard.release();
    if (guard.failure !== undefined) throw guard.failure;
    if (error instanceof SDKError) throw error;
    throw new APIConnectionError(undefined, { cause: error });
  }
  return guardBody(response, guard);
}

/** The deadline and the caller's signal for one attempt, from sending until the body is read. */
class AttemptGuard {
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #signal: AbortSignal | undefined;
  readonly #onAbort = () => this.#fail(new APIUserAbortError());
  #onFailure: ((error: SDKError) => void) | undefined;
  /** Why the attempt was cut short, once it was. */
  failure: SDKError | undefined;

  constructor(timeout: number, signal: AbortSignal | undefined) {
    this.#timer = setTimeout(() => this.#fail(new APIConnectionTimeoutError()), timeout);
    this.#signal = signal;
    signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Called with the failure when the deadline passes or the caller aborts, if that happens later. */
  onFailure(listener: (error: SDKError) => void): void {
    this.#onFailure = listener;
    // Once headers are in, an open socket keeps the process alive anyway; a raw response whose body
    // nobody reads must not keep it alive until the deadline.
    (this.#timer as { unref?: () => void }).unref?.();
  }

  release(): void {
    clearTimeout(this.#timer);
    this.#signal?.removeEventListener('abort', this.#onAbort);
    this.#onFailure = undefined;
  }

  #fail(error: SDKError): void {
    if (this.failure !== undefined) return;
    this.failure = error;
    const listener = this.#onFailure;
    this.release();
    this.#controller.abort();
    listener?.(error);
  }
}

/** Statuses whose Response cannot carry a body (the constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The response with its body passed through a stream the guard can fail, so that the deadline and
 * the signal apply while it is read, whoever reads it and whatever fetch produced it.
 */
function guardBody(response: Response, guard: AttemptGuard): Response {
  const source = response.body;
  if (source === null || NULL_BODY_STATUSES.has(response.status)) {
    guard.release();
    return response;
  }
  const reader = source.getReader();
  let finished = false;
  let fail: (error: SDKError) => void = () => {};
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        fail = (error) => {
          if (finished) return;
          finished = true;
          guard.release();
          controller.error(error);
          reader.cancel(error).catch(() => {});
        };
        guard.onFailure(fail);
      },
      async pull(controller) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          fail(guard.failure ?? new APIConnectionError(undefined, { cause: error }));
          return;
        }
        if (finished) return;
        if (chunk.done) {
          finished = true;
          guard.release();
          controller.close();
        } else {
          controller.enqueue(chunk.value);
        }
      },
      cancel(reason) {
        finished = true;
        guard.release();
        return reader.cancel(reason);
      },
    },
    // Read from the network only when the consumer asks, so that the guard sees every wait.
    { highWaterMark: 0 },
  );
  const guarded = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // Constructed responses have an empty url; callers of asResponse() may want the real one.
  Object.defineProperties(guarded, {
    url: { value: response.url },
    redirected: { value: response.redirected },
  });
  return guarded;
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

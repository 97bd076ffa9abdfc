// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.
/**
 * When to retry, and how long to wait first.
 *
 * A request is retried only when sending it again cannot do something twice:
 * - idempotent methods (GET, HEAD, OPTIONS, TRACE, PUT, DELETE) and requests that carry an
 *   idempotency key: on connection errors, timeouts, 408, 409, 429 and 5xx;
 * - POST and PATCH without a key: only when the connection could not be made at all (refused,
 *   unknown host, unreachable network), since any later failure may come after the server acted.
 * `x-should-retry: true` / `false` from the server overrides the status rules for every method.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } from './errors.js';

const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** Server-requested delays beyond this are ignored in favour of our own backoff. */
const MAX_SERVER_DELAY_MS = 60_000;

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

/** Whether sending the request twice has the effect of sending it once (RFC 9110 9.2.2, or a key). */
export function isIdempotent(method: string, hasIdempotencyKey: boolean): boolean {
  return hasIdempotencyKey || IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * Transient statuses, for requests that are safe to repeat, unless the server says otherwise with
 * `x-should-retry` (which it may say about any request: it knows whether it acted).
 */
export function shouldRetry(response: Response, idempotent = true): boolean {
  const override = response.headers.get('x-should-retry');
  if (override === 'true') return true;
  if (override === 'false') return false;
  if (!idempotent) return false;
  const { status } = response;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Error codes (Node, undici, Bun, Deno) that mean no connection was made, so nothing was sent. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ConnectionRefused',
]);

/** Whether a failed attempt may be repeated: see the rules at the top of this file. */
export function shouldRetryError(error: unknown, idempotent: boolean): boolean {
  if (!(error instanceof APIConnectionError)) return false;
  if (idempotent) return true;
  return !(error instanceof APIConnectionTimeoutError) && neverConnected(error);
}

function neverConnected(error: unknown): boolean {
  // fetch wraps the system error in one or two TypeErrors; the code sits at the bottom.
  for (let cause = error, depth = 0; cause instanceof Error && depth < 8; depth++) {
    const { code } = cause as { code?: unknown };
    if (typeof code === 'string' && NOT_CONNECTED.has(code)) return true;
    cause = cause.cause;
  }
  return false;
}

/** A fresh key for one logical request, reused by all its retries (a v4 UUID). */
export function newIdempotencyKey(): string {
  const { crypto } = globalThis;
  // randomUUID exists only in secure contexts in browsers; getRandomValues everywhere.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The wait before retry number `retriesSoFar + 1`: the server's `retry-after-ms` / `retry-after` when
 * it is within (0, 60 s], else exponential backoff from 0.5 s capped at 8 s, with up to 25% jitter
 * so that clients failing together do not retry together.
 */
export function retryDelay(retriesSoFar: number, headers?: Headers): number {
  const requested = headers === undefined ? undefined : serverDelay(headers);
  if (requested !== undefined && requested > 0 && requested <= MAX_SERVER_DELAY_MS) return requested;
  return Math.min(INITIAL_DELAY_MS * 2 ** retriesSoFar, MAX_DELAY_MS) * (1 - Math.random() * 0.25);
}

function serverDelay(headers: Headers): number | undefined {
  const ms = parseFloat(headers.get('retry-after-ms') ?? '');
  if (!Number.isNaN(ms)) return ms;
  const retryAfter = headers.get('retry-after')?.trim();
  if (!retryAfter) return undefined;
  // Either delta-seconds or an HTTP date.
  const seconds = Number(retryAfter);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : date - Date.now();
}

/** Resolves after `ms`, or rejects with APIUserAbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new APIUserAbortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

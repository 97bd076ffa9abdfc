// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.
/** When to retry, and how long to wait first. */
import { APIUserAbortError } from './errors.js';

const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** Server-requested delays beyond this are ignored in favour of our own backoff. */
const MAX_SERVER_DELAY_MS = 60_000;

/** Transient statuses, unless the server says otherwise with `x-should-retry`. */
export function shouldRetry(response: Response): boolean {
  const override = response.headers.get('x-should-retry');
  if (override === 'true') return true;
  if (override === 'false') return false;
  const { status } = response;
  return status === 408 || status === 409 || status === 429 || status >= 500;
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

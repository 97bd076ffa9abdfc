import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  BadRequestError,
  InternalServerError,
  RateLimitError,
} from '../../templates/core/errors.js';
import { retryDelay } from '../../templates/core/retry.js';
import { SECRETS, TestClient, get, json, publicOp, startServer, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const client = (options: ConstructorParameters<typeof TestClient>[0] = {}) =>
  new TestClient({ ...SECRETS, baseURL: server.url, ...options });

/** Fails `failures` times with `status` (asking for a 1 ms retry delay), then succeeds. */
function failThenSucceed(failures: number, status: number, headers: http.OutgoingHttpHeaders = { 'retry-after-ms': '1' }) {
  server.handle((_req, res) => {
    if (server.requests.length <= failures) json(res, status, { error: 'transient' }, headers);
    else json(res, 200, { ok: true });
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('retries', () => {
  it.each([500, 503, 429, 408, 409])('retries %i up to maxRetries, counting attempts in x-retry-count', async (status) => {
    failThenSucceed(2, status);
    expect(await client().request(get('/x'), publicOp)).toEqual({ ok: true });
    expect(server.requests.map((r) => r.headers['x-retry-count'])).toEqual(['0', '1', '2']);
  });

  it('gives up after maxRetries with the last error', async () => {
    failThenSucceed(10, 429);
    const error = await rejection(client({ maxRetries: 1 }).request(get('/x'), publicOp));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(2);
  });

  it('honours a per-request maxRetries', async () => {
    failThenSucceed(10, 500);
    expect(await rejection(client().request(get('/x'), publicOp, { maxRetries: 0 }))).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry 400', async () => {
    failThenSucceed(10, 400);
    expect(await rejection(client().request(get('/x'), publicOp))).toBeInstanceOf(BadRequestError);
    expect(server.requests).toHaveLength(1);
  });

  it('lets x-should-retry force and veto a retry', async () => {
    failThenSucceed(1, 400, { 'x-should-retry': 'true', 'retry-after-ms': '1' });
    expect(await client().request(get('/x'), publicOp)).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);

    server.reset();
    failThenSucceed(1, 503, { 'x-should-retry': 'false', 'retry-after-ms': '1' });
    expect(await rejection(client().request(get('/x'), publicOp))).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('waits retry-after-ms, and retry-after seconds', async () => {
    failThenSucceed(1, 503, { 'retry-after-ms': '150' });
    let start = performance.now();
    await client().request(get('/x'), publicOp);
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);

    server.reset();
    failThenSucceed(1, 503, { 'retry-after': '0.2' });
    start = performance.now();
    await client().request(get('/x'), publicOp);
    expect(performance.now() - start).toBeGreaterThanOrEqual(190);
  });

  it('is not retried when the body is a stream that was already sent', async () => {
    failThenSucceed(10, 500);
    const stream = new Blob(['abc']).stream();
    const request = { method: 'POST', path: '/x', query: [], headers: {}, body: { type: 'binary', value: stream, contentType: 'text/plain' } } as const;
    expect(await rejection(client().request(request, publicOp))).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body.toString()).toBe('abc');
  });
});

describe('retryDelay', () => {
  it('uses the server delay only when within (0, 60 s]', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const headers = (init: Record<string, string>) => new Headers(init);
    expect(retryDelay(0, headers({ 'retry-after-ms': '250' }))).toBe(250);
    expect(retryDelay(0, headers({ 'retry-after': '3' }))).toBe(3000);
    const date = new Date(Date.now() + 10_000).toUTCString();
    expect(retryDelay(0, headers({ 'retry-after': date }))).toBeGreaterThan(8000);
    expect(retryDelay(0, headers({ 'retry-after': '120' }))).toBe(500);
    expect(retryDelay(0, headers({ 'retry-after-ms': '0' }))).toBe(500);
    expect(retryDelay(1, headers({ 'retry-after': 'soon' }))).toBe(1000);
  });

  it('backs off exponentially up to 8 s with at most 25% jitter', () => {
    const random = vi.spyOn(Math, 'random').mockReturnValue(0);
    expect([0, 1, 2, 3, 4, 5].map((n) => retryDelay(n))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    random.mockReturnValue(0.999999);
    expect(retryDelay(0)).toBeCloseTo(375, 0);
  });

  it('is what the client sleeps between connection-error retries', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const fetch = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    const result = rejection(client({ fetch }).request(get('/x'), publicOp));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetch).toHaveBeenCalledTimes(3);
    const error = await result;
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });
});

describe('timeouts and aborts', () => {
  it('times out each attempt, retries, then throws APIConnectionTimeoutError', async () => {
    server.handle(() => {
      /* never answers */
    });
    const c = client({ timeout: 60_000 });
    const error = await rejection(c.request(get('/slow'), publicOp, { timeout: 50, maxRetries: 1 }));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.requests).toHaveLength(2);
  });

  it('uses the client timeout by default', async () => {
    server.handle(() => {});
    const error = await rejection(client({ timeout: 50, maxRetries: 0 }).request(get('/slow'), publicOp));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('aborts at once via signal with APIUserAbortError, without retrying', async () => {
    server.handle(() => {});
    const controller = new AbortController();
    const promise = rejection(client().request(get('/slow'), publicOp, { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const start = performance.now();
    controller.abort();
    expect(await promise).toBeInstanceOf(APIUserAbortError);
    expect(performance.now() - start).toBeLessThan(100);
    expect(server.requests).toHaveLength(1);
  });

  it('aborts during a backoff sleep', async () => {
    failThenSucceed(10, 500, { 'retry-after-ms': '5000' });
    const controller = new AbortController();
    const promise = rejection(client().request(get('/x'), publicOp, { signal: controller.signal }));
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    expect(await promise).toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(1);
  });

  it('does not send at all when the signal is already aborted', async () => {
    expect(await rejection(client().request(get('/x'), publicOp, { signal: AbortSignal.abort() }))).toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('connection errors', () => {
  it('retries a refused connection, then throws APIConnectionError', async () => {
    // Reserve a port, then close it so that connecting is refused.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    const attempts: string[] = [];
    const fetch = (url: string, init: RequestInit) => {
      attempts.push(new Headers(init.headers).get('x-retry-count')!);
      return globalThis.fetch(url, init);
    };
    const error = await rejection(client({ baseURL: `http://127.0.0.1:${port}`, fetch, maxRetries: 1 }).request(get('/x'), publicOp));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(attempts).toEqual(['0', '1']);
  });
});

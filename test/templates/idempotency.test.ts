/**
 * Retries never repeat a request that may have had an effect: POST and PATCH are retried after a
 * response or a timeout only when they carry an idempotency key.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { APIConnectionError, APIConnectionTimeoutError, InternalServerError } from '../../templates/core/errors.js';
import { V4PagePagination } from '../../templates/core/pagination.js';
import type { BuiltRequest, HTTPMethod } from '../../templates/core/types.js';
import { json, publicOp, rejection, useServer } from './helpers.js';

const harness = useServer({ maxRetries: 2 });
const client = harness.client;

const send = (method: HTTPMethod): BuiltRequest => ({
  method,
  path: '/things',
  query: [],
  headers: {},
  ...(method === 'GET' || method === 'DELETE' ? {} : { body: { type: 'json', value: { name: 'x' } } }),
});

/** Answers `status` to the first `failures` requests, then 200. */
function failThenSucceed(failures: number, status = 503) {
  harness.server.handle((_req, res) => {
    if (harness.server.requests.length <= failures) json(res, status, { error: 'transient' }, { 'retry-after-ms': '1' });
    else json(res, 200, { ok: true });
  });
}

const keys = (name = 'idempotency-key') => harness.server.requests.map((r) => r.headers[name]);

describe('without an idempotency key', () => {
  it.each(['POST', 'PATCH'] as const)('does not retry %s after a 5xx or 429', async (method) => {
    failThenSucceed(1, 503);
    expect(await rejection(client().request(send(method), publicOp))).toBeInstanceOf(InternalServerError);
    expect(harness.server.requests).toHaveLength(1);
    harness.server.reset();
    failThenSucceed(1, 429);
    await rejection(client().request(send(method), publicOp));
    expect(harness.server.requests).toHaveLength(1);
  });

  it('does not retry a POST that timed out (the server may have acted on it)', async () => {
    harness.server.handle(() => {});
    const error = await rejection(client({ timeout: 80 }).request(send('POST'), publicOp));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(harness.server.requests).toHaveLength(1);
  });

  it('does not retry a POST whose connection dropped after it was sent', async () => {
    harness.server.handle((_req, res) => res.socket?.destroy());
    const error = await rejection(client().request(send('POST'), publicOp));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(harness.server.requests).toHaveLength(1);
  });

  it('retries a POST whose connection was refused (nothing was sent)', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    let attempts = 0;
    const fetch = (url: string, init: RequestInit) => {
      attempts++;
      return globalThis.fetch(url, init);
    };
    const c = client({ baseURL: `http://127.0.0.1:${port}`, fetch, maxRetries: 1 });
    expect(await rejection(c.request(send('POST'), publicOp))).toBeInstanceOf(APIConnectionError);
    expect(attempts).toBe(2);
  });

  it.each(['GET', 'PUT', 'DELETE'] as const)('still retries idempotent %s after a 5xx', async (method) => {
    failThenSucceed(2);
    expect(await client().request(send(method), publicOp)).toEqual({ ok: true });
    expect(harness.server.requests).toHaveLength(3);
    expect(keys()).toEqual([undefined, undefined, undefined]);
  });

  it('retries a POST when the server says x-should-retry: true', async () => {
    harness.server.handle((_req, res) => {
      if (harness.server.requests.length === 1) json(res, 503, {}, { 'x-should-retry': 'true', 'retry-after-ms': '1' });
      else json(res, 200, { ok: true });
    });
    expect(await client().request(send('POST'), publicOp)).toEqual({ ok: true });
    expect(harness.server.requests).toHaveLength(2);
  });
});

describe('with an idempotency key', () => {
  it('retries a POST with a per-call key, sending the same key on every attempt', async () => {
    failThenSucceed(2);
    expect(await client().request(send('POST'), publicOp, { idempotencyKey: 'order-42' })).toEqual({ ok: true });
    expect(keys()).toEqual(['order-42', 'order-42', 'order-42']);
  });

  it('retries a timed-out PATCH that carries a key', async () => {
    harness.server.handle((_req, res) => {
      if (harness.server.requests.length === 1) return; // the first attempt never answers
      json(res, 200, { ok: true });
    });
    const c = client({ timeout: 100 });
    expect(await c.request(send('PATCH'), publicOp, { idempotencyKey: 'k-1' })).toEqual({ ok: true });
    expect(keys()).toEqual(['k-1', 'k-1']);
  });

  it('generates one key per call in the client-wide header, reused across retries', async () => {
    failThenSucceed(1);
    const c = client({ idempotencyHeader: 'X-Idempotency-Key' });
    await c.request(send('POST'), publicOp);
    await c.request(send('POST'), publicOp);
    await c.request(send('GET'), publicOp);
    const [first, retry, second, get] = keys('x-idempotency-key');
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(retry).toBe(first);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
    expect(get).toBeUndefined();
    expect(harness.server.requests.every((r) => r.headers['idempotency-key'] === undefined)).toBe(true);
  });

  it('lets a per-call key override the generated one, and counts a key set as a plain header', async () => {
    failThenSucceed(1);
    await client({ idempotencyHeader: 'X-Idempotency-Key' }).request(send('POST'), publicOp, { idempotencyKey: 'mine' });
    expect(keys('x-idempotency-key')).toEqual(['mine', 'mine']);
    harness.server.reset();
    failThenSucceed(1);
    await client().request(send('POST'), publicOp, { headers: { 'Idempotency-Key': 'by-hand' } });
    expect(keys()).toEqual(['by-hand', 'by-hand']);
  });

  it('does not reuse a per-call key for the next page of a list', async () => {
    harness.server.handle((req, res) => {
      const page = Number(new URL(req.url, 'http://x').searchParams.get('page') ?? 1);
      json(res, 200, { result: [page], result_info: { page, total_pages: 2 } });
    });
    const first = await harness
      .client()
      .requestPage(V4PagePagination<number>, send('POST'), { ...publicOp, unwrap: 'result' }, { idempotencyKey: 'list-1' });
    await first.getNextPage();
    expect(keys()).toEqual(['list-1', undefined]);
  });
});

/**
 * Every wait is bounded: the timeout and the caller's signal cover the whole attempt, reading the
 * body included, whoever reads it.
 */
import { describe, expect, it } from 'vitest';
import { APIConnectionTimeoutError, APIUserAbortError, InternalServerError } from '../../templates/core/errors.js';
import { get, publicOp, rejection, timedRejection, useServer } from './helpers.js';

const harness = useServer({ maxRetries: 0 });
const client = harness.client;

/** Sends the headers and the start of a JSON body, then nothing more. */
function stallAfterHeaders(status = 200) {
  harness.server.handle((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.write('{"result": [');
  });
}

/** Sends one byte every `everyMs` for much longer than any timeout here. */
function drip(everyMs: number) {
  harness.server.handle((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('[');
    const timer = setInterval(() => res.write(' '), everyMs);
    res.on('close', () => clearInterval(timer));
  });
}

// Each test would hang (or run for seconds) without the fix; a short limit makes that a failure.
const FAST = 3_000;

describe('the timeout covers the body', () => {
  it('rejects with the timeout error at the timeout when the body stalls after the headers', async () => {
    stallAfterHeaders();
    const { ms, error } = await timedRejection(client({ timeout: 150 }).request(get('/x'), publicOp));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(ms).toBeGreaterThanOrEqual(140);
    expect(ms).toBeLessThan(1_000);
  }, FAST);

  it('rejects at the timeout when the body drips slowly', async () => {
    drip(20);
    const { ms, error } = await timedRejection(client({ timeout: 200 }).request(get('/x'), publicOp));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(ms).toBeLessThan(1_000);
  }, FAST);

  it('bounds reading the raw body of asResponse() too', async () => {
    stallAfterHeaders();
    const response = await client({ timeout: 150 }).request(get('/x'), publicOp).asResponse();
    expect(response.status).toBe(200);
    expect(await rejection(response.text())).toBeInstanceOf(APIConnectionTimeoutError);
  }, FAST);

  it('bounds reading an error body, which no retry follows once the time is up', async () => {
    stallAfterHeaders(500);
    const { ms, error } = await timedRejection(client({ timeout: 150 }).request(get('/x'), publicOp));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(ms).toBeLessThan(1_000);
  }, FAST);

  it('is per attempt: a stalled body is retried like a stalled response, then fails', async () => {
    stallAfterHeaders(503);
    const error = await rejection(client({ timeout: 100, maxRetries: 1 }).request(get('/x'), publicOp));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(harness.server.requests).toHaveLength(2);
  }, FAST);

  it('leaves a body that arrives in time alone, and the raw response keeps its url', async () => {
    harness.server.handle((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      setTimeout(() => res.end('{"errors":[]}'), 30);
    });
    expect(await rejection(client({ timeout: 1_000 }).request(get('/x'), publicOp))).toBeInstanceOf(InternalServerError);
    harness.server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
      setTimeout(() => res.end('1}'), 30);
    });
    const c = client({ timeout: 1_000 });
    expect(await c.request(get('/x'), publicOp)).toEqual({ a: 1 });
    const raw = await c.request(get('/x'), publicOp).asResponse();
    expect(raw.url).toBe(`${harness.server.url}/x`);
    expect(await raw.json()).toEqual({ a: 1 });
  }, FAST);
});

describe('the signal aborts at any point', () => {
  it('while the body is being read', async () => {
    stallAfterHeaders();
    const controller = new AbortController();
    const promise = client().request(get('/x'), publicOp, { signal: controller.signal });
    const settled = rejection(promise);
    setTimeout(() => controller.abort(), 100);
    const { ms, error } = await timedRejection(settled.then((e) => Promise.reject(e)));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(ms).toBeLessThan(1_000);
  }, FAST);

  it('while the caller reads the raw body', async () => {
    stallAfterHeaders();
    const controller = new AbortController();
    const response = await client().request(get('/x'), publicOp, { signal: controller.signal }).asResponse();
    setTimeout(() => controller.abort(), 50);
    expect(await rejection(response.arrayBuffer())).toBeInstanceOf(APIUserAbortError);
  }, FAST);

  it('before the headers, and during a backoff sleep', async () => {
    harness.server.handle(() => {});
    const early = new AbortController();
    setTimeout(() => early.abort(), 50);
    expect(await rejection(client().request(get('/x'), publicOp, { signal: early.signal }))).toBeInstanceOf(APIUserAbortError);

    harness.server.reset();
    harness.server.handle((_req, res) => res.writeHead(503, { 'retry-after': '30' }).end());
    const backoff = new AbortController();
    const promise = rejection(client({ maxRetries: 2 }).request(get('/x'), publicOp, { signal: backoff.signal }));
    setTimeout(() => backoff.abort(), 150);
    const { ms, error } = await timedRejection(promise.then((e) => Promise.reject(e)));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(ms).toBeLessThan(1_000);
    expect(harness.server.requests).toHaveLength(1);
  }, FAST);
});

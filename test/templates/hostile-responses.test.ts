/**
 * Hostile or broken servers and bad input: error messages stay small and free of credentials,
 * responses are bounded in size, bad headers and params reject with typed errors, and a response
 * that is not what the operation declares is an error rather than a value of the wrong type.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  APIError,
  InternalServerError,
  InvalidHeaderError,
  InvalidResponseError,
  ParamError,
  ResponseTooLargeError,
  SDKError,
} from '../../templates/core/errors.js';
import type { OperationSpec } from '../../templates/core/types.js';
import {
  SECRETS,
  buildMessageCreateRequest,
  get,
  json,
  messageCreateOperation,
  publicOp,
  rejection,
  useServer,
} from './helpers.js';

const harness = useServer({ maxRetries: 0 });
const client = harness.client;

function reply(status: number, headers: Record<string, string | number>, body: string | Buffer) {
  harness.server.handle((_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  });
}

const secretValues = [...Object.values(SECRETS), Buffer.from(SECRETS.apiKey).toString('base64')];
const expectNoSecret = (text: string) => {
  for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
};

describe('error messages', () => {
  it('quote at most 2,000 characters of the body, saying how much was left out', async () => {
    const body = 'x'.repeat(5 * 1024 * 1024);
    reply(500, { 'content-type': 'text/plain' }, body);
    const error = (await rejection(client().request(get('/x'), publicOp))) as APIError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message.length).toBeLessThan(2_100);
    expect(error.message).toBe(`500 ${'x'.repeat(2_000)}… (${body.length - 2_000} more characters)`);
    expect(error.error).toBe(body);
  });

  it('redact credentials a server echoes in the body, the envelope errors and the headers', async () => {
    harness.server.handle((req, res) =>
      json(
        res,
        401,
        {
          success: false,
          errors: [{ code: 10000, message: `bad key ${req.headers['x-auth-key']} for ${req.headers['x-auth-email']}` }],
          echo: { headers: req.headers, url: `/x?key=${encodeURIComponent(SECRETS.apiKey)}` },
        },
        {
          'x-echo-key': `${SECRETS.apiKey}`,
          'x-auth-key': 'whatever the server says',
          'set-cookie': 'session=abc123; HttpOnly',
          'x-request-id': 'req-1',
        },
      ),
    );
    const error = (await rejection(client().messages.create('r', { account_id: 'a', content: 'x' }))) as APIError<number, Headers>;
    expect(error.status).toBe(401);
    expect(error.message).toBe('401 bad key [redacted] for [redacted]');
    const headers = Object.fromEntries(error.headers);
    expect(headers['x-echo-key']).toBe('[redacted]');
    expect(headers['x-auth-key']).toBe('[redacted]');
    expect(headers['set-cookie']).toBe('[redacted]');
    expect(headers['x-request-id']).toBe('req-1');
    const echo = (error.error as { echo: { headers: Record<string, string>; url: string } }).echo;
    expect(echo.headers['x-auth-key']).toBe('[redacted]');
    expect(echo.headers['content-type']).toBe('application/json');
    expect(echo.url).toBe('/x?key=[redacted]');
    for (const output of [error.message, String(error), inspect(error, { depth: 10 }), JSON.stringify(error.error), JSON.stringify(headers)]) {
      expectNoSecret(output);
    }
  });

  it('redact a bearer token and headers the caller set by hand', async () => {
    harness.server.handle((req, res) => json(res, 400, { got: req.headers }));
    const c = client({ apiKey: null, defaultHeaders: { 'X-Custom-Token': 'custom-5ecret-999' } });
    const error = (await rejection(c.request(get('/x'), { id: 'op', security: [['api_token']] }))) as APIError;
    const body = JSON.stringify(error.error);
    expect(body).not.toContain(SECRETS.apiToken);
    expect(body).not.toContain('custom-5ecret-999');
    expect(body).toContain('"authorization":"[redacted]"');
    expect(secretValues.some((secret) => error.message.includes(secret))).toBe(false);
  });
});

describe('response size', () => {
  it('rejects a body larger than maxResponseSize with ResponseTooLargeError, declared or not', async () => {
    reply(200, { 'content-type': 'application/json', 'content-length': 2_000 }, `"${'a'.repeat(1_998)}"`);
    const declared = await rejection(client({ maxResponseSize: 1_000 }).request(get('/x'), publicOp));
    expect(declared).toBeInstanceOf(ResponseTooLargeError);
    expect(declared).toBeInstanceOf(SDKError);
    expect((declared as ResponseTooLargeError).limit).toBe(1_000);
    expect((declared as Error).message).toContain('maxResponseSize (1000 bytes)');

    harness.server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }); // chunked: no length up front
      for (let i = 0; i < 10; i++) res.write(Buffer.alloc(500));
      res.end();
    });
    const streamed = await rejection(client({ maxResponseSize: 1_000 }).request(get('/x'), publicOp));
    expect(streamed).toBeInstanceOf(ResponseTooLargeError);
  });

  it('has a per-request override and a default of 32 MiB', async () => {
    reply(200, { 'content-type': 'application/json' }, JSON.stringify('b'.repeat(3_000)));
    const c = client({ maxResponseSize: 1_000 });
    expect(await c.request(get('/x'), publicOp, { maxResponseSize: 10_000 })).toBe('b'.repeat(3_000));
    expect(await rejection(client().request(get('/x'), publicOp, { maxResponseSize: 100 }))).toBeInstanceOf(
      ResponseTooLargeError,
    );
    expect(client().maxResponseSize).toBe(32 * 1024 * 1024);
  });

  it('cuts an error body at the limit and still reports the status', async () => {
    reply(503, { 'content-type': 'application/json' }, JSON.stringify({ detail: 'z'.repeat(5_000) }));
    const error = (await rejection(client({ maxResponseSize: 1_000 }).request(get('/x'), publicOp))) as APIError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(typeof error.error).toBe('string');
    expect((error.error as string).length).toBe(1_000);
  });

  it('leaves the raw body of asResponse() unlimited', async () => {
    reply(200, { 'content-type': 'application/octet-stream' }, Buffer.alloc(5_000));
    const raw = await client({ maxResponseSize: 1_000 }).request(get('/x'), publicOp).asResponse();
    expect((await raw.arrayBuffer()).byteLength).toBe(5_000);
  });
});

describe('headers that cannot be sent', () => {
  it.each([
    ['CR LF', 'abc\r\nX-Injected: 1'],
    ['LF', 'abc\nX-Injected: 1'],
    ['NUL', 'abc\u0000def'],
  ])('rejects a value with %s with InvalidHeaderError, without quoting it, sending nothing', async (_name, value) => {
    let promise: Promise<unknown> | undefined;
    expect(() => {
      promise = client().request(get('/x'), publicOp, { headers: { 'X-Trace': value } });
    }).not.toThrow();
    const error = await rejection(promise!);
    expect(error).toBeInstanceOf(InvalidHeaderError);
    expect((error as InvalidHeaderError).header).toBe('X-Trace');
    expect((error as Error).message).not.toContain('abc');
    expect(harness.server.requests).toHaveLength(0);
  });

  it('checks header params and default headers the same way', async () => {
    const param = await rejection(client().request({ ...get('/x'), headers: { 'X-Param': 'p-5ecret\r\n' } }, publicOp));
    expect(param).toBeInstanceOf(InvalidHeaderError);
    expect((param as Error).message).not.toContain('p-5ecret');
    const defaults = await rejection(client({ defaultHeaders: { 'X-Default': 'd\u0000' } }).request(get('/x'), publicOp));
    expect(defaults).toBeInstanceOf(InvalidHeaderError);
    const name = await rejection(client().request(get('/x'), publicOp, { headers: { 'Bad Name': 'v' } }));
    expect(name).toBeInstanceOf(InvalidHeaderError);
    expect(harness.server.requests).toHaveLength(0);
  });
});

describe('parameter errors', () => {
  it('reject the returned promise; the method call itself never throws', async () => {
    const c = client();
    let promise: Promise<unknown> | undefined;
    expect(() => {
      promise = c.messages.create('r', { account_id: 'x'.repeat(33), content: 'x' });
    }).not.toThrow();
    const error = await rejection(promise!);
    expect(error).toBeInstanceOf(ParamError);
    expect((error as ParamError).param).toBe('account_id');
    expect(await rejection(c.messages.create('..', { account_id: 'a', content: 'x' }))).toBeInstanceOf(ParamError);
    expect(harness.server.requests).toHaveLength(0);
  });

  it('reject from requestPage too, and a builder passed directly still works', async () => {
    const c = client();
    const page = c.requestPage(Object as never, () => buildMessageCreateRequest('..', { account_id: 'a', content: 'x' }), publicOp);
    expect(await rejection(page)).toBeInstanceOf(ParamError);
    harness.server.handle((_req, res) => json(res, 200, { success: true, result: { id: 1, content: 'x' } }));
    expect(await c.request(buildMessageCreateRequest('r', { account_id: 'a', content: 'x' }), messageCreateOperation)).toEqual({
      id: 1,
      content: 'x',
    });
  });
});

describe('responses that are not what the operation declares', () => {
  const jsonOp: OperationSpec = { ...publicOp, responseMediaType: 'application/json' };
  const envelopeOp: OperationSpec = { ...publicOp, unwrap: 'result' };

  it('rejects an HTML 200 where JSON is declared, quoting a short redacted snippet', async () => {
    reply(200, { 'content-type': 'text/html; charset=utf-8' }, `<html>Sign in, ${SECRETS.apiEmail}${'.'.repeat(5_000)}</html>`);
    for (const op of [jsonOp, envelopeOp]) {
      const error = (await rejection(client().request(get('/x'), op))) as InvalidResponseError;
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error.status).toBe(200);
      expect(error.contentType).toBe('text/html');
      expect(error.message).toMatch(/^The 200 response of operation public-op is text\/html, not the JSON the operation declares: "<html>Sign in, \[redacted\]\.+… \(\d+ more characters\)"$/);
    }
  });

  it('parses a 200 without Content-Type (or text/plain) when its body is JSON, else rejects', async () => {
    reply(200, {}, '{"result":{"id":3}}');
    expect(await client().request(get('/x'), envelopeOp)).toEqual({ id: 3 });
    reply(200, { 'content-type': 'text/plain' }, '{"result":{"id":4}}');
    expect(await client().request(get('/x'), envelopeOp)).toEqual({ id: 4 });
    reply(200, {}, 'not json');
    const error = (await rejection(client().request(get('/x'), jsonOp))) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toBe('The 200 response of operation public-op has no Content-Type and is not JSON: "not json"');
  });

  it('rejects declared JSON that does not parse with InvalidResponseError carrying the parse error', async () => {
    reply(200, { 'content-type': 'application/json' }, '{"result":');
    const error = (await rejection(client().request(get('/x'), jsonOp))) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('returns the declared kind for text and binary operations whatever the server labels it', async () => {
    reply(200, { 'content-type': 'application/json' }, '{"a":1}');
    expect(await client().request(get('/x'), { ...publicOp, responseMediaType: 'text/csv' })).toBe('{"a":1}');
    const blob = await client().request<Blob>(get('/x'), { ...publicOp, responseMediaType: 'application/pdf' });
    expect(blob).toBeInstanceOf(Blob);
    expect(await blob.text()).toBe('{"a":1}');
  });

  it('still goes by Content-Type when the operation declares nothing', async () => {
    reply(200, { 'content-type': 'text/html' }, '<p>hi</p>');
    expect(await client().request(get('/x'), publicOp)).toBe('<p>hi</p>');
  });
});

import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BaseClient } from '../../templates/core/client.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  MissingCredentialsError,
  NotFoundError,
  ParamError,
  PermissionDeniedError,
  RateLimitError,
  SDKError,
  UnprocessableEntityError,
} from '../../templates/core/errors.js';
import type { BuiltRequest, OperationSpec } from '../../templates/core/types.js';
import { SECRETS, TestClient, get, json, publicOp, startServer, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const client = (options: ConstructorParameters<typeof TestClient>[0] = {}) =>
  new TestClient({ ...SECRETS, baseURL: server.url, maxRetries: 0, ...options });

const authHeaders = (index = 0) => {
  const { headers } = server.requests[index]!;
  return { email: headers['x-auth-email'], key: headers['x-auth-key'], authorization: headers['authorization'] };
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('auth', () => {
  it("sends only the operation's first satisfied alternative", async () => {
    server.handle((_req, res) => json(res, 200, { success: true, errors: [], result: { id: 1, content: 'hi' } }));
    const message = await client().messages.create('req-1', { account_id: 'acc', content: 'hi' });
    expect(message).toEqual({ id: 1, content: 'hi' });
    expect(authHeaders()).toEqual({ email: SECRETS.apiEmail, key: SECRETS.apiKey, authorization: undefined });
    expect(server.requests[0]!.url).toBe('/accounts/acc/requests/req-1/message/new');
  });

  it('falls back to the default security when the operation declares none', async () => {
    await client({ apiKey: null }).request(get('/x'), { id: 'op' });
    expect(authHeaders()).toEqual({ email: undefined, key: undefined, authorization: `Bearer ${SECRETS.apiToken}` });
  });

  it('prefers the first alternative when several are configured', async () => {
    await client().request(get('/x'), { id: 'op' });
    expect(authHeaders()).toEqual({ email: SECRETS.apiEmail, key: SECRETS.apiKey, authorization: undefined });
  });

  it('sends nothing for an empty security list or an empty alternative', async () => {
    await client().request(get('/x'), publicOp);
    await client().request(get('/x'), { id: 'optional', security: [['api_token'], []] });
    expect(authHeaders(0)).toEqual({ email: undefined, key: undefined, authorization: undefined });
    expect(authHeaders(1)).toEqual({ email: undefined, key: undefined, authorization: undefined });
  });

  it('puts apiKey schemes in query and cookie, and base64-encodes basic credentials', async () => {
    const c = new BaseClient({
      baseURL: server.url,
      credentials: { q: 'qsecret', c1: 'one', c2: 'two', basic: 'üser:pa ss' },
      securitySchemes: {
        q: { type: 'apiKey', in: 'query', name: 'api_key' },
        c1: { type: 'apiKey', in: 'cookie', name: 'a' },
        c2: { type: 'apiKey', in: 'cookie', name: 'b' },
        basic: { type: 'http', scheme: 'basic' },
      },
    });
    await c.request(get('/x', [['p', '1']]), { id: 'op', security: [['q', 'c1', 'c2', 'basic']] });
    const request = server.requests[0]!;
    expect(request.url).toBe('/x?p=1&api_key=qsecret');
    expect(request.headers['cookie']).toBe('a=one; b=two');
    expect(request.headers['authorization']).toBe(`Basic ${Buffer.from('üser:pa ss').toString('base64')}`);
  });

  it('rejects before any request when no alternative is configured, naming the client options', async () => {
    const promise = client({ apiKey: null, apiToken: null }).messages.create('r', { account_id: 'a', content: 'x' });
    const error = await rejection(promise);
    expect(error).toBeInstanceOf(MissingCredentialsError);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toBe('No credentials for operation message-new: set apiEmail and apiKey');
    const defaultOp = await rejection(client({ apiKey: '', apiToken: null }).request(get('/x'), { id: 'op' }));
    expect((defaultOp as Error).message).toBe('No credentials for operation op: set apiEmail and apiKey, or apiToken');
    expect(server.requests).toHaveLength(0);
  });

  it('in `any` mode sends the configured part of a requirement, and still needs one credential', async () => {
    const withMode = (authMode: 'any' | undefined, credentials: Record<string, string | null>) =>
      new BaseClient({
        baseURL: server.url,
        maxRetries: 0,
        authMode,
        credentials,
        credentialOptions: { e: 'apiEmail', k: 'apiKey', t: 'apiToken' },
        securitySchemes: {
          e: { type: 'apiKey', in: 'header', name: 'X-Auth-Email' },
          k: { type: 'apiKey', in: 'header', name: 'X-Auth-Key' },
          t: { type: 'http', scheme: 'bearer' },
        },
      });
    const anyMode = (credentials: Record<string, string | null>) => withMode('any', credentials);
    // One requirement object naming all three schemes (as 436 of Cloudflare's operations do).
    const op: OperationSpec = { id: 'op', security: [['e', 'k', 't']] };
    await anyMode({ e: 'me@example.com', k: 'key', t: null }).request(get('/x'), op);
    expect(authHeaders(0)).toEqual({ email: 'me@example.com', key: 'key', authorization: undefined });
    await anyMode({ e: null, k: null, t: 'tok' }).request(get('/x'), op);
    expect(authHeaders(1)).toEqual({ email: undefined, key: undefined, authorization: 'Bearer tok' });
    // A fully configured alternative still wins over a partial one.
    await anyMode({ e: null, k: 'key', t: 'tok' }).request(get('/x'), { id: 'op', security: [['e', 'k'], ['t']] });
    expect(authHeaders(2)).toEqual({ email: undefined, key: undefined, authorization: 'Bearer tok' });
    const none = await rejection(anyMode({ e: null, k: '', t: null }).request(get('/x'), op));
    expect(none).toBeInstanceOf(MissingCredentialsError);
    expect((none as Error).message).toBe('No credentials for operation op: set apiEmail or apiKey or apiToken');
    // The default (`all`) mode keeps the strict check.
    const strict = withMode(undefined, { e: 'me@example.com', k: 'key', t: null });
    expect(await rejection(strict.request(get('/x'), op))).toBeInstanceOf(MissingCredentialsError);
    expect(server.requests).toHaveLength(3);
  });

  it('rejects credentials that cannot go in a header without quoting them', async () => {
    const error = await rejection(client({ apiToken: 'tok\r\nX-Evil: 1', apiKey: null }).request(get('/x'), { id: 'op' }));
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).not.toContain('tok');
    expect(server.requests).toHaveLength(0);
  });

  it('keeps credentials out of String(), JSON, inspection and error messages', async () => {
    server.handle((_req, res) => json(res, 401, { success: false, errors: [{ code: 10000, message: 'Authentication error' }] }));
    const c = client();
    const error = await rejection(c.messages.create('r', { account_id: 'a', content: 'x' }));
    const outputs = [
      String(c),
      JSON.stringify(c),
      JSON.stringify(c.messages),
      inspect(c, { showHidden: true, depth: 10 }),
      String(error),
      inspect(error, { depth: 10 }),
      JSON.stringify(error),
    ];
    for (const output of outputs) {
      for (const secret of Object.values(SECRETS)) expect(output).not.toContain(secret);
    }
    expect(String(c)).toContain(server.url);
    expect(JSON.parse(JSON.stringify(c))).toEqual({ baseURL: server.url, timeout: 60_000, maxRetries: 0 });
  });
});

describe('errors', () => {
  const cases: Array<[number, new (...args: never[]) => APIError]> = [
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [418, APIError],
  ];

  it.each(cases)('maps %i to %s with status, headers, body and envelope errors', async (status, ErrorClass) => {
    const errors = [{ code: 7003, message: 'Could not route' }];
    server.handle((_req, res) => json(res, status, { success: false, errors, result: null }, { 'x-request-id': 'abc' }));
    const error = (await rejection(client().request(get('/x'), publicOp))) as APIError<number, Headers>;
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(SDKError);
    expect(error.constructor).toBe(ErrorClass);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
    expect(error.headers.get('x-request-id')).toBe('abc');
    expect(error.error).toEqual({ success: false, errors, result: null });
    expect(error.errors).toEqual(errors);
    expect(error.message).toBe(`${status} Could not route`);
  });

  it('describes bodies without envelope errors by their JSON or text', async () => {
    server.handle((_req, res) => json(res, 404, { message: 'nope' }));
    const jsonError = (await rejection(client().request(get('/x'), publicOp))) as APIError;
    expect(jsonError.message).toBe('404 {"message":"nope"}');
    expect(jsonError.errors).toEqual([]);

    server.handle((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<h1>Bad gateway</h1>');
    });
    const textError = (await rejection(client().request(get('/x'), publicOp))) as APIError;
    expect(textError.error).toBe('<h1>Bad gateway</h1>');
    expect(textError.message).toBe('502 <h1>Bad gateway</h1>');

    server.handle((_req, res) => res.writeHead(400).end());
    const empty = (await rejection(client().request(get('/x'), publicOp))) as APIError;
    expect(empty.error).toBeUndefined();
    expect(empty.message).toBe('400 status code (no body)');
  });

  it('turns a 2xx envelope with success: false into an APIError', async () => {
    const errors = [{ code: 1001, message: 'Invalid zone' }];
    server.handle((_req, res) => json(res, 200, { success: false, errors, result: null }));
    const error = (await rejection(client().request(get('/x'), { ...publicOp, unwrap: 'result' }))) as APIError;
    expect(error.constructor).toBe(APIError);
    expect(error.status).toBe(200);
    expect(error.errors).toEqual(errors);
    expect(error.message).toBe('200 Invalid zone');
  });

  it('makes connection, timeout and abort errors APIErrors without status or headers, under SDKError', async () => {
    const refused = await rejection(new TestClient({ baseURL: 'http://127.0.0.1:1', maxRetries: 0 }).request(get('/x'), publicOp));
    expect(refused).toBeInstanceOf(APIConnectionError);
    const server2 = await startServer();
    server2.handle(() => new Promise(() => {}));
    const timedOut = await rejection(new TestClient({ baseURL: server2.url, maxRetries: 0, timeout: 50 }).request(get('/x'), publicOp));
    const controller = new AbortController();
    controller.abort();
    const aborted = await rejection(client().request(get('/x'), publicOp, { signal: controller.signal }));
    await server2.close();
    expect(timedOut).toBeInstanceOf(APIConnectionTimeoutError);
    expect(aborted).toBeInstanceOf(APIUserAbortError);
    for (const error of [refused, timedOut, aborted] as APIError[]) {
      expect(error).toBeInstanceOf(APIError);
      expect(error).toBeInstanceOf(SDKError);
      expect(error.status).toBeUndefined();
      expect(error.headers).toBeUndefined();
      expect(error.errors).toEqual([]);
    }
    expect((refused as Error).message).toBe('Connection error.');
    expect((aborted as Error).message).toBe('Request was aborted.');
  });

  it('rejects with ParamError from builders before sending', async () => {
    expect(await rejection(client().messages.create('r', { account_id: 'x'.repeat(33), content: 'x' }))).toBeInstanceOf(ParamError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('responses', () => {
  it('sends when the method is called, once, whatever consumes the promise', async () => {
    const promise = client().request(get('/eager'), publicOp);
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    expect(await promise).toEqual({ ok: true });
    expect(await promise).toEqual({ ok: true });
    expect(await promise.asResponse()).toBeInstanceOf(Response);
    expect(server.requests).toHaveLength(1);
  });

  it('does not report an unhandled rejection for a call nobody awaits', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      server.handle((_req, res) => json(res, 500, {}));
      void client().request(get('/ignored'), publicOp);
      await vi.waitFor(() => expect(server.requests).toHaveLength(1));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('withResponse gives data and response; asResponse leaves the body unread', async () => {
    server.handle((_req, res) => json(res, 200, { result: { id: 7 } }, { 'x-trace': 't1' }));
    const c = client();
    const { data, response } = await c.request(get('/x'), { ...publicOp, unwrap: 'result' }).withResponse();
    expect(data).toEqual({ id: 7 });
    expect(response.headers.get('x-trace')).toBe('t1');
    const raw = await c.request(get('/x'), publicOp).asResponse();
    expect(raw.bodyUsed).toBe(false);
    expect(await raw.json()).toEqual({ result: { id: 7 } });
  });

  it('parses by media type', async () => {
    server.handle((req, res) => {
      const [status, type, body] = {
        '/json': [200, 'application/json; charset=utf-8', '{"a":1}'],
        '/problem': [200, 'application/problem+json', '{"b":2}'],
        '/text': [200, 'text/plain', 'hello'],
        '/bin': [200, 'application/octet-stream', '\u0001\u0002'],
        '/none': [204, undefined, ''],
      }[req.url!] as [number, string | undefined, string];
      res.writeHead(status, type === undefined ? {} : { 'content-type': type });
      res.end(body);
    });
    const c = client();
    expect(await c.request(get('/json'), publicOp)).toEqual({ a: 1 });
    expect(await c.request(get('/problem'), publicOp)).toEqual({ b: 2 });
    expect(await c.request(get('/text'), publicOp)).toBe('hello');
    const blob = await c.request<Blob>(get('/bin'), publicOp);
    expect(blob).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2]);
    expect(await c.request(get('/none'), publicOp)).toBeUndefined();
    expect(await c.request({ ...get('/json'), method: 'HEAD' }, publicOp)).toBeUndefined();
  });

  it('unwraps only when the property is present', async () => {
    server.handle((req, res) => json(res, 200, req.url === '/with' ? { result: [1, 2], success: true } : { other: 1 }));
    const op: OperationSpec = { ...publicOp, unwrap: 'result' };
    expect(await client().request(get('/with'), op)).toEqual([1, 2]);
    expect(await client().request(get('/without'), op)).toEqual({ other: 1 });
  });
});

describe('request building', () => {
  it('sends default headers, user agent and JSON content type', async () => {
    await client().messages.create('r', { account_id: 'a', content: 'hello' });
    const request = server.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.headers['accept']).toBe('application/json');
    expect(request.headers['user-agent']).toBe('test-sdk/1.2.3');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-retry-count']).toBe('0');
    expect(JSON.parse(request.body.toString())).toEqual({ content: 'hello' });
  });

  it('sends the operation\'s accepted media types as Accept, JSON by default, and lets a call override it', async () => {
    const c = client();
    await c.request(get('/a'), { ...publicOp, accept: 'application/octet-stream, text/plain' });
    await c.request(get('/b'), publicOp);
    await c.request(get('/c'), { ...publicOp, accept: 'text/csv' }, { headers: { Accept: 'text/plain' } });
    expect(server.requests.map((r) => r.headers['accept'])).toEqual(['application/octet-stream, text/plain', 'application/json', 'text/plain']);
  });

  it('merges client defaults and per-request overrides for headers and query', async () => {
    const c = client({ defaultHeaders: { 'X-Team': 'core', 'X-Drop': 'd' }, defaultQuery: { locale: 'en', keep: 1 } });
    const request: BuiltRequest = { method: 'GET', path: '/x', query: [['locale', 'fr'], ['tag', 'a'], ['tag', 'b']], headers: { 'X-Op': 'op' } };
    await c.request(request, publicOp, {
      headers: { 'X-Team': 'override', 'X-Drop': null, 'User-Agent': null },
      query: { tag: 'c', keep: null, extra: true },
    });
    const received = server.requests[0]!;
    expect(received.url).toBe('/x?locale=fr&tag=c&extra=true');
    expect(received.headers['x-team']).toBe('override');
    expect(received.headers['x-op']).toBe('op');
    expect(received.headers['x-drop']).toBeUndefined();
    // null removes the SDK's own header too (Node's fetch then sends its default agent).
    expect(received.headers['user-agent']).not.toBe('test-sdk/1.2.3');
  });

  it('sends the config headers, then <CLIENT>_CUSTOM_HEADERS over them, then defaultHeaders over both', async () => {
    process.env['LATHE_TEST_CUSTOM_HEADERS'] = 'X-Env: env\n\nX-Version: from-env\r\nX-Both:  spaced value ';
    try {
      const c = new BaseClient({
        baseURL: server.url,
        maxRetries: 0,
        configHeaders: { 'X-Version': '2024-08-01', 'X-Config': 'config', 'X-Both': 'config' },
        customHeadersEnv: 'LATHE_TEST_CUSTOM_HEADERS',
        defaultHeaders: { 'X-Both': 'option' },
      });
      await c.request(get('/x'), publicOp);
      // withOptions keeps the config's and the environment's headers.
      await c.withOptions({ defaultHeaders: { 'X-Other': 'o' } }).request(get('/y'), publicOp);
    } finally {
      delete process.env['LATHE_TEST_CUSTOM_HEADERS'];
    }
    const [first, second] = server.requests;
    expect(first!.headers['x-config']).toBe('config');
    expect(first!.headers['x-version']).toBe('from-env');
    expect(first!.headers['x-env']).toBe('env');
    expect(first!.headers['x-both']).toBe('option');
    expect(second!.headers['x-config']).toBe('config');
    expect(second!.headers['x-env']).toBe('env');
    expect(second!.headers['x-both']).toBe('spaced value');
    expect(second!.headers['x-other']).toBe('o');
  });

  it('rejects a <CLIENT>_CUSTOM_HEADERS line that is not `Name: value`, without quoting it', () => {
    process.env['LATHE_TEST_CUSTOM_HEADERS'] = 'X-Fine: 1\nsecret-without-colon';
    try {
      expect(() => new BaseClient({ baseURL: server.url, customHeadersEnv: 'LATHE_TEST_CUSTOM_HEADERS' })).toThrow(
        /^Line 2 of LATHE_TEST_CUSTOM_HEADERS is not a `Name: value` header \(value not shown\)$/,
      );
    } finally {
      delete process.env['LATHE_TEST_CUSTOM_HEADERS'];
    }
  });

  it('joins base URLs with or without trailing slashes and encodes query pairs', async () => {
    await client({ baseURL: `${server.url}/client/v4/` }).request(get('/a', [['q', 'a b&c=d/é']]), publicOp);
    await client({ baseURL: `${server.url}/client/v4` }).request(get('b'), publicOp);
    expect(server.requests.map((r) => r.url)).toEqual(['/client/v4/a?q=a%20b%26c%3Dd%2F%C3%A9', '/client/v4/b']);
  });

  it('rejects a relative base URL at construction', () => {
    expect(() => new TestClient({ baseURL: 'api.example.com' })).toThrow(SDKError);
  });

  it('sends form, text and binary bodies with their content types', async () => {
    const c = client();
    const send = (body: BuiltRequest['body']) => c.request({ method: 'POST', path: '/b', query: [], headers: {}, body }, publicOp);
    await send({ type: 'form', value: { a: 'x y', list: [1, 2], nested: { k: 'v' }, skip: undefined } });
    await send({ type: 'text', value: 'plain', contentType: 'text/plain' });
    await send({ type: 'binary', value: new Uint8Array([9, 8, 7]), contentType: 'application/octet-stream' });
    const [form, text, binary] = server.requests;
    expect(form!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form!.body.toString()).toBe('a=x+y&list=1&list=2&nested%5Bk%5D=v');
    expect(text!.headers['content-type']).toBe('text/plain');
    expect(text!.body.toString()).toBe('plain');
    expect(binary!.headers['content-type']).toBe('application/octet-stream');
    expect([...binary!.body]).toEqual([9, 8, 7]);
  });

  it('sends multipart bodies with file parts, repeated fields and JSON objects', async () => {
    const file = new File(['file-content'], 'report.txt', { type: 'text/plain' });
    await client().request(
      { method: 'POST', path: '/upload', query: [], headers: {}, body: { type: 'multipart', value: { file, tags: ['a', 'b'], meta: { k: 1 } } } },
      publicOp,
    );
    const received = server.requests[0]!;
    expect(received.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(new Uint8Array(received.body), { headers: { 'content-type': received.headers['content-type']! } }).formData();
    const part = form.get('file') as File;
    expect(part.name).toBe('report.txt');
    expect(part.type).toBe('text/plain');
    expect(await part.text()).toBe('file-content');
    expect(form.getAll('tags')).toEqual(['a', 'b']);
    expect(form.get('meta')).toBe('{"k":1}');
  });

  it('uses a custom fetch and merges fetchOptions', async () => {
    const calls: Array<[string, RequestInit]> = [];
    const fetch = vi.fn(async (url: string, init: RequestInit) => {
      calls.push([url, init]);
      return new Response('{"custom":true}', { headers: { 'content-type': 'application/json' } });
    });
    const c = new TestClient({ ...SECRETS, baseURL: 'https://api.invalid/v4', fetch, fetchOptions: { keepalive: true } });
    expect(await c.request(get('/x'), publicOp, { fetchOptions: { cache: 'no-store' } })).toEqual({ custom: true });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = calls[0]!;
    expect(url).toBe('https://api.invalid/v4/x');
    expect(init).toMatchObject({ method: 'GET', keepalive: true, cache: 'no-store', redirect: 'manual' });
  });
});

describe('withOptions', () => {
  it('returns a client of the same class with the changes, keeping credentials; the original is unchanged', async () => {
    server.handle((req, res) => json(res, 200, { success: true, result: { id: 1, content: String(req.headers['x-auth-key']) } }));
    const original = client({ timeout: 1_000, defaultHeaders: { 'X-Team': 'core' } });
    const changed = original.withOptions({ timeout: 5_000, apiKey: 'other-key-0000' });
    expect(changed).toBeInstanceOf(TestClient);
    expect(changed).not.toBe(original);
    expect(changed.timeout).toBe(5_000);
    expect(original.timeout).toBe(1_000);
    expect(await changed.messages.create('r', { account_id: 'a', content: 'x' })).toEqual({ id: 1, content: 'other-key-0000' });
    expect(await original.messages.create('r', { account_id: 'a', content: 'x' })).toEqual({ id: 1, content: SECRETS.apiKey });
    const [first] = server.requests;
    expect(first!.headers['x-auth-email']).toBe(SECRETS.apiEmail);
    expect(first!.headers['x-team']).toBe('core');
    expect(first!.url).toBe('/accounts/a/requests/r/message/new');
  });

  it('keeps a credential that was turned off turned off, and works on a bare BaseClient', async () => {
    const noToken = client({ apiToken: null, apiKey: null }).withOptions({ maxRetries: 1 });
    expect(await rejection(noToken.request(get('/x'), { id: 'op', security: [['api_token']] }))).toBeInstanceOf(MissingCredentialsError);
    const bare = new BaseClient({ baseURL: server.url, credentials: { t: 'bare-token' }, securitySchemes: { t: { type: 'http', scheme: 'bearer' } } });
    await bare.withOptions({ defaultHeaders: { 'X-More': '1' } }).request(get('/x'), { id: 'op', security: [['t']] });
    expect(server.requests[0]!.headers['authorization']).toBe('Bearer bare-token');
    expect(server.requests[0]!.headers['x-more']).toBe('1');
  });
});

describe('raw calls', () => {
  it('send any method to a path with query, headers and a JSON body, returning the whole body', async () => {
    server.handle((req, res) => json(res, 200, { success: true, result: { method: req.method } }));
    const c = client();
    expect(await c.get('/zones', { query: { page: 2 } })).toEqual({ success: true, result: { method: 'GET' } });
    await c.post('/zones', { body: { name: 'example.com' }, headers: { 'X-Extra': 'e' } });
    await c.put('/zones/1', { body: [1, 2] });
    await c.patch('/zones/1', { body: 'plain text' });
    await c.delete('/zones/1');
    const [get_, post, put, patch, del] = server.requests;
    expect(get_!.url).toBe('/zones?page=2');
    expect(post!.method).toBe('POST');
    expect(post!.headers['content-type']).toBe('application/json');
    expect(post!.headers['x-extra']).toBe('e');
    expect(JSON.parse(post!.body.toString())).toEqual({ name: 'example.com' });
    expect(JSON.parse(put!.body.toString())).toEqual([1, 2]);
    expect(patch!.headers['content-type']).toBe('text/plain;charset=UTF-8');
    expect(patch!.body.toString()).toBe('plain text');
    expect(del!.method).toBe('DELETE');
    // The spec's top-level security: email and key, first satisfied alternative.
    expect(post!.headers['x-auth-key']).toBe(SECRETS.apiKey);
  });

  it('send binary, form and multipart bodies as they are', async () => {
    const c = client();
    await c.post('/b', { body: new Blob(['abc'], { type: 'image/png' }) });
    await c.post('/b', { body: new URLSearchParams({ a: '1 2' }) });
    const form = new FormData();
    form.append('tag', 'a');
    form.append('tag', 'b');
    await c.post('/b', { body: form });
    const [blob, urlencoded, multipart] = server.requests;
    expect(blob!.headers['content-type']).toBe('image/png');
    expect(blob!.body.toString()).toBe('abc');
    expect(urlencoded!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(urlencoded!.body.toString()).toBe('a=1+2');
    expect(multipart!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const parsed = await new Response(new Uint8Array(multipart!.body), { headers: { 'content-type': multipart!.headers['content-type']! } }).formData();
    expect(parsed.getAll('tag')).toEqual(['a', 'b']);
  });
});

describe('per-call overrides (Stainless-style RequestOptions)', () => {
  const create = (c: TestClient, options: Parameters<TestClient['messages']['create']>[2]) =>
    c.messages.create('r1', { account_id: 'a1', content: 'hello' }, options);

  it('replaces the built path and method, keeping the rest of the request', async () => {
    await create(client(), { path: '/elsewhere', method: 'put' });
    const [received] = server.requests;
    expect(received!.method).toBe('PUT');
    expect(received!.url).toBe('/elsewhere');
    expect(JSON.parse(received!.body.toString())).toEqual({ content: 'hello' });
  });

  it('replaces the built body with `body`, encoded like a raw call’s, and leaves it alone when absent', async () => {
    const c = client();
    await create(c, { body: { content: 'other', extra: 1 } });
    await create(c, { body: 'as text' });
    await create(c, {});
    const [json_, text, untouched] = server.requests;
    expect(JSON.parse(json_!.body.toString())).toEqual({ content: 'other', extra: 1 });
    expect(text!.headers['content-type']).toBe('text/plain;charset=UTF-8');
    expect(text!.body.toString()).toBe('as text');
    expect(JSON.parse(untouched!.body.toString())).toEqual({ content: 'hello' });
  });

  it('takes arrays and objects in `query` (arrays repeat the name), merged by name over the built query', async () => {
    const request: BuiltRequest = { method: 'GET', path: '/q', query: [['a', '1'], ['b', '2']], headers: {} };
    await client().request(request, publicOp, { query: { b: ['x', 'y'], c: { d: 1 } } });
    expect(server.requests[0]!.url).toBe(`/q?a=1&b=x&b=y&c=${encodeURIComponent('{"d":1}')}`);
  });

  it('types every Stainless per-call option', () => {
    const options: Parameters<TestClient['messages']['create']>[2] = {
      path: '/p',
      method: 'post',
      query: { a: 1, b: ['x'] },
      body: { k: 'v' },
      headers: { 'X-A': 'b', 'X-Drop': null },
      timeout: 1000,
      maxRetries: 1,
      signal: new AbortController().signal,
      idempotencyKey: 'k',
    };
    expect(options.method).toBe('post');
  });
});

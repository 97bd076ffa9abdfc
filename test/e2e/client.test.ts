/**
 * The generated client against a real HTTP server on 127.0.0.1: what goes on the wire for the
 * message-create call, and what comes back (the unwrapped result, or a typed error).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Cloudflare, { APIError, BadRequestError, buildMessageCreateRequest } from '../../generated/src/index.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let baseURL: string;
const seen: Seen[] = [];
let reply: { status: number; body: unknown } = { status: 200, body: {} };

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/client/v4`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

const message = {
  id: 7,
  author: 'user@domain.com',
  content: 'Can you elaborate on the type of DoS that occurred?',
  is_follow_on_request: false,
  updated: '2022-01-01T00:00:00Z',
};

describe('client.cloudforceOne.requests.message.create', () => {
  it('sends the request the spec describes and returns the envelope result', async () => {
    seen.length = 0;
    reply = { status: 200, body: { success: true, errors: [], messages: [], result: message } };
    const client = new Cloudflare({ apiEmail: 'user@example.com', apiKey: '144c9defac04969c7bfad8efaa8ea194', baseURL, maxRetries: 0 });
    const result = await client.cloudforceOne.requests.message.create('f174e90a-fafe-4643-bbbc-4a0ed4fc8415', {
      account_id: '023e105f4ecef8ad9ca31a8372d0c353',
      content: 'Can you elaborate on the type of DoS that occurred?',
    });
    expect(result).toEqual(message);
    expect(result.id).toBe(7);
    expect(seen).toHaveLength(1);
    const req = seen[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe(
      '/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/cloudforce-one/requests/f174e90a-fafe-4643-bbbc-4a0ed4fc8415/message/new',
    );
    expect(req.headers['x-auth-email']).toBe('user@example.com');
    expect(req.headers['x-auth-key']).toBe('144c9defac04969c7bfad8efaa8ea194');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers.authorization).toBeUndefined();
    expect(JSON.parse(req.body)).toEqual({ content: 'Can you elaborate on the type of DoS that occurred?' });
  });

  it('percent-encodes path params so they cannot change the route', async () => {
    seen.length = 0;
    reply = { status: 200, body: { success: true, errors: [], messages: [], result: message } };
    const client = new Cloudflare({ apiEmail: 'e', apiKey: 'k', baseURL, maxRetries: 0 });
    await client.cloudforceOne.requests.message.create('a/b?c#d', { account_id: 'x y' });
    expect(seen[0]!.url).toBe('/client/v4/accounts/x%20y/cloudforce-one/requests/a%2Fb%3Fc%23d/message/new');
  });

  it('turns a 4XX envelope into an error carrying the status and the envelope errors', async () => {
    reply = {
      status: 400,
      body: { success: false, errors: [{ code: 10433, message: 'request error' }], messages: [], result: null },
    };
    const client = new Cloudflare({ apiEmail: 'e', apiKey: 'k', baseURL, maxRetries: 0 });
    const error = await client.cloudforceOne.requests.message
      .create('f174e90a-fafe-4643-bbbc-4a0ed4fc8415', { account_id: '023e105f4ecef8ad9ca31a8372d0c353' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toBeInstanceOf(APIError);
    const apiError = error as APIError;
    expect(apiError.status).toBe(400);
    expect(apiError.errors).toEqual([{ code: 10433, message: 'request error' }]);
    expect(apiError.message).toContain('request error');
  });

  it('rejects success: false in a 200 envelope', async () => {
    reply = { status: 200, body: { success: false, errors: [{ code: 1001, message: 'nope' }], messages: [] } };
    const client = new Cloudflare({ apiEmail: 'e', apiKey: 'k', baseURL, maxRetries: 0 });
    const error = (await client.cloudforceOne.requests.message
      .create('f174e90a-fafe-4643-bbbc-4a0ed4fc8415', { account_id: '023e105f4ecef8ad9ca31a8372d0c353' })
      .catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(APIError);
    expect(error.status).toBe(200);
    expect(error.errors).toEqual([{ code: 1001, message: 'nope' }]);
  });
});

describe('buildMessageCreateRequest', () => {
  it('returns the request without sending anything', () => {
    const before = seen.length;
    const req = buildMessageCreateRequest('f174e90a-fafe-4643-bbbc-4a0ed4fc8415', {
      account_id: '023e105f4ecef8ad9ca31a8372d0c353',
      content: 'hi',
    });
    expect(req).toEqual({
      method: 'POST',
      path: '/accounts/023e105f4ecef8ad9ca31a8372d0c353/cloudforce-one/requests/f174e90a-fafe-4643-bbbc-4a0ed4fc8415/message/new',
      body: { type: 'json', value: { content: 'hi' } },
    });
    // No query or header params: the fields are left out, not sent empty.
    expect(Object.keys(req)).toEqual(['method', 'path', 'body']);
    expect(seen.length).toBe(before);
  });

  it('leaves length checks to the server (lenient by default) but rejects path params that change the route, naming the param', () => {
    // `validation: strict` turns the spec's maxLength check on (test/schema/stainless-requests.test.ts).
    expect(buildMessageCreateRequest('f174e90a-fafe-4643-bbbc-4a0ed4fc8415', { account_id: 'x'.repeat(33) }).path).toContain('x'.repeat(33));
    expect(() => buildMessageCreateRequest('..', { account_id: 'abc' })).toThrow(/request_id/);
  });

  it('rejects a missing required param before anything is sent, naming it', async () => {
    const before = seen.length;
    const client = new Cloudflare({ apiEmail: 'e', apiKey: 'k', baseURL, maxRetries: 0 });
    const params = {} as unknown as Parameters<typeof buildMessageCreateRequest>[1];
    expect(() => buildMessageCreateRequest('f174e90a-fafe-4643-bbbc-4a0ed4fc8415', params)).toThrow(/account_id/);
    // The builder throws; the method never does: its promise rejects (callers handle one failure path).
    let call: Promise<unknown> | undefined;
    expect(() => {
      call = client.cloudforceOne.requests.message.create('f174e90a-fafe-4643-bbbc-4a0ed4fc8415', params);
    }).not.toThrow();
    await expect(call).rejects.toThrow(/account_id/);
    expect(seen.length).toBe(before);
  });
});

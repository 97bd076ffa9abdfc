import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { BaseClient, readEnv, type ClientOptionsBase } from '../../templates/core/client.js';
import { APIResource } from '../../templates/core/resource.js';
import type { APIPromise } from '../../templates/core/api-promise.js';
import { SinglePage, V4PagePagination, type PagePromise } from '../../templates/core/pagination.js';
import { formatPath, serializeQuery } from '../../templates/core/builder.js';
import type { BuiltRequest, OperationSpec, RequestOptions } from '../../templates/core/types.js';

export interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

export type Handler = (req: Recorded, res: http.ServerResponse) => unknown;

export interface TestServer {
  readonly url: string;
  /** Every request received since the last reset, in arrival order. */
  readonly requests: Recorded[];
  handle(handler: Handler): void;
  reset(): void;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 that records requests and answers with the current handler. */
export async function startServer(): Promise<TestServer> {
  const requests: Recorded[] = [];
  const defaultHandler: Handler = (_req, res) => json(res, 200, { ok: true });
  let handler = defaultHandler;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const recorded = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) };
    requests.push(recorded);
    await handler(recorded, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle: (next) => (handler = next),
    reset: () => {
      requests.length = 0;
      handler = defaultHandler;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export const SECRETS = { apiEmail: 'user@example.com', apiKey: 'key-5ecret-1234', apiToken: 'tok-5ecret-5678' };

// ---- A client shaped like the generated Cloudflare client. ----

export interface Message {
  id: number;
  content: string;
}

export interface TestClientOptions extends ClientOptionsBase {
  apiEmail?: string | null;
  apiKey?: string | null;
  apiToken?: string | null;
  baseURL?: string;
}

export class TestClient extends BaseClient {
  constructor({
    apiEmail = readEnv('LATHE_TEST_EMAIL') ?? null,
    apiKey = readEnv('LATHE_TEST_API_KEY') ?? null,
    apiToken = readEnv('LATHE_TEST_API_TOKEN') ?? null,
    baseURL = readEnv('LATHE_TEST_BASE_URL') ?? 'https://api.example.com/client/v4',
    ...options
  }: TestClientOptions = {}) {
    super({
      ...options,
      baseURL,
      credentials: { api_email: apiEmail, api_key: apiKey, api_token: apiToken },
      credentialOptions: { api_email: 'apiEmail', api_key: 'apiKey', api_token: 'apiToken' },
      securitySchemes: {
        api_email: { type: 'apiKey', in: 'header', name: 'X-Auth-Email' },
        api_key: { type: 'apiKey', in: 'header', name: 'X-Auth-Key' },
        api_token: { type: 'http', scheme: 'bearer' },
      },
      defaultSecurity: [['api_email', 'api_key'], ['api_token']],
      envelope: { success: 'success', errors: 'errors' },
      userAgent: 'test-sdk/1.2.3',
      logEnv: 'LATHE_TEST_LOG',
    });
  }

  messages: MessageResource = new MessageResource(this);
}

export interface MessageCreateParams {
  account_id: string;
  content: string;
}

export interface MessageListParams {
  account_id: string;
  page?: number;
  per_page?: number;
}

export const messageCreateOperation: OperationSpec = {
  id: 'message-new',
  security: [['api_email', 'api_key']],
  unwrap: 'result',
};
const messageListOperation: OperationSpec = { id: 'message-list', unwrap: 'result' };

export class MessageResource extends APIResource {
  create(requestId: string, params: MessageCreateParams, options?: RequestOptions): APIPromise<Message> {
    // The builder runs inside the call, so a ParamError rejects the promise instead of throwing here.
    return this._client.request(() => buildMessageCreateRequest(requestId, params), messageCreateOperation, options);
  }

  all(params: MessageListParams, options?: RequestOptions): PagePromise<SinglePage<Message>, Message> {
    return this._client.requestPage(SinglePage<Message>, buildMessageListRequest(params), messageListOperation, options);
  }

  list(params: MessageListParams, options?: RequestOptions): PagePromise<V4PagePagination<Message>, Message> {
    return this._client.requestPage(V4PagePagination<Message>, buildMessageListRequest(params), messageListOperation, options);
  }
}

export function buildMessageCreateRequest(requestId: string, params: MessageCreateParams): BuiltRequest {
  const { account_id, ...body } = params;
  return {
    method: 'POST',
    path: formatPath(
      '/accounts/{account_id}/requests/{request_id}/message/new',
      { account_id, request_id: requestId },
      { account_id: { maxLength: 32 }, request_id: { maxLength: 36 } },
    ),
    query: [],
    headers: {},
    body: { type: 'json', value: body },
  };
}

function buildMessageListRequest(params: MessageListParams): BuiltRequest {
  const { account_id, page, per_page } = params;
  return {
    method: 'GET',
    path: formatPath('/accounts/{account_id}/messages', { account_id }),
    query: serializeQuery([
      ['page', page],
      ['per_page', per_page],
    ]),
    headers: {},
  };
}

/** A minimal request for tests that exercise the client directly. */
export function get(path: string, query: ReadonlyArray<readonly [string, string]> = []): BuiltRequest {
  return { method: 'GET', path, query, headers: {} };
}

export const publicOp: OperationSpec = { id: 'public-op', security: [] };

/** The error `promise` rejects with; fails the test when it resolves. */
export async function rejection(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** The error `promise` rejects with, and the milliseconds from now until it did. */
export async function timedRejection(promise: PromiseLike<unknown>): Promise<{ ms: number; error: unknown }> {
  const start = performance.now();
  const error = await rejection(promise);
  return { ms: performance.now() - start, error };
}

/**
 * A server for the calling test file, reset before each test, and a TestClient aimed at it with
 * the test credentials, `defaults` and then per-call options.
 */
export function useServer(defaults: TestClientOptions = {}) {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());
  beforeEach(() => server?.reset());
  const current = (): TestServer => {
    if (server === undefined) throw new Error('useServer: the server starts in beforeAll');
    return server;
  };
  return {
    get server(): TestServer {
      return current();
    },
    client: (options: TestClientOptions = {}) =>
      new TestClient({ ...SECRETS, baseURL: current().url, ...defaults, ...options }),
  };
}

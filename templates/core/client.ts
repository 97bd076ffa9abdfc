/** The client every generated SDK class extends: auth, retries, timeouts and response handling. */
import { APIPromise } from './api-promise.js';
import { authenticate, type AuthConfig, type Credentials } from './auth.js';
import { APIConnectionError, APIError, SDKError, envelopeErrors } from './errors.js';
import { PagePromise, type AbstractPage, type PageConstructor, type PageItem } from './pagination.js';
import { readBody, readErrorBody } from './response.js';
import { retryDelay, shouldRetry, sleep } from './retry.js';
import { sendAttempt, type Attempt, type Fetch } from './transport.js';
import type {
  BuiltRequest,
  OperationSpec,
  RequestOptions,
  SecurityRequirement,
  SecurityScheme,
} from './types.js';
import { encodeBody } from './uploads.js';
import { isRecord } from './util.js';

export { readEnv } from './env.js';
export type { Fetch } from './transport.js';

export type HeaderValues = Readonly<Record<string, string | null | undefined>>;
export type QueryValues = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Options every generated client accepts, next to its own credential options and `baseURL`. */
export interface ClientOptionsBase {
  /** Milliseconds each attempt may take before it is aborted and retried. Default 60 000. */
  timeout?: number | undefined;
  /** Retries after the first attempt, for connection errors, timeouts, 408, 409, 429 and 5xx. Default 2. */
  maxRetries?: number | undefined;
  /** Sent with every request; null removes a header the SDK would otherwise send. */
  defaultHeaders?: HeaderValues | undefined;
  /** Added to every request's query string; null removes a pair. */
  defaultQuery?: QueryValues | undefined;
  /** Replaces the global fetch (for proxies, instrumentation, tests). */
  fetch?: Fetch | undefined;
  /** Extra RequestInit fields for every request (e.g. `dispatcher`, `keepalive`). */
  fetchOptions?: RequestInit | undefined;
}

/** Names of the envelope fields that carry the outcome, for APIs that wrap every response. */
export interface Envelope {
  /** A boolean field; `false` turns a 2xx response into an APIError. */
  readonly success?: string;
  /** An array field of error objects, exposed as `APIError.errors`. */
  readonly errors?: string;
}

/** What the generated subclass passes to `super`. */
export interface BaseClientOptions extends ClientOptionsBase {
  baseURL: string;
  credentials?: Credentials | undefined;
  credentialOptions?: Readonly<Record<string, string>> | undefined;
  securitySchemes?: Readonly<Record<string, SecurityScheme>> | undefined;
  defaultSecurity?: readonly SecurityRequirement[] | undefined;
  envelope?: Envelope | undefined;
  userAgent?: string | undefined;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;

export class BaseClient {
  readonly baseURL: string;
  readonly timeout: number;
  readonly maxRetries: number;
  // Private fields are neither enumerable nor shown by inspectors, which keeps secrets out of logs.
  readonly #auth: AuthConfig;
  readonly #envelope: Envelope | undefined;
  readonly #userAgent: string | undefined;
  readonly #defaultHeaders: HeaderValues;
  readonly #defaultQuery: QueryValues;
  readonly #fetch: Fetch;
  readonly #fetchOptions: RequestInit;

  constructor(options: BaseClientOptions) {
    if (!isAbsoluteURL(options.baseURL)) {
      throw new SDKError(`baseURL must be an absolute URL, got ${JSON.stringify(options.baseURL)}`);
    }
    this.baseURL = options.baseURL;
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.#auth = {
      credentials: options.credentials ?? {},
      securitySchemes: options.securitySchemes ?? {},
      defaultSecurity: options.defaultSecurity,
      credentialOptions: options.credentialOptions,
    };
    this.#envelope = options.envelope;
    this.#userAgent = options.userAgent;
    this.#defaultHeaders = options.defaultHeaders ?? {};
    this.#defaultQuery = options.defaultQuery ?? {};
    // Resolved per call so that a fetch installed or patched after construction is still used.
    this.#fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.#fetchOptions = options.fetchOptions ?? {};
  }

  /** Sends `request` (lazily, see APIPromise) and resolves with the parsed, unwrapped body. */
  request<T>(request: BuiltRequest, op: OperationSpec, options: RequestOptions = {}): APIPromise<T> {
    return new APIPromise(
      () => this.#send(request, op, options),
      async (response) => (await this.#parse(response, request, op)).data as T,
    );
  }

  /** Like `request`, resolving with a page that can fetch the ones after it. */
  requestPage<Page extends AbstractPage<Item>, Item = PageItem<Page>>(
    Page: PageConstructor<Page>,
    request: BuiltRequest,
    op: OperationSpec,
    options: RequestOptions = {},
  ): PagePromise<Page, Item> {
    return new PagePromise<Page, Item>(
      () => this.#send(request, op, options),
      async (response) => {
        const { body, data } = await this.#parse(response, request, op);
        return new Page({
          request,
          body,
          data,
          fetchPage: (next) => this.requestPage<Page, Item>(Page, next, op, options),
        });
      },
    );
  }

  toString(): string {
    return `${this.constructor.name} { baseURL: ${JSON.stringify(this.baseURL)} }`;
  }

  toJSON(): { baseURL: string; timeout: number; maxRetries: number } {
    return { baseURL: this.baseURL, timeout: this.timeout, maxRetries: this.maxRetries };
  }

  /** Resolves with a 2xx response after retries, or rejects with an SDKError. */
  async #send(request: BuiltRequest, op: OperationSpec, options: RequestOptions): Promise<Response> {
    const auth = authenticate(op, this.#auth);
    const { body, contentType, replayable } = encodeBody(request.body);
    const url = this.#url(request, auth.query, options.query);
    const headers = buildHeaders([
      { Accept: 'application/json', 'User-Agent': this.#userAgent, 'Content-Type': contentType },
      this.#defaultHeaders,
      request.headers,
      auth.headers,
      options.headers,
    ]);
    const maxRetries = options.maxRetries ?? this.maxRetries;
    const attempt: Attempt = {
      fetch: this.#fetch,
      url,
      init: { ...this.#fetchOptions, ...options.fetchOptions, method: request.method, headers, body },
      replayable,
      timeout: options.timeout ?? this.timeout,
      signal: options.signal,
      credentialHeaders: Object.keys(auth.headers),
      credentialQuery: auth.query.map(([name]) => name),
    };

    for (let retries = 0; ; retries++) {
      headers.set('x-retry-count', String(retries));
      const canRetry = retries < maxRetries && replayable;
      let response: Response;
      try {
        response = await sendAttempt(attempt);
      } catch (error) {
        if (!(error instanceof APIConnectionError) || !canRetry) throw error;
        await sleep(retryDelay(retries), options.signal);
        continue;
      }
      if (response.ok) return response;
      if (canRetry && shouldRetry(response)) {
        // Release the connection; the body of a response we are discarding is never read.
        await response.body?.cancel();
        await sleep(retryDelay(retries, response.headers), options.signal);
        continue;
      }
      const error = await readErrorBody(response);
      throw APIError.generate(
        response.status,
        response.headers,
        error,
        envelopeErrors(error, this.#envelope?.errors),
      );
    }
  }

  async #parse(
    response: Response,
    request: BuiltRequest,
    op: OperationSpec,
  ): Promise<{ body: unknown; data: unknown }> {
    const body = await readBody(response, request.method);
    const success = this.#envelope?.success;
    if (success !== undefined && isRecord(body) && body[success] === false) {
      throw APIError.generate(
        response.status,
        response.headers,
        body,
        envelopeErrors(body, this.#envelope?.errors),
      );
    }
    const data =
      op.unwrap !== undefined && isRecord(body) && Object.hasOwn(body, op.unwrap) ? body[op.unwrap] : body;
    return { body, data };
  }

  /**
   * Later layers replace same-named pairs of earlier ones: client defaults, the operation's own
   * parameters, credentials, then per-request overrides (where null removes a pair).
   */
  #url(
    request: BuiltRequest,
    authQuery: ReadonlyArray<readonly [string, string]>,
    overrides: QueryValues | undefined,
  ): string {
    const layers = [queryPairs(this.#defaultQuery), request.query ?? [], authQuery, queryPairs(overrides ?? {})];
    let pairs: ReadonlyArray<readonly [string, string | null]> = [];
    for (const layer of layers) {
      const names = new Set(layer.map(([name]) => name));
      pairs = [...pairs.filter(([name]) => !names.has(name)), ...layer];
    }
    const search = pairs
      .filter((pair): pair is readonly [string, string] => pair[1] !== null)
      .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
      .join('&');
    const path = request.path.startsWith('/') ? request.path : `/${request.path}`;
    return `${this.baseURL.replace(/\/+$/, '')}${path}${search === '' ? '' : `?${search}`}`;
  }
}

function queryPairs(query: QueryValues): Array<readonly [string, string | null]> {
  return Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean | null] => entry[1] !== undefined)
    .map(([name, value]) => [name, value === null ? null : String(value)]);
}

/** Applies header layers in order; undefined leaves a header alone, null removes it. */
function buildHeaders(layers: ReadonlyArray<HeaderValues | undefined>): Headers {
  const headers = new Headers();
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer ?? {})) {
      if (value === null) headers.delete(name);
      else if (value !== undefined) headers.set(name, value);
    }
  }
  return headers;
}

function isAbsoluteURL(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

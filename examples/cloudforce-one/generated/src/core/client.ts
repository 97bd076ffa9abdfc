// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.
/** The client every generated SDK class extends: auth, retries, timeouts and response handling. */
import { APIPromise } from './api-promise.js';
import { authenticate, type AuthConfig, type AuthMode, type Credentials } from './auth.js';
import { APIError, InvalidHeaderError, SDKError, envelopeErrors } from './errors.js';
import { ClientLog, type LogLevel, type Logger } from './log.js';
import { PagePromise, type AbstractPage, type PageConstructor, type PageItem } from './pagination.js';
import { Redactor, isSensitiveHeader } from './redact.js';
import { readBody, readErrorBody, type ReadContext } from './response.js';
import {
  isIdempotent,
  newIdempotencyKey,
  retryDelay,
  shouldRetry,
  shouldRetryError,
  sleep,
} from './retry.js';
import { sendAttempt, type Attempt, type Fetch } from './transport.js';
import type {
  BuiltRequest,
  HTTPMethod,
  OperationSpec,
  RequestOptions,
  SecurityRequirement,
  SecurityScheme,
} from './types.js';
import { stringify } from './builder.js';
import { encodeBody, resolveUploads, toRequestBody } from './uploads.js';
import { isRecord } from './util.js';

import { readEnv } from './env.js';

export { readEnv };
export type { Fetch } from './transport.js';
export type { LogLevel, Logger } from './log.js';

export type HeaderValues = Readonly<Record<string, string | null | undefined>>;
export type QueryValues = Readonly<Record<string, unknown>>;

/** Options every generated client accepts, next to its own credential options and `baseURL`. */
export interface ClientOptionsBase {
  /**
   * Milliseconds each attempt may take, reading the response body included, before it is aborted
   * (and retried where that is safe). Default 60 000.
   */
  timeout?: number | undefined;
  /**
   * Retries after the first attempt. Idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE, or any
   * request with an idempotency key) are retried on connection errors, timeouts, 408, 409, 429 and
   * 5xx; POST and PATCH without a key only when no connection could be made. Default 2.
   */
  maxRetries?: number | undefined;
  /**
   * Bytes of a response body the SDK reads at most; a larger body rejects with
   * ResponseTooLargeError (an error body is cut there instead). Bodies read from `asResponse()` are
   * not limited. Default 32 MiB.
   */
  maxResponseSize?: number | undefined;
  /**
   * The header that carries idempotency keys (e.g. `Idempotency-Key`). When set, every request but
   * GET, HEAD, OPTIONS and TRACE gets a fresh key, reused by its retries, unless the call passes
   * `idempotencyKey`; POST and PATCH are then retried like idempotent requests. Default: unset (a
   * per-call `idempotencyKey` goes in `Idempotency-Key`).
   */
  idempotencyHeader?: string | null | undefined;
  /**
   * How much the client logs: requests and responses at 'debug', retries at 'info'. Default: the
   * client's `<CLIENT>_LOG` environment variable, else 'warn'. Credentials never appear in logs.
   */
  logLevel?: LogLevel | undefined;
  /** Where logs go. Default: `console`. */
  logger?: Logger | undefined;
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
  /** `any`: an operation gets whatever credentials of its requirement are configured (see auth.ts). */
  authMode?: AuthMode | undefined;
  envelope?: Envelope | undefined;
  userAgent?: string | undefined;
  /** The environment variable that holds the log level (`<CLIENT>_LOG`). */
  logEnv?: string | undefined;
  /** Headers the generator's config adds to every request (e.g. an API version); `defaultHeaders` overrides them. */
  configHeaders?: HeaderValues | undefined;
  /**
   * The environment variable (`<CLIENT>_CUSTOM_HEADERS`) holding more headers for every request,
   * one `Name: value` per line; above the config's headers, below `defaultHeaders`.
   */
  customHeadersEnv?: string | undefined;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_MAX_RESPONSE_SIZE = 32 * 1024 * 1024;
/** The IETF draft's name, used for a per-call key when the client names no header. */
const DEFAULT_IDEMPOTENCY_HEADER = 'Idempotency-Key';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/** Everything one call needs, worked out once before its first attempt. */
interface PreparedCall {
  readonly request: BuiltRequest;
  readonly attempt: Attempt;
  readonly maxRetries: number;
  readonly idempotent: boolean;
  readonly read: ReadContext;
  readonly redactor: Redactor;
  readonly signal: AbortSignal | undefined;
}

/**
 * What `request` accepts: the built request, or a function that builds it, so that a builder's
 * ParamError rejects the returned promise instead of being thrown by the method call.
 */
export type RequestInput = BuiltRequest | (() => BuiltRequest);

/**
 * A raw call's options (`client.post(path, { body, query, headers })`). Its `body` is JSON-encoded,
 * unless a Blob or File, an ArrayBuffer or typed array, a ReadableStream (sent as they are),
 * FormData (multipart), URLSearchParams (a form) or a string (text/plain).
 */
// An interface still (not an alias): code that extends it keeps compiling.
export interface RawRequestOptions extends RequestOptions {}

/**
 * What `withOptions` accepts: any option of the generated client (credential options such as
 * `apiKey` included; the generated client's constructor checks them).
 */
export type ClientOverrides = ClientOptionsBase & { readonly baseURL?: string } & Readonly<
    Record<string, unknown>
  >;

export class BaseClient {
  readonly baseURL: string;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly maxResponseSize: number;
  // Private fields are neither enumerable nor shown by inspectors, which keeps secrets out of logs.
  readonly #auth: AuthConfig;
  readonly #envelope: Envelope | undefined;
  readonly #userAgent: string | undefined;
  readonly #defaultHeaders: HeaderValues;
  readonly #defaultQuery: QueryValues;
  readonly #fetch: Fetch;
  readonly #fetchOptions: RequestInit;
  readonly #idempotencyHeader: string | undefined;
  readonly #options: BaseClientOptions;
  readonly #log: ClientLog;

  constructor(options: BaseClientOptions) {
    if (!isAbsoluteURL(options.baseURL)) {
      throw new SDKError(`baseURL must be an absolute URL, got ${JSON.stringify(options.baseURL)}`);
    }
    this.baseURL = options.baseURL;
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.maxResponseSize = options.maxResponseSize ?? DEFAULT_MAX_RESPONSE_SIZE;
    this.#auth = {
      credentials: options.credentials ?? {},
      securitySchemes: options.securitySchemes ?? {},
      defaultSecurity: options.defaultSecurity,
      credentialOptions: options.credentialOptions,
      mode: options.authMode,
    };
    this.#envelope = options.envelope;
    this.#userAgent = options.userAgent;
    this.#defaultHeaders = {
      ...options.configHeaders,
      ...(options.customHeadersEnv ? envHeaders(options.customHeadersEnv) : {}),
      ...options.defaultHeaders,
    };
    this.#defaultQuery = options.defaultQuery ?? {};
    // Resolved per call so that a fetch installed or patched after construction is still used.
    this.#fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.#fetchOptions = options.fetchOptions ?? {};
    this.#idempotencyHeader = options.idempotencyHeader || undefined;
    this.#options = options;
    this.#log = new ClientLog(this.constructor.name, options.logLevel, options.logger, options.logEnv);
  }

  get logLevel(): LogLevel {
    return this.#log.level;
  }

  /**
   * A new client of the same class with `options` changed and everything else (credentials
   * included) as this one has it; this client is left as it is.
   */
  withOptions(options: ClientOverrides): this {
    const Client = this.constructor as new (options: object) => this;
    // The generated constructor takes credentials by option name (`apiKey`), not by scheme name.
    const credentials: Record<string, unknown> = {};
    const { credentialOptions = {} } = this.#options;
    for (const [scheme, value] of Object.entries(this.#auth.credentials)) {
      const option = credentialOptions[scheme];
      if (option !== undefined) credentials[option] = value ?? null;
    }
    return new Client({ ...this.#options, ...credentials, ...options });
  }

  get<T = unknown>(path: string, options?: RawRequestOptions): APIPromise<T> {
    return this.#raw('GET', path, options);
  }

  post<T = unknown>(path: string, options?: RawRequestOptions): APIPromise<T> {
    return this.#raw('POST', path, options);
  }

  put<T = unknown>(path: string, options?: RawRequestOptions): APIPromise<T> {
    return this.#raw('PUT', path, options);
  }

  patch<T = unknown>(path: string, options?: RawRequestOptions): APIPromise<T> {
    return this.#raw('PATCH', path, options);
  }

  delete<T = unknown>(path: string, options?: RawRequestOptions): APIPromise<T> {
    return this.#raw('DELETE', path, options);
  }

  /**
   * A request to a path the spec may not describe (relative to baseURL), with the client's
   * defaults, the spec's top-level security, retries and errors; the whole body is returned.
   */
  #raw<T>(method: HTTPMethod, path: string, options: RawRequestOptions = {}): APIPromise<T> {
    // The body goes in as a per-call override (see #prepare).
    return this.request<T>({ method, path, query: [], headers: {} }, { id: `${method} ${path}` }, options);
  }

  /** Sends `request` (lazily, see APIPromise) and resolves with the parsed, unwrapped body. */
  request<T>(request: RequestInput, op: OperationSpec, options: RequestOptions = {}): APIPromise<T> {
    const call = once(() => this.#prepare(request, op, options));
    return new APIPromise(
      async () => this.#send(await call()),
      async (response) => (await this.#parse(response, await call(), op)).data as T,
    );
  }

  /** Like `request`, resolving with a page that can fetch the ones after it. */
  requestPage<Page extends AbstractPage<Item>, Item = PageItem<Page>>(
    Page: PageConstructor<Page>,
    request: RequestInput,
    op: OperationSpec,
    options: RequestOptions = {},
  ): PagePromise<Page, Item> {
    const call = once(() => this.#prepare(request, op, options));
    return new PagePromise<Page, Item>(
      async () => this.#send(await call()),
      async (response) => {
        const prepared = await call();
        const { body, data } = await this.#parse(response, prepared, op);
        return new Page({
          request: prepared.request,
          body,
          data,
          // Each page is its own logical request: a key reused for page 2 would replay page 1.
          fetchPage: (next) => this.requestPage<Page, Item>(Page, next, op, withoutKey(options)),
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

  async #prepare(input: RequestInput, op: OperationSpec, options: RequestOptions): Promise<PreparedCall> {
    const built = withOverrides(typeof input === 'function' ? input() : input, options);
    const auth = authenticate(op, this.#auth);
    // Uploads given as Responses or async iterables are read before the first attempt.
    const resolved = await resolveUploads(built.body);
    const request: BuiltRequest = resolved === built.body ? built : { ...built, ...(resolved ? { body: resolved } : {}) };
    const { body, contentType, replayable } = encodeBody(request.body);
    const url = this.#url(request, auth.query, options.query);
    const idempotencyHeader = this.#idempotencyHeader ?? DEFAULT_IDEMPOTENCY_HEADER;
    const idempotencyKey =
      options.idempotencyKey ??
      (this.#idempotencyHeader !== undefined && !SAFE_METHODS.has(request.method)
        ? newIdempotencyKey()
        : undefined);
    const headers = buildHeaders([
      { Accept: op.accept ?? 'application/json', 'User-Agent': this.#userAgent, 'Content-Type': contentType },
      this.#defaultHeaders,
      request.headers,
      auth.headers,
      { [idempotencyHeader]: idempotencyKey },
      options.headers,
    ]);
    const redactor = this.#redactor(headers, Object.keys(auth.headers));
    return {
      request,
      attempt: {
        fetch: this.#fetch,
        url,
        init: { ...this.#fetchOptions, ...options.fetchOptions, method: request.method, headers, body },
        replayable,
        timeout: options.timeout ?? this.timeout,
        signal: options.signal ?? undefined,
        credentialHeaders: Object.keys(auth.headers),
        credentialQuery: auth.query.map(([name]) => name),
      },
      maxRetries: options.maxRetries ?? this.maxRetries,
      // A key the caller set as a plain header counts too.
      idempotent: isIdempotent(request.method, !!headers.get(idempotencyHeader)),
      read: {
        method: request.method,
        operationId: op.id,
        declared: op.responseMediaType ?? (op.unwrap !== undefined ? 'application/json' : undefined),
        limit: options.maxResponseSize ?? this.maxResponseSize,
        redactor,
      },
      redactor,
      signal: options.signal ?? undefined,
    };
  }

  /**
   * Every configured credential, and the value of every header that looks like one (whoever set
   * it), is blanked out of what errors report.
   */
  #redactor(headers: Headers, authHeaders: readonly string[]): Redactor {
    const schemeHeaders = Object.values(this.#auth.securitySchemes).flatMap((scheme) =>
      scheme.type === 'apiKey' && scheme.in === 'header' ? [scheme.name] : [],
    );
    const names = new Set([...schemeHeaders, ...authHeaders].map((name) => name.toLowerCase()));
    const secrets: string[] = [];
    for (const value of Object.values(this.#auth.credentials)) if (value) secrets.push(value);
    headers.forEach((value, name) => {
      if (isSensitiveHeader(name, names)) secrets.push(value, value.replace(/^\S+\s+/, ''));
    });
    return new Redactor(secrets, names);
  }

  /** Resolves with a 2xx response after retries, or rejects with an SDKError. */
  async #send(call: PreparedCall): Promise<Response> {
    const { attempt, redactor } = call;
    const log = this.#log;
    const what = `${attempt.init.method} ${redactor.text(attempt.url)}`;
    const headersOf = (headers: Headers) => ({ headers: Object.fromEntries(redactor.headers(headers)) });
    for (let retries = 0; ; retries++) {
      attempt.init.headers.set('x-retry-count', String(retries));
      const canRetry = retries < call.maxRetries && attempt.replayable;
      const left = `${call.maxRetries - retries - 1} left`;
      if (log.enabled('debug'))
        log.debug(`${what} (attempt ${retries + 1})`, headersOf(attempt.init.headers));
      const started = Date.now();
      let response: Response;
      try {
        response = await sendAttempt(attempt);
      } catch (error) {
        const name = error instanceof Error ? error.name : 'error';
        if (!canRetry || !shouldRetryError(error, call.idempotent)) {
          log.debug(`${what} failed: ${name}`);
          throw error;
        }
        const delay = retryDelay(retries);
        log.info(`${what} failed (${name}); retrying in ${Math.round(delay)} ms, ${left}`);
        await sleep(delay, call.signal);
        continue;
      }
      if (log.enabled('debug')) {
        log.debug(`${what} -> ${response.status} in ${Date.now() - started} ms`, headersOf(response.headers));
      }
      if (response.ok) return response;
      if (canRetry && shouldRetry(response, call.idempotent)) {
        // Release the connection; the body of a response we are discarding is never read.
        await response.body?.cancel();
        const delay = retryDelay(retries, response.headers);
        log.info(`${what} -> ${response.status}; retrying in ${Math.round(delay)} ms, ${left}`);
        await sleep(delay, call.signal);
        continue;
      }
      const error = redactor.value(await readErrorBody(response, call.read));
      throw APIError.generate(
        response.status,
        redactor.headers(response.headers),
        error,
        envelopeErrors(error, this.#envelope?.errors),
      );
    }
  }

  async #parse(
    response: Response,
    call: PreparedCall,
    op: OperationSpec,
  ): Promise<{ body: unknown; data: unknown }> {
    const body = await readBody(response, call.read);
    const success = this.#envelope?.success;
    if (success !== undefined && isRecord(body) && body[success] === false) {
      const error = call.redactor.value(body);
      throw APIError.generate(
        response.status,
        call.redactor.headers(response.headers),
        error,
        envelopeErrors(error, this.#envelope?.errors),
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

/** `Name: value` lines; a line without a colon is a mistake worth stopping for (its text may be a secret). */
function envHeaders(variable: string): Record<string, string> {
  const headers: Record<string, string> = {};
  (readEnv(variable) ?? '').split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      throw new SDKError(`Line ${i + 1} of ${variable} is not a \`Name: value\` header (value not shown)`);
    }
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  });
  return headers;
}

/** Arrays repeat the name; null stays null (it removes the pair); objects become JSON text. */
function queryPairs(query: QueryValues): Array<readonly [string, string | null]> {
  return Object.entries(query).flatMap(([name, value]): Array<readonly [string, string | null]> => {
    if (value === undefined) return [];
    if (value === null) return [[name, null]];
    const items = Array.isArray(value) ? value.filter((item) => item !== undefined && item !== null) : [value];
    return items.map((item) => [name, stringify(item)]);
  });
}

/** The per-call `path`, `method` and `body` replace the built ones (Stainless's request options do). */
function withOverrides(request: BuiltRequest, { path, method, body }: RequestOptions): BuiltRequest {
  if (path === undefined && method === undefined && body === undefined) return request;
  return {
    ...request,
    ...(path === undefined ? {} : { path }),
    ...(method === undefined ? {} : { method: method.toUpperCase() as HTTPMethod }),
    ...(body === undefined ? {} : { body: toRequestBody(body) }),
  };
}

/**
 * Applies header layers in order; undefined leaves a header alone, null removes it. Checked here
 * because fetch's own errors for a bad header quote its value, which may be a secret.
 */
function buildHeaders(layers: ReadonlyArray<HeaderValues | undefined>): Headers {
  const headers = new Headers();
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer ?? {})) {
      if (!HEADER_NAME.test(name)) {
        throw new InvalidHeaderError(name, `${JSON.stringify(name)} is not a valid header name`);
      }
      if (value === null) headers.delete(name);
      else if (value !== undefined) {
        if (!HEADER_VALUE.test(value)) {
          throw new InvalidHeaderError(
            name,
            `The value of header '${name}' contains CR, LF, NUL or a character beyond U+00FF, so it cannot be sent (value not shown)`,
          );
        }
        headers.set(name, value);
      }
    }
  }
  return headers;
}

/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** What fetch accepts in a header value: Latin-1 without CR, LF and NUL. */
const HEADER_VALUE = /^[^\0\r\n\u0100-\uffff]*$/;

function withoutKey({ idempotencyKey: _key, ...options }: RequestOptions): RequestOptions {
  return options;
}

/** `make`, called at most once (and not before the first call). */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

function isAbsoluteURL(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

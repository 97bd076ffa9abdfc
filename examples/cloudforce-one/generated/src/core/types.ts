// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.
/**
 * The contract between generated code and the runtime core. Request builders (one pure function per
 * operation) return a `BuiltRequest`; client methods hand it to `BaseClient.request` together with the
 * operation's static `OperationSpec`.
 */

export type HTTPMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'TRACE';

/**
 * What a binary body or a multipart file field takes (Stainless's `Uploadable`, and more): a Blob or
 * File (`toFile()` makes one), a fetch Response, bytes, a web stream or any async iterable of bytes
 * (Node's `fs.createReadStream(path)`), or a string.
 */
export type Uploadable =
  | Blob
  | Response
  | ArrayBuffer
  | ArrayBufferView
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string>
  | string;

/** A request body, tagged by how it goes on the wire. */
export type RequestBody =
  | { readonly type: 'json'; readonly value: unknown }
  /** application/x-www-form-urlencoded */
  | { readonly type: 'form'; readonly value: Record<string, unknown> }
  /** multipart/form-data: Blob/File values become file parts, arrays repeat the field. */
  | { readonly type: 'multipart'; readonly value: Record<string, unknown> }
  | { readonly type: 'text'; readonly value: string; readonly contentType: string }
  | {
      readonly type: 'binary';
      readonly value: Uploadable;
      readonly contentType: string;
    };

/** Everything needed to send one request, with no I/O done yet. */
export interface BuiltRequest {
  readonly method: HTTPMethod;
  /** Starts with `/`; every parameter already percent-encoded. Relative to the client's base URL. */
  readonly path: string;
  /** Serialized query pairs, in order (arrays and deepObject already expanded); absent when there are none. */
  readonly query?: ReadonlyArray<readonly [string, string]>;
  /** Header parameters of the operation (not auth, not content-type); absent when there are none. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: RequestBody;
}

/** One alternative of an operation's `security`: every named scheme must be satisfied. */
export type SecurityRequirement = readonly string[];

/** What the client needs to know about an operation besides the request itself. */
export interface OperationSpec {
  /** The operationId (or method + path), for error messages. */
  readonly id: string;
  /**
   * The operation's security alternatives. Undefined: the spec's top-level security applies.
   * An empty array, or an empty alternative: no credentials needed (none are sent).
   */
  readonly security?: readonly SecurityRequirement[];
  /** Return this property of the parsed JSON body instead of the whole body (the envelope's `result`). */
  readonly unwrap?: string;
  /**
   * The media type of the success response the spec declares. A JSON type makes any other response
   * an InvalidResponseError; text/* and other types make the result a string / Blob whatever the
   * server says. Undefined: JSON when `unwrap` is set, else the response's Content-Type decides.
   */
  readonly responseMediaType?: string;
  /** The Accept header: the media types the success responses declare. Undefined: `application/json`. */
  readonly accept?: string;
}

export type SecurityScheme =
  | { readonly type: 'apiKey'; readonly in: 'header' | 'query' | 'cookie'; readonly name: string }
  | { readonly type: 'http'; readonly scheme: 'bearer' | 'basic' | (string & {}) }
  | { readonly type: 'oauth2' | 'openIdConnect' };

/**
 * Per-request overrides. `path`, `method` and `body` replace what the method built (`body` is
 * encoded as a raw call's is: see RawRequestOptions); `query` and `headers` are merged by name over
 * it, where null removes a pair.
 */
export interface RequestOptions {
  /** Relative to the client's base URL, like the spec's paths. */
  readonly path?: string;
  readonly method?: HTTPMethod | Lowercase<HTTPMethod>;
  /** Arrays repeat the name; objects are sent as JSON text. */
  readonly query?: Readonly<Record<string, unknown>>;
  readonly body?: unknown;
  readonly timeout?: number;
  readonly maxRetries?: number;
  readonly signal?: AbortSignal | null;
  readonly headers?: Readonly<Record<string, string | null | undefined>>;
  readonly fetchOptions?: RequestInit;
  /**
   * Sent in the idempotency header (the client's `idempotencyHeader`, else `Idempotency-Key`), the
   * same on every retry; it lets POST and PATCH be retried after 408, 409, 429, 5xx and timeouts.
   */
  readonly idempotencyKey?: string;
  /** Bytes of response body the SDK reads at most (default: the client's `maxResponseSize`). */
  readonly maxResponseSize?: number;
}

// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.
import { capText } from './redact.js';
import { isRecord } from './util.js';

/**
 * Every error the SDK throws extends `SDKError`, so callers can tell SDK failures from their own bugs
 * with one `instanceof`. Class names are set explicitly because minifiers rename constructors.
 */
export class SDKError extends Error {
  override name = 'SDKError';
}

/**
 * The request failed: the server answered with a non-2xx status (or a 2xx whose envelope says
 * `success: false`), or no usable answer arrived (the connection, timeout and abort errors below
 * extend it with `status` and `headers` undefined), as in Stainless-generated SDKs.
 */
export class APIError<
  TStatus extends number | undefined = number | undefined,
  THeaders extends Headers | undefined = Headers | undefined,
> extends SDKError {
  override name = 'APIError';
  readonly status: TStatus;
  readonly headers: THeaders;
  /**
   * The response body: parsed JSON when it parses, else the text (undefined when empty), with the
   * client's credentials redacted. The message quotes at most 2,000 characters of it.
   */
  readonly error: unknown;
  /** The envelope's `errors` array, or `[]` when the API has no envelope or the body lacks it. */
  readonly errors: readonly unknown[];

  constructor(
    status: TStatus,
    headers: THeaders,
    error: unknown,
    errors: readonly unknown[],
    message?: string,
    options?: { cause?: unknown },
  ) {
    super(message ?? `${status} ${capText(describeBody(error, errors))}`, options);
    this.status = status;
    this.headers = headers;
    this.error = error;
    this.errors = errors;
  }

  /** Picks the subclass for the status so callers can `catch` by meaning rather than by number. */
  static generate(
    status: number,
    headers: Headers,
    error: unknown,
    errors: readonly unknown[],
  ): APIError<number, Headers> {
    const ErrorClass = status >= 500 ? InternalServerError : STATUS_ERRORS[status];
    return ErrorClass ? new ErrorClass(status, headers, error, errors) : new APIError(status, headers, error, errors);
  }
}

export class BadRequestError extends APIError<number, Headers> {
  override name = 'BadRequestError';
}
export class AuthenticationError extends APIError<number, Headers> {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError extends APIError<number, Headers> {
  override name = 'PermissionDeniedError';
}
export class NotFoundError extends APIError<number, Headers> {
  override name = 'NotFoundError';
}
export class ConflictError extends APIError<number, Headers> {
  override name = 'ConflictError';
}
export class UnprocessableEntityError extends APIError<number, Headers> {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError extends APIError<number, Headers> {
  override name = 'RateLimitError';
}
export class InternalServerError extends APIError<number, Headers> {
  override name = 'InternalServerError';
}

const STATUS_ERRORS: Partial<Record<number, typeof BadRequestError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** No usable response arrived (DNS, refused connection, reset, ...). `cause` holds the fetch error. */
export class APIConnectionError extends APIError<undefined, undefined> {
  override name = 'APIConnectionError';
  constructor(message = 'Connection error.', options?: { cause?: unknown }) {
    super(undefined, undefined, undefined, [], message, options);
  }
}

export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError';
  constructor(message = 'Request timed out.') {
    super(message);
  }
}

/** The caller's `signal` aborted the request. */
export class APIUserAbortError extends APIError<undefined, undefined> {
  override name = 'APIUserAbortError';
  constructor(message = 'Request was aborted.') {
    super(undefined, undefined, undefined, [], message);
  }
}

/**
 * A header (a header parameter, a default or per-request header) cannot be sent: its value holds CR,
 * LF or NUL (which would split the request) or a character beyond U+00FF, or its name is not a
 * token. The value is never quoted, since it may be a secret. Nothing was sent.
 */
export class InvalidHeaderError extends SDKError {
  override name = 'InvalidHeaderError';
  readonly header: string;
  constructor(header: string, message: string) {
    super(message);
    this.header = header;
  }
}

/** What the server sent cannot be what the operation declares (an HTML page where JSON is due, JSON that does not parse). */
export class InvalidResponseError extends SDKError {
  override name = 'InvalidResponseError';
  readonly status: number;
  /** Response headers, credential headers redacted. */
  readonly headers: Headers;
  /** The response's media type, '' when it sent none. */
  readonly contentType: string;
  constructor(
    status: number,
    headers: Headers,
    contentType: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.status = status;
    this.headers = headers;
    this.contentType = contentType;
  }
}

/** The response body is larger than `maxResponseSize`; reading stopped there. */
export class ResponseTooLargeError extends SDKError {
  override name = 'ResponseTooLargeError';
  readonly status: number;
  /** Response headers, credential headers redacted. */
  readonly headers: Headers;
  readonly limit: number;
  constructor(status: number, headers: Headers, limit: number) {
    super(
      `The ${status} response body is larger than maxResponseSize (${limit} bytes); raise the limit or read it with asResponse()`,
    );
    this.status = status;
    this.headers = headers;
    this.limit = limit;
  }
}

/** A parameter was rejected before anything was sent. */
export class ParamError extends SDKError {
  override name = 'ParamError';
  /** The offending parameter (the first one, when several are missing). */
  readonly param: string;
  constructor(param: string, message: string) {
    super(message);
    this.param = param;
  }
}

export class AuthError extends SDKError {
  override name = 'AuthError';
}

/** No security alternative of the operation is fully configured; nothing was sent. */
export class MissingCredentialsError extends AuthError {
  override name = 'MissingCredentialsError';
  readonly operationId: string;
  constructor(operationId: string, message: string) {
    super(message);
    this.operationId = operationId;
  }
}

/** Returns `body[field]` when it is an array; anything else means the envelope carried no errors. */
export function envelopeErrors(body: unknown, field: string | undefined): unknown[] {
  if (field === undefined || !isRecord(body)) return [];
  const errors = body[field];
  return Array.isArray(errors) ? errors : [];
}

function describeBody(body: unknown, errors: readonly unknown[]): string {
  const first = errors[0];
  if (isRecord(first) && typeof first['message'] === 'string') return first['message'];
  if (typeof body === 'string' && body !== '') return body;
  if (body !== undefined && body !== '') return JSON.stringify(body);
  return 'status code (no body)';
}

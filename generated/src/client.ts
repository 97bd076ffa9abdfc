// File generated from an OpenAPI spec by lathe. Do not edit: run `lathe generate` instead.
import { BaseClient } from './core/client.js';
import * as Errors from './core/errors.js';
import { toFile } from './core/uploads.js';
import type { ClientOptionsBase } from './core/client.js';
import type { RequestOptions } from './core/types.js';
import { readEnv } from './core/env.js';
import { CloudforceOne } from './resources/cloudforce-one/cloudforce-one.js';

export interface ClientOptions extends ClientOptionsBase {
  /**
   * The previous authorization scheme for interacting with the Cloudflare API,
   * used in conjunction with a Global API key.
   *
   * Sent as the `X-Auth-Email` header.
   *
   * Defaults to `process.env['CLOUDFLARE_EMAIL']`.
   */
  apiEmail?: string | null | undefined;
  /**
   * The previous authorization scheme for interacting with the Cloudflare API.
   * When possible, use API tokens instead of Global API keys.
   *
   * Sent as the `X-Auth-Key` header.
   *
   * Defaults to `process.env['CLOUDFLARE_API_KEY']`.
   */
  apiKey?: string | null | undefined;
  /**
   * Credential for the `api_token` security scheme.
   *
   * Sent as `Authorization: Bearer …`.
   *
   * Defaults to `process.env['CLOUDFLARE_API_TOKEN']`.
   */
  apiToken?: string | null | undefined;
  /**
   * Credential for the `user_service_key` security scheme.
   *
   * Sent as the `X-Auth-User-Service-Key` header.
   *
   * Defaults to `process.env['CLOUDFLARE_API_USER_SERVICE_KEY']`.
   */
  userServiceKey?: string | null | undefined;
  /**
   * Overrides the base URL of the API.
   *
   * Defaults to `process.env['CLOUDFLARE_BASE_URL']`, else
   * `https://api.cloudflare.com/client/v4`.
   */
  baseURL?: string | null | undefined;
}

/** Client for Cloudflare API - Create a New Request Message (fragment) 4.0.0. */
export class Cloudflare extends BaseClient {
  static SDKError = Errors.SDKError;
  static APIError = Errors.APIError;
  static BadRequestError = Errors.BadRequestError;
  static AuthenticationError = Errors.AuthenticationError;
  static PermissionDeniedError = Errors.PermissionDeniedError;
  static NotFoundError = Errors.NotFoundError;
  static ConflictError = Errors.ConflictError;
  static UnprocessableEntityError = Errors.UnprocessableEntityError;
  static RateLimitError = Errors.RateLimitError;
  static InternalServerError = Errors.InternalServerError;
  static APIConnectionError = Errors.APIConnectionError;
  static APIConnectionTimeoutError = Errors.APIConnectionTimeoutError;
  static APIUserAbortError = Errors.APIUserAbortError;
  static InvalidHeaderError = Errors.InvalidHeaderError;
  static InvalidResponseError = Errors.InvalidResponseError;
  static ResponseTooLargeError = Errors.ResponseTooLargeError;
  static ParamError = Errors.ParamError;
  static AuthError = Errors.AuthError;
  static MissingCredentialsError = Errors.MissingCredentialsError;
  static toFile = toFile;
  cloudforceOne: CloudforceOne = new CloudforceOne(this);

  constructor(clientOptions: ClientOptions = {}) {
    const {
      baseURL = readEnv('CLOUDFLARE_BASE_URL'),
      apiEmail = readEnv('CLOUDFLARE_EMAIL') ?? null,
      apiKey = readEnv('CLOUDFLARE_API_KEY') ?? null,
      apiToken = readEnv('CLOUDFLARE_API_TOKEN') ?? null,
      userServiceKey = readEnv('CLOUDFLARE_API_USER_SERVICE_KEY') ?? null,
      ...options
    } = clientOptions;
    super({
      ...options,
      baseURL: baseURL || 'https://api.cloudflare.com/client/v4',
      credentials: {
        api_email: apiEmail,
        api_key: apiKey,
        api_token: apiToken,
        user_service_key: userServiceKey,
      },
      credentialOptions: {
        api_email: 'apiEmail',
        api_key: 'apiKey',
        api_token: 'apiToken',
        user_service_key: 'userServiceKey',
      },
      securitySchemes: {
        api_email: { type: 'apiKey', in: 'header', name: 'X-Auth-Email' },
        api_key: { type: 'apiKey', in: 'header', name: 'X-Auth-Key' },
        api_token: { type: 'http', scheme: 'bearer' },
        user_service_key: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Auth-User-Service-Key',
        },
      },
      defaultSecurity: [
        ['api_email', 'api_key'],
        ['api_token'],
        ['user_service_key'],
      ],
      envelope: { success: 'success', errors: 'errors' },
      userAgent: 'cloudflare-cloudforce-one/0.1.0',
      logEnv: 'CLOUDFLARE_LOG',
      customHeadersEnv: 'CLOUDFLARE_CUSTOM_HEADERS',
    });
  }
}

Cloudflare.CloudforceOne = CloudforceOne;

export declare namespace Cloudflare {
  export { CloudforceOne, type RequestOptions };
}

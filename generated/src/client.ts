// File generated from an OpenAPI spec by lathe. Do not edit: run `lathe generate` instead.
import { BaseClient } from './core/client.js';
import type { ClientOptionsBase } from './core/client.js';
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
    });
  }
}

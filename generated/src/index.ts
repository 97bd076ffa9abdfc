// File generated from an OpenAPI spec by lathe. Do not edit: run `lathe generate` instead.
import { Cloudflare } from './client.js';
export default Cloudflare;
export { Cloudflare, type ClientOptions } from './client.js';
export * from './core/errors.js';
export { APIPromise } from './core/api-promise.js';
export * from './core/pagination.js';
export type { BuiltRequest, HTTPMethod, RequestBody, RequestOptions, Uploadable } from './core/types.js';
export type { ClientOverrides, LogLevel, Logger, RawRequestOptions } from './core/client.js';
export { toFile, type ToFileInput } from './core/uploads.js';
export * from './resources/cloudforce-one/cloudforce-one.js';
export * from './resources/cloudforce-one/requests/requests.js';
export * from './resources/cloudforce-one/requests/message.js';
export type * as wire from './openapi.js';

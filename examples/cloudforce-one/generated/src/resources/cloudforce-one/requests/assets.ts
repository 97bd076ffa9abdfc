// File generated from an OpenAPI spec by lathe. Do not edit: run `lathe generate` instead.
import { APIResource } from '../../../core/resource.js';
import type { APIPromise } from '../../../core/api-promise.js';
import { PagePromise, SinglePage } from '../../../core/pagination.js';
import type { BuiltRequest, OperationSpec, RequestOptions } from '../../../core/types.js';
import { formatPath, requireParams } from '../../../core/builder.js';

export class Assets extends APIResource {
  /**
   * List Request Assets
   *
   * Lists assets attached to a Cloudforce One intelligence request.
   *
   * @example
   * ```ts
   * for await (const asset of client.cloudforceOne.requests.assets.create(
   *   'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',
   *   {
   *     account_id: '023e105f4ecef8ad9ca31a8372d0c353',
   *     page: 0,
   *     per_page: 10,
   *   },
   * )) {
   *   console.log(asset);
   * }
   * ```
   */
  create(requestId: string, params: AssetCreateParams, options?: RequestOptions): PagePromise<AssetCreateResponsesSinglePage, AssetCreateResponse> {
    return this._client.requestPage(
      AssetCreateResponsesSinglePage,
      () => buildAssetCreateRequest(requestId, params),
      assetCreateOperation,
      options,
    );
  }

  /**
   * Update a Request Asset
   *
   * Updates an asset in a Cloudforce One intelligence request.
   *
   * @example
   * ```ts
   * const asset = await client.cloudforceOne.requests.assets.update(
   *   'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',
   *   {
   *     account_id: '023e105f4ecef8ad9ca31a8372d0c353',
   *     request_id: 'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',
   *   },
   * );
   *
   * console.log(asset.id);
   * ```
   */
  update(assetId: string, params: AssetUpdateParams, options?: RequestOptions): APIPromise<AssetUpdateResponse> {
    return this._client.request(
      () => buildAssetUpdateRequest(assetId, params),
      assetUpdateOperation,
      options,
    );
  }

  /**
   * Delete a Request Asset
   *
   * Removes an asset from a Cloudforce One intelligence request.
   *
   * @example
   * ```ts
   * const asset = await client.cloudforceOne.requests.assets.delete(
   *   'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',
   *   {
   *     account_id: '023e105f4ecef8ad9ca31a8372d0c353',
   *     request_id: 'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',
   *   },
   * );
   *
   * console.log(asset.errors);
   * ```
   */
  delete(assetId: string, params: AssetDeleteParams, options?: RequestOptions): APIPromise<AssetDeleteResponse> {
    return this._client.request(
      () => buildAssetDeleteRequest(assetId, params),
      assetDeleteOperation,
      options,
    );
  }

  /**
   * Get a Request Asset
   *
   * Retrieves an asset attached to a Cloudforce One intelligence request.
   *
   * @example
   * ```ts
   * for await (const asset of client.cloudforceOne.requests.assets.get(
   *   'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',
   *   {
   *     account_id: '023e105f4ecef8ad9ca31a8372d0c353',
   *     request_id: 'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',
   *   },
   * )) {
   *   console.log(asset);
   * }
   * ```
   */
  get(assetId: string, params: AssetGetParams, options?: RequestOptions): PagePromise<AssetGetResponsesSinglePage, AssetGetResponse> {
    return this._client.requestPage(
      AssetGetResponsesSinglePage,
      () => buildAssetGetRequest(assetId, params),
      assetGetOperation,
      options,
    );
  }

  /**
   * Create a New Request Asset
   *
   * Uploads a new asset to a Cloudforce One intelligence request.
   *
   * @example
   * ```ts
   * const asset = await client.cloudforceOne.requests.assets.upload(
   *   'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',
   *   { account_id: '023e105f4ecef8ad9ca31a8372d0c353' },
   * );
   *
   * console.log(asset.id);
   * ```
   */
  upload(requestId: string, params: AssetUploadParams, options?: RequestOptions): APIPromise<AssetUploadResponse> {
    return this._client.request(
      () => buildAssetUploadRequest(requestId, params),
      assetUploadOperation,
      options,
    );
  }
}

export class AssetCreateResponsesSinglePage extends SinglePage<AssetCreateResponse> {
}

export class AssetGetResponsesSinglePage extends SinglePage<AssetGetResponse> {
}

export interface AssetCreateParams {
  /**
   * Path param: Identifier.
   *
   * @maxLength 32
   * @example "023e105f4ecef8ad9ca31a8372d0c353"
   */
  account_id: string;
  /** Body param: Page number of results. */
  page: number;
  /**
   * Body param: Number of results per page.
   *
   * @example 10
   */
  per_page: number;
}

/**
 * Builds the
 * `POST /accounts/{account_id}/cloudforce-one/requests/{request_id}/asset`
 * request (cloudforce-one-request-asset-list) without sending it.
 */
export function buildAssetCreateRequest(requestId: string, params: AssetCreateParams): BuiltRequest {
  requireParams(params, ['account_id', 'page', 'per_page']);
  const { account_id, ...body } = params;
  return {
    method: 'POST',
    path: formatPath(
      '/accounts/{account_id}/cloudforce-one/requests/{request_id}/asset',
      { account_id, request_id: requestId },
    ),
    body: { type: 'json', value: body },
  };
}

const assetCreateOperation: OperationSpec = {
  id: 'cloudforce-one-request-asset-list',
  security: [['api_email', 'api_key'], ['api_token']],
  unwrap: 'result',
  responseMediaType: 'application/json',
};

export type AssetCreateResponse = CloudforceOneRequestsRequestAssetItem;

export interface AssetUpdateParams {
  /**
   * Path param: Identifier.
   *
   * @maxLength 32
   * @example "023e105f4ecef8ad9ca31a8372d0c353"
   */
  account_id: string;
  /**
   * Path param: UUID.
   *
   * @maxLength 36
   * @example "f174e90a-fafe-4643-bbbc-4a0ed4fc8415"
   */
  request_id: string;
  /**
   * Body param: Asset file to upload.
   *
   * @example "@/Users/me/example.docx"
   */
  source?: string;
}

/**
 * Builds the
 * `PUT /accounts/{account_id}/cloudforce-one/requests/{request_id}/asset/{asset_id}`
 * request (cloudforce-one-request-asset-update) without sending it.
 */
export function buildAssetUpdateRequest(assetId: string, params: AssetUpdateParams): BuiltRequest {
  requireParams(params, ['account_id', 'request_id']);
  const { account_id, request_id, ...body } = params;
  return {
    method: 'PUT',
    path: formatPath(
      '/accounts/{account_id}/cloudforce-one/requests/{request_id}/asset/{asset_id}',
      { account_id, request_id, asset_id: assetId },
    ),
    body: { type: 'json', value: body },
  };
}

const assetUpdateOperation: OperationSpec = {
  id: 'cloudforce-one-request-asset-update',
  security: [['api_email', 'api_key'], ['api_token']],
  unwrap: 'result',
  responseMediaType: 'application/json',
};

/** Request Asset Item */
export interface AssetUpdateResponse {
  /** Asset ID. */
  id: number;
  /**
   * Asset name.
   *
   * @example "example.docx"
   */
  name: string;
  /**
   * Defines the asset creation time.
   *
   * @format date-time
   * @example "2022-01-01T00:00:00Z"
   */
  created?: string;
  /**
   * Asset description.
   *
   * @example "example description"
   */
  description?: string;
  /**
   * Asset file type.
   *
   * @example "docx"
   */
  file_type?: string;
}

export interface AssetDeleteParams {
  /**
   * Identifier.
   *
   * @maxLength 32
   * @example "023e105f4ecef8ad9ca31a8372d0c353"
   */
  account_id: string;
  /**
   * UUID.
   *
   * @maxLength 36
   * @example "f174e90a-fafe-4643-bbbc-4a0ed4fc8415"
   */
  request_id: string;
}

/**
 * Builds the
 * `DELETE /accounts/{account_id}/cloudforce-one/requests/{request_id}/asset/{asset_id}`
 * request (cloudforce-one-request-asset-delete) without sending it.
 */
export function buildAssetDeleteRequest(assetId: string, params: AssetDeleteParams): BuiltRequest {
  requireParams(params, ['account_id', 'request_id']);
  const { account_id, request_id } = params;
  return {
    method: 'DELETE',
    path: formatPath(
      '/accounts/{account_id}/cloudforce-one/requests/{request_id}/asset/{asset_id}',
      { account_id, request_id, asset_id: assetId },
    ),
  };
}

const assetDeleteOperation: OperationSpec = {
  id: 'cloudforce-one-request-asset-delete',
  security: [['api_email', 'api_key'], ['api_token']],
  responseMediaType: 'application/json',
};

export interface AssetDeleteResponse {
  /** @example [] */
  errors: Array<AssetDeleteResponse.Error>;
  /** @example [] */
  messages: Array<AssetDeleteResponse.Message>;
  /**
   * Whether the API call was successful.
   *
   * @example true
   */
  success: true;
}

export namespace AssetDeleteResponse {
  /** @uniqueItems true */
  export interface Error {
    /** @minimum 1000 */
    code: number;
    message: string;
    documentation_url?: string;
    source?: AssetDeleteResponse.Error.Source;
  }

  export namespace Error {
    export interface Source {
      pointer?: string;
    }
  }

  /** @uniqueItems true */
  export interface Message {
    /** @minimum 1000 */
    code: number;
    message: string;
    documentation_url?: string;
    source?: AssetDeleteResponse.Message.Source;
  }

  export namespace Message {
    export interface Source {
      pointer?: string;
    }
  }
}

export interface AssetGetParams {
  /**
   * Identifier.
   *
   * @maxLength 32
   * @example "023e105f4ecef8ad9ca31a8372d0c353"
   */
  account_id: string;
  /**
   * UUID.
   *
   * @maxLength 36
   * @example "f174e90a-fafe-4643-bbbc-4a0ed4fc8415"
   */
  request_id: string;
}

/**
 * Builds the
 * `GET /accounts/{account_id}/cloudforce-one/requests/{request_id}/asset/{asset_id}`
 * request (cloudforce-one-request-asset-get) without sending it.
 */
export function buildAssetGetRequest(assetId: string, params: AssetGetParams): BuiltRequest {
  requireParams(params, ['account_id', 'request_id']);
  const { account_id, request_id } = params;
  return {
    method: 'GET',
    path: formatPath(
      '/accounts/{account_id}/cloudforce-one/requests/{request_id}/asset/{asset_id}',
      { account_id, request_id, asset_id: assetId },
    ),
  };
}

const assetGetOperation: OperationSpec = {
  id: 'cloudforce-one-request-asset-get',
  security: [['api_email', 'api_key'], ['api_token']],
  unwrap: 'result',
  responseMediaType: 'application/json',
};

export type AssetGetResponse = CloudforceOneRequestsRequestAssetItem;

export interface AssetUploadParams {
  /**
   * Path param: Identifier.
   *
   * @maxLength 32
   * @example "023e105f4ecef8ad9ca31a8372d0c353"
   */
  account_id: string;
  /**
   * Body param: Asset file to upload.
   *
   * @example "@/Users/me/example.docx"
   */
  source?: string;
}

/**
 * Builds the
 * `POST /accounts/{account_id}/cloudforce-one/requests/{request_id}/asset/new`
 * request (cloudforce-one-request-asset-new) without sending it.
 */
export function buildAssetUploadRequest(requestId: string, params: AssetUploadParams): BuiltRequest {
  requireParams(params, ['account_id']);
  const { account_id, ...body } = params;
  return {
    method: 'POST',
    path: formatPath(
      '/accounts/{account_id}/cloudforce-one/requests/{request_id}/asset/new',
      { account_id, request_id: requestId },
    ),
    body: {
      type: 'multipart',
      value: body as unknown as Record<string, unknown>,
    },
  };
}

const assetUploadOperation: OperationSpec = {
  id: 'cloudforce-one-request-asset-new',
  security: [['api_email', 'api_key'], ['api_token']],
  unwrap: 'result',
  responseMediaType: 'application/json',
};

/** Request Asset Item */
export interface AssetUploadResponse {
  /** Asset ID. */
  id: number;
  /**
   * Asset name.
   *
   * @example "example.docx"
   */
  name: string;
  /**
   * Defines the asset creation time.
   *
   * @format date-time
   * @example "2022-01-01T00:00:00Z"
   */
  created?: string;
  /**
   * Asset description.
   *
   * @example "example description"
   */
  description?: string;
  /**
   * Asset file type.
   *
   * @example "docx"
   */
  file_type?: string;
}

/** Request Asset Item */
export interface CloudforceOneRequestsRequestAssetItem {
  /** Asset ID. */
  id: number;
  /**
   * Asset name.
   *
   * @example "example.docx"
   */
  name: string;
  /**
   * Defines the asset creation time.
   *
   * @format date-time
   * @example "2022-01-01T00:00:00Z"
   */
  created?: string;
  /**
   * Asset description.
   *
   * @example "example description"
   */
  description?: string;
  /**
   * Asset file type.
   *
   * @example "docx"
   */
  file_type?: string;
}

Assets.AssetCreateResponsesSinglePage = AssetCreateResponsesSinglePage;
Assets.AssetGetResponsesSinglePage = AssetGetResponsesSinglePage;

export declare namespace Assets {
  export { AssetCreateResponsesSinglePage, AssetGetResponsesSinglePage, type AssetCreateParams, type AssetCreateResponse, type AssetUpdateParams, type AssetUpdateResponse, type AssetDeleteParams, type AssetDeleteResponse, type AssetGetParams, type AssetGetResponse, type AssetUploadParams, type AssetUploadResponse, type CloudforceOneRequestsRequestAssetItem };
}

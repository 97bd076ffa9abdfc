// File generated from an OpenAPI spec by lathe. Do not edit: run `lathe generate` instead.
import { APIResource } from '../../../core/resource.js';
import type { APIPromise } from '../../../core/api-promise.js';
import { PagePromise, SinglePage } from '../../../core/pagination.js';
import type { BuiltRequest, OperationSpec, RequestOptions } from '../../../core/types.js';
import { formatPath, requireParams } from '../../../core/builder.js';
import { type Message, type MessageCreateParams, type MessageDeleteParams, type MessageDeleteResponse, type MessageGetParams, MessageResource, MessagesSinglePage, type MessageUpdateParams } from './message.js';
import { type Label, PrioritiesSinglePage, type Priority, type PriorityCreateParams, type PriorityDeleteParams, type PriorityDeleteResponse, type PriorityEdit, type PriorityGetParams, type PriorityListParams, type PriorityQuotaParams, PriorityResource, type PriorityUpdateParams } from './priority.js';
import { type AssetCreateParams, type AssetCreateResponse, AssetCreateResponsesSinglePage, type AssetDeleteParams, type AssetDeleteResponse, type AssetGetParams, type AssetGetResponse, AssetGetResponsesSinglePage, Assets, type AssetUpdateParams, type AssetUpdateResponse, type AssetUploadParams, type AssetUploadResponse, type CloudforceOneRequestsRequestAssetItem } from './assets.js';

export class Requests extends APIResource {
  message: MessageResource = new MessageResource(this._client);
  priority: PriorityResource = new PriorityResource(this._client);
  assets: Assets = new Assets(this._client);

  /**
   * Create a New Request.
   *
   * Creating a request adds the request into the Cloudforce One queue for
   * analysis. In addition to the content, a short title, type, priority, and
   * releasability should be provided. If one is not provided, a default will be
   * assigned.
   *
   * @example
   * ```ts
   * const request = await client.cloudforceOne.requests.create(
   *   { account_id: '023e105f4ecef8ad9ca31a8372d0c353' },
   * );
   *
   * console.log(request.id);
   * ```
   */
  create(params: RequestCreateParams, options?: RequestOptions): APIPromise<Item> {
    return this._client.request(
      () => buildRequestCreateRequest(params),
      requestCreateOperation,
      options,
    );
  }

  /**
   * Update a Request
   *
   * Updating a request alters the request in the Cloudforce One queue. This API
   * may be used to update any attributes of the request after the initial
   * submission. Only fields that you choose to update need to be add to the
   * request body.
   *
   * @example
   * ```ts
   * const request = await client.cloudforceOne.requests.update(
   *   'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',
   *   { account_id: '023e105f4ecef8ad9ca31a8372d0c353' },
   * );
   *
   * console.log(request.id);
   * ```
   */
  update(requestId: string, params: RequestUpdateParams, options?: RequestOptions): APIPromise<Item> {
    return this._client.request(
      () => buildRequestUpdateRequest(requestId, params),
      requestUpdateOperation,
      options,
    );
  }

  /**
   * List Requests
   *
   * Lists Cloudforce One intelligence requests with filtering and pagination.
   *
   * @example
   * ```ts
   * for await (const request of client.cloudforceOne.requests.list(
   *   {
   *     account_id: '023e105f4ecef8ad9ca31a8372d0c353',
   *     page: 0,
   *     per_page: 10,
   *   },
   * )) {
   *   console.log(request);
   * }
   * ```
   */
  list(params: RequestListParams, options?: RequestOptions): PagePromise<ListItemsSinglePage, ListItem> {
    return this._client.requestPage(
      ListItemsSinglePage,
      () => buildRequestListRequest(params),
      requestListOperation,
      options,
    );
  }

  /**
   * Delete a Request
   *
   * Deletes a Cloudforce One intelligence request and all associated data.
   *
   * @example
   * ```ts
   * const request = await client.cloudforceOne.requests.delete(
   *   'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',
   *   { account_id: '023e105f4ecef8ad9ca31a8372d0c353' },
   * );
   *
   * console.log(request.errors);
   * ```
   */
  delete(requestId: string, params: RequestDeleteParams, options?: RequestOptions): APIPromise<RequestDeleteResponse> {
    return this._client.request(
      () => buildRequestDeleteRequest(requestId, params),
      requestDeleteOperation,
      options,
    );
  }

  /**
   * Get Request Priority, Status, and TLP constants
   *
   * Retrieves constant values used in Cloudforce One requests, including valid
   * statuses and types.
   *
   * @example
   * ```ts
   * const request = await client.cloudforceOne.requests.constants(
   *   { account_id: '023e105f4ecef8ad9ca31a8372d0c353' },
   * );
   *
   * console.log(request.priority);
   * ```
   */
  constants(params: RequestConstantsParams, options?: RequestOptions): APIPromise<RequestConstants> {
    return this._client.request(
      () => buildRequestConstantsRequest(params),
      requestConstantsOperation,
      options,
    );
  }

  /**
   * Get a Request
   *
   * Retrieves details for a specific Cloudforce One intelligence request.
   *
   * @example
   * ```ts
   * const request = await client.cloudforceOne.requests.get(
   *   'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',
   *   { account_id: '023e105f4ecef8ad9ca31a8372d0c353' },
   * );
   *
   * console.log(request.id);
   * ```
   */
  get(requestId: string, params: RequestGetParams, options?: RequestOptions): APIPromise<Item> {
    return this._client.request(
      () => buildRequestGetRequest(requestId, params),
      requestGetOperation,
      options,
    );
  }

  /**
   * Get Request Quota
   *
   * Retrieves quota usage for Cloudforce One standard requests.
   *
   * @example
   * ```ts
   * const request = await client.cloudforceOne.requests.quota(
   *   { account_id: '023e105f4ecef8ad9ca31a8372d0c353' },
   * );
   *
   * console.log(request.anniversary_date);
   * ```
   */
  quota(params: RequestQuotaParams, options?: RequestOptions): APIPromise<Quota> {
    return this._client.request(
      () => buildRequestQuotaRequest(params),
      requestQuotaOperation,
      options,
    );
  }

  /**
   * Get Request Types
   *
   * Lists available request types for Cloudforce One intelligence requests.
   *
   * @example
   * ```ts
   * for await (const request of client.cloudforceOne.requests.types(
   *   { account_id: '023e105f4ecef8ad9ca31a8372d0c353' },
   * )) {
   *   console.log(request);
   * }
   * ```
   */
  types(params: RequestTypesParams, options?: RequestOptions): PagePromise<RequestTypesResponsesSinglePage, RequestTypesResponse> {
    return this._client.requestPage(
      RequestTypesResponsesSinglePage,
      () => buildRequestTypesRequest(params),
      requestTypesOperation,
      options,
    );
  }
}

export class ListItemsSinglePage extends SinglePage<ListItem> {
}

export class RequestTypesResponsesSinglePage extends SinglePage<RequestTypesResponse> {
}

export interface RequestCreateParams {
  /**
   * Path param: Identifier.
   *
   * @maxLength 32
   * @example "023e105f4ecef8ad9ca31a8372d0c353"
   */
  account_id: string;
  /**
   * Body param: Request content.
   *
   * @example "What regions were most effected by the recent DoS?"
   */
  content?: string;
  /**
   * Body param: Priority for analyzing the request.
   *
   * @example "routine"
   */
  priority?: string;
  /**
   * Body param: Requested information from request.
   *
   * @example "Victomology"
   */
  request_type?: string;
  /**
   * Body param: Brief description of the request.
   *
   * @example "DoS attack"
   */
  summary?: string;
  tlp?: CloudforceOneRequestsTlp;
}

/**
 * Builds the `POST /accounts/{account_id}/cloudforce-one/requests/new` request
 * (cloudforce-one-request-new) without sending it.
 */
export function buildRequestCreateRequest(params: RequestCreateParams): BuiltRequest {
  requireParams(params, ['account_id']);
  const { account_id, ...body } = params;
  return {
    method: 'POST',
    path: formatPath('/accounts/{account_id}/cloudforce-one/requests/new', {
      account_id,
    }),
    body: { type: 'json', value: body },
  };
}

const requestCreateOperation: OperationSpec = {
  id: 'cloudforce-one-request-new',
  security: [['api_email', 'api_key'], ['api_token']],
  unwrap: 'result',
  responseMediaType: 'application/json',
};

export interface RequestUpdateParams {
  /**
   * Path param: Identifier.
   *
   * @maxLength 32
   * @example "023e105f4ecef8ad9ca31a8372d0c353"
   */
  account_id: string;
  /**
   * Body param: Request content.
   *
   * @example "What regions were most effected by the recent DoS?"
   */
  content?: string;
  /**
   * Body param: Priority for analyzing the request.
   *
   * @example "routine"
   */
  priority?: string;
  /**
   * Body param: Requested information from request.
   *
   * @example "Victomology"
   */
  request_type?: string;
  /**
   * Body param: Brief description of the request.
   *
   * @example "DoS attack"
   */
  summary?: string;
  tlp?: CloudforceOneRequestsTlp;
}

/**
 * Builds the `PUT /accounts/{account_id}/cloudforce-one/requests/{request_id}`
 * request (cloudforce-one-request-update) without sending it.
 */
export function buildRequestUpdateRequest(requestId: string, params: RequestUpdateParams): BuiltRequest {
  requireParams(params, ['account_id']);
  const { account_id, ...body } = params;
  return {
    method: 'PUT',
    path: formatPath(
      '/accounts/{account_id}/cloudforce-one/requests/{request_id}',
      { account_id, request_id: requestId },
    ),
    body: { type: 'json', value: body },
  };
}

const requestUpdateOperation: OperationSpec = {
  id: 'cloudforce-one-request-update',
  security: [['api_email', 'api_key'], ['api_token']],
  unwrap: 'result',
  responseMediaType: 'application/json',
};

export interface RequestListParams {
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
  /**
   * Body param: Retrieve requests completed after this time.
   *
   * @format date-time
   * @example "2022-01-01T00:00:00Z"
   */
  completed_after?: string;
  /**
   * Body param: Retrieve requests completed before this time.
   *
   * @format date-time
   * @example "2024-01-01T00:00:00Z"
   */
  completed_before?: string;
  /**
   * Body param: Retrieve requests created after this time.
   *
   * @format date-time
   * @example "2022-01-01T00:00:00Z"
   */
  created_after?: string;
  /**
   * Body param: Retrieve requests created before this time.
   *
   * @format date-time
   * @example "2024-01-01T00:00:00Z"
   */
  created_before?: string;
  /**
   * Body param: Requested information from request.
   *
   * @example "Victomology"
   */
  request_type?: string;
  /**
   * Body param: Field to sort results by.
   *
   * @example "created"
   */
  sort_by?: string;
  /** Body param: Sort order (asc or desc). */
  sort_order?: 'asc' | 'desc';
  status?: CloudforceOneRequestsRequestStatus;
}

/**
 * Builds the `POST /accounts/{account_id}/cloudforce-one/requests` request
 * (cloudforce-one-request-list) without sending it.
 */
export function buildRequestListRequest(params: RequestListParams): BuiltRequest {
  requireParams(params, ['account_id', 'page', 'per_page']);
  const { account_id, ...body } = params;
  return {
    method: 'POST',
    path: formatPath('/accounts/{account_id}/cloudforce-one/requests', {
      account_id,
    }),
    body: { type: 'json', value: body },
  };
}

const requestListOperation: OperationSpec = {
  id: 'cloudforce-one-request-list',
  security: [['api_email', 'api_key'], ['api_token']],
  unwrap: 'result',
  responseMediaType: 'application/json',
};

export interface RequestDeleteParams {
  /**
   * Identifier.
   *
   * @maxLength 32
   * @example "023e105f4ecef8ad9ca31a8372d0c353"
   */
  account_id: string;
}

/**
 * Builds the
 * `DELETE /accounts/{account_id}/cloudforce-one/requests/{request_id}` request
 * (cloudforce-one-request-delete) without sending it.
 */
export function buildRequestDeleteRequest(requestId: string, params: RequestDeleteParams): BuiltRequest {
  requireParams(params, ['account_id']);
  const { account_id } = params;
  return {
    method: 'DELETE',
    path: formatPath(
      '/accounts/{account_id}/cloudforce-one/requests/{request_id}',
      { account_id, request_id: requestId },
    ),
  };
}

const requestDeleteOperation: OperationSpec = {
  id: 'cloudforce-one-request-delete',
  security: [['api_email', 'api_key'], ['api_token']],
  responseMediaType: 'application/json',
};

export interface RequestDeleteResponse {
  /** @example [] */
  errors: Array<RequestDeleteResponse.Error>;
  /** @example [] */
  messages: Array<RequestDeleteResponse.Message>;
  /**
   * Whether the API call was successful.
   *
   * @example true
   */
  success: true;
}

export namespace RequestDeleteResponse {
  /** @uniqueItems true */
  export interface Error {
    /** @minimum 1000 */
    code: number;
    message: string;
    documentation_url?: string;
    source?: RequestDeleteResponse.Error.Source;
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
    source?: RequestDeleteResponse.Message.Source;
  }

  export namespace Message {
    export interface Source {
      pointer?: string;
    }
  }
}

export interface RequestConstantsParams {
  /**
   * Identifier.
   *
   * @maxLength 32
   * @example "023e105f4ecef8ad9ca31a8372d0c353"
   */
  account_id: string;
}

/**
 * Builds the `GET /accounts/{account_id}/cloudforce-one/requests/constants`
 * request (cloudforce-one-request-constants) without sending it.
 */
export function buildRequestConstantsRequest(params: RequestConstantsParams): BuiltRequest {
  requireParams(params, ['account_id']);
  const { account_id } = params;
  return {
    method: 'GET',
    path: formatPath(
      '/accounts/{account_id}/cloudforce-one/requests/constants',
      { account_id },
    ),
  };
}

const requestConstantsOperation: OperationSpec = {
  id: 'cloudforce-one-request-constants',
  security: [['api_email', 'api_key'], ['api_token']],
  unwrap: 'result',
  responseMediaType: 'application/json',
};

export interface RequestGetParams {
  /**
   * Identifier.
   *
   * @maxLength 32
   * @example "023e105f4ecef8ad9ca31a8372d0c353"
   */
  account_id: string;
}

/**
 * Builds the `GET /accounts/{account_id}/cloudforce-one/requests/{request_id}`
 * request (cloudforce-one-request-get) without sending it.
 */
export function buildRequestGetRequest(requestId: string, params: RequestGetParams): BuiltRequest {
  requireParams(params, ['account_id']);
  const { account_id } = params;
  return {
    method: 'GET',
    path: formatPath(
      '/accounts/{account_id}/cloudforce-one/requests/{request_id}',
      { account_id, request_id: requestId },
    ),
  };
}

const requestGetOperation: OperationSpec = {
  id: 'cloudforce-one-request-get',
  security: [['api_email', 'api_key'], ['api_token']],
  unwrap: 'result',
  responseMediaType: 'application/json',
};

export interface RequestQuotaParams {
  /**
   * Identifier.
   *
   * @maxLength 32
   * @example "023e105f4ecef8ad9ca31a8372d0c353"
   */
  account_id: string;
}

/**
 * Builds the `GET /accounts/{account_id}/cloudforce-one/requests/quota` request
 * (cloudforce-one-request-quota) without sending it.
 */
export function buildRequestQuotaRequest(params: RequestQuotaParams): BuiltRequest {
  requireParams(params, ['account_id']);
  const { account_id } = params;
  return {
    method: 'GET',
    path: formatPath('/accounts/{account_id}/cloudforce-one/requests/quota', {
      account_id,
    }),
  };
}

const requestQuotaOperation: OperationSpec = {
  id: 'cloudforce-one-request-quota',
  security: [['api_email', 'api_key'], ['api_token']],
  unwrap: 'result',
  responseMediaType: 'application/json',
};

export interface RequestTypesParams {
  /**
   * Identifier.
   *
   * @maxLength 32
   * @example "023e105f4ecef8ad9ca31a8372d0c353"
   */
  account_id: string;
}

/**
 * Builds the `GET /accounts/{account_id}/cloudforce-one/requests/types` request
 * (cloudforce-one-request-types) without sending it.
 */
export function buildRequestTypesRequest(params: RequestTypesParams): BuiltRequest {
  requireParams(params, ['account_id']);
  const { account_id } = params;
  return {
    method: 'GET',
    path: formatPath('/accounts/{account_id}/cloudforce-one/requests/types', {
      account_id,
    }),
  };
}

const requestTypesOperation: OperationSpec = {
  id: 'cloudforce-one-request-types',
  security: [['api_email', 'api_key'], ['api_token']],
  unwrap: 'result',
  responseMediaType: 'application/json',
};

/** Request Types. */
export type RequestTypesResponse = string;

/** Request Status. */
export type CloudforceOneRequestsRequestStatus = 'open'
  | 'accepted'
  | 'reported'
  | 'approved'
  | 'completed'
  | 'declined';

/** Request List Item */
export interface ListItem {
  /**
   * UUID.
   *
   * @maxLength 36
   * @example "f174e90a-fafe-4643-bbbc-4a0ed4fc8415"
   */
  id: string;
  /**
   * Request creation time.
   *
   * @format date-time
   * @example "2022-04-01T00:00:00Z"
   */
  created: string;
  priority: CloudforceOneRequestsPriority;
  /**
   * Requested information from request.
   *
   * @example "Victomology"
   */
  request: string;
  /**
   * Brief description of the request.
   *
   * @example "DoS attack"
   */
  summary: string;
  tlp: CloudforceOneRequestsTlp;
  /**
   * Request last updated time.
   *
   * @format date-time
   * @example "2022-04-01T00:00:00Z"
   */
  updated: string;
  /**
   * Request completion time.
   *
   * @format date-time
   * @example "2024-01-01T00:00:00Z"
   */
  completed?: string;
  /**
   * Tokens for the request messages.
   *
   * @example 16
   */
  message_tokens?: number;
  /**
   * Readable Request ID.
   *
   * @example "RFI-2022-000001"
   */
  readable_id?: string;
  status?: CloudforceOneRequestsRequestStatus;
  /** Tokens for the request. */
  tokens?: number;
}

/** Request Priority */
export type CloudforceOneRequestsPriority = 'routine' | 'high' | 'urgent';

/** The CISA defined Traffic Light Protocol (TLP). */
export type CloudforceOneRequestsTlp = 'clear'
  | 'amber'
  | 'amber-strict'
  | 'green'
  | 'red';

/** Request Constants */
export interface RequestConstants {
  /** @example ["routine","high","urgent"] */
  priority?: Array<CloudforceOneRequestsPriority>;
  /** @example ["open","accepted","reported","approved","completed","declined"] */
  status?: Array<CloudforceOneRequestsRequestStatus>;
  /** @example ["clear","green","amber","amber-strict","red"] */
  tlp?: Array<CloudforceOneRequestsTlp>;
}

/** Request Item */
export interface Item {
  /**
   * UUID.
   *
   * @maxLength 36
   * @example "f174e90a-fafe-4643-bbbc-4a0ed4fc8415"
   */
  id: string;
  /**
   * Request content.
   *
   * @example "What regions were most effected by the recent DoS?"
   */
  content: string;
  /**
   * @format date-time
   * @example "2022-04-01T05:20:00Z"
   */
  created: string;
  /**
   * @format date-time
   * @example "2022-04-01T05:20:00Z"
   */
  priority: string;
  /**
   * Requested information from request.
   *
   * @example "Victomology"
   */
  request: string;
  /**
   * Brief description of the request.
   *
   * @example "DoS attack"
   */
  summary: string;
  tlp: CloudforceOneRequestsTlp;
  /**
   * @format date-time
   * @example "2022-04-01T05:20:00Z"
   */
  updated: string;
  /**
   * @format date-time
   * @example "2022-04-01T05:20:00Z"
   */
  completed?: string;
  /**
   * Tokens for the request messages.
   *
   * @example 1
   */
  message_tokens?: number;
  /**
   * Readable Request ID.
   *
   * @example "RFI-2022-000001"
   */
  readable_id?: string;
  status?: CloudforceOneRequestsRequestStatus;
  /**
   * Tokens for the request.
   *
   * @example 16
   */
  tokens?: number;
}

/** Quota */
export interface Quota {
  /**
   * Anniversary date is when annual quota limit is refreshed.
   *
   * @format date-time
   * @example "2022-04-01T00:00:00Z"
   */
  anniversary_date?: string;
  /**
   * Quarter anniversary date is when quota limit is refreshed each quarter.
   *
   * @format date-time
   * @example "2022-04-01T00:00:00Z"
   */
  quarter_anniversary_date?: string;
  /**
   * Tokens for the quarter.
   *
   * @example 120
   */
  quota?: number;
  /**
   * Tokens remaining for the quarter.
   *
   * @example 64
   */
  remaining?: number;
}

/**
 * Request Types
 *
 * @example ["Indicators of Compromise","Victomology"]
 */
export type RequestTypes = Array<string>;
Requests.ListItemsSinglePage = ListItemsSinglePage;
Requests.RequestTypesResponsesSinglePage = RequestTypesResponsesSinglePage;
Requests.MessageResource = MessageResource;
Requests.MessagesSinglePage = MessagesSinglePage;
Requests.PriorityResource = PriorityResource;
Requests.PrioritiesSinglePage = PrioritiesSinglePage;
Requests.Assets = Assets;
Requests.AssetCreateResponsesSinglePage = AssetCreateResponsesSinglePage;
Requests.AssetGetResponsesSinglePage = AssetGetResponsesSinglePage;

export declare namespace Requests {
  export { ListItemsSinglePage, RequestTypesResponsesSinglePage, MessageResource, MessagesSinglePage, PriorityResource, PrioritiesSinglePage, Assets, AssetCreateResponsesSinglePage, AssetGetResponsesSinglePage, type RequestCreateParams, type RequestUpdateParams, type RequestListParams, type RequestDeleteParams, type RequestDeleteResponse, type RequestConstantsParams, type RequestGetParams, type RequestQuotaParams, type RequestTypesParams, type RequestTypesResponse, type CloudforceOneRequestsRequestStatus, type ListItem, type CloudforceOneRequestsPriority, type CloudforceOneRequestsTlp, type RequestConstants, type Item, type Quota, type RequestTypes, type MessageCreateParams, type MessageUpdateParams, type MessageDeleteParams, type MessageDeleteResponse, type MessageGetParams, type Message, type PriorityCreateParams, type PriorityUpdateParams, type PriorityDeleteParams, type PriorityDeleteResponse, type PriorityGetParams, type PriorityQuotaParams, type PriorityListParams, type Priority, type Label, type PriorityEdit, type AssetCreateParams, type AssetCreateResponse, type AssetUpdateParams, type AssetUpdateResponse, type AssetDeleteParams, type AssetDeleteResponse, type AssetGetParams, type AssetGetResponse, type AssetUploadParams, type AssetUploadResponse, type CloudforceOneRequestsRequestAssetItem };
}

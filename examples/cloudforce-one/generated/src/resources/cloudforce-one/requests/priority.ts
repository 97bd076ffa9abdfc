// File generated from an OpenAPI spec by lathe. Do not edit: run `lathe generate` instead.
import { APIResource } from '../../../core/resource.js';
import type { APIPromise } from '../../../core/api-promise.js';
import { PagePromise, SinglePage } from '../../../core/pagination.js';
import type { BuiltRequest, OperationSpec, RequestOptions } from '../../../core/types.js';
import { formatPath, requireParams } from '../../../core/builder.js';
import type { CloudforceOneRequestsTlp, Item, Quota } from './requests.js';

export class PriorityResource extends APIResource {
  /**
   * Create a New Priority Intelligence Requirement
   *
   * Creates a new priority intelligence request in Cloudforce One.
   *
   * @example
   * ```ts
   * const priority = await client.cloudforceOne.requests.priority.create(
   *   {
   *     account_id: '023e105f4ecef8ad9ca31a8372d0c353',
   *     labels: ['DoS', 'CVE'],
   *     priority: 1,
   *     requirement: 'DoS attacks carried out by CVEs',
   *     tlp: 'clear',
   *   },
   * );
   *
   * console.log(priority.id);
   * ```
   */
  create(params: PriorityCreateParams, options?: RequestOptions): APIPromise<Priority> {
    return this._client.request(
      () => buildPriorityCreateRequest(params),
      priorityCreateOperation,
      options,
    );
  }

  /**
   * Update a Priority Intelligence Requirement
   *
   * Updates a priority intelligence request in Cloudforce One.
   *
   * @example
   * ```ts
   * const priority = await client.cloudforceOne.requests.priority.update(
   *   'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',
   *   {
   *     account_id: '023e105f4ecef8ad9ca31a8372d0c353',
   *     labels: ['DoS', 'CVE'],
   *     priority: 1,
   *     requirement: 'DoS attacks carried out by CVEs',
   *     tlp: 'clear',
   *   },
   * );
   *
   * console.log(priority.id);
   * ```
   */
  update(priorityId: string, params: PriorityUpdateParams, options?: RequestOptions): APIPromise<Item> {
    return this._client.request(
      () => buildPriorityUpdateRequest(priorityId, params),
      priorityUpdateOperation,
      options,
    );
  }

  /**
   * Delete a Priority Intelligence Requirement
   *
   * Deletes a priority intelligence request from Cloudforce One.
   *
   * @example
   * ```ts
   * const priority = await client.cloudforceOne.requests.priority.delete(
   *   'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',
   *   { account_id: '023e105f4ecef8ad9ca31a8372d0c353' },
   * );
   *
   * console.log(priority.errors);
   * ```
   */
  delete(priorityId: string, params: PriorityDeleteParams, options?: RequestOptions): APIPromise<PriorityDeleteResponse> {
    return this._client.request(
      () => buildPriorityDeleteRequest(priorityId, params),
      priorityDeleteOperation,
      options,
    );
  }

  /**
   * Get a Priority Intelligence Requirement
   *
   * Retrieves a specific priority intelligence request from Cloudforce One.
   *
   * @example
   * ```ts
   * const priority = await client.cloudforceOne.requests.priority.get(
   *   'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',
   *   { account_id: '023e105f4ecef8ad9ca31a8372d0c353' },
   * );
   *
   * console.log(priority.id);
   * ```
   */
  get(priorityId: string, params: PriorityGetParams, options?: RequestOptions): APIPromise<Item> {
    return this._client.request(
      () => buildPriorityGetRequest(priorityId, params),
      priorityGetOperation,
      options,
    );
  }

  /**
   * Get Priority Intelligence Requirement Quota
   *
   * Retrieves quota usage for Cloudforce One priority requests.
   *
   * @example
   * ```ts
   * const priority = await client.cloudforceOne.requests.priority.quota(
   *   { account_id: '023e105f4ecef8ad9ca31a8372d0c353' },
   * );
   *
   * console.log(priority.anniversary_date);
   * ```
   */
  quota(params: PriorityQuotaParams, options?: RequestOptions): APIPromise<Quota> {
    return this._client.request(
      () => buildPriorityQuotaRequest(params),
      priorityQuotaOperation,
      options,
    );
  }

  /**
   * List Priority Intelligence Requirements
   *
   * Lists priority intelligence requests in Cloudforce One.
   *
   * @example
   * ```ts
   * for await (const priority of client.cloudforceOne.requests.priority.list(
   *   {
   *     account_id: '023e105f4ecef8ad9ca31a8372d0c353',
   *     page: 0,
   *     per_page: 10,
   *   },
   * )) {
   *   console.log(priority);
   * }
   * ```
   */
  list(params: PriorityListParams, options?: RequestOptions): PagePromise<PrioritiesSinglePage, Priority> {
    return this._client.requestPage(
      PrioritiesSinglePage,
      () => buildPriorityListRequest(params),
      priorityListOperation,
      options,
    );
  }
}

export class PrioritiesSinglePage extends SinglePage<Priority> {
}

export interface PriorityCreateParams {
  /**
   * Path param: Identifier.
   *
   * @maxLength 32
   * @example "023e105f4ecef8ad9ca31a8372d0c353"
   */
  account_id: string;
  labels: Label;
  /**
   * Body param: Priority.
   *
   * @example 1
   */
  priority: number;
  /**
   * Body param: Requirement.
   *
   * @example "DoS attacks carried out by CVEs"
   */
  requirement: string;
  tlp: CloudforceOneRequestsTlp;
}

/**
 * Builds the `POST /accounts/{account_id}/cloudforce-one/requests/priority/new`
 * request (cloudforce-one-priority-new) without sending it.
 */
export function buildPriorityCreateRequest(params: PriorityCreateParams): BuiltRequest {
  requireParams(params, [
    'account_id',
    'labels',
    'priority',
    'requirement',
    'tlp',
  ]);
  const { account_id, ...body } = params;
  return {
    method: 'POST',
    path: formatPath(
      '/accounts/{account_id}/cloudforce-one/requests/priority/new',
      { account_id },
    ),
    body: { type: 'json', value: body },
  };
}

const priorityCreateOperation: OperationSpec = {
  id: 'cloudforce-one-priority-new',
  security: [['api_email', 'api_key'], ['api_token']],
  unwrap: 'result',
  responseMediaType: 'application/json',
};

export interface PriorityUpdateParams {
  /**
   * Path param: Identifier.
   *
   * @maxLength 32
   * @example "023e105f4ecef8ad9ca31a8372d0c353"
   */
  account_id: string;
  labels: Label;
  /**
   * Body param: Priority.
   *
   * @example 1
   */
  priority: number;
  /**
   * Body param: Requirement.
   *
   * @example "DoS attacks carried out by CVEs"
   */
  requirement: string;
  tlp: CloudforceOneRequestsTlp;
}

/**
 * Builds the
 * `PUT /accounts/{account_id}/cloudforce-one/requests/priority/{priority_id}`
 * request (cloudforce-one-priority-update) without sending it.
 */
export function buildPriorityUpdateRequest(priorityId: string, params: PriorityUpdateParams): BuiltRequest {
  requireParams(params, [
    'account_id',
    'labels',
    'priority',
    'requirement',
    'tlp',
  ]);
  const { account_id, ...body } = params;
  return {
    method: 'PUT',
    path: formatPath(
      '/accounts/{account_id}/cloudforce-one/requests/priority/{priority_id}',
      { account_id, priority_id: priorityId },
    ),
    body: { type: 'json', value: body },
  };
}

const priorityUpdateOperation: OperationSpec = {
  id: 'cloudforce-one-priority-update',
  security: [['api_email', 'api_key'], ['api_token']],
  unwrap: 'result',
  responseMediaType: 'application/json',
};

export interface PriorityDeleteParams {
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
 * `DELETE /accounts/{account_id}/cloudforce-one/requests/priority/{priority_id}`
 * request (cloudforce-one-priority-delete) without sending it.
 */
export function buildPriorityDeleteRequest(priorityId: string, params: PriorityDeleteParams): BuiltRequest {
  requireParams(params, ['account_id']);
  const { account_id } = params;
  return {
    method: 'DELETE',
    path: formatPath(
      '/accounts/{account_id}/cloudforce-one/requests/priority/{priority_id}',
      { account_id, priority_id: priorityId },
    ),
  };
}

const priorityDeleteOperation: OperationSpec = {
  id: 'cloudforce-one-priority-delete',
  security: [['api_email', 'api_key'], ['api_token']],
  responseMediaType: 'application/json',
};

export interface PriorityDeleteResponse {
  /** @example [] */
  errors: Array<PriorityDeleteResponse.Error>;
  /** @example [] */
  messages: Array<PriorityDeleteResponse.Message>;
  /**
   * Whether the API call was successful.
   *
   * @example true
   */
  success: true;
}

export namespace PriorityDeleteResponse {
  /** @uniqueItems true */
  export interface Error {
    /** @minimum 1000 */
    code: number;
    message: string;
    documentation_url?: string;
    source?: PriorityDeleteResponse.Error.Source;
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
    source?: PriorityDeleteResponse.Message.Source;
  }

  export namespace Message {
    export interface Source {
      pointer?: string;
    }
  }
}

export interface PriorityGetParams {
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
 * `GET /accounts/{account_id}/cloudforce-one/requests/priority/{priority_id}`
 * request (cloudforce-one-priority-get) without sending it.
 */
export function buildPriorityGetRequest(priorityId: string, params: PriorityGetParams): BuiltRequest {
  requireParams(params, ['account_id']);
  const { account_id } = params;
  return {
    method: 'GET',
    path: formatPath(
      '/accounts/{account_id}/cloudforce-one/requests/priority/{priority_id}',
      { account_id, priority_id: priorityId },
    ),
  };
}

const priorityGetOperation: OperationSpec = {
  id: 'cloudforce-one-priority-get',
  security: [['api_email', 'api_key'], ['api_token']],
  unwrap: 'result',
  responseMediaType: 'application/json',
};

export interface PriorityQuotaParams {
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
 * `GET /accounts/{account_id}/cloudforce-one/requests/priority/quota` request
 * (cloudforce-one-priority-quota) without sending it.
 */
export function buildPriorityQuotaRequest(params: PriorityQuotaParams): BuiltRequest {
  requireParams(params, ['account_id']);
  const { account_id } = params;
  return {
    method: 'GET',
    path: formatPath(
      '/accounts/{account_id}/cloudforce-one/requests/priority/quota',
      { account_id },
    ),
  };
}

const priorityQuotaOperation: OperationSpec = {
  id: 'cloudforce-one-priority-quota',
  security: [['api_email', 'api_key'], ['api_token']],
  unwrap: 'result',
  responseMediaType: 'application/json',
};

export interface PriorityListParams {
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
 * Builds the `POST /accounts/{account_id}/cloudforce-one/requests/priority`
 * request (cloudforce-one-priority-list) without sending it.
 */
export function buildPriorityListRequest(params: PriorityListParams): BuiltRequest {
  requireParams(params, ['account_id', 'page', 'per_page']);
  const { account_id, ...body } = params;
  return {
    method: 'POST',
    path: formatPath(
      '/accounts/{account_id}/cloudforce-one/requests/priority',
      { account_id },
    ),
    body: { type: 'json', value: body },
  };
}

const priorityListOperation: OperationSpec = {
  id: 'cloudforce-one-priority-list',
  security: [['api_email', 'api_key'], ['api_token']],
  unwrap: 'result',
  responseMediaType: 'application/json',
};

/** Priority Item */
export interface Priority {
  /**
   * UUID.
   *
   * @maxLength 36
   * @example "f174e90a-fafe-4643-bbbc-4a0ed4fc8415"
   */
  id: string;
  /**
   * Priority creation time.
   *
   * @format date-time
   * @example "2022-04-01T05:20:00Z"
   */
  created: string;
  labels: Label;
  /**
   * Priority.
   *
   * @example 1
   */
  priority: number;
  /**
   * Requirement.
   *
   * @example "DoS attacks carried out by CVEs"
   */
  requirement: string;
  tlp: CloudforceOneRequestsTlp;
  /**
   * Priority last updated time.
   *
   * @format date-time
   * @example "2022-04-01T05:20:00Z"
   */
  updated: string;
}

/**
 * List of labels.
 *
 * @example ["DoS","CVE"]
 */
export type Label = Array<string>;

/** Priority Editable Attributes */
export interface PriorityEdit {
  labels: Label;
  /**
   * Priority.
   *
   * @example 1
   */
  priority: number;
  /**
   * Requirement.
   *
   * @example "DoS attacks carried out by CVEs"
   */
  requirement: string;
  tlp: CloudforceOneRequestsTlp;
}

PriorityResource.PrioritiesSinglePage = PrioritiesSinglePage;

export declare namespace PriorityResource {
  export { PrioritiesSinglePage, type PriorityCreateParams, type PriorityUpdateParams, type PriorityDeleteParams, type PriorityDeleteResponse, type PriorityGetParams, type PriorityQuotaParams, type PriorityListParams, type Priority, type Label, type PriorityEdit };
}

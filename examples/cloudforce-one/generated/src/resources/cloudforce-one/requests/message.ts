// File generated from an OpenAPI spec by lathe. Do not edit: run `lathe generate` instead.
import { APIResource } from '../../../core/resource.js';
import type { APIPromise } from '../../../core/api-promise.js';
import { PagePromise, SinglePage } from '../../../core/pagination.js';
import type { BuiltRequest, OperationSpec, RequestOptions } from '../../../core/types.js';
import { formatPath, requireParams } from '../../../core/builder.js';

export class MessageResource extends APIResource {
  /**
   * Create a New Request Message
   *
   * Adds a message to a Cloudforce One intelligence request conversation.
   *
   * @example
   * ```ts
   * const message = await client.cloudforceOne.requests.message.create(
   *   'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',
   *   { account_id: '023e105f4ecef8ad9ca31a8372d0c353' },
   * );
   *
   * console.log(message.id);
   * ```
   */
  create(requestId: string, params: MessageCreateParams, options?: RequestOptions): APIPromise<Message> {
    return this._client.request(
      () => buildMessageCreateRequest(requestId, params),
      messageCreateOperation,
      options,
    );
  }

  /**
   * Update a Request Message
   *
   * Updates a message in a Cloudforce One intelligence request thread.
   *
   * @example
   * ```ts
   * const message = await client.cloudforceOne.requests.message.update(
   *   0,
   *   {
   *     account_id: '023e105f4ecef8ad9ca31a8372d0c353',
   *     request_id: 'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',
   *   },
   * );
   *
   * console.log(message.id);
   * ```
   */
  update(messageId: number, params: MessageUpdateParams, options?: RequestOptions): APIPromise<Message> {
    return this._client.request(
      () => buildMessageUpdateRequest(messageId, params),
      messageUpdateOperation,
      options,
    );
  }

  /**
   * Delete a Request Message
   *
   * Removes a message from a Cloudforce One intelligence request thread.
   *
   * @example
   * ```ts
   * const message = await client.cloudforceOne.requests.message.delete(
   *   0,
   *   {
   *     account_id: '023e105f4ecef8ad9ca31a8372d0c353',
   *     request_id: 'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',
   *   },
   * );
   *
   * console.log(message.errors);
   * ```
   */
  delete(messageId: number, params: MessageDeleteParams, options?: RequestOptions): APIPromise<MessageDeleteResponse> {
    return this._client.request(
      () => buildMessageDeleteRequest(messageId, params),
      messageDeleteOperation,
      options,
    );
  }

  /**
   * List Request Messages
   *
   * Lists messages in a Cloudforce One intelligence request conversation.
   *
   * @example
   * ```ts
   * for await (const message of client.cloudforceOne.requests.message.get(
   *   'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',
   *   {
   *     account_id: '023e105f4ecef8ad9ca31a8372d0c353',
   *     page: 0,
   *     per_page: 10,
   *   },
   * )) {
   *   console.log(message);
   * }
   * ```
   */
  get(requestId: string, params: MessageGetParams, options?: RequestOptions): PagePromise<MessagesSinglePage, Message> {
    return this._client.requestPage(
      MessagesSinglePage,
      () => buildMessageGetRequest(requestId, params),
      messageGetOperation,
      options,
    );
  }
}

export class MessagesSinglePage extends SinglePage<Message> {
}

export interface MessageCreateParams {
  /**
   * Path param: Identifier.
   *
   * @maxLength 32
   * @example "023e105f4ecef8ad9ca31a8372d0c353"
   */
  account_id: string;
  /**
   * Body param: Content of message.
   *
   * @example "Can you elaborate on the type of DoS that occurred?"
   */
  content?: string;
}

/**
 * Builds the
 * `POST /accounts/{account_id}/cloudforce-one/requests/{request_id}/message/new`
 * request (cloudforce-one-request-message-new) without sending it.
 */
export function buildMessageCreateRequest(requestId: string, params: MessageCreateParams): BuiltRequest {
  requireParams(params, ['account_id']);
  const { account_id, ...body } = params;
  return {
    method: 'POST',
    path: formatPath(
      '/accounts/{account_id}/cloudforce-one/requests/{request_id}/message/new',
      { account_id, request_id: requestId },
    ),
    body: { type: 'json', value: body },
  };
}

const messageCreateOperation: OperationSpec = {
  id: 'cloudforce-one-request-message-new',
  security: [['api_email', 'api_key'], ['api_token']],
  unwrap: 'result',
  responseMediaType: 'application/json',
};

export interface MessageUpdateParams {
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
   * Body param: Content of message.
   *
   * @example "Can you elaborate on the type of DoS that occurred?"
   */
  content?: string;
}

/**
 * Builds the
 * `PUT /accounts/{account_id}/cloudforce-one/requests/{request_id}/message/{message_id}`
 * request (cloudforce-one-request-message-update) without sending it.
 */
export function buildMessageUpdateRequest(messageId: number, params: MessageUpdateParams): BuiltRequest {
  requireParams(params, ['account_id', 'request_id']);
  const { account_id, request_id, ...body } = params;
  return {
    method: 'PUT',
    path: formatPath(
      '/accounts/{account_id}/cloudforce-one/requests/{request_id}/message/{message_id}',
      { account_id, request_id, message_id: messageId },
    ),
    body: { type: 'json', value: body },
  };
}

const messageUpdateOperation: OperationSpec = {
  id: 'cloudforce-one-request-message-update',
  security: [['api_email', 'api_key'], ['api_token']],
  unwrap: 'result',
  responseMediaType: 'application/json',
};

export interface MessageDeleteParams {
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
 * `DELETE /accounts/{account_id}/cloudforce-one/requests/{request_id}/message/{message_id}`
 * request (cloudforce-one-request-message-delete) without sending it.
 */
export function buildMessageDeleteRequest(messageId: number, params: MessageDeleteParams): BuiltRequest {
  requireParams(params, ['account_id', 'request_id']);
  const { account_id, request_id } = params;
  return {
    method: 'DELETE',
    path: formatPath(
      '/accounts/{account_id}/cloudforce-one/requests/{request_id}/message/{message_id}',
      { account_id, request_id, message_id: messageId },
    ),
  };
}

const messageDeleteOperation: OperationSpec = {
  id: 'cloudforce-one-request-message-delete',
  security: [['api_email', 'api_key'], ['api_token']],
  responseMediaType: 'application/json',
};

export interface MessageDeleteResponse {
  /** @example [] */
  errors: Array<MessageDeleteResponse.Error>;
  /** @example [] */
  messages: Array<MessageDeleteResponse.Message>;
  /**
   * Whether the API call was successful.
   *
   * @example true
   */
  success: true;
}

export namespace MessageDeleteResponse {
  /** @uniqueItems true */
  export interface Error {
    /** @minimum 1000 */
    code: number;
    message: string;
    documentation_url?: string;
    source?: MessageDeleteResponse.Error.Source;
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
    source?: MessageDeleteResponse.Message.Source;
  }

  export namespace Message {
    export interface Source {
      pointer?: string;
    }
  }
}

export interface MessageGetParams {
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
   * Body param: Retrieve mes ges created after this time.
   *
   * @format date-time
   * @example "2022-01-01T00:00:Z"
   */
  after?: string;
  /**
   * Body param: Retrieve messages created before this time.
   *
   * @format date-time
   * @example "2024-01-01T00:00:00Z"
   */
  before?: string;
  /**
   * Body param: Field to sort results by.
   *
   * @example "created"
   */
  sort_by?: string;
  /** Body param: Sort order (asc or desc). */
  sort_order?: 'asc' | 'desc';
}

/**
 * Builds the
 * `POST /accounts/{account_id}/cloudforce-one/requests/{request_id}/message`
 * request (cloudforce-one-request-message-list) without sending it.
 */
export function buildMessageGetRequest(requestId: string, params: MessageGetParams): BuiltRequest {
  requireParams(params, ['account_id', 'page', 'per_page']);
  const { account_id, ...body } = params;
  return {
    method: 'POST',
    path: formatPath(
      '/accounts/{account_id}/cloudforce-one/requests/{request_id}/message',
      { account_id, request_id: requestId },
    ),
    body: { type: 'json', value: body },
  };
}

const messageGetOperation: OperationSpec = {
  id: 'cloudforce-one-request-message-list',
  security: [['api_email', 'api_key'], ['api_token']],
  unwrap: 'result',
  responseMediaType: 'application/json',
};

/** Request Message Item */
export interface Message {
  /** Message ID. */
  id: number;
  /**
   * Author of message.
   *
   * @example "user@domain.com"
   */
  author: string;
  /**
   * Content of message.
   *
   * @example "Can you elaborate on the type of DoS that occurred?"
   */
  content: string;
  /** Whether the message is a follow-on request. */
  is_follow_on_request: boolean;
  /**
   * Defines the message last updated time.
   *
   * @format date-time
   * @example "2022-01-01T00:00:00Z"
   */
  updated: string;
  /**
   * Defines the message creation time.
   *
   * @format date-time
   * @example "2022-01-01T00:00:00Z"
   */
  created?: string;
}

MessageResource.MessagesSinglePage = MessagesSinglePage;

export declare namespace MessageResource {
  export { MessagesSinglePage, type MessageCreateParams, type MessageUpdateParams, type MessageDeleteParams, type MessageDeleteResponse, type MessageGetParams, type Message };
}

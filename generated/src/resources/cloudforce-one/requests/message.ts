// File generated from an OpenAPI spec by lathe. Do not edit: run `lathe generate` instead.
import { APIResource } from '../../../core/resource.js';
import type { APIPromise } from '../../../core/api-promise.js';
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
  security: [['api_email', 'api_key']],
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

export declare namespace MessageResource {
  export { type MessageCreateParams, type Message };
}

// File generated from an OpenAPI spec by lathe. Do not edit: run `lathe generate` instead.
export interface paths {
  '/accounts/{account_id}/cloudforce-one/requests/{request_id}/message/new': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a New Request Message
     * @description Adds a message to a Cloudforce One intelligence request conversation.
     */
    post: operations['cloudforce-one-request-message-new'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}

export type webhooks = Record<string, never>;

export interface components {
  schemas: {
    'cloudforce-one-requests_api-response-common': {
      errors: components['schemas']['cloudforce-one-requests_messages'];
      messages: components['schemas']['cloudforce-one-requests_messages'];
      /**
       * @description Whether the API call was successful.
       * @example true
       * @enum {boolean}
       */
      success: true;
    };
    'cloudforce-one-requests_api-response-common-failure': components['schemas']['cloudforce-one-requests_api-response-common'] & {
      errors?: {
        /** @example 10433 */
        code?: number;
        /** @example request error */
        message?: string;
      };
      /** @example false */
      success?: boolean;
    };
    /**
     * @description Identifier.
     * @example 023e105f4ecef8ad9ca31a8372d0c353
     */
    'cloudforce-one-requests_identifier': string;
    /**
     * @description Content of message.
     * @example Can you elaborate on the type of DoS that occurred?
     */
    'cloudforce-one-requests_message-content': string;
    /** @example [] */
    'cloudforce-one-requests_messages': {
      code: number;
      documentation_url?: string;
      message: string;
      source?: {
        pointer?: string;
      };
    }[];
    /** Request Message Editable Attributes */
    'cloudforce-one-requests_request-message-edit': {
      content?: components['schemas']['cloudforce-one-requests_message-content'];
    };
    /** Request Message Item */
    'cloudforce-one-requests_request-message-item': {
      /**
       * @description Author of message.
       * @example user@domain.com
       */
      author: string;
      content: components['schemas']['cloudforce-one-requests_message-content'];
      /**
       * @description Defines the message creation time.
       * @example 2022-01-01T00:00:00Z
       */
      created?: components['schemas']['cloudforce-one-requests_time'];
      /** @description Message ID. */
      id: number;
      /** @description Whether the message is a follow-on request. */
      is_follow_on_request: boolean;
      /**
       * @description Defines the message last updated time.
       * @example 2022-01-01T00:00:00Z
       */
      updated: components['schemas']['cloudforce-one-requests_time'];
    };
    /**
     * Format: date-time
     * @example 2022-04-01T05:20:00Z
     */
    'cloudforce-one-requests_time': string;
    /**
     * @description UUID.
     * @example f174e90a-fafe-4643-bbbc-4a0ed4fc8415
     */
    'cloudforce-one-requests_uuid': string;
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}

export type $defs = Record<string, never>;

export interface operations {
  /**
   * Create a New Request Message
   * @description Adds a message to a Cloudforce One intelligence request conversation.
   */
  'cloudforce-one-request-message-new': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account_id: components['schemas']['cloudforce-one-requests_identifier'];
        request_id: components['schemas']['cloudforce-one-requests_uuid'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['cloudforce-one-requests_request-message-edit'];
      };
    };
    responses: {
      /** @description Create request message response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'] & {
            result?: components['schemas']['cloudforce-one-requests_request-message-item'];
          };
        };
      };
      /** @description Create request message response failure. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common-failure'];
        };
      };
    };
  };
}

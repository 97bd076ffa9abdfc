// File generated from an OpenAPI spec by lathe. Do not edit: run `lathe generate` instead.
export interface paths {
  '/accounts/{account_id}/cloudforce-one/requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * List Requests
     * @description Lists Cloudforce One intelligence requests with filtering and pagination.
     */
    post: operations['cloudforce-one-request-list'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/accounts/{account_id}/cloudforce-one/requests/constants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get Request Priority, Status, and TLP constants
     * @description Retrieves constant values used in Cloudforce One requests, including valid statuses and types.
     */
    get: operations['cloudforce-one-request-constants'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/accounts/{account_id}/cloudforce-one/requests/new': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a New Request.
     * @description Creating a request adds the request into the Cloudforce One queue for analysis. In addition to the content, a short title, type, priority, and releasability should be provided. If one is not provided, a default will be assigned.
     */
    post: operations['cloudforce-one-request-new'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/accounts/{account_id}/cloudforce-one/requests/priority': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * List Priority Intelligence Requirements
     * @description Lists priority intelligence requests in Cloudforce One.
     */
    post: operations['cloudforce-one-priority-list'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/accounts/{account_id}/cloudforce-one/requests/priority/new': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a New Priority Intelligence Requirement
     * @description Creates a new priority intelligence request in Cloudforce One.
     */
    post: operations['cloudforce-one-priority-new'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/accounts/{account_id}/cloudforce-one/requests/priority/quota': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get Priority Intelligence Requirement Quota
     * @description Retrieves quota usage for Cloudforce One priority requests.
     */
    get: operations['cloudforce-one-priority-quota'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/accounts/{account_id}/cloudforce-one/requests/priority/{priority_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a Priority Intelligence Requirement
     * @description Retrieves a specific priority intelligence request from Cloudforce One.
     */
    get: operations['cloudforce-one-priority-get'];
    /**
     * Update a Priority Intelligence Requirement
     * @description Updates a priority intelligence request in Cloudforce One.
     */
    put: operations['cloudforce-one-priority-update'];
    post?: never;
    /**
     * Delete a Priority Intelligence Requirement
     * @description Deletes a priority intelligence request from Cloudforce One.
     */
    delete: operations['cloudforce-one-priority-delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/accounts/{account_id}/cloudforce-one/requests/quota': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get Request Quota
     * @description Retrieves quota usage for Cloudforce One standard requests.
     */
    get: operations['cloudforce-one-request-quota'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/accounts/{account_id}/cloudforce-one/requests/types': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get Request Types
     * @description Lists available request types for Cloudforce One intelligence requests.
     */
    get: operations['cloudforce-one-request-types'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/accounts/{account_id}/cloudforce-one/requests/{request_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a Request
     * @description Retrieves details for a specific Cloudforce One intelligence request.
     */
    get: operations['cloudforce-one-request-get'];
    /**
     * Update a Request
     * @description Updating a request alters the request in the Cloudforce One queue. This API may be used to update any attributes of the request after the initial submission. Only fields that you choose to update need to be add to the request body.
     */
    put: operations['cloudforce-one-request-update'];
    post?: never;
    /**
     * Delete a Request
     * @description Deletes a Cloudforce One intelligence request and all associated data.
     */
    delete: operations['cloudforce-one-request-delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/accounts/{account_id}/cloudforce-one/requests/{request_id}/asset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * List Request Assets
     * @description Lists assets attached to a Cloudforce One intelligence request.
     */
    post: operations['cloudforce-one-request-asset-list'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/accounts/{account_id}/cloudforce-one/requests/{request_id}/asset/new': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a New Request Asset
     * @description Uploads a new asset to a Cloudforce One intelligence request.
     */
    post: operations['cloudforce-one-request-asset-new'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/accounts/{account_id}/cloudforce-one/requests/{request_id}/asset/{asset_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a Request Asset
     * @description Retrieves an asset attached to a Cloudforce One intelligence request.
     */
    get: operations['cloudforce-one-request-asset-get'];
    /**
     * Update a Request Asset
     * @description Updates an asset in a Cloudforce One intelligence request.
     */
    put: operations['cloudforce-one-request-asset-update'];
    post?: never;
    /**
     * Delete a Request Asset
     * @description Removes an asset from a Cloudforce One intelligence request.
     */
    delete: operations['cloudforce-one-request-asset-delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/accounts/{account_id}/cloudforce-one/requests/{request_id}/message': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * List Request Messages
     * @description Lists messages in a Cloudforce One intelligence request conversation.
     */
    post: operations['cloudforce-one-request-message-list'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
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
  '/accounts/{account_id}/cloudforce-one/requests/{request_id}/message/{message_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Update a Request Message
     * @description Updates a message in a Cloudforce One intelligence request thread.
     */
    put: operations['cloudforce-one-request-message-update'];
    post?: never;
    /**
     * Delete a Request Message
     * @description Removes a message from a Cloudforce One intelligence request thread.
     */
    delete: operations['cloudforce-one-request-message-delete'];
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
     * @description Asset file to upload.
     * @example @/Users/me/example.docx
     */
    'cloudforce-one-requests_asset-content': string;
    /**
     * @description Identifier.
     * @example 023e105f4ecef8ad9ca31a8372d0c353
     */
    'cloudforce-one-requests_identifier': string;
    /**
     * Labels
     * @description List of labels.
     * @example [
     *       "DoS",
     *       "CVE"
     *     ]
     */
    'cloudforce-one-requests_labels': string[];
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
    /**
     * Request Priority
     * @enum {string}
     */
    'cloudforce-one-requests_priority': 'routine' | 'high' | 'urgent';
    /** Priority Editable Attributes */
    'cloudforce-one-requests_priority-edit': {
      labels: components['schemas']['cloudforce-one-requests_labels'];
      /**
       * @description Priority.
       * @example 1
       */
      priority: number;
      /**
       * @description Requirement.
       * @example DoS attacks carried out by CVEs
       */
      requirement: string;
      tlp: components['schemas']['cloudforce-one-requests_tlp'];
    };
    /** Priority Item */
    'cloudforce-one-requests_priority-item': {
      /** @description Priority creation time. */
      created: components['schemas']['cloudforce-one-requests_time'];
      id: components['schemas']['cloudforce-one-requests_uuid'];
      labels: components['schemas']['cloudforce-one-requests_labels'];
      /**
       * @description Priority.
       * @example 1
       */
      priority: number;
      /**
       * @description Requirement.
       * @example DoS attacks carried out by CVEs
       */
      requirement: string;
      tlp: components['schemas']['cloudforce-one-requests_tlp'];
      /** @description Priority last updated time. */
      updated: components['schemas']['cloudforce-one-requests_time'];
    };
    /** Priority List Parameters */
    'cloudforce-one-requests_priority-list': {
      /** @description Page number of results. */
      page: number;
      /**
       * @description Number of results per page.
       * @example 10
       */
      per_page: number;
    };
    /** Quota */
    'cloudforce-one-requests_quota': {
      /**
       * @description Anniversary date is when annual quota limit is refreshed.
       * @example 2022-04-01T00:00:00Z
       */
      anniversary_date?: components['schemas']['cloudforce-one-requests_time'];
      /**
       * @description Quarter anniversary date is when quota limit is refreshed each quarter.
       * @example 2022-04-01T00:00:00Z
       */
      quarter_anniversary_date?: components['schemas']['cloudforce-one-requests_time'];
      /**
       * @description Tokens for the quarter.
       * @example 120
       */
      quota?: number;
      /**
       * @description Tokens remaining for the quarter.
       * @example 64
       */
      remaining?: number;
    };
    'cloudforce-one-requests_request-asset-edit': {
      source?: components['schemas']['cloudforce-one-requests_asset-content'];
    };
    /** Request Asset Item */
    'cloudforce-one-requests_request-asset-item': {
      /**
       * @description Defines the asset creation time.
       * @example 2022-01-01T00:00:00Z
       */
      created?: components['schemas']['cloudforce-one-requests_time'];
      /**
       * @description Asset description.
       * @example example description
       */
      description?: string;
      /**
       * @description Asset file type.
       * @example docx
       */
      file_type?: string;
      /** @description Asset ID. */
      id: number;
      /**
       * @description Asset name.
       * @example example.docx
       */
      name: string;
    };
    'cloudforce-one-requests_request-asset-list': {
      /** @description Page number of results. */
      page: number;
      /**
       * @description Number of results per page.
       * @example 10
       */
      per_page: number;
    };
    /** Request Constants */
    'cloudforce-one-requests_request-constants': {
      /**
       * @example [
       *       "routine",
       *       "high",
       *       "urgent"
       *     ]
       */
      priority?: components['schemas']['cloudforce-one-requests_priority'][];
      /**
       * @example [
       *       "open",
       *       "accepted",
       *       "reported",
       *       "approved",
       *       "completed",
       *       "declined"
       *     ]
       */
      status?: components['schemas']['cloudforce-one-requests_request-status'][];
      /**
       * @example [
       *       "clear",
       *       "green",
       *       "amber",
       *       "amber-strict",
       *       "red"
       *     ]
       */
      tlp?: components['schemas']['cloudforce-one-requests_tlp'][];
    };
    /**
     * @description Request content.
     * @example What regions were most effected by the recent DoS?
     */
    'cloudforce-one-requests_request-content': string;
    /** Request Editable Parameters */
    'cloudforce-one-requests_request-edit': {
      content?: components['schemas']['cloudforce-one-requests_request-content'];
      /**
       * @description Priority for analyzing the request.
       * @example routine
       */
      priority?: string;
      request_type?: components['schemas']['cloudforce-one-requests_request-type'];
      summary?: components['schemas']['cloudforce-one-requests_request-summary'];
      tlp?: components['schemas']['cloudforce-one-requests_tlp'];
    };
    /** Request Item */
    'cloudforce-one-requests_request-item': {
      completed?: components['schemas']['cloudforce-one-requests_time'];
      content: components['schemas']['cloudforce-one-requests_request-content'];
      created: components['schemas']['cloudforce-one-requests_time'];
      id: components['schemas']['cloudforce-one-requests_uuid'];
      /**
       * @description Tokens for the request messages.
       * @example 1
       */
      message_tokens?: number;
      priority: components['schemas']['cloudforce-one-requests_time'];
      readable_id?: components['schemas']['cloudforce-one-requests_request-readable-id'];
      request: components['schemas']['cloudforce-one-requests_request-type'];
      status?: components['schemas']['cloudforce-one-requests_request-status'];
      summary: components['schemas']['cloudforce-one-requests_request-summary'];
      tlp: components['schemas']['cloudforce-one-requests_tlp'];
      /**
       * @description Tokens for the request.
       * @example 16
       */
      tokens?: number;
      updated: components['schemas']['cloudforce-one-requests_time'];
    };
    /** Request List Parameters */
    'cloudforce-one-requests_request-list': {
      /**
       * @description Retrieve requests completed after this time.
       * @example 2022-01-01T00:00:00Z
       */
      completed_after?: components['schemas']['cloudforce-one-requests_time'];
      /**
       * @description Retrieve requests completed before this time.
       * @example 2024-01-01T00:00:00Z
       */
      completed_before?: components['schemas']['cloudforce-one-requests_time'];
      /**
       * @description Retrieve requests created after this time.
       * @example 2022-01-01T00:00:00Z
       */
      created_after?: components['schemas']['cloudforce-one-requests_time'];
      /**
       * @description Retrieve requests created before this time.
       * @example 2024-01-01T00:00:00Z
       */
      created_before?: components['schemas']['cloudforce-one-requests_time'];
      /** @description Page number of results. */
      page: number;
      /**
       * @description Number of results per page.
       * @example 10
       */
      per_page: number;
      request_type?: components['schemas']['cloudforce-one-requests_request-type'];
      /**
       * @description Field to sort results by.
       * @example created
       */
      sort_by?: string;
      /**
       * @description Sort order (asc or desc).
       * @enum {string}
       */
      sort_order?: 'asc' | 'desc';
      status?: components['schemas']['cloudforce-one-requests_request-status'];
    };
    /** Request List Item */
    'cloudforce-one-requests_request-list-item': {
      /**
       * @description Request completion time.
       * @example 2024-01-01T00:00:00Z
       */
      completed?: components['schemas']['cloudforce-one-requests_time'];
      /**
       * @description Request creation time.
       * @example 2022-04-01T00:00:00Z
       */
      created: components['schemas']['cloudforce-one-requests_time'];
      id: components['schemas']['cloudforce-one-requests_uuid'];
      /**
       * @description Tokens for the request messages.
       * @example 16
       */
      message_tokens?: number;
      priority: components['schemas']['cloudforce-one-requests_priority'];
      readable_id?: components['schemas']['cloudforce-one-requests_request-readable-id'];
      request: components['schemas']['cloudforce-one-requests_request-type'];
      status?: components['schemas']['cloudforce-one-requests_request-status'];
      summary: components['schemas']['cloudforce-one-requests_request-summary'];
      tlp: components['schemas']['cloudforce-one-requests_tlp'];
      /** @description Tokens for the request. */
      tokens?: number;
      /**
       * @description Request last updated time.
       * @example 2022-04-01T00:00:00Z
       */
      updated: components['schemas']['cloudforce-one-requests_time'];
    };
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
    /** Request Message List Parameters */
    'cloudforce-one-requests_request-message-list': {
      /**
       * @description Retrieve mes  ges created after this time.
       * @example 2022-01-01T00:00:Z
       */
      after?: components['schemas']['cloudforce-one-requests_time'];
      /**
       * @description Retrieve messages created before this time.
       * @example 2024-01-01T00:00:00Z
       */
      before?: components['schemas']['cloudforce-one-requests_time'];
      /** @description Page number of results. */
      page: number;
      /**
       * @description Number of results per page.
       * @example 10
       */
      per_page: number;
      /**
       * @description Field to sort results by.
       * @example created
       */
      sort_by?: string;
      /**
       * @description Sort order (asc or desc).
       * @enum {string}
       */
      sort_order?: 'asc' | 'desc';
    };
    /**
     * Request Readable ID
     * @description Readable Request ID.
     * @example RFI-2022-000001
     */
    'cloudforce-one-requests_request-readable-id': string;
    /**
     * Request Status
     * @description Request Status.
     * @enum {string}
     */
    'cloudforce-one-requests_request-status': 'open' | 'accepted' | 'reported' | 'approved' | 'completed' | 'declined';
    /**
     * @description Brief description of the request.
     * @example DoS attack
     */
    'cloudforce-one-requests_request-summary': string;
    /**
     * @description Requested information from request.
     * @example Victomology
     */
    'cloudforce-one-requests_request-type': string;
    /**
     * Request Types
     * @example [
     *       "Indicators of Compromise",
     *       "Victomology"
     *     ]
     */
    'cloudforce-one-requests_request-types': string[];
    /**
     * Format: date-time
     * @example 2022-04-01T05:20:00Z
     */
    'cloudforce-one-requests_time': string;
    /**
     * TLP
     * @description The CISA defined Traffic Light Protocol (TLP).
     * @enum {string}
     */
    'cloudforce-one-requests_tlp': 'clear' | 'amber' | 'amber-strict' | 'green' | 'red';
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
   * List Requests
   * @description Lists Cloudforce One intelligence requests with filtering and pagination.
   */
  'cloudforce-one-request-list': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account_id: components['schemas']['cloudforce-one-requests_identifier'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['cloudforce-one-requests_request-list'];
      };
    };
    responses: {
      /** @description List requests response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'] & {
            result?: components['schemas']['cloudforce-one-requests_request-list-item'][];
          };
        };
      };
      /** @description Create response failure. */
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
  /**
   * Get Request Priority, Status, and TLP constants
   * @description Retrieves constant values used in Cloudforce One requests, including valid statuses and types.
   */
  'cloudforce-one-request-constants': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account_id: components['schemas']['cloudforce-one-requests_identifier'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Get request constants response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'] & {
            result?: components['schemas']['cloudforce-one-requests_request-constants'];
          };
        };
      };
      /** @description Get request constants response failure. */
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
  /**
   * Create a New Request.
   * @description Creating a request adds the request into the Cloudforce One queue for analysis. In addition to the content, a short title, type, priority, and releasability should be provided. If one is not provided, a default will be assigned.
   */
  'cloudforce-one-request-new': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account_id: components['schemas']['cloudforce-one-requests_identifier'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['cloudforce-one-requests_request-edit'];
      };
    };
    responses: {
      /** @description Create request response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'] & {
            result?: components['schemas']['cloudforce-one-requests_request-item'];
          };
        };
      };
      /** @description Create response failure. */
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
  /**
   * List Priority Intelligence Requirements
   * @description Lists priority intelligence requests in Cloudforce One.
   */
  'cloudforce-one-priority-list': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account_id: components['schemas']['cloudforce-one-requests_identifier'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['cloudforce-one-requests_priority-list'];
      };
    };
    responses: {
      /** @description List priorities response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'] & {
            result?: components['schemas']['cloudforce-one-requests_priority-item'][];
          };
        };
      };
      /** @description List priorities response failure. */
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
  /**
   * Create a New Priority Intelligence Requirement
   * @description Creates a new priority intelligence request in Cloudforce One.
   */
  'cloudforce-one-priority-new': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account_id: components['schemas']['cloudforce-one-requests_identifier'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['cloudforce-one-requests_priority-edit'];
      };
    };
    responses: {
      /** @description Create priority response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'] & {
            result?: components['schemas']['cloudforce-one-requests_priority-item'];
          };
        };
      };
      /** @description Create priority response  failure. */
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
  /**
   * Get Priority Intelligence Requirement Quota
   * @description Retrieves quota usage for Cloudforce One priority requests.
   */
  'cloudforce-one-priority-quota': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account_id: components['schemas']['cloudforce-one-requests_identifier'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Get priority quota response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'] & {
            result?: components['schemas']['cloudforce-one-requests_quota'];
          };
        };
      };
      /** @description Get priority quota response failure. */
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
  /**
   * Get a Priority Intelligence Requirement
   * @description Retrieves a specific priority intelligence request from Cloudforce One.
   */
  'cloudforce-one-priority-get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account_id: components['schemas']['cloudforce-one-requests_identifier'];
        priority_id: components['schemas']['cloudforce-one-requests_uuid'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Get priority response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'] & {
            result?: components['schemas']['cloudforce-one-requests_request-item'];
          };
        };
      };
      /** @description Get priority response failure. */
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
  /**
   * Update a Priority Intelligence Requirement
   * @description Updates a priority intelligence request in Cloudforce One.
   */
  'cloudforce-one-priority-update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account_id: components['schemas']['cloudforce-one-requests_identifier'];
        priority_id: components['schemas']['cloudforce-one-requests_uuid'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['cloudforce-one-requests_priority-edit'];
      };
    };
    responses: {
      /** @description Update priority response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'] & {
            result?: components['schemas']['cloudforce-one-requests_request-item'];
          };
        };
      };
      /** @description Update priority response failure. */
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
  /**
   * Delete a Priority Intelligence Requirement
   * @description Deletes a priority intelligence request from Cloudforce One.
   */
  'cloudforce-one-priority-delete': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account_id: components['schemas']['cloudforce-one-requests_identifier'];
        priority_id: components['schemas']['cloudforce-one-requests_uuid'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Delete priority response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'];
        };
      };
      /** @description Delete priority response failure. */
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
  /**
   * Get Request Quota
   * @description Retrieves quota usage for Cloudforce One standard requests.
   */
  'cloudforce-one-request-quota': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account_id: components['schemas']['cloudforce-one-requests_identifier'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Get request quota response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'] & {
            result?: components['schemas']['cloudforce-one-requests_quota'];
          };
        };
      };
      /** @description Get request quota response failure. */
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
  /**
   * Get Request Types
   * @description Lists available request types for Cloudforce One intelligence requests.
   */
  'cloudforce-one-request-types': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account_id: components['schemas']['cloudforce-one-requests_identifier'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Get request types response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'] & {
            result?: components['schemas']['cloudforce-one-requests_request-types'];
          };
        };
      };
      /** @description Get request types response failure. */
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
  /**
   * Get a Request
   * @description Retrieves details for a specific Cloudforce One intelligence request.
   */
  'cloudforce-one-request-get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account_id: components['schemas']['cloudforce-one-requests_identifier'];
        request_id: components['schemas']['cloudforce-one-requests_uuid'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Get request response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'] & {
            result?: components['schemas']['cloudforce-one-requests_request-item'];
          };
        };
      };
      /** @description Get request response failure. */
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
  /**
   * Update a Request
   * @description Updating a request alters the request in the Cloudforce One queue. This API may be used to update any attributes of the request after the initial submission. Only fields that you choose to update need to be add to the request body.
   */
  'cloudforce-one-request-update': {
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
        'application/json': components['schemas']['cloudforce-one-requests_request-edit'];
      };
    };
    responses: {
      /** @description Update request response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'] & {
            result?: components['schemas']['cloudforce-one-requests_request-item'];
          };
        };
      };
      /** @description Update request response failure. */
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
  /**
   * Delete a Request
   * @description Deletes a Cloudforce One intelligence request and all associated data.
   */
  'cloudforce-one-request-delete': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account_id: components['schemas']['cloudforce-one-requests_identifier'];
        request_id: components['schemas']['cloudforce-one-requests_uuid'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Delete request response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'];
        };
      };
      /** @description Delete request response failure. */
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
  /**
   * List Request Assets
   * @description Lists assets attached to a Cloudforce One intelligence request.
   */
  'cloudforce-one-request-asset-list': {
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
        'application/json': components['schemas']['cloudforce-one-requests_request-asset-list'];
      };
    };
    responses: {
      /** @description List request assets response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'] & {
            result?: components['schemas']['cloudforce-one-requests_request-asset-item'][];
          };
        };
      };
      /** @description List request assets response failure. */
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
  /**
   * Create a New Request Asset
   * @description Uploads a new asset to a Cloudforce One intelligence request.
   */
  'cloudforce-one-request-asset-new': {
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
        'multipart/form-data': components['schemas']['cloudforce-one-requests_request-asset-edit'];
      };
    };
    responses: {
      /** @description Create request asset response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'] & {
            result?: components['schemas']['cloudforce-one-requests_request-asset-item'];
          };
        };
      };
      /** @description Create request asset response failure. */
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
  /**
   * Get a Request Asset
   * @description Retrieves an asset attached to a Cloudforce One intelligence request.
   */
  'cloudforce-one-request-asset-get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account_id: components['schemas']['cloudforce-one-requests_identifier'];
        request_id: components['schemas']['cloudforce-one-requests_uuid'];
        asset_id: components['schemas']['cloudforce-one-requests_uuid'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Get request asset response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'] & {
            result?: components['schemas']['cloudforce-one-requests_request-asset-item'][];
          };
        };
      };
      /** @description Get request asset response failure. */
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
  /**
   * Update a Request Asset
   * @description Updates an asset in a Cloudforce One intelligence request.
   */
  'cloudforce-one-request-asset-update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account_id: components['schemas']['cloudforce-one-requests_identifier'];
        request_id: components['schemas']['cloudforce-one-requests_uuid'];
        asset_id: components['schemas']['cloudforce-one-requests_uuid'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['cloudforce-one-requests_request-asset-edit'];
      };
    };
    responses: {
      /** @description Update request asset response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'] & {
            result?: components['schemas']['cloudforce-one-requests_request-asset-item'];
          };
        };
      };
      /** @description Update request asset response failure. */
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
  /**
   * Delete a Request Asset
   * @description Removes an asset from a Cloudforce One intelligence request.
   */
  'cloudforce-one-request-asset-delete': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account_id: components['schemas']['cloudforce-one-requests_identifier'];
        request_id: components['schemas']['cloudforce-one-requests_uuid'];
        asset_id: components['schemas']['cloudforce-one-requests_uuid'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Delete request asset response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'];
        };
      };
      /** @description Delete request asset response failure. */
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
  /**
   * List Request Messages
   * @description Lists messages in a Cloudforce One intelligence request conversation.
   */
  'cloudforce-one-request-message-list': {
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
        'application/json': components['schemas']['cloudforce-one-requests_request-message-list'];
      };
    };
    responses: {
      /** @description List request messages response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'] & {
            result?: components['schemas']['cloudforce-one-requests_request-message-item'][];
          };
        };
      };
      /** @description List request messages response failure. */
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
  /**
   * Update a Request Message
   * @description Updates a message in a Cloudforce One intelligence request thread.
   */
  'cloudforce-one-request-message-update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account_id: components['schemas']['cloudforce-one-requests_identifier'];
        request_id: components['schemas']['cloudforce-one-requests_uuid'];
        message_id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['cloudforce-one-requests_request-message-edit'];
      };
    };
    responses: {
      /** @description Update request message response. */
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
      /** @description Update request message response failure. */
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
  /**
   * Delete a Request Message
   * @description Removes a message from a Cloudforce One intelligence request thread.
   */
  'cloudforce-one-request-message-delete': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        account_id: components['schemas']['cloudforce-one-requests_identifier'];
        request_id: components['schemas']['cloudforce-one-requests_uuid'];
        message_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Delete request message response. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['cloudforce-one-requests_api-response-common'];
        };
      };
      /** @description Delete request message response failure. */
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

import type { BaseClient } from './client.js';

/** Base of every generated resource class: a namespace of operations sharing the client. */
export class APIResource {
  protected readonly _client: BaseClient;

  constructor(client: BaseClient) {
    this._client = client;
  }
}

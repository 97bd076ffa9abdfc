// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.
import type { BaseClient } from './client.js';

/** Base of every generated resource class: a namespace of operations sharing the client. */
export class APIResource {
  protected readonly _client: BaseClient;

  constructor(client: BaseClient) {
    this._client = client;
  }
}

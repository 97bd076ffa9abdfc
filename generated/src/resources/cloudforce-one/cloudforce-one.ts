// File generated from an OpenAPI spec by lathe. Do not edit: run `lathe generate` instead.
import { APIResource } from '../../core/resource.js';
import { Requests } from './requests/requests.js';

export class CloudforceOne extends APIResource {
  requests: Requests = new Requests(this._client);
}

CloudforceOne.Requests = Requests;

export declare namespace CloudforceOne {
  export { Requests };
}

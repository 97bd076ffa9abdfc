// File generated from an OpenAPI spec by lathe. Do not edit: run `lathe generate` instead.
import { APIResource } from '../../core/resource.js';
import { type CloudforceOneRequestsPriority, type CloudforceOneRequestsRequestStatus, type CloudforceOneRequestsTlp, type Item, type ListItem, ListItemsSinglePage, type Quota, type RequestConstants, type RequestConstantsParams, type RequestCreateParams, type RequestDeleteParams, type RequestDeleteResponse, type RequestGetParams, type RequestListParams, type RequestQuotaParams, Requests, type RequestTypes, type RequestTypesParams, type RequestTypesResponse, RequestTypesResponsesSinglePage, type RequestUpdateParams } from './requests/requests.js';

export class CloudforceOne extends APIResource {
  requests: Requests = new Requests(this._client);
}

CloudforceOne.Requests = Requests;
CloudforceOne.ListItemsSinglePage = ListItemsSinglePage;
CloudforceOne.RequestTypesResponsesSinglePage = RequestTypesResponsesSinglePage;

export declare namespace CloudforceOne {
  export { Requests, ListItemsSinglePage, RequestTypesResponsesSinglePage, type RequestCreateParams, type RequestUpdateParams, type RequestListParams, type RequestDeleteParams, type RequestDeleteResponse, type RequestConstantsParams, type RequestGetParams, type RequestQuotaParams, type RequestTypesParams, type RequestTypesResponse, type CloudforceOneRequestsRequestStatus, type ListItem, type CloudforceOneRequestsPriority, type CloudforceOneRequestsTlp, type RequestConstants, type Item, type Quota, type RequestTypes };
}

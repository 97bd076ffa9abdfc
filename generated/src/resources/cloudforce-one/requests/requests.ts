// File generated from an OpenAPI spec by lathe. Do not edit: run `lathe generate` instead.
import { APIResource } from '../../../core/resource.js';
import { type Message, type MessageCreateParams, MessageResource } from './message.js';

export class Requests extends APIResource {
  message: MessageResource = new MessageResource(this._client);
}

Requests.MessageResource = MessageResource;

export declare namespace Requests {
  export { MessageResource, type MessageCreateParams, type Message };
}

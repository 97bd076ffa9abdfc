/**
 * The friendly types held against openapi-typescript's types for the same schemas: they must be
 * mutually assignable. Checked by `tsc` (npm run typecheck) and by vitest's expectTypeOf.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Message, MessageCreateParams, wire } from '../../generated/src/index.js';

type WireMessage = wire.components['schemas']['cloudforce-one-requests_request-message-item'];
type WireBody = NonNullable<wire.operations['cloudforce-one-request-message-new']['requestBody']>['content']['application/json'];
type WirePath = wire.operations['cloudforce-one-request-message-new']['parameters']['path'];

describe('friendly types vs openapi-typescript', () => {
  it('Message and the wire schema are mutually assignable', () => {
    expectTypeOf<Message>().toExtend<WireMessage>();
    expectTypeOf<WireMessage>().toExtend<Message>();
    const m: Message = { id: 1, author: 'a', content: 'c', is_follow_on_request: true, updated: 'u' };
    const w: WireMessage = m;
    const back: Message = w;
    expect(back).toBe(m);
  });

  it('MessageCreateParams carries the wire body and the non-positional path param', () => {
    expectTypeOf<Pick<MessageCreateParams, 'content'>>().toExtend<WireBody>();
    expectTypeOf<WireBody>().toExtend<Pick<MessageCreateParams, 'content'>>();
    expectTypeOf<MessageCreateParams['account_id']>().toEqualTypeOf<WirePath['account_id']>();
    const params: MessageCreateParams = { account_id: '023e105f4ecef8ad9ca31a8372d0c353', content: 'hi' };
    const body: WireBody = { content: params.content };
    expect(body).toEqual({ content: 'hi' });
  });
});

/**
 * The committed output's wire types (src/openapi.ts, written by lathe) against its friendly types
 * for the same schemas: they must be mutually assignable. And an openapi-fetch client typed by
 * them takes the operation's path params and body and gives its `data` and `error`. Checked by
 * `tsc` (npm run typecheck) and by vitest's expectTypeOf.
 */
import createClient from 'openapi-fetch';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Message, MessageCreateParams, wire } from '../../generated/src/index.js';

type WireMessage = wire.components['schemas']['cloudforce-one-requests_request-message-item'];
type WireBody = NonNullable<wire.operations['cloudforce-one-request-message-new']['requestBody']>['content']['application/json'];
type WirePath = wire.operations['cloudforce-one-request-message-new']['parameters']['path'];
type WireFailure = wire.components['schemas']['cloudforce-one-requests_api-response-common-failure'];

const PATH = '/accounts/{account_id}/cloudforce-one/requests/{request_id}/message/new';

describe('friendly types vs the wire types', () => {
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

describe('openapi-fetch over the wire types', () => {
  const client = createClient<wire.paths>({ baseUrl: 'http://127.0.0.1:9' });
  // Never called: what matters is that it type-checks (and the @ts-expect-error lines do not).
  const call = async () => {
    const { data, error } = await client.POST(PATH, {
      params: { path: { account_id: 'a', request_id: 'r' } },
      body: { content: 'hi' },
    });
    // @ts-expect-error the path params are required
    await client.POST(PATH, { body: { content: 'hi' } });
    // @ts-expect-error content is a string
    await client.POST(PATH, { params: { path: { account_id: 'a', request_id: 'r' } }, body: { content: 1 } });
    return { data, error };
  };

  it('gives the 200 body as data and the 4XX body as error', () => {
    type Result = Awaited<ReturnType<typeof call>>;
    expectTypeOf<NonNullable<Result['data']>['result']>().toEqualTypeOf<WireMessage | undefined>();
    expectTypeOf<NonNullable<Result['error']>>().toExtend<WireFailure>();
    expectTypeOf<WireFailure>().toExtend<NonNullable<Result['error']>>();
    expect(typeof call).toBe('function');
  });
});

/**
 * Every operation of the generated Cloudforce One SDK (examples/cloudforce-one/generated) against
 * Prism, a mock server that validates each request against the OpenAPI spec.
 *
 * Prism runs with `--errors`: a request that breaks the spec (path/query/header params, body schema,
 * content type, security) gets an error response instead of a mock, and the client turns that into
 * an APIError, which fails the test. `--errors` also makes Prism check the response it generated
 * itself. Each method is called twice, the way Stainless-generated SDK tests do: with only the
 * required params, and with every optional param too (for a method without optional params the two
 * calls are the same, as in Stainless's tests).
 *
 * Prism serves the spec's paths at its root, so `baseURL` has no `/client/v4`. It answers in static
 * mode, from the spec's examples, so the results are the spec's example objects.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import Cloudflare, {
  APIError,
  SinglePage,
  type MessageDeleteResponse,
  type CloudforceOneRequestsRequestAssetItem,
  type Item,
  type ListItem,
  type Message,
  type Priority,
  type Quota,
  type RequestConstants,
} from '../../examples/cloudforce-one/generated/src/index.js';
import { startPrism, type PrismServer } from '../prism/prism-server.js';

const SPEC = 'examples/cloudforce-one/spec/cloudflare-cloudforce-one.yaml';

const ACCOUNT_ID = '023e105f4ecef8ad9ca31a8372d0c353'; // maxLength 32
const REQUEST_ID = 'f174e90a-fafe-4643-bbbc-4a0ed4fc8415'; // maxLength 36
const PRIORITY_ID = 'f174e90a-fafe-4643-bbbc-4a0ed4fc8415';
const ASSET_ID = 'f174e90a-fafe-4643-bbbc-4a0ed4fc8415';
const MESSAGE_ID = 0; // type: integer

const TLP = ['clear', 'amber', 'amber-strict', 'green', 'red'];
const STATUS = ['open', 'accepted', 'reported', 'approved', 'completed', 'declined'];
const PRIORITY = ['routine', 'high', 'urgent'];

let prism: PrismServer | undefined;
let client: Cloudflare;
/** 2xx responses the client received (counted by the `fetch` it is given). */
let okResponses = 0;

beforeAll(async () => {
  prism = await startPrism(SPEC, { args: ['--errors'], startupTimeoutMs: 45_000 });
  client = new Cloudflare({
    baseURL: prism.baseURL,
    apiEmail: 'user@example.com',
    apiKey: '144c9defac04969c7bfad8efaa8ea194',
    apiToken: 'Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY',
    maxRetries: 0,
    timeout: 15_000,
    fetch: async (url, init) => {
      const response = await fetch(url, init);
      if (response.ok) okResponses++;
      return response;
    },
  });
}, 50_000);

afterAll(async () => {
  // PRISM_LOG=1 prints Prism's request log, with the warnings that --errors does not turn into errors.
  if (process.env['PRISM_LOG'] && prism !== undefined) console.log(prism.output());
  await prism?.stop();
}, 10_000);

/**
 * Awaits an SDK call; when Prism rejected it, rethrows with Prism's `sl-violations` header (the list
 * of what was invalid), so a failure names the spec rule the request broke.
 */
async function call<T>(promise: PromiseLike<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof APIError) {
      const violations = error.headers.get('sl-violations');
      throw new Error(
        `Prism rejected the request: ${error.status}\nsl-violations: ${violations}\nbody: ${JSON.stringify(error.error)}`,
        { cause: error },
      );
    }
    throw error;
  }
}

const isDateTime = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value));

function expectItem(item: Item): void {
  expect(item).toMatchObject({
    id: expect.any(String),
    content: expect.any(String),
    created: expect.any(String),
    priority: expect.any(String),
    request: expect.any(String),
    summary: expect.any(String),
    updated: expect.any(String),
  });
  expect(TLP).toContain(item.tlp);
  expect(isDateTime(item.created) && isDateTime(item.updated) && isDateTime(item.priority)).toBe(true);
  if (item.status !== undefined) expect(STATUS).toContain(item.status);
  if (item.tokens !== undefined) expect(item.tokens).toEqual(expect.any(Number));
}

function expectListItem(item: ListItem): void {
  expect(item).toMatchObject({
    id: expect.any(String),
    created: expect.any(String),
    request: expect.any(String),
    summary: expect.any(String),
    updated: expect.any(String),
  });
  expect(PRIORITY).toContain(item.priority);
  expect(TLP).toContain(item.tlp);
}

function expectMessage(message: Message): void {
  expect(message).toMatchObject({
    id: expect.any(Number),
    author: expect.any(String),
    content: expect.any(String),
    is_follow_on_request: expect.any(Boolean),
    updated: expect.any(String),
  });
}

function expectPriority(priority: Priority): void {
  expect(priority).toMatchObject({
    id: expect.any(String),
    created: expect.any(String),
    labels: expect.any(Array),
    priority: expect.any(Number),
    requirement: expect.any(String),
    updated: expect.any(String),
  });
  expect(TLP).toContain(priority.tlp);
  for (const label of priority.labels) expect(label).toEqual(expect.any(String));
}

function expectQuota(quota: Quota): void {
  expect(quota).toEqual({
    anniversary_date: expect.any(String),
    quarter_anniversary_date: expect.any(String),
    quota: expect.any(Number),
    remaining: expect.any(Number),
  });
}

function expectAsset(asset: CloudforceOneRequestsRequestAssetItem): void {
  expect(asset).toMatchObject({ id: expect.any(Number), name: expect.any(String) });
}

/** Delete methods return the whole envelope (there is no `result` to unwrap). */
function expectCommon(envelope: MessageDeleteResponse): void {
  expect(envelope).toEqual({ success: true, errors: expect.any(Array), messages: expect.any(Array) });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('prism itself', () => {
  // Controls: show that Prism does reject what breaks the spec, so the passing calls below mean something.
  test('rejects a request without credentials', async () => {
    const response = await fetch(`${prism!.baseURL}/accounts/${ACCOUNT_ID}/cloudforce-one/requests/quota`);
    await response.body?.cancel();
    expect(response.ok).toBe(false);
    expect(response.headers.get('sl-violations')).toContain('Invalid security scheme used');
  });

  test('rejects a body that breaks the schema', async () => {
    const error = await client.cloudforceOne.requests
      .list({ account_id: ACCOUNT_ID, page: 'one' as unknown as number, per_page: 10 })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError<number, Headers>).headers.get('sl-violations')).toContain('page must be integer');
  });
});

describe('client.cloudforceOne.requests', () => {
  test('create: only required params', async () => {
    const item = await call(client.cloudforceOne.requests.create({ account_id: ACCOUNT_ID }));
    expectItem(item);
  });

  test('create: required and optional params', async () => {
    const item = await call(
      client.cloudforceOne.requests.create({
        account_id: ACCOUNT_ID,
        content: 'What regions were most effected by the recent DoS?',
        priority: 'routine',
        request_type: 'Victomology',
        summary: 'DoS attack',
        tlp: 'clear',
      }),
    );
    expectItem(item);
  });

  test('update: only required params', async () => {
    const item = await call(client.cloudforceOne.requests.update(REQUEST_ID, { account_id: ACCOUNT_ID }));
    expectItem(item);
  });

  test('update: required and optional params', async () => {
    const item = await call(
      client.cloudforceOne.requests.update(REQUEST_ID, {
        account_id: ACCOUNT_ID,
        content: 'What regions were most effected by the recent DoS?',
        priority: 'routine',
        request_type: 'Victomology',
        summary: 'DoS attack',
        tlp: 'clear',
      }),
    );
    expectItem(item);
  });

  test('list: only required params', async () => {
    const page = await call(client.cloudforceOne.requests.list({ account_id: ACCOUNT_ID, page: 0, per_page: 10 }));
    expect(page).toBeInstanceOf(SinglePage);
    expect(page.result).toEqual(expect.any(Array));
    expect(page.result.length).toBeGreaterThan(0);
    page.result.forEach(expectListItem);
    expect(page.hasNextPage()).toBe(false);
  });

  test('list: required and optional params', async () => {
    const items = await collect(
      client.cloudforceOne.requests.list({
        account_id: ACCOUNT_ID,
        page: 0,
        per_page: 10,
        completed_after: '2022-01-01T00:00:00Z',
        completed_before: '2024-01-01T00:00:00Z',
        created_after: '2022-01-01T00:00:00Z',
        created_before: '2024-01-01T00:00:00Z',
        request_type: 'Victomology',
        sort_by: 'created',
        sort_order: 'asc',
        status: 'open',
      }),
    );
    expect(items.length).toBeGreaterThan(0);
    items.forEach(expectListItem);
  });

  test('delete: only required params', async () => {
    expectCommon(await call(client.cloudforceOne.requests.delete(REQUEST_ID, { account_id: ACCOUNT_ID })));
  });

  test('delete: required and optional params', async () => {
    // No optional params: the same call, read through withResponse().
    const { data, response } = await call(
      client.cloudforceOne.requests.delete(REQUEST_ID, { account_id: ACCOUNT_ID }).withResponse(),
    );
    expectCommon(data);
    expect(response.status).toBe(200);
  });

  test('constants: only required params', async () => {
    const constants: RequestConstants = await call(client.cloudforceOne.requests.constants({ account_id: ACCOUNT_ID }));
    expect(constants.priority).toEqual(expect.any(Array));
    for (const value of constants.priority ?? []) expect(PRIORITY).toContain(value);
    for (const value of constants.status ?? []) expect(STATUS).toContain(value);
    for (const value of constants.tlp ?? []) expect(TLP).toContain(value);
  });

  test('constants: required and optional params', async () => {
    // No optional params: the same call, read raw through asResponse().
    const response = await call(client.cloudforceOne.requests.constants({ account_id: ACCOUNT_ID }).asResponse());
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { success: unknown; result: unknown };
    expect(body.success).toBe(true);
    expect(body.result).toMatchObject({ priority: expect.any(Array), status: expect.any(Array), tlp: expect.any(Array) });
  });

  test('get: only required params', async () => {
    expectItem(await call(client.cloudforceOne.requests.get(REQUEST_ID, { account_id: ACCOUNT_ID })));
  });

  test('get: required and optional params', async () => {
    const { data, response } = await call(
      client.cloudforceOne.requests.get(REQUEST_ID, { account_id: ACCOUNT_ID }).withResponse(),
    );
    expectItem(data);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  test('quota: only required params', async () => {
    expectQuota(await call(client.cloudforceOne.requests.quota({ account_id: ACCOUNT_ID })));
  });

  test('quota: required and optional params', async () => {
    expectQuota(await call(client.cloudforceOne.requests.quota({ account_id: ACCOUNT_ID })));
  });

  test('types: only required params', async () => {
    const page = await call(client.cloudforceOne.requests.types({ account_id: ACCOUNT_ID }));
    expect(page).toBeInstanceOf(SinglePage);
    expect(page.result.length).toBeGreaterThan(0);
    for (const type of page.result) expect(type).toEqual(expect.any(String));
  });

  test('types: required and optional params', async () => {
    const types = await collect(client.cloudforceOne.requests.types({ account_id: ACCOUNT_ID }));
    expect(types.length).toBeGreaterThan(0);
    for (const type of types) expect(type).toEqual(expect.any(String));
  });
});

describe('client.cloudforceOne.requests.message', () => {
  test('create: only required params', async () => {
    expectMessage(await call(client.cloudforceOne.requests.message.create(REQUEST_ID, { account_id: ACCOUNT_ID })));
  });

  test('create: required and optional params', async () => {
    const message = await call(
      client.cloudforceOne.requests.message.create(REQUEST_ID, {
        account_id: ACCOUNT_ID,
        content: 'Can you elaborate on the type of DoS that occurred?',
      }),
    );
    expectMessage(message);
  });

  test('update: only required params', async () => {
    const message = await call(
      client.cloudforceOne.requests.message.update(MESSAGE_ID, { account_id: ACCOUNT_ID, request_id: REQUEST_ID }),
    );
    expectMessage(message);
  });

  test('update: required and optional params', async () => {
    const message = await call(
      client.cloudforceOne.requests.message.update(MESSAGE_ID, {
        account_id: ACCOUNT_ID,
        request_id: REQUEST_ID,
        content: 'Can you elaborate on the type of DoS that occurred?',
      }),
    );
    expectMessage(message);
  });

  test('delete: only required params', async () => {
    const envelope = await call(
      client.cloudforceOne.requests.message.delete(MESSAGE_ID, { account_id: ACCOUNT_ID, request_id: REQUEST_ID }),
    );
    expectCommon(envelope);
  });

  test('delete: required and optional params', async () => {
    const envelope = await call(
      client.cloudforceOne.requests.message.delete(MESSAGE_ID, { account_id: ACCOUNT_ID, request_id: REQUEST_ID }),
    );
    expectCommon(envelope);
  });

  test('get: only required params', async () => {
    const page = await call(
      client.cloudforceOne.requests.message.get(REQUEST_ID, { account_id: ACCOUNT_ID, page: 0, per_page: 10 }),
    );
    expect(page).toBeInstanceOf(SinglePage);
    expect(page.result.length).toBeGreaterThan(0);
    page.result.forEach(expectMessage);
  });

  test('get: required and optional params', async () => {
    const messages = await collect(
      client.cloudforceOne.requests.message.get(REQUEST_ID, {
        account_id: ACCOUNT_ID,
        page: 0,
        per_page: 10,
        after: '2022-01-01T00:00:00Z',
        before: '2024-01-01T00:00:00Z',
        sort_by: 'created',
        sort_order: 'asc',
      }),
    );
    expect(messages.length).toBeGreaterThan(0);
    messages.forEach(expectMessage);
  });
});

describe('client.cloudforceOne.requests.priority', () => {
  // labels, priority, requirement and tlp are all required: there are no optional params.
  const edit = { priority: 1, requirement: 'DoS attacks carried out by CVEs', tlp: 'clear' as const };

  test('create: only required params', async () => {
    expectPriority(
      await call(client.cloudforceOne.requests.priority.create({ account_id: ACCOUNT_ID, ...edit, labels: ['DoS'] })),
    );
  });

  test('create: required and optional params', async () => {
    expectPriority(
      await call(client.cloudforceOne.requests.priority.create({ account_id: ACCOUNT_ID, ...edit, labels: ['DoS', 'CVE'] })),
    );
  });

  test('update: only required params', async () => {
    const item = await call(
      client.cloudforceOne.requests.priority.update(PRIORITY_ID, { account_id: ACCOUNT_ID, ...edit, labels: ['DoS'] }),
    );
    expectItem(item); // the spec answers with a request item, not a priority item
  });

  test('update: required and optional params', async () => {
    const item = await call(
      client.cloudforceOne.requests.priority.update(PRIORITY_ID, {
        account_id: ACCOUNT_ID,
        ...edit,
        labels: ['DoS', 'CVE'],
      }),
    );
    expectItem(item);
  });

  test('delete: only required params', async () => {
    expectCommon(await call(client.cloudforceOne.requests.priority.delete(PRIORITY_ID, { account_id: ACCOUNT_ID })));
  });

  test('delete: required and optional params', async () => {
    expectCommon(await call(client.cloudforceOne.requests.priority.delete(PRIORITY_ID, { account_id: ACCOUNT_ID })));
  });

  test('get: only required params', async () => {
    expectItem(await call(client.cloudforceOne.requests.priority.get(PRIORITY_ID, { account_id: ACCOUNT_ID })));
  });

  test('get: required and optional params', async () => {
    expectItem(await call(client.cloudforceOne.requests.priority.get(PRIORITY_ID, { account_id: ACCOUNT_ID })));
  });

  test('quota: only required params', async () => {
    expectQuota(await call(client.cloudforceOne.requests.priority.quota({ account_id: ACCOUNT_ID })));
  });

  test('quota: required and optional params', async () => {
    const { data, response } = await call(
      client.cloudforceOne.requests.priority.quota({ account_id: ACCOUNT_ID }).withResponse(),
    );
    expectQuota(data);
    expect(response.status).toBe(200);
  });

  test('list: only required params', async () => {
    const page = await call(client.cloudforceOne.requests.priority.list({ account_id: ACCOUNT_ID, page: 0, per_page: 10 }));
    expect(page).toBeInstanceOf(SinglePage);
    expect(page.result.length).toBeGreaterThan(0);
    page.result.forEach(expectPriority);
  });

  test('list: required and optional params', async () => {
    // No optional params: the same call, every item through `for await`.
    const priorities = await collect(
      client.cloudforceOne.requests.priority.list({ account_id: ACCOUNT_ID, page: 0, per_page: 10 }),
    );
    expect(priorities.length).toBeGreaterThan(0);
    priorities.forEach(expectPriority);
  });
});

describe('client.cloudforceOne.requests.assets', () => {
  test('create: only required params', async () => {
    const page = await call(
      client.cloudforceOne.requests.assets.create(REQUEST_ID, { account_id: ACCOUNT_ID, page: 0, per_page: 10 }),
    );
    expect(page).toBeInstanceOf(SinglePage);
    expect(page.result.length).toBeGreaterThan(0);
    page.result.forEach(expectAsset);
  });

  test('create: required and optional params', async () => {
    const assets = await collect(
      client.cloudforceOne.requests.assets.create(REQUEST_ID, { account_id: ACCOUNT_ID, page: 0, per_page: 10 }),
    );
    expect(assets.length).toBeGreaterThan(0);
    assets.forEach(expectAsset);
  });

  test('update: only required params', async () => {
    const asset = await call(
      client.cloudforceOne.requests.assets.update(ASSET_ID, { account_id: ACCOUNT_ID, request_id: REQUEST_ID }),
    );
    expectAsset(asset);
  });

  test('update: required and optional params', async () => {
    const asset = await call(
      client.cloudforceOne.requests.assets.update(ASSET_ID, {
        account_id: ACCOUNT_ID,
        request_id: REQUEST_ID,
        source: '@/Users/me/example.docx',
      }),
    );
    expectAsset(asset);
  });

  test('delete: only required params', async () => {
    const envelope = await call(
      client.cloudforceOne.requests.assets.delete(ASSET_ID, { account_id: ACCOUNT_ID, request_id: REQUEST_ID }),
    );
    expectCommon(envelope);
  });

  test('delete: required and optional params', async () => {
    const envelope = await call(
      client.cloudforceOne.requests.assets.delete(ASSET_ID, { account_id: ACCOUNT_ID, request_id: REQUEST_ID }),
    );
    expectCommon(envelope);
  });

  test('get: only required params', async () => {
    const page = await call(
      client.cloudforceOne.requests.assets.get(ASSET_ID, { account_id: ACCOUNT_ID, request_id: REQUEST_ID }),
    );
    expect(page).toBeInstanceOf(SinglePage);
    expect(page.result.length).toBeGreaterThan(0);
    page.result.forEach(expectAsset);
  });

  test('get: required and optional params', async () => {
    const assets = await collect(
      client.cloudforceOne.requests.assets.get(ASSET_ID, { account_id: ACCOUNT_ID, request_id: REQUEST_ID }),
    );
    expect(assets.length).toBeGreaterThan(0);
    assets.forEach(expectAsset);
  });

  // multipart/form-data: Prism 5.14 parses multipart bodies and validates their fields against the
  // schema (checked by hand: a required field missing, a field over maxLength or a non-integer for an
  // integer field each give 422), and rejects another content type with 415. Here `source` is
  // `type: string` (no `format: binary`), so the SDK types it as a string and sends a text part.
  test('upload: only required params', async () => {
    // No optional field set: an empty multipart body (the schema has no required properties).
    expectAsset(await call(client.cloudforceOne.requests.assets.upload(REQUEST_ID, { account_id: ACCOUNT_ID })));
  });

  test('upload: required and optional params', async () => {
    const { data, response } = await call(
      client.cloudforceOne.requests.assets
        .upload(REQUEST_ID, { account_id: ACCOUNT_ID, source: '@/Users/me/example.docx' })
        .withResponse(),
    );
    expectAsset(data);
    expect(response.status).toBe(200);
  });
});

describe('prism log', () => {
  // Runs last (vitest runs a file's tests in order). Prism logs every violation it finds, including
  // warning-severity ones that --errors does not turn into an error response; none may come from the
  // SDK's calls, only from the two controls at the top.
  test('no SDK request violated the spec', (context) => {
    if (okResponses === 0) context.skip(); // nothing was called (e.g. `-t 'prism log'` alone)
    const controls = [
      'Request did not pass the validation rules',
      'Invalid security scheme used',
      'Request body property page must be integer',
    ];
    const validator = prism!
      .output()
      .split('\n')
      .filter((line) => line.includes('[VALIDATOR]'));
    const violations = validator
      .filter((line) => !line.includes('✔'))
      .filter((line) => !controls.some((control) => line.includes(control)));
    expect(violations).toEqual([]);
    // The log still has the format parsed here: one "passed" line per 2xx the client got.
    expect(validator.filter((line) => line.includes('The request passed the validation rules'))).toHaveLength(
      okResponses,
    );
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SDKError } from '../../templates/core/errors.js';
import { SinglePage, V4PagePagination } from '../../templates/core/pagination.js';
import { SECRETS, TestClient, get, json, type Message, startServer, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const client = () => new TestClient({ ...SECRETS, baseURL: server.url, maxRetries: 0 });
const message = (id: number): Message => ({ id, content: `m${id}` });

/** 7 messages, served Cloudflare-style in pages of `per_page` (default 3). */
function serveMessages(resultInfo: (page: number, perPage: number, count: number) => Record<string, unknown>) {
  server.handle((req, res) => {
    const query = new URL(req.url!, server.url).searchParams;
    const page = Number(query.get('page') ?? 1);
    const perPage = Number(query.get('per_page') ?? 3);
    const result = Array.from({ length: 7 }, (_, i) => message(i + 1)).slice((page - 1) * perPage, page * perPage);
    json(res, 200, { success: true, errors: [], result, result_info: resultInfo(page, perPage, result.length) });
  });
}

describe('SinglePage', () => {
  it('yields the unwrapped array and has no next page', async () => {
    server.handle((_req, res) => json(res, 200, { success: true, result: [message(1), message(2)] }));
    const promise = client().messages.all({ account_id: 'acc' });
    const page = await promise;
    expect(page).toBeInstanceOf(SinglePage);
    expect(page.result).toEqual([message(1), message(2)]);
    expect(page.items).toBe(page.result);
    expect(page.getPaginatedItems()).toBe(page.result);
    expect(page.hasNextPage()).toBe(false);
    await expect(page.getNextPage()).rejects.toBeInstanceOf(SDKError);

    const items: Message[] = [];
    for await (const item of client().messages.all({ account_id: 'acc' })) items.push(item);
    expect(items).toEqual([message(1), message(2)]);
    expect(server.requests).toHaveLength(2);
  });

  it('serializes as plain data, without the client', async () => {
    server.handle((_req, res) => json(res, 200, { result: [message(1)] }));
    const page = await client().messages.all({ account_id: 'acc' });
    expect(JSON.parse(JSON.stringify(page))).toEqual({ result: [message(1)] });
  });
});

describe('V4PagePagination', () => {
  it('iterates every item across 3 pages, stopping at total_pages', async () => {
    serveMessages((page, per_page, count) => ({ page, per_page, count, total_pages: 3, total_count: 7 }));
    const items: Message[] = [];
    for await (const item of client().messages.list({ account_id: 'acc', per_page: 3 })) items.push(item);
    expect(items.map((m) => m.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/accounts/acc/messages?per_page=3',
      '/accounts/acc/messages?per_page=3&page=2',
      '/accounts/acc/messages?per_page=3&page=3',
    ]);
    // Auth and headers are those of the first request.
    expect(server.requests[2]!.headers['x-auth-key']).toBe(SECRETS.apiKey);
  });

  it('trusts total_pages even when the last page it allows is full', async () => {
    serveMessages((page, per_page, count) => ({ page, per_page, count, total_pages: 2 }));
    const items: Message[] = [];
    for await (const item of client().messages.list({ account_id: 'acc' })) items.push(item);
    expect(items.map((m) => m.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(server.requests).toHaveLength(2);
  });

  it('stops on a short page when total_pages is unknown', async () => {
    serveMessages((page, per_page, count) => ({ page, per_page, count }));
    const pages = [];
    for await (const page of (await client().messages.list({ account_id: 'acc' })).iterPages()) pages.push(page);
    expect(pages.map((p) => p.result_info.page)).toEqual([1, 2, 3]);
    expect(pages[2]!.result.map((m) => m.id)).toEqual([7]);
    expect(server.requests).toHaveLength(3);
  });

  it('stops on an empty page when there is no metadata', async () => {
    serveMessages(() => ({}));
    const items: Message[] = [];
    for await (const item of client().messages.list({ account_id: 'acc', page: 2 })) items.push(item);
    expect(items.map((m) => m.id)).toEqual([4, 5, 6, 7]);
    expect(server.requests.map((r) => new URL(r.url, server.url).searchParams.get('page'))).toEqual(['2', '3', '4']);
  });

  it('exposes page navigation on the awaited page', async () => {
    serveMessages((page, per_page, count) => ({ page, per_page, count, total_pages: 3 }));
    const first = await client().messages.list({ account_id: 'acc' });
    expect(first).toBeInstanceOf(V4PagePagination);
    expect(first.result_info).toEqual({ page: 1, per_page: 3, count: 3, total_pages: 3 });
    expect(first.hasNextPage()).toBe(true);
    const second = await first.getNextPage();
    expect(second.result.map((m) => m.id)).toEqual([4, 5, 6]);
    const third = await second.getNextPage();
    expect(third.hasNextPage()).toBe(false);
    await expect(third.getNextPage()).rejects.toThrow(/no next page/);
  });

  it('works through requestPage directly, with the page class as a value', async () => {
    serveMessages((page, per_page, count) => ({ page, per_page, count, total_pages: 3 }));
    const promise = client().requestPage(V4PagePagination<Message>, get('/accounts/acc/messages'), { id: 'list', security: [], unwrap: 'result' });
    const ids: number[] = [];
    for await (const item of promise) ids.push(item.id);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

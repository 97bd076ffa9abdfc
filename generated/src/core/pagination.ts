// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.
/** Page classes for list operations, and the promise that iterates every item of every page. */
import { APIPromise } from './api-promise.js';
import { SDKError } from './errors.js';
import type { BuiltRequest } from './types.js';
import { isRecord } from './util.js';

/** What the client hands a page class when a page arrives. */
export interface PageInit {
  /** The request that fetched this page. */
  readonly request: BuiltRequest;
  /** The parsed response body (the whole envelope). */
  readonly body: unknown;
  /** The body after the operation's `unwrap`: the page's item array for every page kind here. */
  readonly data: unknown;
  /** Fetches another page of the same operation, with the same client and request options. */
  readonly fetchPage: (request: BuiltRequest) => Promise<AbstractPage<unknown>>;
}

export type PageConstructor<Page> = new (init: PageInit) => Page;
export type PageItem<Page> = Page extends AbstractPage<infer Item> ? Item : never;

export abstract class AbstractPage<Item> implements AsyncIterable<Item> {
  /** This page's items. */
  readonly result: Item[];
  // Private so that pages serialize and inspect as plain data, without the client behind them.
  readonly #init: PageInit;

  constructor(init: PageInit) {
    this.#init = init;
    this.result = Array.isArray(init.data) ? (init.data as Item[]) : [];
  }

  get items(): Item[] {
    return this.result;
  }

  /** This page's items (the name Stainless-generated SDKs use). */
  getPaginatedItems(): Item[] {
    return this.result;
  }

  /** The request for the page after this one, or null when this page is known to be the last. */
  protected abstract nextPageRequest(current: BuiltRequest): BuiltRequest | null;

  /** An empty page always ends the list, whatever the pagination metadata says. */
  hasNextPage(): boolean {
    return this.result.length > 0 && this.nextPageRequest(this.#init.request) !== null;
  }

  async getNextPage(): Promise<this> {
    const next = this.result.length > 0 ? this.nextPageRequest(this.#init.request) : null;
    if (next === null) throw new SDKError('There is no next page; check hasNextPage() first');
    return (await this.#init.fetchPage(next)) as this;
  }

  async *iterPages(): AsyncGenerator<this> {
    let page = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    for await (const page of this.iterPages()) yield* page.result;
  }
}

/** A list returned whole: the unwrapped body is the item array. */
export class SinglePage<Item> extends AbstractPage<Item> {
  protected nextPageRequest(): null {
    return null;
  }
}

/** Cloudflare's v4 envelope metadata, next to the `result` array. */
export interface V4PagePaginationResultInfo {
  readonly page?: number;
  readonly per_page?: number;
  readonly total_pages?: number;
  readonly count?: number;
  readonly total_count?: number;
}

/** Page-number pagination: the next page is the same request with `page` incremented. */
export class V4PagePagination<Item> extends AbstractPage<Item> {
  readonly result_info: V4PagePaginationResultInfo;

  constructor(init: PageInit) {
    super(init);
    const info = isRecord(init.body) && isRecord(init.body['result_info']) ? init.body['result_info'] : {};
    // Keep only numeric fields so that the arithmetic below cannot be fed strings or nulls.
    this.result_info = Object.fromEntries(
      Object.entries(info).filter(([, value]) => typeof value === 'number'),
    );
  }

  protected nextPageRequest(current: BuiltRequest): BuiltRequest | null {
    const { page, per_page, total_pages, count } = this.result_info;
    const query = current.query ?? [];
    const currentPage = page ?? Number(query.find(([name]) => name === 'page')?.[1] ?? 1);
    if (total_pages !== undefined && currentPage >= total_pages) return null;
    if (per_page !== undefined && (count ?? this.result.length) < per_page) return null;
    return {
      ...current,
      query: [...query.filter(([name]) => name !== 'page'), ['page', String(currentPage + 1)]],
    };
  }
}

/** The name Stainless-generated SDKs give Cloudflare's page-number pagination. */
export class V4PagePaginationArray<Item> extends V4PagePagination<Item> {}

/** Awaiting gives the first page; `for await` walks every item of every page. */
export class PagePromise<Page extends AbstractPage<Item>, Item = PageItem<Page>>
  extends APIPromise<Page>
  implements AsyncIterable<Item>
{
  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    const page = await this;
    yield* page;
  }
}

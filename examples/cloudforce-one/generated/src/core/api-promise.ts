// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.
/**
 * A Promise that sends its request only once something consumes it (`await`, `then`, `withResponse`,
 * `asResponse`), so building a call has no side effects until the caller asks for a result.
 */
export class APIPromise<T> extends Promise<T> {
  readonly #send: () => Promise<Response>;
  readonly #parse: (response: Response) => Promise<T>;
  #response: Promise<Response> | undefined;
  #data: Promise<T> | undefined;

  constructor(send: () => Promise<Response>, parse: (response: Response) => Promise<T>) {
    // The underlying native promise is never observed: every consumer goes through `then` below.
    super((resolve) => resolve(undefined as T));
    this.#send = send;
    this.#parse = parse;
  }

  /** The raw Response, body unread. Non-2xx statuses still reject with an APIError. */
  asResponse(): Promise<Response> {
    return (this.#response ??= this.#send());
  }

  /** The parsed data together with the Response it came from (whose body has been consumed). */
  async withResponse(): Promise<{ data: T; response: Response }> {
    const data = await this.#parsed();
    return { data, response: await this.asResponse() };
  }

  override then<TResult1 = T, TResult2 = never>(
    onfulfilled?: ((value: T) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.#parsed().then(onfulfilled, onrejected);
  }

  override catch<TResult = never>(
    onrejected?: ((reason: unknown) => TResult | PromiseLike<TResult>) | null,
  ): Promise<T | TResult> {
    return this.#parsed().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#parsed().finally(onfinally);
  }

  #parsed(): Promise<T> {
    return (this.#data ??= this.asResponse().then(this.#parse));
  }
}

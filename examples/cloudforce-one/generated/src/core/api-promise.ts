// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.
/**
 * The promise a client method returns. The request is sent when the method is called (as with
 * Stainless SDKs), so calls started together run together; `await`, `then`, `withResponse` and
 * `asResponse` all share that one request.
 */
export class APIPromise<T> extends Promise<T> {
  readonly #parse: (response: Response) => Promise<T>;
  readonly #response: Promise<Response>;
  #data: Promise<T> | undefined;

  // Promises that built-ins derive from this one are plain: this constructor cannot take an executor.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  constructor(send: () => Promise<Response>, parse: (response: Response) => Promise<T>) {
    // The underlying native promise is never observed: every consumer goes through `then` below.
    super((resolve) => resolve(undefined as T));
    this.#parse = parse;
    this.#response = send();
    // A call nobody awaits must not crash the process with an unhandled rejection; whoever does
    // await it still gets the error.
    this.#response.catch(() => {});
  }

  /** The raw Response, body unread. Non-2xx statuses still reject with an APIError. */
  asResponse(): Promise<Response> {
    return this.#response;
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

/**
 * A map by a pair of strings: a file and a `$ref` string or pointer, a section and a member name.
 * Two levels, not one key joining them: a joined key is a new string to build and hash at every
 * lookup, and lookups run by the ten thousand.
 */
export class PairMap<T> {
  private readonly outer = new Map<string, Map<string, T>>();

  get(first: string, second: string): T | undefined {
    return this.outer.get(first)?.get(second);
  }

  set(first: string, second: string, value: T): void {
    let inner = this.outer.get(first);
    if (!inner) this.outer.set(first, (inner = new Map()));
    inner.set(second, value);
  }
}

/**
 * A memo by file and string. Two levels, not one key joining them: a joined key is a new string
 * to build and hash at every lookup, and lookups run by the ten thousand.
 */
export class ByFile<T> {
  private readonly files = new Map<string, Map<string, T>>();

  get(file: string, key: string): T | undefined {
    return this.files.get(file)?.get(key);
  }

  set(file: string, key: string, value: T): void {
    let inFile = this.files.get(file);
    if (!inFile) this.files.set(file, (inFile = new Map()));
    inFile.set(key, value);
  }
}

/**
 * What an answer of the ref graph depends on, so that a later load can tell, without asking
 * again, that it would get the same answer: the units of the entry document (units.ts) and the
 * other files that answering read, each with the value it had.
 *
 * Values are never mutated (memory.ts), so when each of them is the same object as when the answer
 * was given, the answer is the same. A unit's value is found by walking own members from the root,
 * as `locate` walks; where `locate` follows a `$ref` on the way instead, that ref's holder is read too.
 */
import { toPointer } from './pointer.js';
import { unitDepth } from './units.js';

export interface Read {
  readonly key: string;
  readonly file: string;
  /** The unit's tokens in the entry document; undefined for a whole other file. */
  readonly tokens: readonly string[] | undefined;
  /** The value in the load `stamp` (a cache: reads outlive loads in the memory). */
  stamp?: number;
  now?: unknown;
}

/** Reads, with the values they had. */
export interface ReadLog {
  readonly reads: readonly Read[];
  readonly values: readonly unknown[];
}

const NONE: readonly Read[] = [];
let loads = 0;

export class Reads {
  private readonly interned = new Map<string, Read>();
  /** One set per answer being worked out, innermost last. */
  private readonly open: Set<Read>[] = [];
  private readonly stamp = ++loads;

  /**
   * `valueOf` gives a read's value in this load (reading a whole file when it is not read yet);
   * with `on` false nothing is recorded, for a load that keeps no memory.
   */
  constructor(
    private readonly entry: string,
    private readonly valueOf: (read: Read) => unknown,
    private readonly on: boolean,
  ) {}

  /** The answer being worked out reads `tokens` of `file` (undefined: the whole file). */
  touch(file: string, tokens: readonly string[] | undefined): void {
    const into = this.open[this.open.length - 1];
    if (!into) return;
    const whole = file !== this.entry || tokens === undefined;
    const unit = whole ? undefined : tokens.slice(0, unitDepth(tokens));
    const key = unit ? `${file}\0${toPointer(unit)}` : file;
    let read = this.interned.get(key);
    if (!read) this.interned.set(key, (read = { key, file, tokens: unit }));
    into.add(read);
  }

  /** `compute`'s value and what working it out read; the answer around this one read that too. */
  collect<T>(compute: () => T): { value: T; reads: readonly Read[] } {
    if (!this.on) return { value: compute(), reads: NONE };
    const reads = new Set<Read>();
    this.open.push(reads);
    try {
      return { value: compute(), reads: [...reads] };
    } finally {
      this.open.pop();
      this.reuse(reads);
    }
  }

  /** A remembered answer is used: what it read is read again. */
  reuse(reads: Iterable<Read>): void {
    const into = this.open[this.open.length - 1];
    if (into) for (const read of reads) into.add(read);
  }

  /** The reads with their values now. */
  log(reads: readonly Read[]): ReadLog {
    return { reads, values: reads.map((r) => this.value(r)) };
  }

  /** Whether every read of `log` has the same value now. Reads files in the order they were first read. */
  holds(log: ReadLog): boolean {
    return log.reads.every((r, i) => Object.is(this.value(r), log.values[i]));
  }

  private value(read: Read): unknown {
    if (read.stamp !== this.stamp) [read.now, read.stamp] = [this.valueOf(read), this.stamp];
    return read.now;
  }
}

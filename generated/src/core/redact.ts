// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.
/**
 * Keeps secrets and huge bodies out of what errors report. Servers echo credentials back (a login
 * page quoting the key, a debug error listing the request headers), and whatever lands in an error
 * message ends up in logs and bug trackers.
 */
import { isRecord } from './util.js';

const REDACTED = '[redacted]';

/** Characters of a response body copied into an error message; the body itself stays on the error. */
const MESSAGE_BODY_LIMIT = 2_000;

/**
 * Header names that carry credentials in common APIs (Authorization, Cookie, X-Auth-Key,
 * X-Auth-Email, X-API-Key, X-Amz-Security-Token, ...), whoever set them.
 */
const SENSITIVE_HEADER = /authorization|cookie|auth|api[-_]?key|token|secret|passw|session/i;

/** Shorter values are not secrets worth hunting for, and replacing them would garble messages. */
const MIN_SECRET_LENGTH = 4;
/** Nesting beyond this is left as it is rather than walked (bodies are data, not attacks, but still). */
const MAX_DEPTH = 64;

export function isSensitiveHeader(name: string, extra: ReadonlySet<string> = new Set()): boolean {
  return SENSITIVE_HEADER.test(name) || extra.has(name.toLowerCase());
}

export class Redactor {
  readonly #secrets: readonly string[];
  readonly #headers: ReadonlySet<string>;

  /**
   * `secrets` are replaced wherever they appear (also percent-encoded); `headerNames` are reported
   * as `[redacted]` whatever their value, besides the names SENSITIVE_HEADER matches.
   */
  constructor(secrets: Iterable<string | null | undefined>, headerNames: Iterable<string> = []) {
    const values = new Set<string>();
    for (const secret of secrets) {
      if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
      values.add(secret);
      values.add(encodeURIComponent(secret));
    }
    // Longest first, so that a secret containing another is replaced whole.
    this.#secrets = [...values].sort((a, b) => b.length - a.length);
    this.#headers = new Set([...headerNames].map((name) => name.toLowerCase()));
  }

  text(text: string): string {
    let result = text;
    for (const secret of this.#secrets)
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    return result;
  }

  /** A copy of `value` with every string redacted; non-plain objects are kept as they are. */
  value(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.text(value);
    if (depth >= MAX_DEPTH) return value;
    if (Array.isArray(value)) return value.map((item) => this.value(item, depth + 1));
    if (isRecord(value) && isPlain(value)) {
      // fromEntries defines own properties, so a `__proto__` key stays data.
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, this.value(item, depth + 1)]),
      );
    }
    return value;
  }

  headers(headers: Headers): Headers {
    const copy = new Headers();
    headers.forEach((value, name) => {
      copy.append(name, isSensitiveHeader(name, this.#headers) ? REDACTED : this.text(value));
    });
    return copy;
  }
}

function isPlain(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** `text` cut to `limit` characters, saying how much was left out. */
export function capText(text: string, limit = MESSAGE_BODY_LIMIT): string {
  if (text.length <= limit) return text;
  // Never split a surrogate pair: half a character would print as garbage.
  const end = /[\uD800-\uDBFF]/.test(text[limit - 1] ?? '') ? limit - 1 : limit;
  return `${text.slice(0, end)}… (${text.length - end} more characters)`;
}

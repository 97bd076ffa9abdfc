// File copied from lathe's runtime templates (templates/core). Do not edit: run `lathe generate` instead.
/**
 * Logging for the client: what it sends, what comes back, and why it retries, at a level set by the
 * `logLevel` option or the client's `<CLIENT>_LOG` environment variable. Callers pass only text that
 * has been through the call's Redactor, so logs carry no credentials.
 */
import { readEnv } from './env.js';

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** `console` fits; so do pino, winston and most other loggers. */
export interface Logger {
  error(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  debug(message: string, ...rest: unknown[]): void;
}

const RANKS: Readonly<Record<LogLevel, number>> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };
const DEFAULT_LEVEL: LogLevel = 'warn';

function isLevel(value: string): value is LogLevel {
  return Object.hasOwn(RANKS, value);
}

export class ClientLog {
  readonly level: LogLevel;
  readonly #logger: Logger;
  readonly #prefix: string;

  /** `level`, else the level in `env` (when it names one), else 'warn'. */
  constructor(
    prefix: string,
    level: LogLevel | undefined,
    logger: Logger | undefined,
    env: string | undefined,
  ) {
    this.#logger = logger ?? console;
    this.#prefix = `[${prefix}]`;
    const fromEnv = env === undefined ? undefined : readEnv(env)?.toLowerCase();
    this.level = level ?? (fromEnv !== undefined && isLevel(fromEnv) ? fromEnv : DEFAULT_LEVEL);
    if (level === undefined && fromEnv !== undefined && !isLevel(fromEnv)) {
      this.warn(`${env} should be one of ${Object.keys(RANKS).join(', ')}; using ${DEFAULT_LEVEL}`);
    }
  }

  enabled(level: Exclude<LogLevel, 'off'>): boolean {
    return RANKS[this.level] >= RANKS[level];
  }

  error(message: string, details?: object): void {
    if (this.enabled('error')) this.#write('error', message, details);
  }

  warn(message: string, details?: object): void {
    if (this.enabled('warn')) this.#write('warn', message, details);
  }

  info(message: string, details?: object): void {
    if (this.enabled('info')) this.#write('info', message, details);
  }

  debug(message: string, details?: object): void {
    if (this.enabled('debug')) this.#write('debug', message, details);
  }

  #write(level: Exclude<LogLevel, 'off'>, message: string, details: object | undefined): void {
    // A logger that throws must not turn a successful call into a failed one.
    try {
      if (details === undefined) this.#logger[level](`${this.#prefix} ${message}`);
      else this.#logger[level](`${this.#prefix} ${message}`, details);
    } catch {
      // ignored on purpose
    }
  }
}

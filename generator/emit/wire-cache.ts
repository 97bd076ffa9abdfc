/**
 * What the wire worker keeps between runs to type only the path items an edit changed (see
 * wire-splice.ts): the previous text, a hash of each path item, and a hash of everything else in
 * the document (the "frame": components, servers, the order of paths…). A different frame, or a
 * different lathe, openapi-typescript or TypeScript, and nothing is reused.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface WireCacheInput {
  /** Where this spec's entry lives: one file per spec. */
  readonly file: string;
  /** What made the text: lathe's code and openapi-typescript's and TypeScript's versions. */
  readonly maker: string;
}

/** The document seen as path items (those openapi-typescript declares: objects) and the rest. */
export interface Units {
  readonly frame: string;
  readonly keys: readonly string[];
  readonly hashes: readonly string[];
  /** Which path items hold a discriminator (openapi-typescript's scan of one can change components). */
  readonly discriminated: readonly boolean[];
}

interface Stored extends Units {
  readonly maker: string;
  readonly text: string;
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Undefined for a document without a `paths` object (nothing to reuse by path item). */
export function unitsOf(document: unknown): Units | undefined {
  const paths = (document as { paths?: unknown }).paths;
  if (!paths || typeof paths !== 'object' || Array.isArray(paths)) return undefined;
  const keys: string[] = [];
  const hashes: string[] = [];
  const discriminated: boolean[] = [];
  const outline: unknown[] = [];
  for (const [key, item] of Object.entries(paths)) {
    if (!item || typeof item !== 'object') {
      outline.push([key, item]);
      continue;
    }
    const json = JSON.stringify(item);
    discriminated.push(json.includes('"discriminator"'));
    keys.push(key);
    hashes.push(digest(json));
    outline.push(key);
  }
  const frame = digest(JSON.stringify({ ...(document as object), paths: outline }));
  return { frame, keys, hashes, discriminated };
}

/** The previous run's text and units for this spec, if they were made the same way. */
export function readStored(cache: WireCacheInput): (Units & { text: string }) | undefined {
  try {
    const stored = JSON.parse(readFileSync(cache.file, 'utf8')) as Stored;
    return stored.maker === cache.maker && typeof stored.text === 'string' ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** A cache that cannot be written only costs time next run. */
export function store(cache: WireCacheInput, units: Units, text: string): void {
  try {
    mkdirSync(dirname(cache.file), { recursive: true });
    const tmp = `${cache.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ maker: cache.maker, ...units, text } satisfies Stored));
    renameSync(tmp, cache.file);
  } catch {
    // Nothing to do.
  }
}

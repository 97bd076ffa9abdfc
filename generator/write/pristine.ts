/**
 * The pristine output of the last run: exactly what lathe generated, before any hand edit was
 * merged in. It is the base of the three-way merge that keeps hand edits (merge.ts), stored in the
 * output folder (so it travels with a committed output and `lathe check` works in CI), indexed by
 * `.lathe/pristine.json` (each output path's sha256).
 *
 * The contents are kept in packs, `.lathe/pristine/<name>.pack`: the blobs a run adds, one after
 * the other, located by the index. One file per run rather than one per blob: on a first run of
 * Cloudflare's spec that was 2,418 more files to create, which cost more than writing their bytes.
 * A run keeps a pack while at least half its bytes are still in use, and otherwise copies what is
 * left of it into its own pack, so an edit adds one small pack and the first run's pack stays as it
 * is (a committed output changes by a few files). Blobs stored one per file,
 * `.lathe/pristine/<sha256>`, as earlier lathe versions and the conflict record write them, are
 * read too.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesOf, digestOf, partsOf, type OutputFile } from '../emit/output.js';
import { hash } from './content.js';
import type { PackContent } from './journal.js';

export const STATE_DIR = '.lathe';
const BLOBS = `${STATE_DIR}/pristine`;
const INDEX = `${STATE_DIR}/pristine.json`;
const PACK = /^[0-9a-f]{64}\.pack$/;
/** A pack whose blobs in use are fewer bytes than this share of it is copied out of and dropped. */
const KEEP_SHARE = 0.5;
/**
 * Files left with conflict markers, with the new output they were merged with. Once the user has
 * resolved the markers, that output is the base of the next merge (as git's merge head is): the
 * resolution already holds it.
 */
const PENDING = `${STATE_DIR}/pending.json`;

/** Where a blob is: its pack's file name, and its bytes' offset and length there. */
type Place = readonly [pack: string, offset: number, length: number];

export interface PristineIndex {
  /** Output path -> sha256 of what lathe generated for it last time. */
  readonly files: Readonly<Record<string, string>>;
  /** sha256 -> `<pack> <offset> <length>`, its place in a pack; a blob without one is a file of its own. */
  readonly packed?: Readonly<Record<string, string>>;
}

function parsePlace(text: unknown): Place | undefined {
  if (typeof text !== 'string') return undefined;
  const [pack, offset, length] = text.split(' ');
  const place = [pack!, Number(offset), Number(length)] as const;
  return PACK.test(place[0]) && Number.isSafeInteger(place[1]) && Number.isSafeInteger(place[2]) && place[1] >= 0 && place[2] >= 0 ? place : undefined;
}

export function readPristine(outDir: string): PristineIndex | undefined {
  return findPristine(outDir)?.index;
}

/** The index with its text, as read or written. */
export interface FoundPristine {
  readonly index: PristineIndex;
  readonly text: string;
  /** `index.packed` parsed, when the index was made by this process (pristineChange). */
  readonly places?: ReadonlyMap<string, Place>;
}

/**
 * The store's index, if it has a valid one. `known`: the one a run of this process last read or
 * wrote, whose parse (up to ~1 MB of JSON on a big spec) is taken again while the text is the same.
 */
export function findPristine(outDir: string, known?: FoundPristine): FoundPristine | undefined {
  let text: string;
  try {
    text = readFileSync(join(outDir, INDEX), 'utf8');
  } catch {
    return undefined;
  }
  if (text === known?.text) return known;
  try {
    const index = JSON.parse(text) as PristineIndex;
    return index && typeof index.files === 'object' && (index.packed === undefined || typeof index.packed === 'object') ? { index, text } : undefined;
  } catch {
    return undefined;
  }
}

/** Contents by sha256 (the emit and wire caches' `BlobStore`, and the merge's bases). */
export interface PristineBlobs {
  size(digest: string): number | undefined;
  read(digest: string): string | undefined;
}

/** The blobs of `outDir`'s pristine store (`index`: the one already read, if any). */
export function pristineBlobs(outDir: string, given?: PristineIndex): PristineBlobs {
  // Read on the first lookup: under --watch the run memory answers most of them (run-memory.ts).
  let index = given;
  let read = given !== undefined;
  const placeOf = (digest: string): Place | undefined => {
    if (!read) [index, read] = [readPristine(outDir), true];
    return index?.packed && Object.hasOwn(index.packed, digest) ? parsePlace(index.packed[digest]) : undefined;
  };
  return {
    size(digest) {
      const place = placeOf(digest);
      if (place) return place[2];
      try {
        return statSync(join(outDir, BLOBS, digest)).size;
      } catch {
        return undefined;
      }
    },
    read(digest) {
      const place = placeOf(digest);
      const text = place ? readSlice(join(outDir, BLOBS, place[0]), place[1], place[2]) : readLoose(join(outDir, BLOBS, digest));
      return text !== undefined && hash(text) === digest ? text : undefined; // a damaged blob is no base to merge on
    },
  };
}

function readLoose(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function readSlice(path: string, offset: number, length: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const bytes = Buffer.alloc(length);
    return readSync(fd, bytes, 0, length, offset) === length ? bytes.toString('utf8') : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function readPending(outDir: string): Readonly<Record<string, string>> {
  try {
    const pending = JSON.parse(readFileSync(join(outDir, PENDING), 'utf8')) as { files?: Record<string, string> };
    return pending.files && typeof pending.files === 'object' ? pending.files : {};
  } catch {
    return {};
  }
}

/** Records the new output of files left in conflict (see PENDING), each as a blob file of its own. */
export function savePending(outDir: string, files: readonly OutputFile[]): void {
  const blobs = join(outDir, BLOBS);
  mkdirSync(blobs, { recursive: true });
  const pending: Record<string, string> = { ...readPending(outDir) };
  for (const f of files) {
    const digest = hash(f.content);
    const target = join(blobs, digest);
    if (!existsSync(target)) writeAtomic(target, f.content);
    pending[f.path] = digest;
  }
  writeAtomic(join(outDir, PENDING), `${JSON.stringify({ files: pending }, null, 1)}\n`);
}

function writeAtomic(target: string, content: string): void {
  const tmp = `${target}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, target);
}

/** What a run changes in lathe's own state folder, committed in one journal with the output. */
export interface StateChange {
  readonly writes: readonly { readonly path: string; readonly content: string | PackContent }[];
  readonly removals: readonly string[];
}

/** A change of the store, and its index as the change leaves it. */
export interface PristineChange extends StateChange {
  readonly pristine: FoundPristine;
}

/**
 * `files` as the next pristine output: a pack of the blobs it lacks, its index (unless the one on
 * disk already says it all), and the packs and blob files (and conflict record) it no longer needs.
 * Nothing is written here: the caller commits these in the same journal as the output
 * (write/index.ts), so a run killed at any point leaves the base and the output of one and the
 * same run. `current`: the store's index as the caller has read it, if it has.
 */
export function pristineChange(outDir: string, files: readonly OutputFile[], current: FoundPristine | undefined = findPristine(outDir)): PristineChange {
  const index = current?.index;
  const blobs = join(outDir, BLOBS);
  const onDisk = new Set(existsSync(blobs) ? readdirSync(blobs) : []);
  const digests = new Map<string, OutputFile>();
  const paths: Record<string, string> = {};
  for (const f of files) {
    const digest = digestOf(f);
    paths[f.path] = digest;
    if (!digests.has(digest)) digests.set(digest, f);
  }
  // Bytes in use of each pack on disk, against its size (the bytes of every blob the index put there).
  const placed = new Map<string, Place>();
  const size = new Map<string, number>();
  for (const [digest, place] of current?.places ?? parsePlaces(index?.packed)) {
    if (!onDisk.has(place[0])) continue;
    size.set(place[0], (size.get(place[0]) ?? 0) + place[2]);
    if (digests.has(digest)) placed.set(digest, place);
  }
  const used = new Map<string, number>();
  for (const [, [pack, , length]] of placed) used.set(pack, (used.get(pack) ?? 0) + length);
  const kept = new Set([...used].filter(([pack, bytes]) => bytes >= KEEP_SHARE * size.get(pack)!).map(([pack]) => pack));

  const places = new Map<string, Place>();
  const packed: Record<string, string> = {};
  // A kept place's text as this process wrote it last time (an edit keeps 2,400 of them); one read from disk is written as parsed.
  const ownText = current?.places ? index?.packed : undefined;
  const loose = new Set<string>();
  const added: [string, OutputFile][] = [];
  for (const [digest, f] of digests) {
    const place = placed.get(digest);
    if (place && kept.has(place[0])) {
      places.set(digest, place);
      packed[digest] = ownText?.[digest] ?? place.join(' ');
    } else if (onDisk.has(digest)) loose.add(digest);
    else added.push([digest, f]);
  }
  const writes: { path: string; content: string | PackContent }[] = [];
  if (added.length) {
    // Named by the digests it holds: the same blobs make the same pack.
    const name = `${hash(added.map(([d]) => d).join('\n'))}.pack`;
    let offset = 0;
    const parts: string[] = [];
    for (const [digest, f] of added) {
      const place = [name, offset, bytesOf(f)] as const;
      places.set(digest, place);
      packed[digest] = place.join(' ');
      // A loop, not push(...): a file can be made of more parts than a call takes arguments.
      for (const part of partsOf(f) ?? [f.content]) parts.push(part);
      offset += place[2];
    }
    kept.add(name);
    writes.push({ path: `${BLOBS}/${name}`, content: { parts, bytes: offset } });
  }
  const next: PristineIndex = { files: paths, ...(places.size ? { packed } : {}) };
  const text = `${JSON.stringify(next, null, 1)}\n`;
  if (text !== current?.text) writes.push({ path: INDEX, content: text });
  const removals = [...onDisk].filter((name) => (PACK.test(name) ? !kept.has(name) : !loose.has(name))).map((name) => `${BLOBS}/${name}`);
  if (existsSync(join(outDir, PENDING))) removals.push(PENDING);
  return { writes, removals, pristine: { index: next, text, places } };
}

function parsePlaces(packed: PristineIndex['packed']): Map<string, Place> {
  const places = new Map<string, Place>();
  for (const [digest, text] of Object.entries(packed ?? {})) {
    const place = parsePlace(text);
    if (place) places.set(digest, place);
  }
  return places;
}

export function hasPristine(outDir: string): boolean {
  return existsSync(join(outDir, INDEX));
}

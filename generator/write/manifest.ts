/**
 * `.lathe-manifest.json`: the files lathe wrote into an output folder (each path's sha256), and
 * what it made them from. A file it lists is lathe's to rewrite or remove; any other file is not.
 */
import { join } from 'node:path';
import { hash, readIfExists } from './content.js';

export const MANIFEST = '.lathe-manifest.json';

export interface InputRecord {
  /** Spec files, as paths relative to the output folder (`/`-separated). */
  readonly files: string[];
  readonly fingerprint: string;
  /** lathe's version and its libraries' (fingerprint.ts), kept readable to say why a record no longer holds. */
  readonly libraries?: Readonly<Record<string, string>>;
}

export interface Manifest {
  readonly generator: 'lathe';
  readonly files: Record<string, string>;
  /** What the output was made from (see fingerprint.ts): spec files relative to the output folder. */
  readonly inputs?: InputRecord;
}

/** A manifest with its text, as read or written, and the text's sha256 (what stat stamps are recorded against). */
export interface FoundManifest {
  readonly manifest: Manifest;
  readonly digest: string;
  readonly text: string;
}

export function manifestText(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * The output folder's manifest, if it has a valid one. `known`: the one a run of this process
 * last read or wrote there, whose parse is taken again while the text on disk is the same.
 */
export function readManifest(outDir: string, known?: FoundManifest): FoundManifest | undefined {
  const text = readIfExists(join(outDir, MANIFEST));
  if (text === undefined) return undefined;
  if (text === known?.text) return known;
  try {
    const m = JSON.parse(text) as Manifest;
    return m && m.generator === 'lathe' && typeof m.files === 'object' ? { manifest: m, digest: hash(text), text } : undefined;
  } catch {
    return undefined;
  }
}

/** Reading and hashing files of the output folder. */
import { readFileSync } from 'node:fs';
import { sha256 } from '../text-chunks.js';

export function hash(content: string): string {
  return sha256(content);
}

export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

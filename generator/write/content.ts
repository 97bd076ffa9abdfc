/** Reading and hashing files of the output folder. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function hash(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Long texts are hashed and written in pieces (generator/text-chunks.ts). A piece boundary must
 * never fall inside a surrogate pair: each half alone encodes as U+FFFD, which would change both
 * the digest and the bytes written.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pieces, sha256 } from '../../generator/text-chunks.js';
import { commit } from '../../generator/write/journal.js';

const whole = (text: string) => createHash('sha256').update(text).digest('hex');

describe('text pieces', () => {
  // 😀 is a surrogate pair: with an odd prefix, one falls across every 32 K boundary.
  const text = `x${'😀'.repeat(70_000)}é\n`;

  it('splits a long text without splitting a surrogate pair, and joins back to it', () => {
    const parts = pieces(text);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.join('')).toBe(text);
    for (const p of parts) {
      const last = p.charCodeAt(p.length - 1);
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
      expect(Buffer.from(p).toString()).toBe(p);
    }
  });

  it('hashes as the whole text hashes', () => {
    expect(sha256(text)).toBe(whole(text));
    expect(sha256('short')).toBe(whole('short'));
    expect(sha256('')).toBe(whole(''));
  });

  it('writes a long file byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'lathe-pieces-'));
    commit(out, { writes: [{ path: 'big.ts', content: text }, { path: 'pack', content: { parts: ['a', text], bytes: Buffer.byteLength(text) + 1 } }], removals: [] });
    expect(readFileSync(join(out, 'big.ts'), 'utf8')).toBe(text);
    expect(readFileSync(join(out, 'pack'), 'utf8')).toBe(`a${text}`);
  });
});

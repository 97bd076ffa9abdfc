/**
 * Long texts are hashed and written in pieces (generator/text-chunks.ts). A piece boundary must
 * never fall inside a surrogate pair: each half alone encodes as U+FFFD, which would change both
 * the digest and the bytes written.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { bytesOf, digestOf, partsFile } from '../../generator/emit/output.js';
import { chunks, pieces, sha256 } from '../../generator/text-chunks.js';
import { writeOutput } from '../../generator/write/index.js';
import { tempDir } from '../helpers.js';
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
    const out = tempDir('lathe-pieces-');
    commit(out, { writes: [{ path: 'big.ts', content: text }, { path: 'pack', content: { parts: ['a', text], bytes: Buffer.byteLength(text) + 1 } }], removals: [] });
    expect(readFileSync(join(out, 'big.ts'), 'utf8')).toBe(text);
    expect(readFileSync(join(out, 'pack'), 'utf8')).toBe(`a${text}`);
  });
});

describe('texts made of parts', () => {
  // Many short parts (as src/openapi.ts's units are), a long one with surrogate pairs, empty ones.
  const parts = ['// head\n', ...Array.from({ length: 3000 }, (_, i) => `  p${i}: { a: 'é${i}' };\n`), '', `x${'😀'.repeat(40_000)}`, 'tail\n', ''];
  const text = parts.join('');

  it('are put together in pieces of at most 32 K units that join back to the text', () => {
    const out = [...chunks(parts)];
    expect(out.join('')).toBe(text);
    // Short parts are put together: far fewer pieces than parts.
    expect(out.length).toBeLessThan(20);
    for (const p of out) {
      expect(p.length).toBeLessThanOrEqual(1 << 15);
      expect(Buffer.from(p).toString()).toBe(p);
    }
    expect(sha256(parts)).toBe(whole(text));
    expect(sha256([])).toBe(whole(''));
  });

  it('give a file whose digest, size and written bytes are those of the joined text, without joining it', () => {
    const file = partsFile('src/openapi.ts', parts);
    const joined = vi.spyOn(Array.prototype, 'join');
    try {
      expect(digestOf(file)).toBe(whole(text));
      expect(bytesOf(file)).toBe(Buffer.byteLength(text));
      const out = tempDir('lathe-parts-');
      writeOutput(out, [file]);
      expect(joined.mock.calls.filter((c) => c[0] === '')).toEqual([]);
      expect(readFileSync(join(out, 'src/openapi.ts'), 'utf8')).toBe(text);
    } finally {
      joined.mockRestore();
    }
    expect(file.content).toBe(text);
  });
});

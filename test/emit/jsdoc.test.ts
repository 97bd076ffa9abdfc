import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../generator/emit/jsdoc.js';

describe('cleanText', () => {
  it('collapses spaces, trims lines and the text, keeps one blank line, defuses */', () => {
    expect(cleanText('  a  b\t c \n\n\n\nd\u00a0\r\ne */ f  ')).toBe('a b c\n\nd\ne *\\/ f');
  });

  it('keeps one blank line between paragraphs', () => {
    expect(cleanText('a\n\n\n\nb')).toBe('a\n\nb');
  });

  it('returns clean text unchanged', () => {
    expect(cleanText('One line.\n\nAnother paragraph, with `code`.')).toBe('One line.\n\nAnother paragraph, with `code`.');
  });

  it('leaves nothing to clean, and changes nothing the second time, for any text', () => {
    const char = fc.constantFrom('a', 'b', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u2028', '\u2029', '\f', '\v', '\u00a0', '\u3000', '\ufeff', '*', '/', '*/', 'é');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
        const cleaned = cleanText(text);
        expect(cleaned).not.toMatch(/[\r\u2028\u2029\t\f\v]| {2}|[^\S\n]\n|\s$|^\s|\n{3}|\*\//);
        expect(cleaned.split('\n').every((line) => line === line.trimEnd())).toBe(true);
        expect(cleanText(cleaned)).toBe(cleaned);
      }),
      { seed: 20_261_125, numRuns: 20000 },
    );
  });
});

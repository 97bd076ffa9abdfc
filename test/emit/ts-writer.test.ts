/**
 * lathe's text writer against TypeScript's `createTextWriter` (internal, but on the `ts` object):
 * the same random calls to both, and after each call the same answers to everything TypeScript's
 * printer asks a writer.
 */
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { textWriter, type TextWriter } from '../../generator/emit/ts-writer.js';

const ts = createRequire(import.meta.url)('typescript') as { createTextWriter(newLine: string): TextWriter };

const text = fc.constantFrom('', 'a', 'foo', ' ', '  ', '\t', '\n', '\r', '\r\n', 'a\nb', 'x\r\ny\n', '\u2028', 'end\u2029', '/** c */', '\u00a0', 'é');

type Call = { name: 'write' | 'rawWrite' | 'writeLiteral' | 'writeComment' | 'writeSymbol' | 'writePunctuation'; s: string } | { name: 'writeLine'; force: boolean } | { name: 'increaseIndent' | 'decreaseIndent' | 'clear' };

const call: fc.Arbitrary<Call> = fc.oneof(
  fc.record({ name: fc.constantFrom('write', 'rawWrite', 'writeLiteral', 'writeComment', 'writeSymbol', 'writePunctuation'), s: text }),
  fc.record({ name: fc.constant('writeLine'), force: fc.boolean() }),
  fc.record({ name: fc.constantFrom('increaseIndent', 'decreaseIndent', 'clear') }),
) as fc.Arbitrary<Call>;

function apply(w: TextWriter, c: Call): void {
  if (c.name === 'writeLine') w.writeLine(c.force);
  else if ('s' in c) w[c.name](c.s);
  // The printer's indents and dedents pair up: it never goes below zero.
  else if (c.name !== 'decreaseIndent' || w.getIndent() > 0) w[c.name]();
}

function state(w: TextWriter) {
  return {
    text: w.getText(),
    pos: w.getTextPos(),
    line: w.getLine(),
    column: w.getColumn(),
    indent: w.getIndent(),
    atStart: w.isAtStartOfLine(),
    comment: w.hasTrailingComment(),
    whitespace: w.hasTrailingWhitespace(),
  };
}

describe('textWriter', () => {
  it("answers as TypeScript's writer does after any sequence of calls", () => {
    fc.assert(
      fc.property(fc.array(call, { maxLength: 40 }), (calls) => {
        const ours = textWriter();
        const theirs = ts.createTextWriter('\n');
        for (const c of calls) {
          apply(ours, c);
          apply(theirs, c);
          expect(state(ours)).toEqual(state(theirs));
        }
      }),
      { seed: 20_261_125, numRuns: 3000 },
    );
  });

  it('counts \\r\\n as one line break and indents by four spaces', () => {
    const w = textWriter();
    w.increaseIndent();
    w.write('a\r\nb');
    w.writeLine();
    w.write('c');
    expect(w.getText()).toBe('    a\r\nb\n    c');
    expect(w.getLine()).toBe(2);
    expect(w.getColumn()).toBe(5);
  });
});

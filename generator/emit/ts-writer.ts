/**
 * TypeScript's text writer (`createTextWriter` with new line "\n"), for printing openapi-typescript's
 * wire types (wire-render.ts). Same behaviour, without its cost: TypeScript's writer works out the
 * line breaks of every piece of text it writes by building an array of line starts; this one first
 * tests for a line break. test/emit/ts-writer.test.ts drives both writers through the same random
 * calls and compares everything the printer can ask them.
 */
import { createRequire } from 'node:module';

// Loaded as CommonJS, as wire-render.ts loads it (see there why).
const { isWhiteSpaceLike } = createRequire(import.meta.url)('typescript') as typeof import('typescript');

export type TextWriter = ReturnType<typeof textWriter>;

const LINE_BREAK = /[\n\r\u2028\u2029]/;

export function textWriter() {
  let output = '';
  let indent = 0;
  let lineStart = true;
  let lineCount = 0;
  let linePos = 0;
  let hasTrailingComment = false;
  // The line breaks TypeScript counts: \n, \r, \r\n (one), U+2028 and U+2029.
  const track = (s: string): void => {
    if (!LINE_BREAK.test(s)) {
      lineStart = false;
      return;
    }
    let last = 0;
    for (let pos = 0; pos < s.length; ) {
      const ch = s.charCodeAt(pos++);
      if (ch === 13 && s.charCodeAt(pos) === 10) pos++;
      if (ch === 10 || ch === 13 || ch === 0x2028 || ch === 0x2029) {
        lineCount++;
        last = pos;
      }
    }
    linePos = output.length - s.length + last;
    lineStart = linePos === output.length;
  };
  const writeText = (s: string): void => {
    if (!s) return;
    if (lineStart) {
      s = '    '.repeat(indent) + s;
      lineStart = false;
    }
    output += s;
    track(s);
  };
  const write = (s: string): void => {
    if (s) hasTrailingComment = false;
    writeText(s);
  };
  const clear = (): void => {
    output = '';
    indent = 0;
    lineStart = true;
    lineCount = 0;
    linePos = 0;
    hasTrailingComment = false;
  };
  return {
    write,
    rawWrite(s: string | undefined): void {
      if (s === undefined) return;
      output += s;
      track(s);
      hasTrailingComment = false;
    },
    writeLiteral(s: string): void {
      if (s) write(s);
    },
    writeLine(force?: boolean): void {
      if (lineStart && !force) return;
      output += '\n';
      lineCount++;
      linePos = output.length;
      lineStart = true;
      hasTrailingComment = false;
    },
    increaseIndent: (): void => void indent++,
    decreaseIndent: (): void => void indent--,
    getIndent: (): number => indent,
    getTextPos: (): number => output.length,
    getLine: (): number => lineCount,
    // TypeScript's printer indents by four spaces.
    getColumn: (): number => (lineStart ? indent * 4 : output.length - linePos),
    getText: (): string => output,
    isAtStartOfLine: (): boolean => lineStart,
    hasTrailingComment: (): boolean => hasTrailingComment,
    hasTrailingWhitespace: (): boolean => !!output.length && isWhiteSpaceLike(output.charCodeAt(output.length - 1)),
    clear,
    writeKeyword: write,
    writeOperator: write,
    writeParameter: write,
    writeProperty: write,
    writePunctuation: write,
    writeSpace: write,
    writeStringLiteral: write,
    writeSymbol: (s: string): void => write(s),
    writeTrailingSemicolon: write,
    writeComment(s: string): void {
      if (s) hasTrailingComment = true;
      writeText(s);
    },
  };
}


/**
 * lathe's document printer against prettier's `printDocToString`, the printer it stands in for:
 * random documents made of every builder lathe uses (and a few it does not, which must go to
 * prettier's printer), each printed at random widths by both. Each printer gets its own copy of
 * the document, since printing marks groups as broken.
 */
import fc from 'fast-check';
import { builders, printer, type builders as B } from 'prettier/doc';
import { describe, expect, it } from 'vitest';
import { printDoc } from '../../generator/emit/printer.js';

const { group, conditionalGroup, indent, align, ifBreak, indentIfBreak, fill, line, softline, hardline, hardlineWithoutBreakParent, literalline, breakParent, lineSuffixBoundary, lineSuffix, label, trim } =
  builders;

/** A document as plain data, so that it can be built twice. */
type Spec =
  | { k: 'text'; text: string }
  | { k: 'line'; which: 'line' | 'softline' | 'hardline' | 'hardlineWithoutBreakParent' | 'literalline' | 'breakParent' | 'lineSuffixBoundary' | 'trim' }
  | { k: 'array'; parts: Spec[] }
  | { k: 'group'; contents: Spec; shouldBreak: boolean; id?: string }
  | { k: 'conditional'; states: Spec[] }
  | { k: 'indent'; contents: Spec }
  | { k: 'align'; n: number; contents: Spec }
  | { k: 'ifBreak'; breakContents: Spec; flatContents?: Spec; groupId?: string }
  | { k: 'indentIfBreak'; contents: Spec; groupId: string; negate: boolean }
  | { k: 'fill'; contents: Spec[] }
  | { k: 'label'; contents: Spec }
  | { k: 'lineSuffix'; contents: Spec };

const IDS = ['a', 'b', 'c'];

function build(spec: Spec, ids: Map<string, symbol>): B.Doc {
  const id = (name: string) => ids.get(name) ?? ids.set(name, Symbol(name)).get(name)!;
  switch (spec.k) {
    case 'text':
      return spec.text;
    case 'line':
      return { line, softline, hardline, hardlineWithoutBreakParent, literalline, breakParent, lineSuffixBoundary, trim }[spec.which];
    case 'array':
      return spec.parts.map((p) => build(p, ids));
    case 'group':
      return group(build(spec.contents, ids), { shouldBreak: spec.shouldBreak, ...(spec.id ? { id: id(spec.id) } : {}) });
    case 'conditional':
      return conditionalGroup(spec.states.map((s) => build(s, ids)));
    case 'indent':
      return indent(build(spec.contents, ids));
    case 'align':
      return align(spec.n, build(spec.contents, ids));
    case 'ifBreak':
      return ifBreak(build(spec.breakContents, ids), spec.flatContents ? build(spec.flatContents, ids) : '', spec.groupId ? { groupId: id(spec.groupId) } : {});
    case 'indentIfBreak':
      return indentIfBreak(build(spec.contents, ids), { groupId: id(spec.groupId), negate: spec.negate });
    case 'fill': {
      // Content and separators alternate; the separators are lines.
      const parts: B.Doc[] = [];
      spec.contents.forEach((c, i) => {
        if (i > 0) parts.push(i % 2 ? line : softline);
        parts.push(build(c, ids));
      });
      return fill(parts);
    }
    case 'label':
      return label('x', build(spec.contents, ids));
    case 'lineSuffix':
      return lineSuffix(build(spec.contents, ids));
  }
}

const ASCII_TEXT = fc.constantFrom('a', 'bb', 'ccc', 'foo', 'x y', ' ', '', 'trailing  ', 'a_much_longer_identifier', '|', '{', '}', ',', ';');
/** Text whose width is not its length: wide, combining, tabs, line breaks, trailing tabs. */
const OTHER_TEXT = fc.constantFrom('é', '日本語', 'tab\there', 'two\nlines', 'e\u0301', '😀', 'end\t', '\u00a0');

function specs(withUnsupported: boolean): fc.Arbitrary<Spec> {
  const lines = ['line', 'softline', 'hardline', 'hardlineWithoutBreakParent', 'breakParent', 'lineSuffixBoundary'] as const;
  const otherLines = ['literalline', 'trim'] as const;
  return fc.letrec<{ doc: Spec }>((tie) => ({
    doc: fc.oneof(
      { depthSize: 'medium', maxDepth: 7, withCrossShrink: true },
      fc.oneof(ASCII_TEXT, ASCII_TEXT, OTHER_TEXT).map((text): Spec => ({ k: 'text', text })),
      fc.constantFrom(...lines, ...(withUnsupported ? otherLines : [])).map((which): Spec => ({ k: 'line', which })),
      fc.array(tie('doc'), { maxLength: 5 }).map((parts): Spec => ({ k: 'array', parts })),
      fc.record({ contents: tie('doc'), shouldBreak: fc.boolean(), id: fc.option(fc.constantFrom(...IDS), { nil: undefined }) }).map((g): Spec => ({ k: 'group', ...g })),
      fc.array(tie('doc'), { minLength: 1, maxLength: 3 }).map((states): Spec => ({ k: 'conditional', states })),
      tie('doc').map((contents): Spec => ({ k: 'indent', contents })),
      fc.record({ n: fc.integer({ min: 0, max: 4 }), contents: tie('doc') }).map((a): Spec => ({ k: 'align', ...a })),
      fc
        .record({ breakContents: tie('doc'), flatContents: fc.option(tie('doc'), { nil: undefined }), groupId: fc.option(fc.constantFrom(...IDS), { nil: undefined }) })
        .map((b): Spec => ({ k: 'ifBreak', ...b })),
      fc.record({ contents: tie('doc'), groupId: fc.constantFrom(...IDS), negate: fc.boolean() }).map((b): Spec => ({ k: 'indentIfBreak', ...b })),
      fc.array(tie('doc'), { maxLength: 6 }).map((contents): Spec => ({ k: 'fill', contents })),
      ...(withUnsupported
        ? [tie('doc').map((contents): Spec => ({ k: 'label', contents })), tie('doc').map((contents): Spec => ({ k: 'lineSuffix', contents }))]
        : []),
    ),
  })).doc;
}

function both(spec: Spec, width: number): { ours: string; prettier: string } {
  const ours = printDoc(build(spec, new Map()), width);
  const theirs = printer.printDocToString(build(spec, new Map()), { printWidth: width, tabWidth: 2, useTabs: false }).formatted;
  return { ours, prettier: theirs };
}

describe('printDoc', () => {
  it('prints what prettier prints, for documents of the builders lathe uses, with text of any width', () => {
    fc.assert(
      fc.property(specs(false), fc.integer({ min: 0, max: 40 }), (spec, width) => {
        const { ours, prettier } = both(spec, width);
        expect(ours).toBe(prettier);
      }),
      { seed: 20_261_125, numRuns: 20000 },
    );
  });

  it('hands documents it does not cover to prettier, with the same result', () => {
    fc.assert(
      fc.property(specs(true), fc.integer({ min: 0, max: 40 }), (spec, width) => {
        const { ours, prettier } = both(spec, width);
        expect(ours).toBe(prettier);
      }),
      { seed: 20_261_126, numRuns: 1500 },
    );
  });

  it('breaks a group that holds a hard line, and trims spaces before a line break', () => {
    const doc = group(['a', line, 'b  ', hardline, indent(['c', hardline, 'd'])]);
    expect(printDoc(doc, 80)).toBe('a\nb\nc\n  d');
  });

  it('breaks every group around a broken group that appears twice in the document', () => {
    const shared = () => {
      const g = group(['a', hardline, 'b']);
      return group([g, group(['x', line, g])]);
    };
    expect(printDoc(shared(), 80)).toBe('a\nbx\na\nb');
    expect(printDoc(shared(), 80)).toBe(printer.printDocToString(shared(), { printWidth: 80, tabWidth: 2, useTabs: false }).formatted);
  });

  it('measures a group again after a hard line printed in flat mode', () => {
    // A conditional group is never broken by what it holds, so its hard line prints in flat mode.
    const doc = () => conditionalGroup([['x', hardline, group(['aaaa', line, 'bbbb'])]]);
    expect(printDoc(doc(), 5)).toBe('x\naaaa\nbbbb');
    expect(printDoc(doc(), 5)).toBe(printer.printDocToString(doc(), { printWidth: 5, tabWidth: 2, useTabs: false }).formatted);
  });

  it('prints everything flat at an infinite width', () => {
    const doc = group(['{', indent([line, 'a: string;', line, 'b: number;']), line, '}']);
    expect(printDoc(doc, Number.POSITIVE_INFINITY)).toBe('{ a: string; b: number; }');
  });
});

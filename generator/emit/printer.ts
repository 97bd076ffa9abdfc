/**
 * Prints a prettier document (`prettier/doc`'s builders) to text, with the same results as
 * prettier's `printDocToString` for lathe's layout options (spaces, tab width 2, "\n").
 *
 * Why not prettier's own: on Cloudflare's whole API, its printer took ~0.8 s of the main thread,
 * most of it generic work lathe does not need: indentation objects rebuilt for every `indent`, a
 * separate pass over every node to find its type, a command object per node. This one keeps
 * indentation as a column, the stack as three arrays, and checks the text's width once. It covers
 * the documents lathe builds (text, arrays, groups and conditional groups, indent, align by a
 * number, fill, if-break, indent-if-break, lines, break-parent, line-suffix-boundary without line
 * suffixes). A document with anything else goes to prettier's printer instead, so the result never
 * differs. Text is measured as prettier measures it: by its length when it is printable ASCII, else
 * by prettier's own `getStringWidth` (wide characters count two columns, marks none).
 * test/emit/printer.test.ts holds the two printers equal on generated documents.
 */
import { createRequire } from 'node:module';
import { printer, type builders as B } from 'prettier/doc';

type Doc = B.Doc;

interface GroupDoc {
  readonly type: 'group';
  readonly contents: Doc;
  break: boolean | 'propagated';
  readonly id?: symbol;
  readonly expandedStates?: readonly Doc[];
}
interface FillRest {
  readonly type: 'fill-rest';
  readonly parts: readonly Doc[];
  readonly offset: number;
}

/** Text whose width may differ from its length (prettier's own test for that). */
const NOT_PLAIN = /[^\x20-\x7F]/;

/**
 * prettier's `getStringWidth`, from its small CommonJS entry (same version, same code) on first
 * need: importing prettier's main module costs ~30 ms, and most runs print only ASCII.
 */
let measure: ((text: string) => number) | undefined;
function stringWidth(text: string): number {
  measure ??= (createRequire(import.meta.url)('prettier') as typeof import('prettier')).util.getStringWidth;
  return measure(text);
}

/** Set while breaks are propagated: the document has a type this printer does not cover. */
let unsupported = false;
/** Widths of the document's text that is not printable ASCII (found while breaks are propagated). */
let wide: Map<string, number> | undefined;

/**
 * Marks every group that must break: one holding a hard line (`break-parent`) or a group that
 * breaks, up to the nearest conditional group, which is never marked (prettier's propagateBreaks).
 */
function propagate(doc: Doc, seen: Set<object>): boolean {
  if (typeof doc === 'string') {
    if (NOT_PLAIN.test(doc)) (wide ??= new Map()).set(doc, stringWidth(doc));
    return false;
  }
  if (Array.isArray(doc)) {
    let broken = false;
    for (const part of doc) if (propagate(part as Doc, seen)) broken = true;
    return broken;
  }
  const d = doc as { type: string } & Record<string, unknown>;
  switch (d.type) {
    case 'group': {
      const g = d as unknown as GroupDoc;
      if (seen.has(g)) return Boolean(g.break);
      seen.add(g);
      let inner = false;
      if (g.expandedStates) {
        for (const state of g.expandedStates) if (propagate(state, seen)) inner = true;
      } else inner = propagate(g.contents, seen);
      if (inner && !g.expandedStates && !g.break) g.break = 'propagated';
      return Boolean(g.break);
    }
    case 'align':
      // Only alignment by a number of spaces (not dedent, a string or to the root).
      if (typeof d.n !== 'number' || d.n < 0) unsupported = true;
      return propagate(d.contents as Doc, seen);
    case 'indent':
    case 'indent-if-break':
      return propagate(d.contents as Doc, seen);
    case 'fill':
      return propagate(d.parts as Doc[], seen);
    case 'if-break': {
      const a = d.breakContents ? propagate(d.breakContents as Doc, seen) : false;
      const b = d.flatContents ? propagate(d.flatContents as Doc, seen) : false;
      return a || b;
    }
    case 'break-parent':
      return true;
    case 'line':
      if (d.literal) unsupported = true;
      return false;
    case 'line-suffix-boundary':
      return false;
    default:
      // label, trim, cursor, line-suffix: not in lathe's documents.
      unsupported = true;
      return false;
  }
}

const BREAK = 0;
const FLAT = 1;
type Mode = typeof BREAK | typeof FLAT;

/** What prettier removes before a line break: trailing spaces and tabs. */
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end === text.length ? text : text.slice(0, end);
}

const spaces: string[] = [''];
function indentation(n: number): string {
  for (let i = spaces.length; i <= n; i++) spaces.push(' '.repeat(i));
  return spaces[n]!;
}

/** Prints `doc` at `width` columns. The document's groups are marked as broken where they must break. */
export function printDoc(doc: Doc, width: number): string {
  unsupported = false;
  wide = undefined;
  propagate(doc, new Set());
  if (unsupported) return printer.printDocToString(doc, { printWidth: width, tabWidth: 2, useTabs: false }).formatted;
  return new Printer(width, wide).print(doc);
}

class Printer {
  // The command stack as three parallel arrays: indentation (a column), mode, document.
  private readonly inds: number[] = [];
  private readonly modes: Mode[] = [];
  private readonly docs: Doc[] = [];
  private readonly groupModes = new Map<symbol, Mode>();
  private readonly lines: string[] = [];
  private line = '';
  /** Columns used on the current line (the text's width, which is not its length when it is not ASCII). */
  private pos = 0;
  // fits() walks its own stack; kept here so it is not reallocated on every call.
  private readonly fitModes: Mode[] = [];
  private readonly fitDocs: Doc[] = [];

  constructor(
    private readonly width: number,
    private readonly wide: ReadonlyMap<string, number> | undefined,
  ) {}

  private widthOf(text: string): number {
    return this.wide?.get(text) ?? text.length;
  }

  private push(ind: number, mode: Mode, doc: Doc): void {
    this.inds.push(ind);
    this.modes.push(mode);
    this.docs.push(doc);
  }

  print(root: Doc): string {
    const { inds, modes, docs, groupModes } = this;
    let shouldRemeasure = false;
    this.push(0, BREAK, root);
    while (docs.length > 0) {
      const ind = inds.pop()!;
      const mode = modes.pop()!;
      const doc = docs.pop()!;
      if (typeof doc === 'string') {
        this.line += doc;
        this.pos += this.widthOf(doc);
        continue;
      }
      if (Array.isArray(doc)) {
        for (let i = doc.length - 1; i >= 0; i--) this.push(ind, mode, doc[i] as Doc);
        continue;
      }
      const d = doc as { type: string } & Record<string, unknown>;
      switch (d.type) {
        case 'indent':
          this.push(ind + 2, mode, d.contents as Doc);
          break;
        case 'align':
          this.push(ind + (d.n as number), mode, d.contents as Doc);
          break;
        case 'group': {
          const g = d as unknown as GroupDoc;
          let nextMode: Mode;
          let next: Doc;
          if (mode === FLAT && !shouldRemeasure) {
            nextMode = g.break ? BREAK : FLAT;
            next = g.contents;
          } else {
            shouldRemeasure = false;
            const rem = this.width - this.pos;
            if (!g.break && this.fits(FLAT, g.contents, rem, true, false)) {
              nextMode = FLAT;
              next = g.contents;
            } else if (!g.expandedStates) {
              nextMode = BREAK;
              next = g.contents;
            } else {
              const states = g.expandedStates;
              nextMode = BREAK;
              next = states[states.length - 1]!;
              if (!g.break)
                for (let i = 1; i < states.length - 1; i++)
                  if (this.fits(FLAT, states[i]!, rem, true, false)) {
                    nextMode = FLAT;
                    next = states[i]!;
                    break;
                  }
            }
          }
          this.push(ind, nextMode, next);
          if (g.id) groupModes.set(g.id, nextMode);
          break;
        }
        case 'fill':
          this.fill(ind, mode, d.parts as Doc[], 0);
          break;
        case 'fill-rest': {
          const f = d as unknown as FillRest;
          this.fill(ind, mode, f.parts, f.offset);
          break;
        }
        case 'if-break':
        case 'indent-if-break': {
          const groupMode = d.groupId ? groupModes.get(d.groupId as symbol) : mode;
          let contents: Doc | undefined;
          let extra = 0;
          if (d.type === 'if-break') {
            if (groupMode === BREAK) contents = d.breakContents as Doc;
            else if (groupMode === FLAT) contents = d.flatContents as Doc;
          } else if (groupMode !== undefined) {
            contents = d.contents as Doc;
            if ((groupMode === BREAK) !== Boolean(d.negate)) extra = 2;
          }
          if (contents) this.push(ind + extra, mode, contents);
          break;
        }
        case 'line':
          if (mode === FLAT && !d.hard) {
            if (!d.soft) {
              this.line += ' ';
              this.pos += 1;
            }
            break;
          }
          if (mode === FLAT) shouldRemeasure = true;
          this.lines.push(trimEnd(this.line));
          this.line = indentation(ind);
          this.pos = ind;
          break;
        // break-parent and line-suffix-boundary (there are never line suffixes) print nothing.
      }
    }
    this.lines.push(this.line);
    return this.lines.join('\n');
  }

  /** Lays out fill parts from `offset`: content, separator, content… as many on a line as fit. */
  private fill(ind: number, mode: Mode, parts: readonly Doc[], offset: number): void {
    const length = parts.length - offset;
    if (length === 0) return;
    const rem = this.width - this.pos;
    const content = parts[offset]!;
    const contentFits = this.fits(FLAT, content, rem, false, true);
    if (length === 1) {
      this.push(ind, contentFits ? FLAT : BREAK, content);
      return;
    }
    const whitespace = parts[offset + 1]!;
    if (length === 2) {
      this.push(ind, contentFits ? FLAT : BREAK, whitespace);
      this.push(ind, contentFits ? FLAT : BREAK, content);
      return;
    }
    const rest: FillRest = { type: 'fill-rest', parts, offset: offset + 2 };
    this.push(ind, mode, rest as unknown as Doc);
    const bothFit = this.fits(FLAT, [content, whitespace, parts[offset + 2]!], rem, false, true);
    this.push(ind, bothFit ? FLAT : BREAK, whitespace);
    this.push(ind, bothFit || contentFits ? FLAT : BREAK, content);
  }

  /**
   * Whether `doc` in `mode`, then what follows it on the stack (`withRest`) up to the next line
   * break, fits in `rem` columns. `mustBeFlat`: a group that must break does not fit.
   */
  private fits(mode: Mode, doc: Doc, rem: number, withRest: boolean, mustBeFlat: boolean): boolean {
    if (rem === Number.POSITIVE_INFINITY) return true;
    const { fitModes: modes, fitDocs: docs } = this;
    modes.length = 0;
    docs.length = 0;
    modes.push(mode);
    docs.push(doc);
    let restIndex = withRest ? this.docs.length : 0;
    let pendingSpace = false;
    while (rem >= 0) {
      if (docs.length === 0) {
        if (restIndex === 0) return true;
        restIndex--;
        modes.push(this.modes[restIndex]!);
        docs.push(this.docs[restIndex]!);
        continue;
      }
      const m = modes.pop()!;
      const d = docs.pop()!;
      if (typeof d === 'string') {
        if (d) {
          if (pendingSpace) {
            rem -= 1;
            pendingSpace = false;
          }
          rem -= this.widthOf(d);
        }
        continue;
      }
      if (Array.isArray(d)) {
        for (let i = d.length - 1; i >= 0; i--) {
          modes.push(m);
          docs.push(d[i] as Doc);
        }
        continue;
      }
      const x = d as { type: string } & Record<string, unknown>;
      switch (x.type) {
        case 'fill':
        case 'fill-rest': {
          const parts = (x.parts as Doc[]) ?? [];
          const end = x.type === 'fill-rest' ? (x.offset as number) : 0;
          for (let i = parts.length - 1; i >= end; i--) {
            modes.push(m);
            docs.push(parts[i]!);
          }
          break;
        }
        case 'indent':
        case 'align':
        case 'indent-if-break':
          modes.push(m);
          docs.push(x.contents as Doc);
          break;
        case 'group': {
          const g = x as unknown as GroupDoc;
          if (mustBeFlat && g.break) return false;
          const groupMode = g.break ? BREAK : m;
          modes.push(groupMode);
          docs.push(g.expandedStates && groupMode === BREAK ? g.expandedStates[g.expandedStates.length - 1]! : g.contents);
          break;
        }
        case 'if-break': {
          const groupMode = x.groupId ? (this.groupModes.get(x.groupId as symbol) ?? FLAT) : m;
          const contents = (groupMode === BREAK ? x.breakContents : x.flatContents) as Doc | undefined;
          if (contents) {
            modes.push(m);
            docs.push(contents);
          }
          break;
        }
        case 'line':
          if (m === BREAK || x.hard) return true;
          if (!x.soft) pendingSpace = true;
          break;
      }
    }
    return false;
  }
}

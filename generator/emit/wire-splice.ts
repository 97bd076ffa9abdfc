/**
 * Wire types after an edit of a few path items, without running openapi-typescript over the whole
 * spec again: the changed path items alone are typed (with every component, so references and
 * discriminators resolve as before) and their members are put in place of the old ones in the
 * previous run's text.
 *
 * Why: on Cloudflare's spec openapi-typescript takes ~2 CPU-s, and on two cores that slows every
 * other stage of a run that changed one operation by a third.
 *
 * It works on the text openapi-typescript printed. In `paths`, a path item's member starts at
 * indent 4 (after its JSDoc, if any) and ends with `    };` (or is one line); its operations are
 * `operations[…]` on its method lines, and `operations` declares them in the same order. Anything
 * that does not fit that reading, and `splice` gives up: the caller then types the whole spec. It
 * also gives up when the edit adds the first use of openapi-typescript's `WithRequired` helper or
 * removes the last one (the helper's declaration would have to come or go). The rest of the text
 * (components above all) comes from the previous text: the caller reuses it only when nothing but
 * path items changed. Tests hold the spliced text equal to a full run's for edits of every kind
 * (test/emit/wire-splice.test.ts).
 */

interface Parsed {
  /** Lines outside the two interfaces' members, in order: before paths' members, between, after. */
  readonly frame: readonly (readonly string[])[];
  readonly paths: readonly string[];
  readonly operations: readonly string[];
}

const METHOD_LINE = /^ {8}(?:get|put|post|delete|options|head|patch|trace): (operations\[.*\]);$/;

/**
 * The declarations openapi-typescript writes at the top level for lathe's options: the five
 * groups, and a helper for allOf members made required. Text with any other top-level line is
 * not spliced.
 */
const TOP_LEVEL = /^(?:export interface (?:paths|webhooks|components|\$defs|operations) \{|export type (?:paths|webhooks|components|\$defs|operations) = Record<string, never>;|\}|\};|)$/;
const HELPER = 'type WithRequired<T, K extends keyof T> = T & {';

/** Whether every top-level line is one of TOP_LEVEL or the helper's first line (counted). */
function knownTopLevel(lines: readonly string[]): { ok: boolean; helpers: number } {
  let helpers = 0;
  for (const line of lines) {
    if (line.startsWith(' ') || TOP_LEVEL.test(line)) continue;
    if (line !== HELPER) return { ok: false, helpers };
    helpers++;
  }
  return { ok: true, helpers };
}

/** The members of one interface body (its lines), or undefined when they do not read as expected. */
function members(lines: readonly string[]): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const start = i;
    if (lines[i]!.startsWith('    /**')) {
      while (i < lines.length && !lines[i]!.endsWith('*/')) i++;
      i++;
    }
    const key = lines[i];
    if (key === undefined || !key.startsWith('    ') || key[4] === ' ' || key[4] === undefined) return undefined;
    if (key.endsWith('{')) {
      i++;
      while (i < lines.length && lines[i] !== '    };') i++;
      if (i === lines.length) return undefined;
    } else if (!key.endsWith(';')) return undefined;
    i++;
    out.push(lines.slice(start, i).join('\n'));
  }
  return out;
}

function parse(text: string): Parsed | undefined {
  const lines = text.split('\n');
  const body = (name: string): [number, number] | undefined => {
    const open = lines.indexOf(`export interface ${name} {`);
    if (open < 0) return undefined;
    const close = lines.indexOf('}', open);
    return close < 0 ? undefined : [open + 1, close];
  };
  const p = body('paths');
  if (!p) return undefined;
  // No operation has an operationId: `operations` is a type alias, part of the frame.
  const o = body('operations') ?? [lines.length, lines.length];
  if (o[0] < p[1]) return undefined;
  const paths = members(lines.slice(p[0], p[1]));
  const operations = members(lines.slice(o[0], o[1]));
  if (!paths || !operations) return undefined;
  const frame = [lines.slice(0, p[0]), lines.slice(p[1], o[0]), lines.slice(o[1])];
  return { frame, paths, operations };
}

/** The operations a path item's member refers to, as printed (`operations["id"]`). */
function refs(member: string): string[] {
  const out: string[] = [];
  for (const line of member.split('\n')) {
    const m = METHOD_LINE.exec(line);
    if (m) out.push(m[1]!);
  }
  return out;
}

/**
 * The previous full text with the members of the changed path items taken from `partial`, the text
 * openapi-typescript printed for those path items (what it prints besides them is not used).
 * `changed` holds the
 * indexes of those path items among all that have a member, ascending. Undefined when it cannot be
 * done safely.
 */
export function splice(previous: string, partial: string, changed: readonly number[]): string | undefined {
  const full = parse(previous);
  const part = parse(partial);
  if (!full || !part || part.paths.length !== changed.length) return undefined;
  // The frame comes from the previous text: it may hold the helper only at its end, after operations.
  const [head, middle, tail] = full.frame as [string[], string[], string[]];
  const frameKnown = [knownTopLevel(head), knownTopLevel(middle), knownTopLevel(tail)];
  if (frameKnown.some((k) => !k.ok) || frameKnown[0]!.helpers + frameKnown[1]!.helpers > 0 || !knownTopLevel(partial.split('\n')).ok) return undefined;
  const fullRefs = full.paths.map(refs);
  const partRefs = part.paths.map(refs);
  // Every declared operation is referred to by exactly one path item, in the same order.
  if (fullRefs.flat().length !== full.operations.length || partRefs.flat().length !== part.operations.length) return undefined;
  // The changed items must declare the same operations as before: else positions in `operations` move.
  if (changed.some((index, k) => index >= full.paths.length || fullRefs[index]!.join('\n') !== partRefs[k]!.join('\n'))) return undefined;
  const paths = [...full.paths];
  const operations = [...full.operations];
  let partOp = 0;
  changed.forEach((index, k) => {
    paths[index] = part.paths[k]!;
    const before = fullRefs.slice(0, index).flat().length;
    for (let j = 0; j < partRefs[k]!.length; j++) operations[before + j] = part.operations[partOp + j]!;
    partOp += partRefs[k]!.length;
  });
  const text = [...head, ...paths, ...middle, ...operations, ...tail].join('\n');
  // openapi-typescript declares the helper, after operations, when something uses it; a splice
  // that adds the first use or removes the last one gives up. So does one at or before the first
  // path item with operations: a use there could come before operations in a full run's text.
  const declared = frameKnown[2]!.helpers > 0;
  const used = text.split('WithRequired<').length - 1 > (declared ? 1 : 0);
  const firstWithOperations = fullRefs.findIndex((r) => r.length > 0);
  if (used !== declared || (used && changed.some((index) => index <= firstWithOperations))) return undefined;
  return text;
}

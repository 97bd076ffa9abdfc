/**
 * ir -> **wire**: prints the wire model's units (ir/wire.ts) and puts them together as
 * `src/openapi.ts`: the `paths`, `webhooks`, `components` and `operations` types openapi-fetch
 * takes. Each member (a path item, an operation, the components) is printed by ts-morph's writer at
 * its final indentation, so the file is those texts in order inside a fixed frame, and a unit's
 * text can be taken from the last run's file (wire/build.ts).
 */
import type { CodeBlockWriter as Writer } from 'ts-morph';
import { CodeBlockWriter } from '../ts-morph.js';
import type { WireMember, WireType } from '../ir/wire-model.js';
import type { WireUnit } from '../ir/wire.js';

export const WIRE_FILE = 'src/openapi.ts';

/** `Record<string, never>`, as openapi-typescript declares a group the document does not have. */
const NOTHING = 'Record<string, never>';

/**
 * Unlike openapi-typescript's (`K extends keyof T`), any keys of any `T`: a nullable base schema
 * (`{...} | null`, whose keyof is never) still compiles.
 */
const WITH_REQUIRED = 'type WithRequired<T, K extends PropertyKey> = T & Required<Pick<NonNullable<T>, K & keyof NonNullable<T>>>;';

const INDENT = '  ';

/** A unit as text: a path item's member of `paths`, or the whole `components` declaration. */
export interface UnitText {
  readonly text: string;
  /** Its members of `operations`, by operationId. */
  readonly operations: readonly (readonly [id: string, text: string])[];
  readonly withRequired: boolean;
}

/** A path item's (or webhook's) unit. */
export function printPath(unit: WireUnit): UnitText {
  return { text: unit.members.map((m) => printMember(m, 1)).join(''), operations: printOperations(unit), withRequired: unit.withRequired };
}

/** The components' unit; `more` are schemas of other files met after it was made (ir/wire.ts `moreSchemas`). */
export function printComponents(unit: WireUnit, more: readonly WireMember[]): UnitText {
  let text = 'export interface components {\n';
  for (const m of unit.members) {
    const members = m.name === 'schemas' && more.length ? [...(m.type.kind === 'object' ? m.type.members : []), ...more] : m.type.kind === 'object' && !m.type.index ? m.type.members : [];
    // One object per group: its members are printed one level deeper, as the units they are.
    if (members.length && !m.docs) text += `${INDENT}${propertyName(m.name)}: {\n${members.map((c) => printMember(c, 2)).join('')}${INDENT}};\n`;
    else text += printMember(m, 1);
  }
  return { text: `${text}}\n`, operations: printOperations(unit), withRequired: unit.withRequired };
}

function printOperations(unit: WireUnit): [string, string][] {
  return unit.operations.map((op) => [op.name, printMember(op, 1)]);
}

/** Where a unit's texts are in the file: its own, and each of its operations' (undefined: an earlier unit declared that id). */
export interface UnitSpans {
  readonly at: readonly [number, number];
  readonly operations: readonly ((readonly [id: string, start: number, end: number]) | undefined)[];
}

/**
 * The file, in openapi-typescript's order, as the texts it is made of (each unit's text is one of
 * them); each unit's place in it, in the order of `paths`, `webhooks`, `components`.
 */
export function assemble(header: string, parts: { readonly paths: readonly UnitText[]; readonly webhooks?: readonly UnitText[]; readonly components: UnitText }): { parts: string[]; spans: UnitSpans[] } {
  const out: string[] = [];
  let length = 0;
  const put = (text: string): [number, number] => {
    out.push(text);
    length += text.length;
    return [length - text.length, length];
  };
  const at = new Map<UnitText, [number, number]>();
  /** An exported interface, or `Record<string, never>` when there is nothing to declare (as openapi-typescript does). */
  const declaration = (name: string, units: readonly UnitText[] | undefined) => {
    if (!units?.length) return put(`export type ${name} = ${NOTHING};\n`);
    put(`export interface ${name} {\n`);
    for (const u of units) at.set(u, put(u.text));
    return put('}\n');
  };
  put(`${header}\n`);
  declaration('paths', parts.paths);
  put('\n');
  declaration('webhooks', parts.webhooks);
  put('\n');
  at.set(parts.components, put(parts.components.text));
  put('\n');
  declaration('$defs', undefined);
  put('\n');
  // Operations in document order (paths, webhooks, then the components' path items); the first of an id wins.
  const units = [...parts.paths, ...(parts.webhooks ?? []), parts.components];
  const seen = new Set<string>();
  const kept = units.map((u) => u.operations.map(([id]) => (seen.has(id) ? false : (seen.add(id), true))));
  if (!seen.size) put(`export type operations = ${NOTHING};\n`);
  else put('export interface operations {\n');
  const operations = units.map((u, i) => u.operations.map(([id, text], j) => (kept[i]![j] ? ([id, ...put(text)] as const) : undefined)));
  if (seen.size) put('}\n');
  if (units.some((u) => u.withRequired)) put(`\n${WITH_REQUIRED}\n`);
  return { parts: out, spans: units.map((u, i) => ({ at: at.get(u)!, operations: operations[i]! })) };
}

function printMember(m: WireMember, level: number): string {
  const w = new CodeBlockWriter({ indentNumberOfSpaces: INDENT.length, useSingleQuote: true });
  w.setIndentationLevel(level);
  writeMember(w, m);
  return w.toString();
}

function writeMember(w: Writer, m: WireMember): void {
  if (m.docs) {
    if (m.docs.length === 1 && !m.docs[0]!.includes('\n')) w.writeLine(`/** ${escapeComment(m.docs[0]!)} */`);
    else {
      w.writeLine('/**');
      // A multi-line entry (a JSON example) continues indented under its tag, as openapi-typescript writes it.
      for (const line of m.docs.flatMap((d) => escapeComment(d).split('\n').map((l, i) => (i ? `    ${l}` : l)))) w.writeLine(line.trim() ? ` * ${line}` : ' *');
      w.writeLine(' */');
    }
  }
  const head = `${m.readonly ? 'readonly ' : ''}${propertyName(m.name)}${m.optional ? '?' : ''}: `;
  const text = flatText(m.type);
  if (text !== undefined) w.write(`${head}${text};`);
  else {
    w.write(head);
    writeType(w, m.type);
    w.write(';');
  }
  w.newLine();
}

/**
 * A type that holds no object with members, as one string: the writer then takes a member in one
 * write (it looks at every character of every write, and most members are this kind).
 */
function flatText(t: WireType): string | undefined {
  switch (t.kind) {
    case 'keyword':
      return t.name;
    case 'literal':
      return typeof t.value === 'string' ? quote(t.value) : String(t.value);
    case 'ref':
      return t.path[0]! + t.path.slice(1).map((p) => `[${quote(p)}]`).join('');
    case 'array': {
      const item = flatText(t.items);
      return item === undefined ? undefined : `${wraps(t.items, 'array') ? `(${item})` : item}[]`;
    }
    case 'tuple': {
      const items = flatTexts(t.items, ', ', () => false);
      return items === undefined ? undefined : `[${items}]`;
    }
    case 'object':
      return t.members.length || t.index ? undefined : NOTHING;
    case 'union':
    case 'intersection':
      return flatTexts(t.members, t.kind === 'union' ? ' | ' : ' & ', (m) => wraps(m, t.kind as 'union' | 'intersection'));
    case 'empty-object':
      return NOTHING;
    case 'with-required':
    case 'omit': {
      const inner = flatText(t.type);
      return inner === undefined ? undefined : `${t.kind === 'omit' ? 'Omit<' : 'WithRequired<'}${inner}, ${t.keys.map(quote).join(' | ')}>`;
    }
  }
}

function flatTexts(types: readonly WireType[], separator: string, wrap: (t: WireType) => boolean): string | undefined {
  const texts: string[] = [];
  for (const m of types) {
    const text = flatText(m);
    if (text === undefined) return undefined;
    texts.push(wrap(m) ? `(${text})` : text);
  }
  return texts.join(separator);
}

/** A type that holds an object with members (anything else is written by `flatText` in one piece). */
function writeType(w: Writer, t: WireType): void {
  const text = flatText(t);
  if (text !== undefined) {
    w.write(text);
    return;
  }
  switch (t.kind) {
    case 'array':
      writeOperand(w, t.items, 'array');
      w.write('[]');
      return;
    case 'tuple':
      w.write('[');
      t.items.forEach((item, i) => {
        if (i) w.write(', ');
        writeType(w, item);
      });
      w.write(']');
      return;
    case 'object':
      w.inlineBlock(() => {
        for (const m of t.members) writeMember(w, m);
        if (t.index) {
          w.write(`[${t.index.name}: string]: `);
          writeType(w, t.index.type);
          w.write(';').newLine();
        }
      });
      return;
    case 'union':
    case 'intersection':
      t.members.forEach((m, i) => {
        if (i) w.write(t.kind === 'union' ? ' | ' : ' & ');
        writeOperand(w, m, t.kind);
      });
      return;
    case 'with-required':
    case 'omit':
      w.write(t.kind === 'omit' ? 'Omit<' : 'WithRequired<');
      writeType(w, t.type);
      w.write(`, ${t.keys.map(quote).join(' | ')}>`);
      return;
    default:
      // keywords, literals, refs and empty objects are always flat
      throw new Error(`wire type ${t.kind} has no flat text`);
  }
}

/** A member of an array, union or intersection: parenthesized where the operator binds tighter. */
function writeOperand(w: Writer, t: WireType, context: 'array' | 'union' | 'intersection'): void {
  const wrap = wraps(t, context);
  if (wrap) w.write('(');
  writeType(w, t);
  if (wrap) w.write(')');
}

/** Whether `t` needs parentheses as a member of an array, union or intersection. */
function wraps(t: WireType, context: 'array' | 'union' | 'intersection'): boolean {
  return context === 'array' ? t.kind === 'union' || t.kind === 'intersection' : context === 'intersection' && t.kind === 'union';
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** As openapi-typescript names members: a number stays a number, an identifier bare, anything else quoted. */
function propertyName(name: string): string {
  if (String(Number(name)) === name && !name.startsWith('-')) return name;
  return IDENTIFIER.test(name) ? name : quote(name);
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
}

function escapeComment(text: string): string {
  return text.replace(/\*\//g, '*\\/');
}

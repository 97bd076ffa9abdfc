/**
 * ir -> **wire**: prints the wire model (ir/wire.ts) as `src/openapi.ts`, the `paths`,
 * `webhooks`, `components` and `operations` types openapi-fetch takes. Each member of those
 * declarations (a path, an operation, a component) is printed by ts-morph's writer at its final
 * indentation, so the file is those texts in order inside a fixed frame, and a member whose model
 * did not change since the last run is taken from that run's file instead of printed again
 * (wire/cache.ts): after a one-operation edit, one path and one operation are printed.
 */
import type { CodeBlockWriter as Writer } from 'ts-morph';
import { CodeBlockWriter } from '../ts-morph.js';
import { cacheKey } from '../emit/disk-cache.js';
import type { WireMember, WireModel, WireType } from '../ir/wire-model.js';

export const WIRE_FILE = 'src/openapi.ts';

/** `Record<string, never>`, as openapi-typescript declares a group the document does not have. */
const NOTHING = 'Record<string, never>';

/**
 * Unlike openapi-typescript's (`K extends keyof T`), any keys of any `T`: a nullable base schema
 * (`{...} | null`, whose keyof is never) still compiles.
 */
const WITH_REQUIRED = 'type WithRequired<T, K extends PropertyKey> = T & Required<Pick<NonNullable<T>, K & keyof NonNullable<T>>>;';

const INDENT = '  ';

/** The printed file, and where each member's text is in it, by that member's key. */
export interface PrintedWire {
  readonly text: string;
  readonly members: readonly (readonly [key: string, start: number, end: number])[];
}

/**
 * @param earlier member texts of an earlier run by key: a member's key is a hash of its model and
 * depth, and its text a function of those alone.
 */
export function printWire(model: WireModel, header: string, earlier?: ReadonlyMap<string, string>): PrintedWire {
  const parts: string[] = [];
  let length = 0;
  const put = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  const members: [string, number, number][] = [];
  const member = (m: WireMember, level: number) => {
    const key = cacheKey(String(level), JSON.stringify(m));
    const text = earlier?.get(key) ?? printMember(m, level);
    members.push([key, length, length + text.length]);
    put(text);
  };
  /** An exported interface, or `Record<string, never>` when there is nothing to declare (as openapi-typescript does). */
  const declaration = (name: string, list: readonly WireMember[] | undefined, grouped = false) => {
    if (!list?.length) return put(`export type ${name} = ${NOTHING};\n`);
    put(`export interface ${name} {\n`);
    for (const m of list) {
      // `components` holds one object per group: its members are the units, one level deeper.
      if (grouped && isGroup(m)) {
        put(`${INDENT}${propertyName(m.name)}: {\n`);
        for (const c of m.type.members) member(c, 2);
        put(`${INDENT}};\n`);
      } else member(m, 1);
    }
    put('}\n');
  };
  put(`${header}\n`);
  declaration('paths', model.paths);
  put('\n');
  declaration('webhooks', model.webhooks);
  put('\n');
  declaration('components', model.components, true);
  put('\n');
  declaration('$defs', undefined);
  put('\n');
  declaration('operations', model.operations);
  if (model.withRequired) put(`\n${WITH_REQUIRED}\n`);
  return { text: parts.join(''), members };
}

/** A component group that declares something: `{ kind: 'object' }` with members and no index signature. */
function isGroup(m: WireMember): m is WireMember & { readonly type: { readonly kind: 'object'; readonly members: readonly WireMember[] } } {
  return !m.docs && !m.optional && !m.readonly && m.type.kind === 'object' && m.type.members.length > 0 && !m.type.index;
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
  w.write(`${m.readonly ? 'readonly ' : ''}${propertyName(m.name)}${m.optional ? '?' : ''}: `);
  writeType(w, m.type);
  w.write(';').newLine();
}

function writeType(w: Writer, t: WireType): void {
  switch (t.kind) {
    case 'keyword':
      w.write(t.name);
      return;
    case 'literal':
      w.write(typeof t.value === 'string' ? quote(t.value) : String(t.value));
      return;
    case 'ref':
      w.write(t.path[0]!);
      for (const p of t.path.slice(1)) w.write(`[${quote(p)}]`);
      return;
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
      if (!t.members.length && !t.index) {
        w.write(NOTHING);
        return;
      }
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
    case 'empty-object':
      w.write(NOTHING);
      return;
    case 'with-required':
    case 'omit':
      w.write(t.kind === 'omit' ? 'Omit<' : 'WithRequired<');
      writeType(w, t.type);
      w.write(`, ${t.keys.map(quote).join(' | ')}>`);
      return;
    default: {
      const never: never = t;
      throw new Error(`unknown wire type ${JSON.stringify(never)}`);
    }
  }
}

/** A member of an array, union or intersection: parenthesized where the operator binds tighter. */
function writeOperand(w: Writer, t: WireType, context: 'array' | 'union' | 'intersection'): void {
  const wrap = context === 'array' ? t.kind === 'union' || t.kind === 'intersection' : context === 'intersection' && t.kind === 'union';
  if (wrap) w.write('(');
  writeType(w, t);
  if (wrap) w.write(')');
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

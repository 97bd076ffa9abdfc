/**
 * ir -> **wire**: prints the wire model (ir/wire.ts) as `src/openapi.ts`, the `paths`,
 * `webhooks`, `components` and `operations` types openapi-fetch takes. One structure per
 * declaration, types written by writer functions, printed once by ts-morph.
 */
import { printStructure, StructureKind, type CodeBlockWriter, type WriterFunction } from 'ts-morph';
import type { WireMember, WireModel, WireType } from '../ir/wire-model.js';

export const WIRE_FILE = 'src/openapi.ts';

/** `Record<string, never>`, as openapi-typescript declares a group the document does not have. */
const NOTHING = 'Record<string, never>';

/**
 * Unlike openapi-typescript's (`K extends keyof T`), any keys of any `T`: a nullable base schema
 * (`{...} | null`, whose keyof is never) still compiles.
 */
const WITH_REQUIRED = 'type WithRequired<T, K extends PropertyKey> = T & Required<Pick<NonNullable<T>, K & keyof NonNullable<T>>>;';

export function printWire(model: WireModel, header: string): string {
  const statements: WriterFunction[] = [
    declaration('paths', model.paths),
    declaration('webhooks', model.webhooks),
    declaration('components', model.components),
    declaration('$defs', undefined),
    declaration('operations', model.operations),
  ];
  if (model.withRequired) statements.push((w) => w.write(WITH_REQUIRED));
  const text = printStructure(
    // A blank line between declarations, whichever kind each is.
    { kind: StructureKind.SourceFile, statements: statements.map((write, i) => (w: CodeBlockWriter) => (i ? w.blankLineIfLastNot() : w, write(w))) },
    { indentNumberOfSpaces: 2, useSingleQuote: true },
  );
  return `${header}\n${text}`;
}

/** An exported interface, or `Record<string, never>` when there is nothing to declare (as openapi-typescript does). */
function declaration(name: string, members: readonly WireMember[] | undefined): WriterFunction {
  if (!members?.length) return (w) => w.write(`export type ${name} = ${NOTHING};`);
  // A writer, not an interface structure: ts-morph gives a property's type writer a hanging indent.
  return (w) => {
    w.write(`export interface ${name} `).block(() => {
      for (const m of members) writeMember(w, m);
    });
  };
}

function writeMember(w: CodeBlockWriter, m: WireMember): void {
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

function writeType(w: CodeBlockWriter, t: WireType): void {
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
function writeOperand(w: CodeBlockWriter, t: WireType, context: 'array' | 'union' | 'intersection'): void {
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

/**
 * The pieces of TypeScript that emitters put into ts-morph structures: types and expressions as
 * small trees, written by ts-morph's `CodeBlockWriter` (writer functions), and the one place where
 * spec text becomes a string literal (`quote`). Layout is plain and consistent (2-space indent,
 * single quotes, trailing commas in multi-line literals): a literal goes on one line when it fits in
 * WIDTH, else one entry per line. No attempt is made to match prettier; projects that want
 * prettier's layout get it from the format stage.
 */
import type { CodeBlockWriter, WriterFunction } from 'ts-morph';
import { isIdentifier } from '../ir/names.js';

/** The line width lathe lays code and JSDoc out to. */
export const WIDTH = 80;

export type TypeNode =
  /** A keyword, identifier or qualified name (`string`, `Message`, `Foo.Bar`). */
  | { readonly kind: 'name'; readonly text: string }
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  | { readonly kind: 'generic'; readonly name: string; readonly args: readonly TypeNode[] }
  | { readonly kind: 'union'; readonly members: readonly TypeNode[] }
  | { readonly kind: 'intersection'; readonly members: readonly TypeNode[] }
  | { readonly kind: 'tuple'; readonly items: readonly TypeNode[]; readonly rest?: TypeNode }
  | { readonly kind: 'object'; readonly members: readonly TypeMember[] };

export type TypeMember =
  | { readonly kind: 'property'; readonly key: string; readonly optional: boolean; readonly type: TypeNode }
  | { readonly kind: 'index'; readonly type: TypeNode };

export type Expr =
  /** Code lathe made itself (an identifier, `this._client`, `Object.create(null)`): never spec text. */
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  | { readonly kind: 'array'; readonly items: readonly Expr[] }
  | { readonly kind: 'object'; readonly props: readonly Prop[] }
  | { readonly kind: 'call'; readonly callee: string; readonly args: readonly Expr[] }
  | { readonly kind: 'as'; readonly expr: Expr; readonly type: TypeNode }
  | { readonly kind: 'binary'; readonly op: '||' | '??'; readonly left: Expr; readonly right: Expr }
  /** `object?.a?.['b-c']`: `path` holds the keys as data (quoted here when not identifiers). */
  | { readonly kind: 'optionalChain'; readonly object: Expr; readonly path: readonly string[] };

export type Prop =
  /** `key` is the name as data (quoted here when it is not an identifier). */
  | { readonly kind: 'property'; readonly key: string; readonly value: Expr }
  | { readonly kind: 'spread'; readonly expr: Expr };

export const t = {
  name: (text: string): TypeNode => ({ kind: 'name', text }),
  literal: (value: string | number | boolean | null): TypeNode => ({ kind: 'literal', value }),
  generic: (name: string, ...args: TypeNode[]): TypeNode => ({ kind: 'generic', name, args }),
  /** Nested unions are flattened, so a union never holds a union. */
  union: (members: readonly TypeNode[]): TypeNode => {
    // A named type once (`Uploadable` for each binary member of a body union).
    const names = new Set<string>();
    const flat = members.flatMap((m) => (m.kind === 'union' ? m.members : [m]));
    return { kind: 'union', members: flat.filter((m) => m.kind !== 'name' || (!names.has(m.text) && !!names.add(m.text))) };
  },
};

export const e = {
  code: (text: string): Expr => ({ kind: 'code', text }),
  literal: (value: string | number | boolean | null): Expr => ({ kind: 'literal', value }),
  call: (callee: string, ...args: Expr[]): Expr => ({ kind: 'call', callee, args }),
  object: (props: readonly Prop[]): Expr => ({ kind: 'object', props }),
  prop: (key: string, value: Expr): Prop => ({ kind: 'property', key, value }),
  /** JSON-shaped data (operation descriptors, constraint tables) as an expression. */
  data(value: unknown): Expr {
    if (Array.isArray(value)) return { kind: 'array', items: value.map((v) => e.data(v)) };
    if (value && typeof value === 'object') return { kind: 'object', props: Object.entries(value).map(([key, v]) => e.prop(key, e.data(v))) };
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { kind: 'literal', value };
    return { kind: 'literal', value: null };
  },
};

/**
 * The one way spec text becomes a string literal: single-quoted, with JSON's escapes for
 * backslashes, control characters and lone surrogates. (ts-morph's own `quote` escapes only the
 * quote character, so text with a backslash or a newline would change meaning.)
 */
export function quote(value: string): string {
  const json = JSON.stringify(value);
  const body = !json.includes("'") && !json.includes('\\"') ? json.slice(1, -1) : json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  // A final backslash as `\x5C`: ts-morph's writer takes the quote after `\\` for an escaped one, and
  // then reads the rest of the file as string or comment (it once closed a "comment" with `*/`).
  return `'${value.endsWith('\\') ? `${body.slice(0, -2)}\\x5C` : body}'`;
}

/** An object or type member key: bare when it is a plain identifier, else a quoted string. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : quote(name);
}

/**
 * A key in a destructuring pattern. Quoted keys are written computed (`['a-b']: p1`): esbuild
 * turns a quoted pattern key holding both quote characters into a template literal, a syntax error.
 */
export function bindingKey(name: string): string {
  return isIdentifier(name) ? name : `[${quote(name)}]`;
}

function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}

function literalText(value: string | number | boolean | null): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return numberText(value);
  return String(value);
}

// ---- types ----

/** A type on one line. `json`: string literals in JSON's double quotes, as docs show them. */
export function typeText(node: TypeNode, json = false): string {
  const text = (n: TypeNode): string => typeText(n, json);
  switch (node.kind) {
    case 'name':
      return node.text;
    case 'literal':
      return json && typeof node.value === 'string' ? JSON.stringify(node.value) : literalText(node.value);
    case 'generic':
      return `${node.name}<${node.args.map(text).join(', ')}>`;
    case 'union':
      return node.members.map((m) => (m.kind === 'intersection' ? `(${text(m)})` : text(m))).join(' | ');
    case 'intersection':
      return node.members.map((m) => (m.kind === 'union' ? `(${text(m)})` : text(m))).join(' & ');
    case 'tuple':
      return `[${[...node.items.map(text), ...(node.rest ? [`...Array<${text(node.rest)}>`] : [])].join(', ')}]`;
    case 'object':
      if (!node.members.length) return '{}';
      return `{ ${node.members.map((m) => `${memberText(m, json)};`).join(' ')} }`;
  }
}

function memberText(m: TypeMember, json: boolean): string {
  if (m.kind === 'index') return `[key: string]: ${typeText(m.type, json)}`;
  return `${propertyKey(m.key)}${m.optional ? '?' : ''}: ${typeText(m.type, json)}`;
}

/**
 * A type after `name: ` or `= ` at `column`: a union too long for the line goes on with one member
 * per line (`| 'b'`), which ts-morph indents under the declaration; anything else stays on one line.
 */
export function typeWriter(node: TypeNode, column: number): string | WriterFunction {
  const flat = typeText(node);
  if (node.kind !== 'union' || column + flat.length <= WIDTH) return flat;
  const member = (m: TypeNode) => (m.kind === 'intersection' ? `(${typeText(m)})` : typeText(m));
  return (w: CodeBlockWriter) => {
    node.members.forEach((m, i) => (i ? w.newLine().write(`| ${member(m)}`) : w.write(member(m))));
  };
}

// ---- expressions ----

/** Flat texts already made: a literal that breaks asks for its entries' flat text again. */
const flatTexts = new WeakMap<Expr, string>();

/** `expr` on one line. */
export function exprText(node: Expr): string {
  let text = flatTexts.get(node);
  if (text === undefined) flatTexts.set(node, (text = flatText(node)));
  return text;
}

function flatText(node: Expr): string {
  switch (node.kind) {
    case 'code':
      return node.text;
    case 'literal':
      return literalText(node.value);
    case 'array':
      return `[${node.items.map(exprText).join(', ')}]`;
    case 'object':
      return node.props.length ? `{ ${node.props.map(propText).join(', ')} }` : '{}';
    case 'call':
      return `${node.callee}(${node.args.map(exprText).join(', ')})`;
    case 'as':
      return `${exprText(node.expr)} as ${typeText(node.type)}`;
    case 'binary':
      return `${exprText(node.left)} ${node.op} ${exprText(node.right)}`;
    case 'optionalChain':
      return `${exprText(node.object)}${node.path.map((k) => (isIdentifier(k) ? `?.${k}` : `?.[${quote(k)}]`)).join('')}`;
  }
}

function propText(p: Prop): string {
  if (p.kind === 'spread') return `...${exprText(p.expr)}`;
  const key = propertyKey(p.key);
  // `{ id }` for `{ id: id }`.
  return p.value.kind === 'code' && p.value.text === key ? key : `${key}: ${exprText(p.value)}`;
}

/**
 * Writes `node` starting at `column`: on one line when it fits, else objects, arrays and calls put
 * one entry per line (with a trailing comma), recursively.
 */
export function writeExpr(w: CodeBlockWriter, node: Expr, column: number, indent: number): void {
  const flat = exprText(node);
  if (column + flat.length <= WIDTH) {
    w.write(flat);
    return;
  }
  const inner = indent + 2;
  const entries = (open: string, close: string, items: readonly (() => void)[]) => {
    w.write(open);
    // `indent(block)` starts the block on a new line and the next write after it on another.
    w.indent(() => {
      items.forEach((item, i) => {
        if (i) w.newLine();
        item();
        w.write(',');
      });
    });
    w.write(close);
  };
  switch (node.kind) {
    case 'array':
      return entries('[', ']', node.items.map((i) => () => writeExpr(w, i, inner, inner)));
    case 'object':
      return entries(
        '{',
        '}',
        node.props.map((p) => () => {
          if (p.kind === 'spread') return void w.write(`...${exprText(p.expr)}`);
          const key = propertyKey(p.key);
          if (p.value.kind === 'code' && p.value.text === key) return void w.write(key);
          w.write(`${key}: `);
          writeExpr(w, p.value, inner + key.length + 2, inner);
        }),
      );
    case 'call': {
      const last = node.args[node.args.length - 1];
      const head = `${node.callee}(${node.args.slice(0, -1).map((a) => `${exprText(a)}, `).join('')}`;
      // `call(a, {` … `})`: the last argument breaks when everything before it fits.
      if (last && (last.kind === 'object' || last.kind === 'array') && column + head.length + 1 <= WIDTH) {
        w.write(head);
        writeExpr(w, last, WIDTH, indent);
        return void w.write(')');
      }
      return entries(`${node.callee}(`, ')', node.args.map((a) => () => writeExpr(w, a, inner, inner)));
    }
    case 'as':
      writeExpr(w, node.expr, column, indent);
      return void w.write(` as ${typeText(node.type)}`);
    case 'binary':
      writeExpr(w, node.left, column, indent);
      return void w.write(` ${node.op} ${exprText(node.right)}`);
    default:
      return void w.write(flat);
  }
}

/** A writer function for `node` where it starts at `column` in a block indented by `indent`. */
export function exprWriter(node: Expr, column: number, indent: number): WriterFunction {
  return (w) => writeExpr(w, node, column, indent);
}

/** A name taken out of an object by a destructuring pattern. */
/** `target = value;` as a statement; `target` is lathe's own code (`Requests.MessageResource`). */
export function assignment(target: string, value: Expr): WriterFunction {
  return (w) => {
    w.write(`${target} = `);
    writeExpr(w, value, target.length + 3, 0);
    w.write(';');
  };
}

export interface Binding {
  readonly key: string;
  readonly local: string;
  readonly default?: Expr;
}

/**
 * `const { a, ['b-c']: p1, c = x, ...rest } = init;` in a block indented by `indent`, one entry per
 * line when it does not fit.
 */
export function destructure(bindings: readonly Binding[], rest: string | undefined, init: string, indent: number): WriterFunction {
  const parts = [
    ...bindings.map(({ key, local, default: value }) => {
      const name = key === local && isIdentifier(key) ? key : `${bindingKey(key)}: ${local}`;
      return value ? `${name} = ${exprText(value)}` : name;
    }),
    ...(rest ? [`...${rest}`] : []),
  ];
  const flat = `const { ${parts.join(', ')} } = ${init};`;
  return (w) => {
    if (indent + flat.length <= WIDTH) return void w.write(flat);
    w.write('const {');
    // No comma after a rest element.
    w.indent(() => parts.forEach((p, i) => (i ? w.newLine() : w).write(rest && i === parts.length - 1 ? p : `${p},`)));
    w.write(`} = ${init};`);
  };
}

// ---- JSDoc ----

/**
 * JSDoc text wrapped to the line width at `indent` (the comment adds ` * `). Fenced code, tags,
 * Markdown tables and headings keep their lines; prose is wrapped at spaces.
 */
export function wrapDocs(text: string, indent: number): string {
  const width = Math.max(40, WIDTH - indent - 3);
  let fenced = false;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced || line.startsWith('```') || line.length <= width || /^\s*(@|\||#)/.test(line)) {
      out.push(line);
      continue;
    }
    let rest = line;
    while (rest.length > width) {
      const cut = breakAt(rest, width);
      if (cut <= 0) break;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
    out.push(rest);
  }
  return out.join('\n');
}

/** The last space at or before `width` outside a code span (`a b` stays on one line), else the first after it. */
function breakAt(line: string, width: number): number {
  let best = -1;
  let ticks = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '`') ticks++;
    else if (line[i] === ' ' && ticks % 2 === 0) {
      if (i > width && best > 0) break;
      best = i;
      if (i > width) break;
    }
  }
  return best;
}

/**
 * The types and expressions lathe writes, as small trees instead of strings, and their layout as
 * prettier documents.
 *
 * Why not text: prettier took about 9 of the 13 s lathe needed for Cloudflare's whole API. These
 * trees become prettier documents (`prettier/doc`'s builders), shaped the way prettier's TypeScript
 * printer shapes them for the same code, and are printed by printer.ts, which prints documents as
 * prettier's line-fitting printer does. The output is then
 * what prettier would have written, without parsing anything. Only the shapes lathe emits are
 * covered. Anything else is marked `inexact`, and the format stage runs prettier on that file as
 * before. Tests hold every exact file against prettier.
 */
import { builders, type builders as B } from 'prettier/doc';
import { printDoc } from './printer.js';
import { isIdentifier } from '../ir/names.js';

export type Doc = B.Doc;

/**
 * Parts that are all text print the same as one string, in a group or not: joined here, so the
 * printer has thousands fewer nodes to walk on a big module.
 */
function cat(parts: Doc[]): Doc {
  return parts.every((p) => typeof p === 'string') ? (parts as string[]).join('') : parts;
}

/** `group(parts)`, or one string when there is nothing in it that could break. */
function tight(parts: Doc[]): Doc {
  const joined = cat(parts);
  return typeof joined === 'string' ? joined : group(joined);
}
const { group, indent, line, softline, ifBreak, join, align, conditionalGroup, fill, indentIfBreak, lineSuffixBoundary, breakParent } = builders;

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
  /** An identifier or `this`. */
  | { readonly kind: 'id'; readonly text: string }
  | { readonly kind: 'member'; readonly object: Expr; readonly name: string }
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  | { readonly kind: 'array'; readonly items: readonly Expr[] }
  | { readonly kind: 'object'; readonly props: readonly Prop[] }
  | { readonly kind: 'call'; readonly callee: Expr; readonly args: readonly Expr[] }
  | { readonly kind: 'new'; readonly callee: string; readonly args: readonly Expr[] }
  /** `SinglePage<Message>` as a value. */
  | { readonly kind: 'instantiation'; readonly name: string; readonly args: readonly TypeNode[] }
  | { readonly kind: 'as'; readonly expr: Expr; readonly type: TypeNode }
  | { readonly kind: 'binary'; readonly op: '||' | '??'; readonly left: Expr; readonly right: Expr }
  /** Code in a shape this module does not lay out: printed as given, and its file goes to prettier. */
  | { readonly kind: 'raw'; readonly text: string };

export type Prop =
  | { readonly kind: 'property'; readonly key: string; readonly value: Expr }
  | { readonly kind: 'shorthand'; readonly name: string }
  | { readonly kind: 'spread'; readonly expr: Expr };

export type Stmt =
  | { readonly kind: 'return'; readonly expr: Expr }
  | { readonly kind: 'expression'; readonly expr: Expr }
  /** `const { a, 'b-c': p1, ...body } = init;` */
  | { readonly kind: 'destructure'; readonly names: readonly { readonly key: string; readonly local: string }[]; readonly rest?: string; readonly init: Expr }
  | { readonly kind: 'raw'; readonly text: string };

// Constructors, so emitters read like the code they write.
export const t = {
  name: (text: string): TypeNode => ({ kind: 'name', text }),
  literal: (value: string | number | boolean | null): TypeNode => ({ kind: 'literal', value }),
  generic: (name: string, ...args: TypeNode[]): TypeNode => ({ kind: 'generic', name, args }),
  /** Nested unions are flattened (`(A | B) | C` is `A | B | C`), so a union never holds a union. */
  union: (members: readonly TypeNode[]): TypeNode => ({ kind: 'union', members: members.flatMap((m) => (m.kind === 'union' ? m.members : [m])) }),
};

export const e = {
  id: (text: string): Expr => ({ kind: 'id', text }),
  literal: (value: string | number | boolean | null): Expr => ({ kind: 'literal', value }),
  /** JSON-shaped data (operation descriptors, constraint tables) as an expression. */
  data(value: unknown): Expr {
    if (Array.isArray(value)) return { kind: 'array', items: value.map((v) => e.data(v)) };
    if (value && typeof value === 'object')
      return { kind: 'object', props: Object.entries(value).map(([key, v]) => ({ kind: 'property', key: propertyKey(key), value: e.data(v) })) };
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return { kind: 'literal', value };
    return { kind: 'raw', text: String(value) };
  },
  /** `a.b.c` as nested member accesses. */
  path(dotted: string): Expr {
    const [head, ...rest] = dotted.split('.');
    return rest.reduce<Expr>((object, name) => ({ kind: 'member', object, name }), { kind: 'id', text: head! });
  },
  call: (callee: string, ...args: Expr[]): Expr => ({ kind: 'call', callee: e.path(callee), args }),
  object: (props: readonly Prop[]): Expr => ({ kind: 'object', props }),
  prop: (key: string, value: Expr): Prop => (isIdentifier(key) && value.kind === 'id' && value.text === key ? { kind: 'shorthand', name: key } : { kind: 'property', key: propertyKey(key), value }),
};

/** An object key as written: bare when it is a plain identifier, else a quoted string. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : quote(name);
}

const PLAIN_LITERAL = /^[^'"\\\x00-\x1f\ud800-\udfff]*$/;

/**
 * A string literal as prettier writes it with `singleQuote`: single quotes unless the text holds
 * more of them than double quotes, and only the escapes that are needed.
 */
export function quote(value: string): string {
  // Most literals need no escape at all: no quote, backslash, control character or surrogate.
  if (PLAIN_LITERAL.test(value)) return `'${value}'`;
  const raw = JSON.stringify(value).slice(1, -1);
  const doubles = raw.split('"').length - 1;
  const singles = raw.split("'").length - 1;
  const enclosing = singles > doubles ? '"' : "'";
  const other = enclosing === '"' ? "'" : '"';
  const body = raw.replace(/\\(.)|(["'])/gs, (_, escaped: string | undefined, q: string | undefined) => {
    if (escaped === other) return escaped;
    if (q) return q === enclosing ? `\\${q}` : q;
    // JSON only escapes what must be escaped (quote, backslash, control characters): keep those.
    return `\\${escaped}`;
  });
  return `${enclosing}${body}${enclosing}`;
}

/** A number as prettier writes it (`1e21`, not `1e+21`). */
export function numberText(value: number): string {
  return String(value)
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(\d)/, '$1$2$3');
}

function literalText(value: string | number | boolean | null): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return Number.isFinite(value) ? numberText(value) : 'null';
  return String(value);
}

/** A negative number is a unary minus to prettier (the same text, one more part). */
function literalDoc(value: string | number | boolean | null): Doc {
  return typeof value === 'number' && value < 0 ? ['-', numberText(-value)] : literalText(value);
}

/** Collects why a file cannot skip prettier. */
export interface Exactness {
  inexact?: string;
}

// ---- types ----

/** Types prettier keeps on the line of their `<…>` (`Array<Message>`, `Array<'a'>`). */
function isSimpleType(node: TypeNode): boolean {
  return node.kind === 'name' || (node.kind === 'literal' && typeof node.value !== 'number') || (node.kind === 'literal' && typeof node.value === 'number' && node.value >= 0);
}

const KEYWORDS = new Set(['string', 'number', 'boolean', 'bigint', 'symbol', 'object', 'unknown', 'any', 'never', 'undefined', 'null', 'void']);

/** `Foo | null`, `Array<…> | null`, `{ … } | null`: a union prettier keeps inline around its one named or object type. */
function huggedUnion(node: TypeNode): boolean {
  if (node.kind !== 'union') return false;
  const others = node.members.filter((m) => !((m.kind === 'name' && (m.text === 'null' || m.text === 'void')) || (m.kind === 'literal' && m.value === null)));
  if (others.length !== 1 || others.length === node.members.length) return false;
  const only = others[0]!;
  return only.kind === 'object' || only.kind === 'generic' || (only.kind === 'name' && !KEYWORDS.has(only.text));
}

function shouldHugType(node: TypeNode): boolean {
  return isSimpleType(node) || node.kind === 'object' || huggedUnion(node);
}

export function typeDoc(node: TypeNode, x: Exactness): Doc {
  switch (node.kind) {
    case 'name':
      return node.text;
    case 'literal':
      return literalDoc(node.value);
    case 'generic': {
      const args = node.args.map((a) => typeDoc(a, x));
      if (args.length === 1 && shouldHugType(node.args[0]!)) return cat([node.name, '<', args[0]!, '>']);
      return [node.name, group(['<', indent([softline, join([',', line], args)]), softline, '>'])];
    }
    case 'union': {
      if (node.members.some((m) => m.kind === 'tuple')) x.inexact ??= 'a union with a tuple';
      const member = (m: TypeNode): Doc => (m.kind === 'intersection' ? ['(', typeDoc(m, x), ')'] : typeDoc(m, x));
      if (huggedUnion(node)) return join(' | ', node.members.map(member));
      return group([ifBreak('| '), join([line, '| '], node.members.map((m) => {
        const doc = member(m);
        // Alignment only moves lines inside a member; text has none.
        return typeof doc === 'string' ? doc : align(2, doc);
      }))]);
    }
    case 'intersection':
      return intersectionDoc(node.members, x);
    case 'tuple':
      x.inexact ??= 'a tuple type';
      return ['[', join(', ', [...node.items.map((i) => typeDoc(i, x)), ...(node.rest ? [['...Array<', typeDoc(node.rest, x), '>']] : [])]), ']'];
    case 'object': {
      if (!node.members.length) return '{}';
      const members = node.members.map((m) => memberDoc(m, x));
      return group(['{', indent([line, join([';', line], members), ifBreak(';')]), line, '}']);
    }
  }
}

/**
 * `A & B`: between two named types the line may break after `&`; next to an object type it stays
 * on the line, and what follows an object type after the second member is indented.
 */
function intersectionDoc(members: readonly TypeNode[], x: Exactness): Doc {
  const parts: Doc[] = [];
  let indented = false;
  members.forEach((m, i) => {
    const doc = m.kind === 'union' ? ['(', group([indent([softline, typeDoc(m, x)]), softline]), ')'] : typeDoc(m, x);
    if (m.kind === 'tuple') x.inexact ??= 'an intersection with a tuple';
    const prev = members[i - 1];
    if (!prev) parts.push(doc);
    else if (prev.kind !== 'object' && m.kind !== 'object') parts.push(indent([' &', line, doc]));
    else if (prev.kind === 'object' && m.kind === 'object') parts.push(' & ', indented ? indent(doc) : doc);
    else {
      if (i > 1) indented = true;
      parts.push(' & ', i > 1 ? indent(doc) : doc);
    }
  });
  return group(parts);
}

/** A type after `name: ` (property, index signature, parameter): a union breaks onto its own lines. */
export function annotationDoc(node: TypeNode, x: Exactness): Doc {
  const doc = typeDoc(node, x);
  return node.kind === 'union' && !huggedUnion(node) ? group(indent([softline, doc])) : doc;
}

export function memberDoc(m: TypeMember, x: Exactness): Doc {
  if (m.kind === 'index') return group(['[', group([indent([softline, 'key', ':', ' ', 'string']), softline]), ']', ':', ' ', annotationDoc(m.type, x)]);
  return tight([keyDoc(m.key, x), m.optional ? '?' : '', ':', ' ', annotationDoc(m.type, x)]);
}

/** `= type` of a type alias. */
export function aliasDoc(name: string, node: TypeNode, x: Exactness): Doc {
  const left = group(['type ', name]);
  if (node.kind === 'union' && !huggedUnion(node)) return group([left, ' =', group(indent([line, typeDoc(node, x)]))]);
  return fluid(left, ' =', typeDoc(node, x));
}

export function keyDoc(key: string, x: Exactness): Doc {
  if (key.startsWith("'") || key.startsWith('"')) {
    const value = JSON.parse(key.startsWith("'") ? `"${key.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"` : key) as string;
    // prettier drops the quotes of a key it considers an identifier, and it knows more letters than lathe.
    if (/^[\p{L}\p{Nl}$_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$_\u200c\u200d]*$/u.test(value)) x.inexact ??= `the quoted key ${key}`;
    return quote(value);
  }
  return key;
}

// ---- expressions ----

let ids = 0;
function groupId(name: string): symbol {
  return Symbol(`${name}${ids++}`);
}

/** `left op rest` where rest moves to the next line only if it cannot start on this one. */
export function fluid(left: Doc, op: string, right: Doc): Doc {
  const id = groupId('assignment');
  return group([left, op, group(indent(line), { id }), lineSuffixBoundary, indentIfBreak(right, { groupId: id })]);
}

/** prettier's "short argument": one that is not worth breaking a call for. */
function isLoneShortArgument(arg: Expr): boolean {
  const threshold = 110 / 4;
  if (arg.kind === 'id') return arg.text.length <= threshold;
  if (arg.kind === 'member') return arg.object.kind === 'id' && arg.object.text === 'this' && arg.name.length <= threshold;
  if (arg.kind === 'literal') return typeof arg.value !== 'string' || quote(arg.value).length <= threshold;
  if (arg.kind === 'object') return arg.props.length === 0;
  if (arg.kind === 'array') return arg.items.length === 0;
  return false;
}

/** A call prettier does not break after `key:` for (`String(x)`): few, short arguments. */
function isPoorlyBreakableCall(node: Expr): boolean {
  if (node.kind !== 'call' || node.callee.kind !== 'id') return false;
  return node.args.length === 0 || (node.args.length === 1 && isLoneShortArgument(node.args[0]!));
}

/** How prettier lays out `key: value` in an object. */
function propertyDoc(key: string, value: Expr, x: Exactness): Doc {
  const printedKey = keyDoc(key, x);
  const left = group(printedKey);
  const right = exprDoc(value, x);
  // prettier does not break after a key narrower than tabWidth + 3: too little would be gained.
  const short = typeof printedKey === 'string' && printedKey.length < 2 + 3;
  if (value.kind === 'binary') return group([left, ':', group(indent([line, right]))]);
  if (value.kind === 'literal' && (typeof value.value === 'number' ? value.value >= 0 : typeof value.value === 'boolean')) return tight([printedKey, ':', ' ', right]);
  if (short) return tight([printedKey, ':', ' ', right]);
  if ((value.kind === 'literal' && typeof value.value === 'string') || isPoorlyBreakableCall(value)) return group([left, ':', group(indent([line, right]))]);
  if (value.kind === 'member' || value.kind === 'raw' || value.kind === 'new') x.inexact ??= `an object property of kind ${value.kind}`;
  return fluid(left, ':', right);
}

/** An array of several arrays or objects that each have several entries: prettier always puts one per line. */
function isMatrix(node: Extract<Expr, { kind: 'array' }>): boolean {
  const first = node.items[0];
  return (
    node.items.length > 1 &&
    node.items.every((i) => i.kind === first!.kind && ((i.kind === 'array' && i.items.length > 1) || (i.kind === 'object' && i.props.length > 1)))
  );
}

/** Whether the layout of `node` always breaks lines (prettier's `willBreak` on its document, read off the tree). */
function forcesBreak(node: Expr): boolean {
  switch (node.kind) {
    case 'array':
      return isMatrix(node) || node.items.some(forcesBreak);
    case 'object':
      return node.props.some((p) => (p.kind === 'property' ? forcesBreak(p.value) : p.kind === 'spread' ? forcesBreak(p.expr) : false));
    case 'call':
    case 'new':
      return node.args.some(forcesBreak);
    case 'as':
      return forcesBreak(node.expr);
    case 'binary':
      return forcesBreak(node.left) || forcesBreak(node.right);
    default:
      return false;
  }
}

function isConciseArray(node: Expr): boolean {
  return node.kind === 'array' && node.items.length > 1 && node.items.every((i) => i.kind === 'literal' && typeof i.value === 'number');
}

function arrayDoc(node: Extract<Expr, { kind: 'array' }>, x: Exactness): Doc {
  if (!node.items.length) return '[]';
  const id = groupId('array');
  if (isConciseArray(node)) {
    const parts: Doc[] = [];
    node.items.forEach((item, i) => {
      const d = exprDoc(item, x);
      if (i < node.items.length - 1) parts.push([d, ','], line);
      else parts.push([d, ifBreak(',', '', { groupId: id })]);
    });
    return group(['[', indent([softline, fill(parts)]), softline, ']'], { id });
  }
  return group(['[', indent([softline, join([',', line], node.items.map((i) => tight([exprDoc(i, x)]))), ifBreak(',')]), softline, ']'], {
    id,
    shouldBreak: isMatrix(node),
  });
}

function objectDoc(node: Extract<Expr, { kind: 'object' }>, x: Exactness): Doc {
  if (!node.props.length) return '{}';
  const props = node.props.map((p): Doc => {
    if (p.kind === 'shorthand') return p.name;
    if (p.kind === 'spread') return ['...', exprDoc(p.expr, x)];
    return propertyDoc(p.key, p.value, x);
  });
  return group(['{', indent([line, join([',', line], props)]), ifBreak(','), line, '}']);
}

function couldExpand(arg: Expr): boolean {
  return (arg.kind === 'object' && arg.props.length > 0) || (arg.kind === 'array' && arg.items.length > 0);
}

function argumentsDoc(args: readonly Expr[], x: Exactness): Doc {
  if (!args.length) return '()';
  const last = args[args.length - 1]!;
  const penultimate = args[args.length - 2];
  const hugLast = couldExpand(last) && (!penultimate || penultimate.kind !== last.kind) && !(args.length > 1 && isConciseArray(last));
  const printed = () => args.map((a) => exprDoc(a, x));
  const separated = (docs: Doc[]): Doc[] => docs.flatMap((d, i) => (i < docs.length - 1 ? [d, ',', line] : [d]));
  const allBroken = () => group(['(', indent([line, ...separated(printed())]), ifBreak(','), line, ')'], { shouldBreak: true });
  if (hugLast) {
    const flat = printed();
    const expanded = printed();
    expanded[expanded.length - 1] = group(expanded[expanded.length - 1]!, { shouldBreak: true });
    return [args.some(forcesBreak) ? breakParent : '', conditionalGroup([['(', ...separated(flat), ')'], ['(', ...separated(expanded), ')'], allBroken()])];
  }
  return group(['(', indent([softline, ...separated(printed())]), ifBreak(','), softline, ')'], { shouldBreak: args.some(forcesBreak) });
}

export function exprDoc(node: Expr, x: Exactness): Doc {
  switch (node.kind) {
    case 'id':
      return node.text;
    case 'literal':
      return literalDoc(node.value);
    case 'member':
      if (node.object.kind === 'id') return [node.object.text, lineSuffixBoundary, group(indent([softline, '.', node.name]))];
      x.inexact ??= 'a member chain';
      return [exprDoc(node.object, x), '.', node.name];
    case 'array':
      return arrayDoc(node, x);
    case 'object':
      return objectDoc(node, x);
    case 'call': {
      const args = argumentsDoc(node.args, x);
      if (node.callee.kind === 'id') return [node.callee.text, lineSuffixBoundary, args];
      // `this._client.request(…)`: a short member chain, printed as one group.
      const parts: string[] = [];
      let c: Expr = node.callee;
      while (c.kind === 'member') {
        parts.unshift('.', c.name);
        c = c.object;
      }
      if (c.kind !== 'id') x.inexact ??= 'a call on a computed callee';
      return group([c.kind === 'id' ? c.text : exprDoc(c, x), ...parts, args]);
    }
    case 'new':
      return ['new ', node.callee, lineSuffixBoundary, argumentsDoc(node.args, x)];
    case 'instantiation':
      return typeDoc({ kind: 'generic', name: node.name, args: node.args }, x);
    case 'as':
      return [exprDoc(node.expr, x), ' ', 'as', ' ', typeDoc(node.type, x)];
    case 'binary':
      return group(binaryParts(node, x));
    case 'raw':
      x.inexact ??= 'code lathe does not lay out itself';
      return node.text;
  }
}

function binaryParts(node: Extract<Expr, { kind: 'binary' }>, x: Exactness): Doc[] {
  return [group(exprDoc(node.left, x)), ' ', group([node.op, line, exprDoc(node.right, x)])];
}

/** A default value in a destructuring pattern (`a = readEnv('A') ?? null`): what follows the left operand is indented. */
export function defaultValueDoc(node: Expr, x: Exactness): Doc {
  if (node.kind !== 'binary') return exprDoc(node, x);
  const [left, ...rest] = binaryParts(node, x);
  return group([left!, indent(rest)]);
}

export function stmtDoc(node: Stmt, x: Exactness): Doc {
  switch (node.kind) {
    case 'return':
      return ['return', ' ', exprDoc(node.expr, x), ';'];
    case 'expression':
      return [exprDoc(node.expr, x), ';'];
    case 'destructure': {
      const props: Doc[] = node.names.map((n) => (n.key === n.local ? n.key : propertyDoc(propertyKey(n.key), { kind: 'id', text: n.local }, x)));
      if (node.rest) props.push(['...', node.rest]);
      const pattern = group(['{', indent([line, join([',', line], props)]), node.rest ? '' : ifBreak(','), line, '}']);
      const renamed = node.names.some((n) => n.key !== n.local);
      // A pattern with more than two entries, one of them renamed, keeps ` = init` on its last line.
      const complex = props.length > 2 && renamed;
      const init = exprDoc(node.init, x);
      return group(['const', ' ', complex ? [pattern, ' =', ' ', group(init)] : fluid(pattern, ' =', init), ';']);
    }
    case 'raw':
      x.inexact ??= 'a statement lathe does not lay out itself';
      return node.text;
  }
}

/** A type on one line with JSON's double quotes, as docs show it (and a key to tell types apart). */
export function typeText(node: TypeNode): string {
  return flatText(typeDoc(jsonQuoted(node), {}));
}

function jsonQuoted(node: TypeNode): TypeNode {
  switch (node.kind) {
    case 'literal':
      return typeof node.value === 'string' ? { kind: 'name', text: JSON.stringify(node.value) } : node;
    case 'generic':
      return { ...node, args: node.args.map(jsonQuoted) };
    case 'union':
    case 'intersection':
      return { ...node, members: node.members.map(jsonQuoted) };
    case 'tuple':
      return { ...node, items: node.items.map(jsonQuoted), ...(node.rest ? { rest: jsonQuoted(node.rest) } : {}) };
    case 'object':
      return { ...node, members: node.members.map((m) => ({ ...m, type: jsonQuoted(m.type) })) };
    default:
      return node;
  }
}

function flatText(doc: Doc): string {
  return printDoc(doc, Number.POSITIVE_INFINITY);
}

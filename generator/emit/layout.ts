/**
 * Declarations of a generated module, printed once per file in prettier's layout (see code.ts for
 * why lathe lays out code itself). Emitters build the whole list of declarations first and print
 * each file once.
 */
import { builders } from 'prettier/doc';
import { PRETTIER_OPTIONS } from '../format/style.js';
import {
  annotationDoc,
  aliasDoc,
  defaultValueDoc,
  exprDoc,
  fluid,
  keyDoc,
  memberDoc,
  quote,
  stmtDoc,
  typeDoc,
  type Doc,
  type Exactness,
  type Expr,
  type Stmt,
  type TypeMember,
  type TypeNode,
} from './code.js';
import { printDoc } from './printer.js';

const { group, indent, line, softline, ifBreak, join, hardline, hardlineWithoutBreakParent } = builders;

export interface Param {
  readonly name: string;
  readonly type: TypeNode;
  readonly optional?: boolean;
  readonly init?: Expr;
}

export interface Method {
  readonly name: string;
  readonly docs?: string;
  readonly params: readonly Param[];
  readonly returns: TypeNode;
  readonly body: readonly Stmt[];
}

export interface Member {
  readonly docs?: string;
  readonly member: TypeMember;
}

export type Decl =
  /** A line comment (the file header), `//` included. */
  | { readonly kind: 'comment'; readonly text: string }
  | { readonly kind: 'import'; readonly names: readonly string[]; readonly from: string; readonly typeOnly?: boolean }
  | {
      readonly kind: 'class';
      readonly name: string;
      readonly docs?: string;
      readonly extends?: string;
      readonly properties: readonly { readonly name: string; readonly type: TypeNode; readonly init: Expr }[];
      /** A constructor taking one destructured, typed options object: `({ a = x, 'b-c': b = y, ...rest }: T = {})`. */
      readonly ctor?: {
        readonly props: readonly { readonly key: string; readonly local: string; readonly default?: Expr }[];
        readonly rest?: string;
        readonly type: string;
        readonly init: Expr;
        readonly body: readonly Stmt[];
      };
      readonly methods: readonly Method[];
    }
  | { readonly kind: 'interface'; readonly name: string; readonly docs?: string; readonly extends?: readonly string[]; readonly members: readonly Member[] }
  | { readonly kind: 'alias'; readonly name: string; readonly docs?: string; readonly type: TypeNode }
  | { readonly kind: 'namespace'; readonly name: string; readonly body: readonly Decl[] }
  | ({ readonly kind: 'function' } & Method)
  /**
   * Export statements on consecutive lines: `export { A, type B } from '…';` as names and module,
   * or a statement that cannot break (`export * from '…';`) as its text.
   */
  | { readonly kind: 'exports'; readonly lines: readonly (string | { readonly names: readonly string[]; readonly from: string })[] }
  /** A module-private `const name: type = init;`. */
  | { readonly kind: 'const'; readonly name: string; readonly type: string; readonly init: Expr };

export interface PrintedModule {
  readonly content: string;
  /** Why prettier still has to format this file, if it does. */
  readonly inexact?: string;
}

/** A JSDoc block as lathe writes it: one line when the text is one line. */
function docComment(text: string | undefined): Doc[] {
  if (!text) return [];
  const lines = text.split('\n');
  if (lines.length === 1) return [`/** ${lines[0]} */`, hardline];
  // Comments sit where lines always break (bodies, top level): their lines need no breakParent.
  return [join(hardlineWithoutBreakParent, ['/**', ...lines.map((l) => (l ? ` * ${l}` : ' *')), ' */']), hardline];
}

function paramsDoc(params: readonly Param[], returns: TypeNode, x: Exactness): Doc {
  const returnType = [':', ' ', typeDoc(returns, x)];
  if (!params.length) return group(['(', ')', ...returnType]);
  const printed = params.map((p) => [
    p.name,
    p.optional ? '?' : '',
    ':',
    ' ',
    annotationDoc(p.type, x),
    ...(p.init ? [' = ', exprDoc(p.init, x)] : []),
  ]);
  return group(['(', indent([softline, join([',', line], printed)]), ifBreak(','), softline, ')', ...returnType]);
}

/** The options object a constructor takes, hugged by its parentheses. */
function ctorParamsDoc(ctor: NonNullable<Extract<Decl, { kind: 'class' }>['ctor']>, x: Exactness): Doc {
  const props: Doc[] = ctor.props.map((p) => {
    const value = p.default ? [p.local, ' = ', defaultValueDoc(p.default, x)] : p.local;
    return p.key === p.local ? value : fluid(group(keyDoc(p.key, x)), ':', value);
  });
  if (ctor.rest) props.push(['...', ctor.rest]);
  const pattern = group(['{', indent([line, join([',', line], props)]), ctor.rest ? '' : ifBreak(','), line, '}', ':', ' ', ctor.type]);
  return group(['(', pattern, ' = ', exprDoc(ctor.init, x), ')']);
}

function bodyDoc(body: readonly Stmt[], x: Exactness): Doc {
  if (!body.length) return '{}';
  return ['{', indent([hardline, join(hardline, body.map((s) => stmtDoc(s, x)))]), hardline, '}'];
}

function methodDoc(m: Method, x: Exactness): Doc {
  return [...docComment(m.docs), m.name, paramsDoc(m.params, m.returns, x), ' ', bodyDoc(m.body, x)];
}

const BLANK = [hardline, hardline];

/** `{ A, B }` of an import or export: one name never breaks. */
function specifiers(names: readonly string[]): Doc {
  if (names.length === 1) return ['{', ' ', names[0]!, ' ', '}'];
  return group(['{', indent([line, join([',', line], [...names])]), ifBreak(','), line, '}']);
}

function declDoc(d: Decl, x: Exactness): Doc {
  switch (d.kind) {
    case 'comment':
      return d.text;
    case 'import':
      return ['import', d.typeOnly ? ' type' : '', ' ', specifiers(d.names), ' from', ' ', quote(d.from), ';'];
    case 'exports':
      return join(
        hardline,
        d.lines.map((l) => (typeof l === 'string' ? l : ['export', ' ', specifiers(l.names), ' from', ' ', quote(l.from), ';'])),
      );
    case 'class': {
      const props = d.properties.map((p) => [fluid(group([p.name, ':', ' ', typeDoc(p.type, x)]), ' =', exprDoc(p.init, x)), ';']);
      const methods = d.methods.map((m) => methodDoc(m, x));
      const ctor = d.ctor ? [['constructor', ctorParamsDoc(d.ctor, x), ' ', bodyDoc(d.ctor.body, x)]] : [];
      const sections = [...(props.length ? [join(hardline, props)] : []), ...ctor, ...(methods.length ? [join(BLANK, methods)] : [])];
      const body = sections.length ? ['{', indent([hardline, join(BLANK, sections)]), hardline, '}'] : ['{', '}'];
      return [...docComment(d.docs), 'export ', 'class ', d.name, ...(d.extends ? [' ', 'extends ', d.extends] : []), ' ', ...body];
    }
    case 'interface': {
      const members = d.members.map((m) => [...docComment(m.docs), memberDoc(m.member, x), ';']);
      const body = members.length ? ['{', indent([hardline, join(hardline, members)]), hardline, '}'] : ['{', '}'];
      return [...docComment(d.docs), 'export ', 'interface ', d.name, ...(d.extends?.length ? [' ', 'extends ', join(', ', [...d.extends])] : []), ' ', ...body];
    }
    case 'alias':
      return [...docComment(d.docs), 'export ', aliasDoc(d.name, d.type, x), ';'];
    case 'namespace':
      return ['export ', 'namespace ', d.name, ' ', group(['{', indent([hardline, join(BLANK, d.body.map((b) => declDoc(b, x)))]), hardline, '}'])];
    case 'function':
      return [...docComment(d.docs), 'export ', 'function ', d.name, paramsDoc(d.params, d.returns, x), ' ', bodyDoc(d.body, x)];
    case 'const':
      return group(['const', ' ', fluid(group([d.name, ':', ' ', d.type]), ' =', exprDoc(d.init, x)), ';']);
  }
}

/**
 * The file: the header and imports on consecutive lines, then each declaration after a blank line.
 * Layout is prettier's for lathe's style (PRETTIER_OPTIONS).
 */
export function printModule(decls: readonly Decl[]): PrintedModule {
  const x: Exactness = {};
  const head = decls.filter((d) => d.kind === 'comment' || d.kind === 'import');
  const rest = decls.filter((d) => d.kind !== 'comment' && d.kind !== 'import');
  const parts: Doc[] = [];
  if (head.length) parts.push(join(hardline, head.map((d) => declDoc(d, x))));
  if (rest.length) parts.push(join(BLANK, rest.map((d) => declDoc(d, x))));
  const doc = [join(BLANK, parts), hardline];
  const content = printDoc(doc, PRETTIER_OPTIONS.printWidth!);
  return x.inexact ? { content, inexact: x.inexact } : { content };
}

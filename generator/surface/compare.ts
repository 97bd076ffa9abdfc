/**
 * Compares an old public declaration with the new one of the same name, member by member, and
 * classifies each difference by what it does to code written against the old one. Types are
 * related with the type checker's assignability (old and new live in one program): a parameter
 * may widen (old values still fit), a result may narrow (old readers still cope).
 */
import type { ts as TS } from 'ts-morph';
import { ts } from '../ts-morph.js';
import { isClass, isErrorClass, membersOf, type PublicDecl, type Variance } from './declarations.js';
import type { Impact, SurfaceChange } from './model.js';

type Emit = (impact: Impact, subject: string, message: string) => void;

/** The tokens of a piece of code, without comments and whitespace: equal for a docs or layout change. */
export function tokens(text: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const out: string[] = [];
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) out.push(scanner.getTokenText());
  return out.join(' ');
}

export class Comparer {
  constructor(
    private readonly checker: TS.TypeChecker,
    private readonly variance: (name: string) => Variance,
  ) {}

  declaration(oldDecl: PublicDecl, newDecl: PublicDecl, push: (c: SurfaceChange) => void): void {
    const name = newDecl.name;
    const emit: Emit = (impact, subject, message) => push({ impact, subject, message, file: newDecl.file });
    const o = oldDecl.symbol;
    const n = newDecl.symbol;
    const kindOf = (s: TS.Symbol) =>
      isClass(s) ? 'class' : s.flags & ts.SymbolFlags.Interface ? 'interface' : s.flags & ts.SymbolFlags.TypeAlias ? 'type' : s.flags & ts.SymbolFlags.Function ? 'function' : s.flags & ts.SymbolFlags.Enum ? 'enum' : 'value';
    if (kindOf(o) !== kindOf(n)) return emit('breaking', name, `was ${article(kindOf(o))}, is now ${article(kindOf(n))}`);
    const v = this.variance(name);
    switch (kindOf(n)) {
      case 'class':
        return this.classes(o, n, name, emit);
      case 'interface':
        return this.members(this.checker.getDeclaredTypeOfSymbol(o), this.checker.getDeclaredTypeOfSymbol(n), name, v, emit);
      case 'type': {
        const ot = this.checker.getDeclaredTypeOfSymbol(o);
        const nt = this.checker.getDeclaredTypeOfSymbol(n);
        if (isPlainObject(ot) && isPlainObject(nt)) return this.members(ot, nt, name, v, emit);
        return this.relate(ot, nt, v, name, 'type', emit, text(o), text(n));
      }
      case 'function':
        return this.signatures(this.valueType(o).getCallSignatures(), this.valueType(n).getCallSignatures(), `${name}()`, emit);
      case 'enum':
        return this.enums(o, n, name, emit);
      default:
        return this.relate(this.valueType(o), this.valueType(n), 'out', name, 'type', emit, text(o), text(n));
    }
  }

  /** A name only one side exports. */
  presence(decl: PublicDecl, side: 'added' | 'removed', push: (c: SurfaceChange) => void): void {
    const what = isClass(decl.symbol) && isErrorClass(this.checker, decl.symbol) ? 'error class' : 'export';
    push({
      impact: side === 'added' ? 'compatible' : 'breaking',
      subject: decl.name,
      message: `${what} ${side}`,
      file: decl.file,
    });
  }

  private valueType(s: TS.Symbol): TS.Type {
    return this.checker.getTypeOfSymbolAtLocation(s, s.valueDeclaration ?? s.declarations![0]!);
  }

  private classes(o: TS.Symbol, n: TS.Symbol, name: string, emit: Emit): void {
    const [ob, nb] = [o, n].map((s) => {
      const t = this.checker.getDeclaredTypeOfSymbol(s);
      return t.isClassOrInterface() ? this.checker.getBaseTypes(t)[0]?.getSymbol()?.getName() : undefined;
    });
    if (ob !== nb) emit('breaking', name, `now extends ${nb ?? 'nothing'} instead of ${ob ?? 'nothing'}`);
    this.signatures(this.valueType(o).getConstructSignatures(), this.valueType(n).getConstructSignatures(), `new ${name}()`, emit);
    this.members(this.checker.getDeclaredTypeOfSymbol(o), this.checker.getDeclaredTypeOfSymbol(n), name, 'out', emit);
  }

  /** Properties and methods of an interface, class or object type, under the variance of their owner. */
  private members(ot: TS.Type, nt: TS.Type, owner: string, v: Variance, emit: Emit): void {
    const om = present(membersOf(this.checker, ot));
    const nm = present(membersOf(this.checker, nt));
    const role = v === 'in' ? 'parameter field' : v === 'out' ? 'field' : 'field';
    for (const [key, op] of om) {
      const np = nm.get(key);
      const subject = member(owner, key);
      const oMethod = isMethod(op);
      if (!np) {
        emit('breaking', oMethod ? `${subject}()` : subject, oMethod ? 'method removed' : `${role} removed`);
        continue;
      }
      if (oMethod && isMethod(np)) {
        this.signatures(this.memberType(op).getCallSignatures(), this.memberType(np).getCallSignatures(), `${subject}()`, emit);
        continue;
      }
      const [oOpt, nOpt] = [isOptional(op), isOptional(np)];
      if (oOpt && !nOpt)
        emit(v === 'out' ? 'compatible' : 'breaking', subject, `${role} became required`);
      else if (!oOpt && nOpt)
        emit(v === 'in' ? 'compatible' : 'breaking', subject, `${role} became optional`);
      this.relate(this.memberType(op), this.memberType(np), v, subject, `${role} type`, emit, text(op), text(np));
    }
    for (const [key, np] of nm) {
      if (om.has(key)) continue;
      const subject = member(owner, key);
      if (isMethod(np)) emit('compatible', `${subject}()`, 'method added');
      else if (isOptional(np) || v === 'out') emit('compatible', subject, `${isOptional(np) ? 'optional ' : ''}${role} added`);
      else emit('breaking', subject, `required ${role} added`);
    }
  }

  private memberType(s: TS.Symbol): TS.Type {
    const decl = s.valueDeclaration ?? s.declarations?.[0];
    return decl ? this.checker.getTypeOfSymbolAtLocation(s, decl) : this.checker.getTypeOfSymbol(s);
  }

  /** Overloads pairwise; parameters by position (their names do not matter to callers). */
  private signatures(os: readonly TS.Signature[], ns: readonly TS.Signature[], subject: string, emit: Emit): void {
    if (os.length > ns.length) emit('breaking', subject, `${os.length - ns.length} overload(s) removed`);
    if (ns.length > os.length) emit('compatible', subject, `${ns.length - os.length} overload(s) added`);
    for (let i = 0; i < Math.min(os.length, ns.length); i++) {
      const [o, n] = [os[i]!, ns[i]!];
      const op = o.getParameters();
      const np = n.getParameters();
      for (let j = 0; j < Math.max(op.length, np.length); j++) {
        const a = op[j];
        const b = np[j];
        const label = `parameter ${j + 1} (\`${(b ?? a)!.getName()}\`)`;
        if (!b) {
          emit('breaking', subject, `${label} removed`);
          continue;
        }
        const bOpt = this.optionalParam(b);
        if (!a) {
          emit(bOpt ? 'compatible' : 'breaking', subject, `${bOpt ? 'optional' : 'required'} ${label} added`);
          continue;
        }
        const aOpt = this.optionalParam(a);
        if (aOpt && !bOpt) emit('breaking', subject, `${label} became required`);
        else if (!aOpt && bOpt) emit('compatible', subject, `${label} became optional`);
        this.relate(this.memberType(a), this.memberType(b), 'in', subject, `${label} type`, emit, text(a), text(b));
      }
      this.relate(o.getReturnType(), n.getReturnType(), 'out', subject, 'return type', emit, returnText(o), returnText(n));
    }
  }

  private optionalParam(p: TS.Symbol): boolean {
    const d = p.valueDeclaration;
    return !!d && ts.isParameter(d) && (this.checker.isOptionalParameter(d) || !!d.dotDotDotToken);
  }

  private enums(o: TS.Symbol, n: TS.Symbol, name: string, emit: Emit): void {
    const names = (s: TS.Symbol) => new Set([...(s.exports?.keys() ?? [])].map(String));
    const [a, b] = [names(o), names(n)];
    for (const m of a) if (!b.has(m)) emit('breaking', `${name}.${m}`, 'enum member removed');
    for (const m of b) if (!a.has(m)) emit('compatible', `${name}.${m}`, 'enum member added');
  }

  /**
   * Relates two types under a variance. The same written type is no change here: the named types
   * it mentions are compared under their own names. A generic of one name (`APIPromise<T>`,
   * `PagePromise<P, T>`) is related through its type arguments, since two copies of a class with
   * private members are never assignable to each other.
   */
  private relate(ot: TS.Type, nt: TS.Type, v: Variance, subject: string, what: string, emit: Emit, oText?: string, nText?: string): void {
    const [a, b] = [oText ?? this.show(ot), nText ?? this.show(nt)];
    if (a === b) return;
    const c = this.checker;
    const oArgs = refArgs(c, ot);
    const nArgs = refArgs(c, nt);
    if (oArgs && nArgs && oArgs.name === nArgs.name && oArgs.args.length === nArgs.args.length && oArgs.args.length) {
      oArgs.args.forEach((t, i) => this.relate(t, nArgs.args[i]!, v, subject, what, emit));
      return;
    }
    // A class extending the old type (`MessagesSinglePage extends SinglePage<Message>`) gives a
    // reader all the old type did: related through that base, whose copy in the new tree compares by name.
    const base = v === 'out' && oArgs ? baseNamed(c, nt, oArgs.name) : undefined;
    if (base) {
      this.relate(ot, base, v, subject, what, emit);
      return;
    }
    // Inline object types (a nested body field, the wire types' trees): compared field by field.
    if (isAnonymousObject(ot) && isAnonymousObject(nt) && subject.split('.').length < 12) {
      this.members(ot, nt, subject, v, emit);
      return;
    }
    const shown = `${clip(this.show(ot))} -> ${clip(this.show(nt))}`;
    if (hasAny(ot) !== hasAny(nt) || (hasAny(ot) && this.show(ot) !== this.show(nt))) {
      emit('breaking', subject, `${what} changed (${shown}; not related: a type it names is outside the analysed files)`);
      return;
    }
    const widened = c.isTypeAssignableTo(ot, nt);
    const narrowed = c.isTypeAssignableTo(nt, ot);
    if (widened && narrowed) emit('compatible', subject, `${what} rewritten, equivalent (${shown})`);
    else if (v === 'in') emit(widened ? 'compatible' : 'breaking', subject, `${what} ${widened ? 'widened' : narrowed ? 'narrowed' : 'changed'} (${shown})`);
    else if (v === 'out') emit(narrowed ? 'compatible' : 'breaking', subject, `${what} ${narrowed ? 'narrowed' : widened ? 'widened' : 'changed'} (${shown})`);
    else emit('breaking', subject, `${what} ${widened ? 'widened' : narrowed ? 'narrowed' : 'changed'} (${shown}; it is both read and written)`);
  }

  private show(t: TS.Type): string {
    return this.checker
      .typeToString(t, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType)
      .replace(/import\("\/(old|new)\//g, 'import("');
  }
}

/** `owner.key`, or `owner["a/b"]` for a key that is not an identifier (wire types' paths and media types). */
function member(owner: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${owner}.${key}` : `${owner}[${JSON.stringify(key)}]`;
}

/** Without optional members typed `never`: the wire types' way of saying "absent" (`delete?: never`). */
function present(members: Map<string, TS.Symbol>): Map<string, TS.Symbol> {
  for (const [key, s] of members) if (isOptional(s) && text(s) === 'never') members.delete(key);
  return members;
}

function clip(text: string): string {
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

function isAnonymousObject(t: TS.Type): boolean {
  const name = t.getSymbol()?.getName();
  return isPlainObject(t) && !t.aliasSymbol && (name === '__type' || name === '__object');
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

const isMethod = (s: TS.Symbol) => {
  const d = s.valueDeclaration ?? s.declarations?.[0];
  return !!d && (ts.isMethodDeclaration(d) || ts.isMethodSignature(d));
};

const isOptional = (s: TS.Symbol) => (s.flags & ts.SymbolFlags.Optional) !== 0;

function isPlainObject(t: TS.Type): boolean {
  return !!(t.flags & ts.TypeFlags.Object) && !t.getCallSignatures().length && !t.getConstructSignatures().length;
}

/** The written type of a declaration (tokens only), when it has one. */
function text(s: TS.Symbol): string | undefined {
  const d = s.valueDeclaration ?? s.declarations?.[0];
  const node = d && (d as { type?: TS.Node }).type;
  if (!node) return undefined;
  return tokens(node.getText());
}

function returnText(sig: TS.Signature): string | undefined {
  const node = sig.getDeclaration()?.type;
  return node ? tokens(node.getText()) : undefined;
}

function refArgs(c: TS.TypeChecker, t: TS.Type): { name: string; args: readonly TS.Type[] } | undefined {
  if (t.aliasSymbol && t.aliasTypeArguments?.length) return { name: `alias:${t.aliasSymbol.getName()}`, args: t.aliasTypeArguments };
  if (t.flags & ts.TypeFlags.Object && (t as TS.ObjectType).objectFlags & ts.ObjectFlags.Reference) {
    const name = t.getSymbol()?.getName();
    if (name) return { name, args: c.getTypeArguments(t as TS.TypeReference) };
  }
  return undefined;
}

/** The base class or interface of `t` (at any depth) that is a reference named `name`. */
function baseNamed(c: TS.TypeChecker, t: TS.Type, name: string, depth = 0): TS.Type | undefined {
  if (depth > 8 || !(t.flags & ts.TypeFlags.Object) || !((t as TS.ObjectType).objectFlags & ts.ObjectFlags.ClassOrInterface)) return undefined;
  for (const b of c.getBaseTypes(t as TS.InterfaceType)) {
    if (refArgs(c, b)?.name === name) return b;
    const deeper = baseNamed(c, b, name, depth + 1);
    if (deeper) return deeper;
  }
  return undefined;
}

/** An `any` (or a type that could not be resolved, which the checker treats as one) anywhere at the top. */
function hasAny(t: TS.Type): boolean {
  if (t.flags & ts.TypeFlags.Any) return true;
  return t.isUnionOrIntersection() ? t.types.some(hasAny) : false;
}

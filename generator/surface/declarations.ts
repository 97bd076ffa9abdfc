/**
 * The public declarations of the loaded modules, by the name users import them under, and the
 * direction each named type travels in: into the SDK (method parameters: `in`), out of it (return
 * values: `out`) or both. The direction decides whether a change loosens or tightens a contract.
 */
import type { ts as TS, SourceFile } from 'ts-morph';
import { ts } from '../ts-morph.js';

export type Variance = 'in' | 'out' | 'both';

/** How the package root exposes a module. */
export type Exposure = { readonly kind: 'star' } | { readonly kind: 'named'; readonly names: ReadonlyMap<string, string> } | { readonly kind: 'namespace'; readonly name: string };

export interface PublicDecl {
  /** As users name it: `Message`, `wire.paths`. */
  readonly name: string;
  readonly symbol: TS.Symbol;
  readonly file: string;
}

/** Module paths the root re-exports, with how (read from the syntax alone: nothing else is loaded). */
export function rootExposures(root: TS.SourceFile | undefined, rootPath: string): Map<string, Exposure> {
  const out = new Map<string, Exposure>();
  if (!root) return out;
  const dir = rootPath.split('/').slice(0, -1);
  for (const decl of root.statements) {
    if (!ts.isExportDeclaration(decl) || !decl.moduleSpecifier || !ts.isStringLiteral(decl.moduleSpecifier)) continue;
    const spec = decl.moduleSpecifier.text;
    if (!spec.startsWith('.')) continue;
    const parts = [...dir];
    for (const seg of spec.replace(/\.(js|ts|mjs|mts)$/, '').split('/')) {
      if (seg === '..') parts.pop();
      else if (seg !== '.') parts.push(seg);
    }
    const path = `${parts.join('/')}.ts`;
    const clause = decl.exportClause;
    if (!clause) out.set(path, { kind: 'star' });
    else if (ts.isNamespaceExport(clause)) out.set(path, { kind: 'namespace', name: clause.name.text });
    else {
      const prev = out.get(path);
      const names = new Map(prev?.kind === 'named' ? prev.names : []);
      for (const el of clause.elements) names.set((el.propertyName ?? el.name).getText(root), el.name.text);
      out.set(path, { kind: 'named', names });
    }
  }
  return out;
}

/** The exports of `file` as the root exposes them (nothing when it does not). */
export function publicDecls(checker: TS.TypeChecker, file: SourceFile, path: string, exposure: Exposure | undefined): PublicDecl[] {
  if (!exposure) return [];
  const moduleSymbol = checker.getSymbolAtLocation(file.compilerNode);
  if (!moduleSymbol) return [];
  const out: PublicDecl[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const local = exported.getName();
    const name =
      exposure.kind === 'star' ? local : exposure.kind === 'namespace' ? `${exposure.name}.${local}` : exposure.names.get(local);
    if (name === undefined || name === 'default') continue;
    if (!symbol.declarations?.length || symbol.flags & ts.SymbolFlags.Alias) continue;
    out.push({ name, symbol, file: path });
  }
  return out;
}

const hidden = (d: TS.Declaration) => {
  const name = ts.getNameOfDeclaration(d);
  return (ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0 || (!!name && ts.isPrivateIdentifier(name));
};

/** Public instance members of a class or interface type (inherited ones included: users see them). */
export function membersOf(checker: TS.TypeChecker, type: TS.Type): Map<string, TS.Symbol> {
  const out = new Map<string, TS.Symbol>();
  for (const p of checker.getPropertiesOfType(type)) {
    const decl = p.valueDeclaration ?? p.declarations?.[0];
    if (decl && hidden(decl)) continue;
    if (p.getName().startsWith('__#')) continue;
    out.set(p.getName(), p);
  }
  return out;
}

export const isClass = (s: TS.Symbol) => (s.flags & ts.SymbolFlags.Class) !== 0;

/** Whether a class derives from `Error` (an error class users `catch`). */
export function isErrorClass(checker: TS.TypeChecker, symbol: TS.Symbol): boolean {
  let type: TS.Type | undefined = checker.getDeclaredTypeOfSymbol(symbol);
  for (let depth = 0; type && depth < 16; depth++) {
    if (type.getSymbol()?.getName() === 'Error') return true;
    const bases: TS.BaseType[] = type.isClassOrInterface() ? checker.getBaseTypes(type) : [];
    type = bases[0];
  }
  return false;
}

/**
 * Marks each declaration reachable from a callable's parameters `in` and from its result `out`
 * (a declaration reached both ways is `both`). Callables: methods and constructors of exported
 * classes, exported functions; class properties (a resource's sub-resources) count as results.
 */
export function variances(checker: TS.TypeChecker, decls: readonly PublicDecl[]): Map<TS.Symbol, Variance> {
  const marks = new Map<TS.Symbol, Variance>();
  const seen = new Set<string>();
  const visit = (type: TS.Type, v: 'in' | 'out', depth: number): void => {
    if (depth > 12) return;
    const key = `${v}:${(type as { id?: number }).id ?? checker.typeToString(type)}`;
    if (seen.has(key)) return;
    seen.add(key);
    const mark = (s: TS.Symbol | undefined) => {
      if (!s) return;
      const prev = marks.get(s);
      marks.set(s, prev && prev !== v ? 'both' : v);
    };
    mark(type.aliasSymbol);
    for (const a of type.aliasTypeArguments ?? []) visit(a, v, depth + 1);
    if (type.isUnionOrIntersection()) for (const t of type.types) visit(t, v, depth + 1);
    if (type.flags & ts.TypeFlags.Object) {
      mark(type.getSymbol());
      if ((type as TS.ObjectType).objectFlags & ts.ObjectFlags.Reference)
        for (const a of checker.getTypeArguments(type as TS.TypeReference)) visit(a, v, depth + 1);
      for (const p of checker.getPropertiesOfType(type)) {
        const decl = p.valueDeclaration ?? p.declarations?.[0];
        if (decl) visit(checker.getTypeOfSymbolAtLocation(p, decl), v, depth + 1);
      }
    }
  };
  const callable = (sig: TS.Signature) => {
    for (const p of sig.getParameters()) {
      const decl = p.valueDeclaration;
      if (decl) visit(checker.getTypeOfSymbolAtLocation(p, decl), 'in', 0);
    }
    visit(sig.getReturnType(), 'out', 0);
  };
  for (const d of decls) {
    const decl = d.symbol.valueDeclaration ?? d.symbol.declarations![0]!;
    if (isClass(d.symbol)) {
      for (const sig of checker.getTypeOfSymbolAtLocation(d.symbol, decl).getConstructSignatures()) callable(sig);
      for (const m of membersOf(checker, checker.getDeclaredTypeOfSymbol(d.symbol)).values()) {
        const md = m.valueDeclaration ?? m.declarations?.[0];
        if (!md) continue;
        const t = checker.getTypeOfSymbolAtLocation(m, md);
        const sigs = t.getCallSignatures();
        if (sigs.length && (ts.isMethodDeclaration(md) || ts.isMethodSignature(md))) sigs.forEach(callable);
        else visit(t, 'out', 0);
      }
    } else if (d.symbol.flags & ts.SymbolFlags.Function) {
      for (const sig of checker.getTypeOfSymbolAtLocation(d.symbol, decl).getCallSignatures()) callable(sig);
    }
  }
  return marks;
}

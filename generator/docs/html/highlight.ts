/**
 * Examples highlighted at build time with TypeScript's own scanner: the copy ts-morph bundles,
 * which lathe has loaded already (requiring the `typescript` package loaded a second compiler,
 * 0.18 s of the site's added time on Cloudflare). The example code and the example response (JSON,
 * an expression to the scanner) are tokenized as tsc would, and each token is wrapped in a
 * `hljs-*` class. highlight.js did the same job 30 times slower: 4.7 s of the site's 10 s on
 * Cloudflare's 1,533 operations.
 */
import type { ts as TS } from 'ts-morph';
import { ts } from '../../ts-morph.js';
import { escapeHtml } from './text.js';

const K = ts.SyntaxKind;

const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ false, ts.LanguageVariant.Standard);

function classOf(kind: TS.SyntaxKind, text: string, next: () => TS.SyntaxKind): string | undefined {
  switch (kind) {
    case K.SingleLineCommentTrivia:
    case K.MultiLineCommentTrivia:
      return 'hljs-comment';
    case K.StringLiteral:
    case K.NoSubstitutionTemplateLiteral:
    case K.TemplateHead:
    case K.TemplateMiddle:
    case K.TemplateTail:
      return next() === K.ColonToken ? 'hljs-attr' : 'hljs-string';
    case K.NumericLiteral:
    case K.BigIntLiteral:
      return 'hljs-number';
    case K.TrueKeyword:
    case K.FalseKeyword:
    case K.NullKeyword:
    case K.UndefinedKeyword:
      return 'hljs-literal';
    case K.Identifier:
      if (next() === K.OpenParenToken) return 'hljs-title function_';
      return /^[A-Z]/.test(text) ? 'hljs-title class_' : undefined;
    default:
      return kind >= K.FirstKeyword && kind <= K.LastKeyword ? 'hljs-keyword' : undefined;
  }
}

/** Escaped HTML with `hljs-*` spans around keywords, strings, numbers, literals, names and comments. */
export function highlight(code: string, language: 'typescript' | 'json'): string {
  void language;
  scanner.setText(code);
  let out = '';
  for (let kind = scanner.scan(); kind !== K.EndOfFileToken; kind = scanner.scan()) {
    const text = scanner.getTokenText();
    // What follows, past whitespace: `'key':` is a property name, `name(` a call.
    const next = () => scanner.lookAhead(() => {
      let k = scanner.scan();
      while (k === K.WhitespaceTrivia || k === K.NewLineTrivia) k = scanner.scan();
      return k;
    });
    const cls = classOf(kind, text, next);
    out += cls ? `<span class="${cls}">${escapeHtml(text)}</span>` : escapeHtml(text);
  }
  return out;
}

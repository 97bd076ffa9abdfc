/**
 * Examples highlighted at build time with highlight.js: no highlighter runs in the reader's browser,
 * and only the two grammars the pages show are loaded (typescript, json).
 */
import hljs from 'highlight.js/lib/core';
import json from 'highlight.js/lib/languages/json';
import typescript from 'highlight.js/lib/languages/typescript';

hljs.registerLanguage('typescript', typescript);
hljs.registerLanguage('json', json);

/** Escaped HTML with `hljs-*` spans; highlight.js escapes the code itself. */
export function highlight(code: string, language: 'typescript' | 'json'): string {
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}

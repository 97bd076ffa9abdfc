/** The surface report as text: a brief form for generate and check, the full form for diff. */
import type { SurfaceReport } from './model.js';

/** Breaking changes listed in the brief form before "and N more". */
const BRIEF_LIMIT = 10;

export function formatReport(report: SurfaceReport, options: { readonly full: boolean }): string[] {
  const count = (impact: string) => report.changes.filter((c) => c.impact === impact).length;
  const parts = (['breaking', 'compatible', 'internal', 'none'] as const)
    .map((i) => [i, count(i)] as const)
    .filter(([, n]) => n)
    .map(([i, n]) => `${n} ${i === 'none' ? 'docs/layout only' : i}`);
  const head = `API: ${report.bump === 'none' ? 'no change' : `${report.bump} change`}${parts.length ? ` (${parts.join(', ')})` : ''}`;
  const shown = options.full ? report.changes : report.changes.filter((c) => c.impact === 'breaking');
  const lines = [head];
  for (const c of shown.slice(0, options.full ? undefined : BRIEF_LIMIT))
    lines.push(`  ${c.impact.padEnd(10)} ${c.subject}: ${c.message}${c.subject === c.file ? '' : ` (${c.file})`}`);
  if (shown.length > lines.length - 1) lines.push(`  … ${shown.length - (lines.length - 1)} more breaking (--verbose lists every change)`);
  return lines;
}

/** The surface report as the CLI shows it: which trees to compare, how to print, what exit code. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { bytesOf, type OutputFile } from '../emit/output.js';
import { folderTree, gitTree, surfaceDiff, type Tree } from './index.js';

export { GitRefError } from './tree.js';
import { formatReport } from './report.js';
import type { SurfaceReport } from './model.js';

export type FailOn = 'breaking';

/** The baseline: `against` (a folder, else a git revision of the output folder), default the output folder. */
export function baseline(outDir: string, cwd: string, against: string | undefined): Tree {
  if (against === undefined) return folderTree(outDir);
  const dir = resolve(cwd, against);
  if (existsSync(dir) && statSync(dir).isDirectory()) return folderTree(dir);
  return gitTree(outDir, against);
}

/**
 * `same` (optional) tells, without reading, whether the baseline holds a file exactly as it is
 * now generated (the write step's digests of the output folder).
 */
export function compareOutput(before: Tree, files: readonly OutputFile[], same?: (file: OutputFile) => boolean): SurfaceReport {
  const byPath = new Map(files.map((f) => [f.path, f]));
  // Contents are read only for the files the diff looks into (a cache hit's is read lazily).
  const after: Tree = {
    paths: () => [...byPath.keys()],
    read: (p) => byPath.get(p)?.content,
    holds: (p, c) => byPath.get(p)?.content === c,
    bytes: (p) => {
      const file = byPath.get(p);
      return file && bytesOf(file);
    },
  };
  return surfaceDiff(before, after, same && ((p) => same(byPath.get(p)!)));
}

export function reportLines(report: SurfaceReport, full: boolean, json: boolean): string[] {
  if (json) return [JSON.stringify({ bump: report.bump, changes: report.changes, analysed: report.analysed }, null, 2)];
  return formatReport(report, { full });
}

export function fails(report: SurfaceReport, failOn: FailOn | undefined): boolean {
  return failOn === 'breaking' && report.changes.some((c) => c.impact === 'breaking');
}

/**
 * Hand edits that survive regeneration, through the built CLI: a three-way merge with the last
 * pristine output keeps edits the spec change does not touch, and a clash leaves git-style
 * markers in that one file, exit 1, and everything else as it was.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { merge3 } from '../../generator/write/merge.js';
import { lathe, outputTree, read, tempDir } from '../helpers.js';

const SPEC = read('test/fixtures/surface/widgets.yaml');
const CONFIG = read('test/fixtures/surface/lathe.config.yaml');
const RESOURCE = 'src/resources/widgets.ts';

/** Every file under `dir`, by relative path. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const full = join(d, e);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

function project(spec = SPEC): { dir: string; out: string; file: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'widgets.yaml'), spec);
  writeFileSync(join(dir, 'lathe.config.yaml'), CONFIG);
  const gen = lathe(['generate'], dir);
  expect(gen.code, gen.stderr).toBe(0);
  return { dir, out: join(dir, 'out'), file: join(dir, 'out', RESOURCE) };
}

/** The edits a maintainer makes: a line in a method body, and a helper of their own. */
function handEdit(file: string): { body: string; helper: string } {
  const text = readFileSync(file, 'utf8');
  const call = '    return this._client.request(\n      () => buildWidgetGetRequest(widgetId),';
  expect(text).toContain(call);
  const body = "    if (!widgetId) throw new Error('widgetId is empty');";
  const helper = 'export function widgetLabel(w: Widget): string {\n  return `${w.id}: ${w.name}`;\n}\n\n';
  const anchor = 'export interface WidgetCreateParams {';
  expect(text).toContain(anchor);
  writeFileSync(file, text.replace(call, `${body}\n${call}`).replace(anchor, `${helper}${anchor}`));
  return { body, helper };
}

const ADD_LABEL = (s: string) => s.replace('                size:\n', '                label:\n                  type: string\n                size:\n');

describe('hand edits', () => {
  it('survive a regeneration that changes the same file elsewhere; status lists the file; check is fresh', () => {
    const { dir, out, file } = project();
    const custom = join(out, 'src', 'custom', 'retry.ts');
    mkdirSync(join(out, 'src', 'custom'), { recursive: true });
    writeFileSync(custom, 'export const tries = 3;\n');
    const { body, helper } = handEdit(file);
    expect(lathe(['status'], dir).stdout).toBe(`edited: out/${RESOURCE}\n`);
    // Not merged yet: check shows the edit as a difference; generate takes it in, then check agrees.
    const unmerged = lathe(['check'], dir);
    expect(unmerged.code).toBe(1);
    expect(unmerged.stderr).toContain(`changed: out/${RESOURCE}`);
    const takeIn = lathe(['generate'], dir);
    expect(takeIn.code, takeIn.stderr).toBe(0);
    expect(takeIn.stdout).toContain(`0 changed, 0 removed, 27 unchanged, 1 hand-edited kept (${RESOURCE})`);
    expect(lathe(['check'], dir).code).toBe(0);

    writeFileSync(join(dir, 'widgets.yaml'), ADD_LABEL(SPEC));
    const gen = lathe(['generate'], dir);
    expect(gen.code, gen.stderr).toBe(0);
    expect(gen.stdout).toContain(`1 hand-edited kept (${RESOURCE})`);
    const merged = readFileSync(file, 'utf8');
    expect(merged).toContain(body);
    expect(merged).toContain(helper);
    expect(merged).toContain('  label?: string;'); // the spec change arrived in the same file
    expect(merged).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);

    // Every other file is exactly what a clean run from the new spec writes.
    const clean = project(ADD_LABEL(SPEC));
    const [got, want] = [outputTree(out), outputTree(clean.out)];
    const pristine = (t: Record<string, string>) => Object.keys(t).filter((p) => p.startsWith('.lathe/pristine:'));
    expect(pristine(got)).toEqual(pristine(want));
    // (The manifest records the hash of what was written: the merged file's. The pristine store holds the new output, as the clean run's does.)
    for (const [path, content] of Object.entries(want)) if (path !== RESOURCE && path !== '.lathe-manifest.json') expect(got[path], path).toBe(content);
    expect(got[`.lathe/pristine:${RESOURCE}`]).toBe(want[RESOURCE]);
    expect(want[RESOURCE]).not.toContain(body);
    expect(readFileSync(custom, 'utf8')).toBe('export const tries = 3;\n');

    expect(lathe(['status'], dir).stdout).toBe(`edited: out/${RESOURCE}\n`);
    expect(lathe(['check'], dir).code).toBe(0);
    // A user's file survives a run that removes generated files, and the edits survive that run's
    // change to this file (the delete method goes, away from the edited lines).
    writeFileSync(join(dir, 'widgets.yaml'), ADD_LABEL(SPEC).replace(/    delete:\n[\s\S]*?description: Deleted\.\n/, ''));
    expect(lathe(['generate'], dir).code).toBe(0);
    expect(readFileSync(custom, 'utf8')).toBe('export const tries = 3;\n');
    expect(readFileSync(file, 'utf8')).toContain(body);
    expect(readFileSync(file, 'utf8')).not.toContain('delete(widgetId');
  });

  it('an edit of a line the spec change rewrites leaves markers in that file only and exits 1', () => {
    const { dir, out, file } = project(ADD_LABEL(SPEC));
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('  label?: string;\n');
    writeFileSync(file, text.replace('  label?: string;\n', '  label?: string | null;\n'));
    const before = tree(out);
    writeFileSync(join(dir, 'widgets.yaml'), ADD_LABEL(SPEC).replace('                label:\n                  type: string', '                label:\n                  type: integer'));

    const gen = lathe(['generate'], dir);
    expect(gen.code).toBe(1);
    expect(gen.stderr).toContain(`conflict: out/${RESOURCE}`);
    // lathe's own state (.lathe/) notes what the file was merged with; the output is untouched.
    const after = tree(out);
    const output = (t: Map<string, string>) => [...t.keys()].filter((p) => !p.startsWith('.lathe/')).sort();
    expect(output(after)).toEqual(output(before));
    for (const [path, content] of before) if (path !== RESOURCE) expect(after.get(path), path).toBe(content);
    expect(after.get(RESOURCE)).toContain(
      ['<<<<<<< ours', '  label?: string | null;', '||||||| base', '  label?: string;', '=======', '  label?: number;', '>>>>>>> theirs'].join('\n'),
    );
    expect(lathe(['status'], dir).stdout).toBe(`conflict: out/${RESOURCE}\n`);
    expect(lathe(['check'], dir).code).toBe(1);

    // Resolved (the user keeps null next to the new type): the next run merges it cleanly.
    writeFileSync(file, after.get(RESOURCE)!.replace(/<<<<<<< ours\n[\s\S]*?>>>>>>> theirs\n/, '  label?: number | null;\n'));
    const again = lathe(['generate'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('  label?: number | null;\n');
  });
});

describe('merge3', () => {
  it('keeps both sides when they change different lines', () => {
    expect(merge3('a\nB\nc\nd', 'a\nb\nc\nd', 'a\nb\nc\nD')).toEqual({ conflict: false, text: 'a\nB\nc\nD' });
  });

  it('marks a line both sides changed differently', () => {
    expect(merge3('x\nOURS\ny', 'x\nbase\ny', 'x\nTHEIRS\ny')).toEqual({
      conflict: true,
      text: 'x\n<<<<<<< ours\nOURS\n||||||| base\nbase\n=======\nTHEIRS\n>>>>>>> theirs\ny',
    });
  });
});

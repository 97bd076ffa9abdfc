/**
 * The API surface report over pairs of spec versions, through the built CLI: each edit of
 * test/fixtures/surface/widgets.yaml must be classified as an SDK maintainer would, with the
 * matching semver bump and `--fail-on breaking` exit code.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lathe, read, tempDir } from '../helpers.js';

const SPEC = read('test/fixtures/surface/widgets.yaml');
const CONFIG = read('test/fixtures/surface/lathe.config.yaml');

interface Report {
  bump: string;
  changes: { impact: string; subject: string; message: string; file: string }[];
}

/** A project generated from the base spec, whose spec is then replaced by `edit(base)` (if given). */
function project(edit?: (spec: string) => string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'widgets.yaml'), SPEC);
  writeFileSync(join(dir, 'lathe.config.yaml'), CONFIG);
  const gen = lathe(['generate'], dir);
  expect(gen.code, gen.stderr).toBe(0);
  if (!edit) return dir;
  const edited = edit(SPEC);
  expect(edited, 'the edit must change the spec').not.toBe(SPEC);
  writeFileSync(join(dir, 'widgets.yaml'), edited);
  return dir;
}

function diff(dir: string, ...args: string[]): { code: number; report: Report; stderr: string } {
  const r = lathe(['diff', '--json', ...args], dir);
  return { code: r.code, report: JSON.parse(r.stdout || r.stderr) as Report, stderr: r.stderr };
}

const sdkChanges = (r: Report) => r.changes.filter((c) => c.file === 'src/resources/widgets.ts').map((c) => `${c.impact} ${c.subject}: ${c.message}`);

const PAIRS: { name: string; edit: (s: string) => string; bump: string; expected: RegExp[] }[] = [
  {
    name: 'an added optional body param is compatible (minor)',
    edit: (s) => s.replace('                size:\n', '                label:\n                  type: string\n                size:\n'),
    bump: 'minor',
    expected: [/^compatible WidgetCreateParams\.label: optional parameter field added$/],
  },
  {
    name: 'a removed method is breaking (major)',
    edit: (s) => s.replace(/    delete:\n[\s\S]*?description: Deleted\.\n/, ''),
    bump: 'major',
    expected: [/^breaking WidgetsResource\.delete\(\): method removed$/, /^breaking buildWidgetDeleteRequest: export removed$/],
  },
  {
    name: 'a param made required is breaking (major)',
    edit: (s) => s.replace('required: [name]\n              properties:', 'required: [name, size]\n              properties:'),
    bump: 'major',
    expected: [/^breaking WidgetCreateParams\.size: parameter field became required$/],
  },
  {
    name: 'a removed response field is breaking (major)',
    edit: (s) => s.replace('required: [id, name]', 'required: [id]').replace(/        name:\n          type: string\n          description: The widget's name\.\n(?=        color:\n          type: string\n          description: Paint colour\.\n(?!\s+enum))/, ''),
    bump: 'major',
    expected: [/^breaking Widget\.name: field removed$/],
  },
  {
    name: 'an enum value removed from a param is breaking (major)',
    edit: (s) => s.replace('enum: [red, green, blue]', 'enum: [red, green]'),
    bump: 'major',
    expected: [/^breaking WidgetCreateParams\.color: parameter field type narrowed \('red' \| 'green' \| 'blue' \| undefined -> 'red' \| 'green' \| undefined\)$/],
  },
  {
    name: 'a changed description is no change',
    edit: (s) => s.replace('description: Creates a widget in the workshop.', 'description: Makes a brand new widget.'),
    bump: 'none',
    expected: [/^none src\/resources\/widgets\.ts: docs or layout only$/],
  },
];

describe('lathe diff: classification of spec edits', () => {
  for (const pair of PAIRS) {
    it(pair.name, () => {
      const dir = project(pair.edit);
      const { code, report } = diff(dir);
      expect(code).toBe(0);
      expect(report.bump).toBe(pair.bump);
      const sdk = sdkChanges(report);
      for (const e of pair.expected) expect(sdk.some((c) => e.test(c)), `${e} in\n${sdk.join('\n')}`).toBe(true);
      // Nothing else in the SDK's own module is reported (the wire types mirror it separately).
      expect(sdk).toHaveLength(pair.expected.length);
      const failing = diff(dir, '--fail-on', 'breaking');
      expect(failing.code).toBe(pair.bump === 'major' ? 1 : 0);
    });
  }

  it('generate prints the brief report; check --fail-on breaking prints the breaking change', () => {
    const dir = project(PAIRS[1]!.edit);
    const check = lathe(['check', '--fail-on', 'breaking'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('lathe: API: major change');
    expect(check.stderr).toMatch(/breaking\s+WidgetsResource\.delete\(\): method removed/);
    const gen = lathe(['generate'], dir);
    expect(gen.code).toBe(0);
    expect(gen.stdout).toMatch(/wrote out: [\s\S]*\nlathe: API: major change \(\d+ breaking/);
    // Now the output is what the spec says: no change left to report, check passes.
    const after = diff(dir, '--fail-on', 'breaking');
    expect(after.report.bump).toBe('none');
    expect(after.code).toBe(0);
    expect(lathe(['check', '--fail-on', 'breaking'], dir).code).toBe(0);
  });

  it('--against a git revision compares with the output as committed', () => {
    const dir = project();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '-A');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'base');
    writeFileSync(join(dir, 'widgets.yaml'), PAIRS[2]!.edit(SPEC));
    expect(lathe(['generate'], dir).code).toBe(0);
    // The output folder is up to date, so against itself there is nothing to report...
    expect(diff(dir).report.bump).toBe('none');
    // ...but against the commit, the required param shows.
    const { code, report } = diff(dir, '--against', 'HEAD', '--fail-on', 'breaking');
    expect(code).toBe(1);
    expect(sdkChanges(report)).toContain('breaking WidgetCreateParams.size: parameter field became required');
    const bad = lathe(['diff', '--against', 'no-such-ref'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'no-such-ref' is not a folder nor a git revision");
    expect(readFileSync(join(dir, 'out', 'src', 'index.ts'), 'utf8')).toContain('export * from');
  });
});

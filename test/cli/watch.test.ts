/**
 * `generate --watch` keeps what it knows of the output between runs (write/on-disk.ts): what it
 * does with that must never hide a change made to the output between two runs. Each test edits
 * the output by hand right after a run, then the spec, and checks what the next run makes of it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BIN, lathe, outputTree, read, tempDir } from '../helpers.js';

const SPEC = read('spec/cloudforce-one-message-create.yaml');
const NOTE = SPEC.replace('Adds a message to a Cloudforce One', 'Adds a NOTE to a Cloudforce One');
const RESOURCE = 'src/resources/cloudforce-one/requests/message.ts';
let dir: string;
let out: string;

function project(cache: boolean): void {
  dir = tempDir();
  // With node_modules, the project has lathe's disk cache, where the stat stamps are kept too.
  if (cache) mkdirSync(join(dir, 'node_modules'));
  out = join(dir, 'generated');
  mkdirSync(join(dir, 'spec'));
  writeFileSync(join(dir, 'spec', 'api.yaml'), SPEC);
  writeFileSync(join(dir, 'lathe.config.yaml'), read('lathe.config.yaml').replace('spec/cloudforce-one-message-create.yaml', 'spec/api.yaml'));
}

/**
 * A `generate --watch` in `dir`; `run` saves the spec and returns what the run it starts prints,
 * once it prints `last` (its stage timings, the last line of a run that wrote: the test acts on
 * the output only once the run is over).
 */
async function watching(test: (session: { run(spec: string, last?: RegExp): Promise<string> }) => Promise<void>): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'generate', '--watch', '--verbose'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const waitFor = async (pattern: RegExp, from: number): Promise<string> => {
    for (let i = 0; i < 300 && !pattern.test(output.slice(from)); i++) await new Promise((r) => setTimeout(r, 20));
    expect(output.slice(from)).toMatch(pattern);
    return output.slice(from);
  };
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    await waitFor(/watching for changes/, 0);
    await test({
      async run(spec, last = /lathe: stages: .*\n/) {
        const mark = output.length;
        writeFileSync(join(dir, 'spec', 'api.yaml'), spec);
        return waitFor(last, mark);
      },
    });
  } finally {
    child.kill('SIGINT');
    await exited;
  }
}

/** Replaces `from` with `to` (as long) in an output file, and puts its mtime back: only its content and change time tell. */
function editInPlace(path: string, from: string, to: string): string {
  expect(to.length).toBe(from.length);
  const file = join(out, path);
  const before = statSync(file);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  const edited = text.replace(from, to);
  writeFileSync(file, edited);
  utimesSync(file, before.atime, before.mtime);
  return edited;
}

describe.each([
  ['without a disk cache', false],
  ['with a disk cache', true],
])('generate --watch %s, with the output changed between two runs', (_, cache) => {
  beforeEach(() => project(cache));

  it('merges a same-size hand edit made right after the run that wrote the file, and rewrites a file deleted by hand', async () => {
    await watching(async ({ run }) => {
      expect(await run(NOTE)).toMatch(/wrote generated: [1-9]\d* changed/);
      // Right after the run that wrote it: within the same tick of the file system's clock, often.
      editInPlace(RESOURCE, 'Path param: Identifier.', 'Path param: IDENTIFIER.');
      const readme = readFileSync(join(out, 'README.md'), 'utf8');
      unlinkSync(join(out, 'README.md'));
      const next = await run(SPEC);
      expect(next).toContain(`hand-edited kept (${RESOURCE})`);
      const merged = readFileSync(join(out, RESOURCE), 'utf8');
      expect(merged).toContain('Path param: IDENTIFIER.');
      expect(merged).toContain('Adds a message to a Cloudforce One');
      expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe(readme);
    });
    // The manifest and the pristine store agree with what is on disk, and the recorded fingerprint with the spec.
    const check = lathe(['check'], dir);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain('inputs unchanged');
    expect(lathe(['status'], dir).stdout).toBe(`edited: generated/${RESOURCE}\n`);
  }, 90_000);

  it('finds a same-size hand edit of a file the last run did not write', async () => {
    await watching(async ({ run }) => {
      expect(await run(NOTE)).toMatch(/wrote generated: [1-9]\d* changed/);
      // Written by the first run, untouched by the edit's: known from before the last run.
      const client = editInPlace('src/client.ts', 'export class Cloudflare', 'export class CLOUDFLARE');
      const next = await run(SPEC);
      expect(next).toContain('hand-edited kept (src/client.ts)');
      expect(readFileSync(join(out, 'src/client.ts'), 'utf8')).toBe(client);
    });
    expect(lathe(['check'], dir).stdout).toContain('inputs unchanged');
  }, 90_000);

  it('merges and reports the API against a file as edited right after the run that wrote it, not as that run wrote it', async () => {
    await watching(async ({ run }) => {
      expect(await run(NOTE)).toMatch(/wrote generated: [1-9]\d* changed/);
      // The method renamed by hand: the next run keeps the rename, so its API does not change.
      editInPlace(RESOURCE, '  create(requestId', '  crEate(requestId');
      const next = await run(SPEC);
      expect(next).toContain(`hand-edited kept (${RESOURCE})`);
      expect(readFileSync(join(out, RESOURCE), 'utf8')).toContain('  crEate(requestId');
      expect(next).toContain('lathe: API: no change');
    });
  }, 90_000);

  it('does not trust what it knew once another lathe run has rewritten the output', async () => {
    const fresh = join(dir, 'fresh');
    await watching(async ({ run }) => {
      expect(await run(NOTE)).toMatch(/wrote generated: [1-9]\d* changed/);
      // Another process writes the output from another spec while the watcher waits.
      writeFileSync(join(dir, 'spec', 'other.yaml'), SPEC.replace('Create a New Request Message', 'Make a New Request Message'));
      expect(lathe(['generate', '--spec', 'spec/other.yaml'], dir).code).toBe(0);
      expect(await run(SPEC.replace('Adds a message to a Cloudforce One', 'Adds a LINE to a Cloudforce One'))).toMatch(/wrote generated: [1-9]\d* changed/);
    });
    // What a run from scratch writes from the same spec, into a folder as deep.
    expect(lathe(['generate', '--out', 'fresh'], dir).code).toBe(0);
    const [got, want] = [outputTree(out), outputTree(fresh)];
    expect(got['src/openapi.ts']).toContain('Create a New Request Message');
    expect(got).toEqual(want);
  }, 90_000);

  it('refuses to write through a folder replaced by a symbolic link since the last run', async () => {
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    await watching(async ({ run }) => {
      expect(await run(NOTE)).toMatch(/wrote generated: [1-9]\d* changed/);
      rmSync(join(out, 'docs'), { recursive: true });
      symlinkSync(outside, join(out, 'docs'));
      const refused = await run(SPEC, /lathe: cannot write generated: .*\n/);
      expect(refused).toContain("refusing to write 'docs': it is a symbolic link");
    });
    expect(readdirSync(outside)).toEqual([]);
  }, 90_000);
});

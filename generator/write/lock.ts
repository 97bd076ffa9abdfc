/**
 * One lathe run at a time per output folder: two runs writing one folder (a watcher and a build,
 * two terminals) could each leave half of their files. The lock is a file inside the folder (a
 * mount point may be all a container can write), created atomically with its holder in it; a lock
 * whose holder is dead (a killed run) is taken over.
 */
import { closeSync, linkSync, openSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK = '.lathe-lock';

interface Holder {
  readonly pid: number;
  readonly host: string;
}

/** Another run holds the lock and did not let go in time. */
export class LockBusyError extends Error {
  constructor(
    readonly holder: Holder | undefined,
    readonly waitedMs: number,
  ) {
    super(`another lathe run${holder ? ` (pid ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`})` : ''} is using it`);
  }
}

export interface LockOptions {
  /** How long to wait for another run before giving up. */
  readonly waitMs: number;
  /** Told once, when the lock is held by another run and this one starts waiting. */
  readonly onWait?: (holder: Holder | undefined) => void;
}

/** Locks this process holds (a pid in a lock file that is ours but not here is a dead run's: pid 1 in a container). */
const held = new Set<string>();
let exitHook = false;

/** Takes the lock of `outDir` (which must exist), waiting while a live run holds it. */
export async function lockOutput(outDir: string, options: LockOptions): Promise<{ release(): void }> {
  const file = join(outDir, LOCK);
  const me: Holder = { pid: process.pid, host: hostname() };
  const text = `${JSON.stringify(me)}\n`;
  const started = Date.now();
  let told = false;
  for (;;) {
    if (create(file, text)) break;
    const holder = readHolder(file);
    if (holder === 'gone') continue;
    if (!isAlive(holder, file)) {
      takeOver(file, holder);
      continue;
    }
    if (Date.now() - started >= options.waitMs) throw new LockBusyError(holder, Date.now() - started);
    if (!told) options.onWait?.(holder);
    told = true;
    await new Promise((r) => setTimeout(r, 50));
  }
  held.add(file);
  for (const leftover of leftovers(outDir)) rmSync(leftover, { force: true });
  if (!exitHook) {
    exitHook = true;
    // Ctrl-C in the middle of a run: the next run would take the lock over anyway, but need not.
    process.once('exit', () => [...held].forEach(release));
  }
  return { release: () => release(file) };
}

/**
 * Waits, without taking it, until no live run holds the lock of `outDir`: for a reader (check)
 * that must not see a write half done but has nothing to write itself.
 */
export async function waitUnlocked(outDir: string, options: LockOptions): Promise<void> {
  const file = join(outDir, LOCK);
  const started = Date.now();
  for (let told = false; ; told = true) {
    const holder = readHolder(file);
    if (holder === 'gone' || !isAlive(holder, file)) return;
    if (Date.now() - started >= options.waitMs) throw new LockBusyError(holder, Date.now() - started);
    if (!told) options.onWait?.(holder);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Whether a killed run left its lock, or the lock's temporary files, in `outDir`. */
export function hasStaleLock(outDir: string): boolean {
  const file = join(outDir, LOCK);
  const holder = readHolder(file);
  return (holder !== 'gone' && holder !== undefined && !isAlive(holder, file)) || leftovers(outDir).length > 0;
}

/** `.lathe-lock.<pid>` and `.lathe-lock.stale-<pid>` of dead runs (killed between two steps of create or takeOver). */
function leftovers(outDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const m = /^\.lathe-lock\.(?:stale-)?(\d+)$/.exec(name);
    return m && !pidAlive(Number(m[1])) ? [join(outDir, name)] : [];
  });
}

function release(file: string): void {
  if (!held.delete(file)) return;
  const holder = readHolder(file);
  // Only our own: a run that took it over (after a pause long enough to look dead) keeps it.
  if (holder !== 'gone' && holder?.pid === process.pid && holder.host === hostname()) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
  }
}

/** Creates the lock file with its content in one step (a half-written lock would look unreadable). */
function create(file: string, text: string): boolean {
  const tmp = `${file}.${process.pid}`;
  try {
    writeFileSync(tmp, text);
    try {
      linkSync(tmp, file);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      // A file system without hard links: exclusive create, then write (the holder is read as unknown meanwhile).
      const fd = openSync(file, 'wx');
      try {
        writeFileSync(fd, text);
      } finally {
        closeSync(fd);
      }
      return true;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // Never made.
    }
  }
}

/** The holder, undefined when the file cannot be read as one, 'gone' when it no longer exists. */
function readHolder(file: string): Holder | undefined | 'gone' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : undefined;
  }
  try {
    const h = JSON.parse(text) as Holder;
    return Number.isInteger(h.pid) && typeof h.host === 'string' ? h : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the holder may still be running; a holder on another machine, or unknown, counts as alive. */
function isAlive(holder: Holder | undefined, file: string): boolean {
  if (!holder || holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return held.has(file);
  return pidAlive(holder.pid);
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, it is just not ours to signal.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves a dead run's lock aside and removes it. Two runs may find the same dead lock at once: the
 * move succeeds for one; should it move a lock the other had just taken, it is put back.
 */
function takeOver(file: string, dead: Holder | undefined): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // Someone else moved it.
  }
  const moved = readHolder(aside);
  if (moved !== 'gone' && moved && dead && (moved.pid !== dead.pid || moved.host !== dead.host)) {
    try {
      linkSync(aside, file);
    } catch {
      // A third run took it meanwhile: that one holds it now.
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // Already gone.
  }
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK, LockBusyError, lockOutput } from '../../generator/write/lock.js';
import { tempDir } from '../helpers.js';

describe('the output folder lock', () => {
  it('is exclusive: a second taker waits, then gives up with who holds it', async () => {
    const dir = tempDir();
    const first = await lockOutput(dir, { waitMs: 0 });
    let waited = false;
    const second = lockOutput(dir, { waitMs: 200, onWait: () => (waited = true) });
    await expect(second).rejects.toBeInstanceOf(LockBusyError);
    await expect(lockOutput(dir, { waitMs: 0 })).rejects.toThrow(`another lathe run (pid ${process.pid}) is using it`);
    expect(waited).toBe(true);
    first.release();
    expect(existsSync(join(dir, LOCK))).toBe(false);
  });

  it('a waiting taker gets it when the holder lets go', async () => {
    const dir = tempDir();
    const first = await lockOutput(dir, { waitMs: 0 });
    setTimeout(() => first.release(), 100);
    const second = await lockOutput(dir, { waitMs: 5000 });
    expect(JSON.parse(readFileSync(join(dir, LOCK), 'utf8'))).toEqual({ pid: process.pid, host: hostname() });
    second.release();
  });

  it('takes over a lock whose holder is dead (a killed run), and one of its own pid it does not hold (pid 1 in a container)', async () => {
    for (const pid of [99999999, process.pid]) {
      const dir = tempDir();
      writeFileSync(join(dir, LOCK), JSON.stringify({ pid, host: hostname() }));
      const lock = await lockOutput(dir, { waitMs: 0 });
      expect(JSON.parse(readFileSync(join(dir, LOCK), 'utf8')).pid).toBe(process.pid);
      lock.release();
    }
  });

  it('waits for a lock of another machine (its holder cannot be checked)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK), JSON.stringify({ pid: 99999999, host: 'elsewhere' }));
    await expect(lockOutput(dir, { waitMs: 100 })).rejects.toThrow('another lathe run (pid 99999999 on elsewhere) is using it');
  });
});

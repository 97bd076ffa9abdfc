/**
 * A real headless Chromium (Debian's `chromium`) driven by playwright-core: no browser download,
 * no network, a fresh profile per launch.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Why the browser tests cannot run here, or undefined when they can. In CI a missing browser is a
 * failure, not a skip (.ci/run installs it).
 */
export function browserMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing in CI: .ci/run must install Debian's chromium before the tests`);
  return `browser tests skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`;
}

/** playwright gives every launch a fresh temporary --user-data-dir of its own (and refuses one in `args`). */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

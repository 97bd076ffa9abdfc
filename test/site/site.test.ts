/**
 * The HTML reference in a real browser: the message-create page from file:// with every section of
 * Cloudflare's page (reference/docs-page-create-request-message.txt), nested fields behind expand,
 * search, copy, accessibility (axe-core), and a hostile spec whose pages must run nothing.
 */
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lathe, ROOT, tempDir } from '../helpers.js';
import { browserMissing, launch } from './browser.js';

const missing = browserMissing();
if (missing) console.warn(missing);

const ARTIFACTS = resolve(ROOT, 'test/.artifacts');
const MESSAGE_CREATE = 'cloudforce-one/requests/message/create.html';

let site: string;
let hostile: string;
let lists: string;
let browser: Browser;
let context: BrowserContext;

function url(root: string, page: string): string {
  return pathToFileURL(join(root, page)).href;
}

async function open(root: string, page: string, ctx = context): Promise<Page> {
  const p = await ctx.newPage();
  await p.goto(url(root, page));
  return p;
}

describe.skipIf(!!missing)('HTML reference in Chromium', () => {
  beforeAll(async () => {
    const dir = tempDir('lathe-site-');
    site = join(dir, 'site');
    // The 23 Cloudforce One operations: a resource tree to navigate and search, with message.create in it.
    const made = lathe(['generate', '--config', 'examples/cloudforce-one/lathe.config.yaml', '--out', join(dir, 'gen'), '--site', site, '--quiet']);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const bad = lathe(['generate', '--config', 'test/fixtures/site/hostile.config.yaml', '--out', join(dir, 'hostile'), '--quiet']);
    expect(bad.code).toBe(0);
    hostile = join(dir, 'hostile', 'site');
    const long = lathe(['generate', '--config', 'test/fixtures/site/long-lists.config.yaml', '--out', join(dir, 'lists'), '--quiet']);
    expect(long.code).toBe(0);
    lists = join(dir, 'lists', 'site');
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows every section of the seed page on the message-create page, from file://', async () => {
    const page = await open(site, MESSAGE_CREATE);
    const main = page.locator('main');
    await expect(main.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Create a New Request Message');
    const signature = await main.locator('.signature').textContent();
    expect(signature).toContain('client.cloudforceOne.requests.message.create(string requestId, MessageCreateParams { account_id, content } params');
    expect(signature).toContain('Message { id, author, content, 3 more }');
    expect(await main.locator('.route').textContent()).toBe('POST/accounts/{account_id}/cloudforce-one/requests/{request_id}/message/new');
    expect(await main.getByText('Adds a message to a Cloudforce One intelligence request conversation.').isVisible()).toBe(true);
    for (const heading of ['Security', 'Accepted Permissions', 'Parameters', 'Returns', 'Example', 'Example response'])
      expect(await main.getByRole('heading', { level: 2, name: heading, exact: heading !== 'Accepted Permissions' }).isVisible(), heading).toBe(true);
    const security = main.locator('#security');
    expect(await security.getByRole('heading', { name: 'API Email + API Key' }).isVisible()).toBe(true);
    expect(await security.getByText('X-Auth-Email: user@example.com').isVisible()).toBe(true);
    expect(await security.getByText('X-Auth-Key: 144c9defac04969c7bfad8efaa8ea194').isVisible()).toBe(true);
    expect(await main.locator('#permissions').getByText('Cloudforce One Write').isVisible()).toBe(true);
    // Parameters with Path/Body labels and constraints.
    const requestId = main.locator('[id="param-requestId"]');
    expect(await requestId.locator('.field-head').textContent()).toBe('requestId: string');
    expect(await requestId.getByText('UUID.').isVisible()).toBe(true);
    expect(await requestId.locator('.constraints').textContent()).toBe('maxLength 36');
    const account = main.locator('[id="param-params.account_id"]');
    expect(await account.locator('.field-head').textContent()).toBe('account_id: stringPath');
    expect(await account.locator('.constraints').textContent()).toBe('maxLength 32');
    expect(await main.locator('[id="param-params.content"] .field-head').textContent()).toBe('content?: stringBody');
    // Returns with every field of Message.
    const returns = main.locator('#returns');
    expect(await returns.getByText('Message { id, author, content, 3 more }').isVisible()).toBe(true);
    const fields = await returns.locator('.field > .field-head').allTextContents();
    expect(fields).toEqual(['id: number', 'author: string', 'content: string', 'is_follow_on_request: boolean', 'updated: string', 'created?: string']);
    expect(await returns.locator('[id="return-created"] .constraints').textContent()).toBe('format date-time');
    // Example code (highlighted at build time) and example response.
    const code = main.locator('#example-code');
    expect(await code.textContent()).toContain(
      "const message = await client.cloudforceOne.requests.message.create(\n  'f174e90a-fafe-4643-bbbc-4a0ed4fc8415',\n  { account_id: '023e105f4ecef8ad9ca31a8372d0c353' },\n);",
    );
    expect(await code.locator('.hljs-keyword').count()).toBeGreaterThan(3);
    const response = JSON.parse((await main.locator('#example-response-code').textContent()) ?? '') as { success: boolean; result: { content: string } };
    expect(response.success).toBe(true);
    expect(response.result.content).toBe('Can you elaborate on the type of DoS that occurred?');
    await page.close();
  });

  it('keeps nested fields collapsed behind expand, each with a stable anchor', async () => {
    const page = await open(site, 'cloudforce-one/requests/message/delete.html');
    const pointer = page.locator('[id="return-errors.source.pointer"]');
    expect(await pointer.isVisible()).toBe(false);
    await page.locator('[id="return-errors"] > details > summary').click();
    const source = page.locator('[id="return-errors.source"]');
    expect(await source.isVisible()).toBe(true);
    expect(await pointer.isVisible()).toBe(false);
    await source.locator('> details > summary').click();
    expect(await pointer.isVisible()).toBe(true);
    // A link to a collapsed field opens what holds it.
    const fresh = await context.newPage();
    await fresh.goto(`${url(site, 'cloudforce-one/requests/message/delete.html')}#return-messages.source.pointer`);
    expect(await fresh.locator('[id="return-messages.source.pointer"]').isVisible()).toBe(true);
    await page.close();
    await fresh.close();
  });

  it('lists enum values and keeps long nested field lists short behind "N more", whose fields links still reach', async () => {
    const page = await open(lists, 'things/create.html');
    const kind = page.locator('[id="param-params.kind"]');
    expect(await kind.locator('.enum > .values li').allTextContents()).toEqual(Array.from({ length: 10 }, (_, i) => `"kind-${i + 1}"`));
    const values = kind.locator('.enum > details.more');
    expect(await values.locator('summary').textContent()).toBe('2 more');
    expect(await values.getByText('"kind-12"').isVisible()).toBe(false);
    await values.locator('summary').click();
    expect(await values.getByText('"kind-12"').isVisible()).toBe(true);
    // Tag's 12 fields: eight once expanded, the other four behind "4 more".
    const tags = page.locator('[id="param-params.tags"]');
    await tags.locator('> details > summary').click();
    expect(await page.locator('[id="param-params.tags.t8"]').isVisible()).toBe(true);
    const t9 = page.locator('[id="param-params.tags.t9"]');
    expect(await t9.isVisible()).toBe(false);
    const more = tags.locator('> details > .fields > details.more > summary');
    expect(await more.textContent()).toBe('4 more fields of tags');
    await more.click();
    expect(await t9.isVisible()).toBe(true);
    // A link to a field behind "N more" opens every level that holds it.
    const fresh = await context.newPage();
    await fresh.goto(`${url(lists, 'things/create.html')}#param-params.tags.t12`);
    expect(await fresh.locator('[id="param-params.tags.t12"]').isVisible()).toBe(true);
    await page.close();
    await fresh.close();
  });

  it('finds "message" with the prebuilt index and follows the hit', async () => {
    const page = await open(site, 'index.html');
    await page.locator('#search-input').fill('message');
    const hit = page.locator('#search-results a').filter({ hasText: 'Create a New Request Message' });
    await hit.waitFor({ state: 'visible' });
    expect(await page.locator('#search-results a').count()).toBeGreaterThanOrEqual(4);
    await Promise.all([page.waitForURL(/message\/create\.html$/), hit.click()]);
    expect(await page.locator('main h1').textContent()).toBe('Create a New Request Message');
    await page.close();
  });

  it('copies the example with its copy button', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await open(site, MESSAGE_CREATE, ctx);
    const button = page.locator('#example button.copy');
    await button.click();
    await page.waitForSelector('#example button.copy[data-copied="true"]');
    expect(await button.textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('#example-code').textContent());
    expect(copied).toContain("import Cloudflare from 'cloudflare-cloudforce-one-requests';");
    await ctx.close();
  });

  it('has no serious or critical accessibility violations (axe-core) on operation, resource and index pages', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');
    for (const scheme of ['light', 'dark'] as const) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
      const pages = [[site, MESSAGE_CREATE], [site, 'cloudforce-one/requests/message/index.html'], [site, 'index.html'], [lists, 'things/create.html']] as const;
      for (const [root, path] of pages) {
        const page = await open(root, path, ctx);
        // Enum values and "N more" lists open, so their contrast and names are checked too.
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        await page.addScriptTag({ content: axe });
        const violations = await page.evaluate(async () => {
          const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
          return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        expect(violations, `${scheme} ${path}`).toEqual([]);
        await page.close();
      }
      await ctx.close();
    }
  });

  it('runs no script from a hostile spec', async () => {
    const pages = listHtml(hostile);
    expect(pages.length).toBe(4);
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    for (const path of pages) {
      const page = await ctx.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(url(hostile, path));
      // Open every collapsed field (an `ontoggle` payload would fire) and show search hits built from spec text.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await page.locator('#search-input').fill('thing');
      await page.waitForSelector('#search-results a');
      const report = await page.evaluate(() => ({
        pwned: (window as unknown as { PWNED?: unknown }).PWNED,
        scripts: [...document.scripts].map((s) => s.getAttribute('src') ?? 'inline'),
        handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
        badLinks: [...document.querySelectorAll('a[href], iframe, img, svg, style')]
          .map((el) => (el.tagName === 'A' ? el.getAttribute('href')! : el.tagName))
          .filter((h) => !/^(#|\.\.?\/|[\w-]+(\/[\w.-]+)*\.html|https?:)/.test(h) || /^javascript:/i.test(h)),
      }));
      expect(report.pwned, path).toBeUndefined();
      expect(dialogs, path).toEqual([]);
      expect(report.scripts.every((s) => s.includes('_lathe/')), `${path}: ${report.scripts.join(', ')}`).toBe(true);
      expect(report.handlers, path).toEqual([]);
      expect(report.badLinks, path).toEqual([]);
      // The payloads are there, as text.
      expect(await page.locator('body').textContent()).toContain('window.PWNED=');
      await page.close();
    }
    await ctx.close();
  });

  it('switches between light and dark themes with the toggle, and keeps the choice', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    const page = await open(site, MESSAGE_CREATE, ctx);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.locator('#theme-toggle').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).toBe('rgb(15, 18, 24)');
    const next = await open(site, 'index.html', ctx);
    expect(await next.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 18, 24)');
    await ctx.close();
  });

  it('writes screenshots of the message-create page, light and dark, desktop and phone', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [device, viewport] of [
      ['wide', { width: 1600, height: 1000 }],
      ['desktop', { width: 1280, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ] as const)
      for (const scheme of ['light', 'dark'] as const) {
        const ctx = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: device === 'phone' ? 2 : 1 });
        const page = await open(site, MESSAGE_CREATE, ctx);
        const file = join(ARTIFACTS, `message-create-${device}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: device !== 'wide' });
        expect(statSync(file).size).toBeGreaterThan(10_000);
        // Readable on a phone: nothing wider than the screen.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${device} ${scheme}`).toBeLessThanOrEqual(0);
        await ctx.close();
      }
  });
});

function listHtml(root: string, dir = ''): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listHtml(root, join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

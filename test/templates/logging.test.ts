/** logLevel, logger and the <CLIENT>_LOG variable; nothing secret in any log line. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../templates/core/client.js';
import { SECRETS, get, json, publicOp, rejection, useServer } from './helpers.js';

const harness = useServer({ maxRetries: 0 });

afterEach(() => {
  vi.unstubAllEnvs();
});

function recorder() {
  const lines: Array<{ level: string; text: string }> = [];
  const record =
    (level: string) =>
    (message: string, ...rest: unknown[]) =>
      lines.push({ level, text: [message, ...rest.map((item) => JSON.stringify(item))].join(' ') });
  const logger: Logger = { error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') };
  return { lines, logger };
}

describe('logging', () => {
  it('logs requests and responses at debug, retries at info, with credentials redacted', async () => {
    const { lines, logger } = recorder();
    let calls = 0;
    harness.server.handle((_req, res) => {
      calls++;
      if (calls === 1) json(res, 503, { echo: SECRETS.apiKey }, { 'retry-after-ms': '1', 'x-echo': SECRETS.apiKey });
      else json(res, 200, { ok: true });
    });
    const c = harness.client({ logLevel: 'debug', logger, maxRetries: 1 });
    await c.request(get('/x', [['q', 'v']]), { id: 'op' });
    const texts = lines.map((line) => `${line.level} ${line.text}`);
    expect(texts[0]).toMatch(new RegExp(`^debug \\[TestClient\\] GET ${harness.server.url}/x\\?q=v \\(attempt 1\\)`));
    expect(texts[0]).toContain('"x-auth-key":"[redacted]"');
    expect(texts[1]).toMatch(/^debug \[TestClient\] GET \S+ -> 503 in \d+ ms/);
    expect(texts[2]).toMatch(/^info \[TestClient\] GET \S+ -> 503; retrying in 1 ms, 0 left$/);
    expect(texts[4]).toMatch(/-> 200 in \d+ ms/);
    expect(lines).toHaveLength(5);
    for (const text of texts) for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
  });

  it('redacts credentials sent in the query from logged URLs', async () => {
    const { lines, logger } = recorder();
    const { BaseClient } = await import('../../templates/core/client.js');
    const c = new BaseClient({
      baseURL: harness.server.url,
      credentials: { q: 'query-5ecret' },
      securitySchemes: { q: { type: 'apiKey', in: 'query', name: 'api_key' } },
      logLevel: 'debug',
      logger,
    });
    await c.request(get('/x'), { id: 'op', security: [['q']] });
    expect(lines[0]!.text).toContain('/x?api_key=[redacted]');
    expect(lines.map((line) => line.text).join('\n')).not.toContain('query-5ecret');
  });

  it("defaults to 'warn' (nothing for a successful call), or the level in <CLIENT>_LOG", async () => {
    const quiet = recorder();
    await harness.client({ logger: quiet.logger }).request(get('/x'), publicOp);
    expect(quiet.lines).toEqual([]);
    expect(harness.client().logLevel).toBe('warn');

    vi.stubEnv('LATHE_TEST_LOG', 'debug');
    const loud = recorder();
    await harness.client({ logger: loud.logger }).request(get('/x'), publicOp);
    expect(loud.lines.map((line) => line.level)).toEqual(['debug', 'debug']);
    expect(harness.client({ logLevel: 'off' }).logLevel).toBe('off');
  });

  it('warns about a log level it does not know, and survives a logger that throws', async () => {
    vi.stubEnv('LATHE_TEST_LOG', 'verbose');
    const { lines, logger } = recorder();
    expect(harness.client({ logger }).logLevel).toBe('warn');
    expect(lines).toEqual([{ level: 'warn', text: '[TestClient] LATHE_TEST_LOG should be one of off, error, warn, info, debug; using warn' }]);
    const throwing: Logger = { ...logger, debug: () => { throw new Error('broken logger'); } };
    expect(await harness.client({ logLevel: 'debug', logger: throwing }).request(get('/x'), publicOp)).toEqual({ ok: true });
    harness.server.handle((_req, res) => json(res, 500, {}));
    expect(await rejection(harness.client({ logLevel: 'debug', logger: throwing }).request(get('/x'), publicOp))).toBeInstanceOf(Error);
  });
});

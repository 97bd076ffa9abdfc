import { afterEach, describe, expect, it, vi } from 'vitest';
import { readEnv } from '../../templates/core/env.js';
import { TestClient, startServer } from './helpers.js';

afterEach(() => vi.unstubAllEnvs());

describe('readEnv', () => {
  it('reads process.env, treating blank values as unset', () => {
    vi.stubEnv('LATHE_TEST_VALUE', '  v  ');
    vi.stubEnv('LATHE_TEST_BLANK', ' ');
    expect(readEnv('LATHE_TEST_VALUE')).toBe('v');
    expect(readEnv('LATHE_TEST_BLANK')).toBeUndefined();
    expect(readEnv('LATHE_TEST_MISSING')).toBeUndefined();
  });

  it('configures a generated client from the environment', async () => {
    const server = await startServer();
    try {
      vi.stubEnv('LATHE_TEST_BASE_URL', server.url);
      vi.stubEnv('LATHE_TEST_API_TOKEN', 'env-token');
      await new TestClient().request({ method: 'GET', path: '/x', query: [], headers: {} }, { id: 'op' });
      expect(server.requests[0]!.headers['authorization']).toBe('Bearer env-token');
    } finally {
      await server.close();
    }
  });
});

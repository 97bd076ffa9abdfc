import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BaseClient } from '../../templates/core/client.js';
import { APIError } from '../../templates/core/errors.js';
import { SECRETS, TestClient, get, json, startServer, type TestServer } from './helpers.js';

// 127.0.0.1 and localhost are different origins even on the same machine, but two servers make it explicit.
let origin: TestServer;
let other: TestServer;
beforeAll(async () => {
  [origin, other] = await Promise.all([startServer(), startServer()]);
});
afterAll(() => Promise.all([origin.close(), other.close()]));
beforeEach(() => {
  origin.reset();
  other.reset();
});

const client = () => new TestClient({ ...SECRETS, baseURL: origin.url, maxRetries: 0 });
const tokenOp = { id: 'op', security: [['api_token']] };
const keyOp = { id: 'op', security: [['api_email', 'api_key']] };

function redirectTo(location: string, status = 302) {
  origin.handle((req, res) => {
    if (req.url!.startsWith('/final')) return json(res, 200, { at: 'origin' });
    res.writeHead(status, { location }).end();
  });
}

describe('redirects', () => {
  it('keeps credentials on a same-origin redirect', async () => {
    redirectTo('/final');
    expect(await client().request(get('/start'), keyOp)).toEqual({ at: 'origin' });
    expect(origin.requests.map((r) => r.url)).toEqual(['/start', '/final']);
    expect(origin.requests[1]!.headers['x-auth-key']).toBe(SECRETS.apiKey);
    expect(origin.requests[1]!.headers['x-auth-email']).toBe(SECRETS.apiEmail);
  });

  it('drops credential headers once a redirect leaves the origin', async () => {
    redirectTo(`${other.url}/elsewhere`);
    other.handle((_req, res) => json(res, 200, { at: 'other' }));
    expect(await client().request(get('/start'), keyOp)).toEqual({ at: 'other' });
    expect(origin.requests[0]!.headers['x-auth-key']).toBe(SECRETS.apiKey);
    const leaked = other.requests[0]!.headers;
    expect(leaked['x-auth-key']).toBeUndefined();
    expect(leaked['x-auth-email']).toBeUndefined();
    expect(leaked['user-agent']).toBe('test-sdk/1.2.3');
  });

  it('does not restore credentials when the chain comes back to the origin', async () => {
    redirectTo(`${other.url}/bounce`);
    other.handle((_req, res) => res.writeHead(307, { location: `${origin.url}/final` }).end());
    await client().request(get('/start'), tokenOp);
    expect(other.requests[0]!.headers['authorization']).toBeUndefined();
    expect(origin.requests[1]!.url).toBe('/final');
    expect(origin.requests[1]!.headers['authorization']).toBeUndefined();
  });

  it('drops query credentials and caller Authorization headers across origins', async () => {
    const c = new BaseClient({
      baseURL: origin.url,
      credentials: { q: 'qsecret' },
      securitySchemes: { q: { type: 'apiKey', in: 'query', name: 'api_key' } },
      defaultHeaders: { Authorization: 'Bearer caller-set' },
    });
    redirectTo(`${other.url}/next?api_key=qsecret&keep=1`);
    await c.request(get('/start'), { id: 'op', security: [['q']] });
    expect(origin.requests[0]!.url).toBe('/start?api_key=qsecret');
    expect(other.requests[0]!.url).toBe('/next?keep=1');
    expect(other.requests[0]!.headers['authorization']).toBeUndefined();
  });

  it('turns POST into GET on 303 and keeps the method and body on 307', async () => {
    const post = { method: 'POST', path: '/start', query: [], headers: {}, body: { type: 'json', value: { a: 1 } } } as const;
    redirectTo('/final', 303);
    await client().request(post, tokenOp);
    expect(origin.requests[1]).toMatchObject({ method: 'GET', url: '/final' });
    expect(origin.requests[1]!.body.length).toBe(0);

    origin.reset();
    redirectTo('/final', 307);
    await client().request(post, tokenOp);
    expect(origin.requests[1]).toMatchObject({ method: 'POST', url: '/final' });
    expect(JSON.parse(origin.requests[1]!.body.toString())).toEqual({ a: 1 });
  });

  it('stops after 10 redirects with an APIError for the last one', async () => {
    origin.handle((_req, res) => res.writeHead(302, { location: '/loop' }).end());
    const error = await client()
      .request(get('/start'), tokenOp)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(302);
    expect(origin.requests).toHaveLength(11);
  });
});

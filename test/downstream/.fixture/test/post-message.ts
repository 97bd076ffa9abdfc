/**
 * The downstream package's own test: node:assert against a node:http server on 127.0.0.1.
 * Run with `npm test` (compiles, then runs dist/test/post-message.js).
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeClient, postMessage, tryPostMessage } from '../src/index.js';

const seen: { method: string; url: string; body: string; email: string | undefined }[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', body, email: req.headers['x-auth-email'] as string | undefined });
    const content = (JSON.parse(body || '{}') as { content?: string }).content ?? '';
    res.writeHead(content === 'fail' ? 400 : 200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        content === 'fail'
          ? { success: false, errors: [{ code: 1000, message: 'no' }], messages: [], result: null }
          : { success: true, errors: [], messages: [], result: { id: 42, author: 'me@example.com', content, is_follow_on_request: false, updated: '2024-01-01T00:00:00Z' } },
      ),
    );
  });
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
try {
  const client = makeClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}/client/v4`);
  const posted = await postMessage(client, 'acc', 'req/1', 'hello');
  assert.deepEqual(posted, { id: 42, author: 'me@example.com', text: 'hello' });
  assert.equal(seen[0]?.method, 'POST');
  assert.equal(seen[0]?.url, '/client/v4/accounts/acc/cloudforce-one/requests/req%2F1/message/new');
  assert.equal(seen[0]?.email, 'user@example.com');
  assert.deepEqual(JSON.parse(seen[0]?.body ?? ''), { content: 'hello' });
  const failed = await tryPostMessage(client, 'acc', 'req', 'fail');
  assert.deepEqual(failed, { ok: false, status: 400, messages: ['no'] });
  console.log('downstream ok');
} finally {
  server.close();
}

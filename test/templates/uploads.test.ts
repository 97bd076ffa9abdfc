import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toFile } from '../../templates/core/uploads.js';
import { useServer } from './helpers.js';

const harness = useServer({ maxRetries: 0 });

describe('toFile', () => {
  it('makes a named File from bytes, strings, Blobs and Files', async () => {
    const fromBytes = await toFile(new Uint8Array([1, 2, 3]), 'a.bin', { type: 'application/octet-stream' });
    expect(fromBytes).toBeInstanceOf(File);
    expect(fromBytes.name).toBe('a.bin');
    expect(fromBytes.type).toBe('application/octet-stream');
    expect([...new Uint8Array(await fromBytes.arrayBuffer())]).toEqual([1, 2, 3]);
    expect(await (await toFile('hello', 'h.txt')).text()).toBe('hello');
    const fromBlob = await toFile(new Blob(['x'], { type: 'text/csv' }));
    expect([fromBlob.name, fromBlob.type]).toEqual(['unknown_file', 'text/csv']);
    const fromFile = await toFile(new File(['y'], 'orig.txt', { type: 'text/plain' }));
    expect([fromFile.name, fromFile.type, await fromFile.text()]).toEqual(['orig.txt', 'text/plain', 'y']);
    expect((await toFile(Promise.resolve(new ArrayBuffer(2)), 'p')).size).toBe(2);
  });

  it('reads a fetch Response, named after its URL', async () => {
    harness.server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end('png-bytes');
    });
    const file = await toFile(fetch(`${harness.server.url}/assets/logo.png?v=2`));
    expect([file.name, file.type, await file.text()]).toEqual(['logo.png', 'image/png', 'png-bytes']);
  });

  it('reads web streams, async iterables and Node read streams (named after their path)', async () => {
    const stream = new Blob(['ab', 'cd']).stream();
    expect(await (await toFile(stream, 's.txt')).text()).toBe('abcd');
    async function* chunks() {
      yield 'x';
      yield new Uint8Array([121]);
    }
    expect(await (await toFile(chunks(), 'g')).text()).toBe('xy');
    const dir = mkdtempSync(join(tmpdir(), 'lathe-tofile-'));
    try {
      writeFileSync(join(dir, 'report.csv'), 'a,b\n');
      const file = await toFile(createReadStream(join(dir, 'report.csv')));
      expect([file.name, await file.text()]).toEqual(['report.csv', 'a,b\n']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Uploadable values in binary and multipart bodies', () => {
  const op = { id: 'upload', security: [] };
  async function* chunks() {
    yield new TextEncoder().encode('it');
    yield new TextEncoder().encode('er');
  }
  const multipartOf = async (index: number) => {
    const r = harness.server.requests[index]!;
    return new Response(new Uint8Array(r.body), { headers: { 'content-type': r.headers['content-type']! } }).formData();
  };

  it('sends a Response, a web stream, an async iterable and a string as a binary body', async () => {
    const c = harness.client();
    const send = (value: unknown) =>
      c.request({ method: 'PUT', path: '/bin', body: { type: 'binary', value: value as Blob, contentType: 'application/octet-stream' } }, op);
    await send(new Response('from-response'));
    await send(new Blob(['from-stream']).stream());
    await send(chunks());
    await send('from-string');
    expect(harness.server.requests.map((r) => r.body.toString())).toEqual(['from-response', 'from-stream', 'iter', 'from-string']);
  });

  it('sends a Response, a web stream, an async iterable and a toFile result as file parts', async () => {
    const c = harness.client();
    const value = {
      a: new Response('resp'),
      b: new Blob(['strm']).stream(),
      c: chunks(),
      d: await toFile('named', 'n.txt'),
      e: [chunks(), new Blob(['blob'])],
    };
    await c.request({ method: 'POST', path: '/multi', body: { type: 'multipart', value } }, op);
    const form = await multipartOf(0);
    const text = async (name: string) => Promise.all(form.getAll(name).map((v) => (v as Blob).text()));
    expect(await text('a')).toEqual(['resp']);
    expect(await text('b')).toEqual(['strm']);
    expect(await text('c')).toEqual(['iter']);
    expect(await text('d')).toEqual(['named']);
    expect((form.get('d') as File).name).toBe('n.txt');
    expect(await text('e')).toEqual(['iter', 'blob']);
  });
});

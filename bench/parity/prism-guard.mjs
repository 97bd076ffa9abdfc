#!/usr/bin/env node
// A pass-through proxy in front of Prism that drops an `Accept` header Prism cannot parse (a value
// that is not a media range, e.g. `string` or `undefined`): Prism 5 crashes on one
// (content-type's "invalid media type" thrown in its negotiator), and its restart would fail the
// unrelated tests sent meanwhile. Every dropped header is logged, so the runs can say which
// requests it changed.
//
//   node bench/parity/prism-guard.mjs <listen port> <prism port> [log file]
import http from 'node:http';
import { appendFileSync } from 'node:fs';

const [listen, target, log] = process.argv.slice(2);
const valid = (accept) => accept.split(',').every((r) => /^\s*[\w.+*-]+\/[\w.+*-]+\s*(;.*)?$/.test(r));
http
  .createServer((req, res) => {
    const headers = { ...req.headers };
    if (headers.accept !== undefined && !valid(headers.accept)) {
      if (log) appendFileSync(log, `${new Date().toISOString()} dropped Accept: ${JSON.stringify(headers.accept)} ${req.method} ${req.url}\n`);
      delete headers.accept;
    }
    const up = http.request({ host: '127.0.0.1', port: +target, method: req.method, path: req.url, headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', (e) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`prism-guard: ${e.message}`);
    });
    req.pipe(up);
  })
  .listen(+listen, '127.0.0.1');

// The other origin of scripts/ssr.test.mjs: a header recorder on 127.0.0.1 that the consumer
// app's pages fetch from, on the server (prerendering included) and in the browser. It records
// every request it receives, Authorization header included, so that the test can check that no
// token ever reached it.
import { createServer } from 'node:http';

/**
 * Returns the other origin, not yet listening: `listen()` starts it on a free port of 127.0.0.1
 * and sets `origin` (`http://127.0.0.1:<port>`), `close()` stops it, and `requests` holds every
 * request received as `{ method, url, authorization }`. It answers every request with CORS
 * headers; every request but a preflight (OPTIONS) with the JSON `{ value }`.
 */
export function otherOriginServer(value) {
  const requests = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'authorization, content-type');
    if (req.method === 'OPTIONS') return res.end();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ value }));
  });
  const origin = { requests, origin: null };
  origin.listen = () =>
    new Promise((ready, fail) => {
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => {
        origin.origin = `http://127.0.0.1:${server.address().port}`;
        ready();
      });
    });
  origin.close = () =>
    new Promise((done) => {
      if (!server.listening) return done();
      server.closeAllConnections();
      server.close(() => done());
    });
  return origin;
}

/** The recorded `requests` that carried an Authorization header, each as `url: header`. */
export function authorizations(requests) {
  return requests.filter((r) => r.authorization).map((r) => `${r.url}: ${r.authorization}`);
}

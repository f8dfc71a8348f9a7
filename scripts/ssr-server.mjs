// The generated app's own server, for scripts/ssr.test.mjs: patchServer adds the test's /api
// routes to its src/server.ts (they log the Authorization header they receive) and binds it to
// 127.0.0.1; ssrServer runs the built server.mjs, GETs its pages and tells what reached /api/data.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** What /api/account answers a request with an Authorization header, and one without. */
export const SIGNED_IN = 'signed-in-user';
export const ANONYMOUS = 'anonymous-visitor';

/**
 * The relative endpoints added to src/server.ts: /api/data and /api/items log the Authorization
 * header they got; /api/account tells whether there was one.
 */
const apiRoutes = (relativeValue, itemName) => `app.get('/api/data', (req, res) => {
  console.log(\`[api/data] authorization: \${req.headers.authorization ?? '(none)'}\`);
  res.json({ value: '${relativeValue}' });
});
app.get('/api/items', (req, res) => {
  console.log(\`[api/items] authorization: \${req.headers.authorization ?? '(none)'}\`);
  res.json([{ id: 1, name: '${itemName}' }]);
});
app.get('/api/account', (req, res) => {
  res.json({ name: req.headers.authorization ? '${SIGNED_IN}' : '${ANONYMOUS}' });
});

`;

/**
 * Patches the generated src/server.ts at `path`: adds the /api/data route (answering
 * `{ value: relativeValue }`), the /api/items route (one item named `itemName`) and /api/account
 * before the static files, and makes it listen on 127.0.0.1 only.
 */
export function patchServer(path, relativeValue, itemName) {
  let source = readFileSync(path, 'utf8');
  const staticFiles = /^app\.use\(\s*express\.static\(/m;
  assert.match(
    source,
    staticFiles,
    'src/server.ts serves static files with app.use(express.static(',
  );
  source = source.replace(staticFiles, (found) => apiRoutes(relativeValue, itemName) + found);
  // The generated server listens on every interface (no host option): bind it to 127.0.0.1.
  const listen = /app\.listen\(port, /;
  assert.match(source, listen, 'src/server.ts calls app.listen(port, ...)');
  source = source.replace(listen, "app.listen(Number(port), '127.0.0.1', ");
  writeFileSync(path, source);
}

/**
 * The built SSR server of the app in `app` (`dist`/server/server.mjs), not yet started.
 * `start()` runs it on a free port of 127.0.0.1 and waits until it listens (failing after
 * `startTimeout` ms or when it exits); `url` is then its address. `stop()` stops it if it runs;
 * `output()` is all it printed; `get(path)` and `render(path, other)` fail (never hang) when a
 * page takes longer than `renderTimeout` ms.
 */
export function ssrServer({ app, dist, startTimeout, renderTimeout }) {
  let child = null;
  let output = '';
  const ssr = { url: null, output: () => output };

  ssr.start = async () => {
    const port = await freePort();
    child = spawn(process.execPath, [join(dist, 'server', 'server.mjs')], {
      cwd: app,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: String(port), NG_ALLOWED_HOSTS: 'localhost,127.0.0.1' },
    });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    ssr.url = `http://127.0.0.1:${port}`;
    const started = Date.now();
    while (!/listening on/.test(output)) {
      assert.equal(child.exitCode, null, `the SSR server exited:\n${output}`);
      assert.ok(
        Date.now() - started < startTimeout,
        `the SSR server did not start within ${startTimeout / 1000} s:\n${output}`,
      );
      await delay(100);
    }
  };

  /** SIGTERM, then SIGKILL when it has not exited 5 s later. */
  ssr.stop = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  /** GETs a page; returns its HTML, failing unless it answers 200. */
  ssr.get = async (path) => {
    let response;
    try {
      response = await fetch(`${ssr.url}${path}`, { signal: AbortSignal.timeout(renderTimeout) });
    } catch (error) {
      const hang = error.name === 'TimeoutError';
      assert.fail(
        hang
          ? `GET ${path} did not answer within ${renderTimeout / 1000} s (the server render hangs)`
          : `GET ${path} failed: ${error.message}`,
      );
    }
    const html = await response.text();
    assert.equal(response.status, 200, `GET ${path} answers 200:\n${html.slice(0, 2000)}`);
    return html;
  };

  /**
   * Renders a page; returns its HTML, the requests that reached the other origin `other`
   * meanwhile, and the Authorization headers /api/data logged meanwhile.
   */
  ssr.render = async (path, other) => {
    const [otherMark, outputMark] = [other.requests.length, output.length];
    const html = await ssr.get(path);
    await delay(300); // the server's log line may trail its answer
    const apiAuthorizations = [
      ...output.slice(outputMark).matchAll(/^\[api\/data\] authorization: (.*)$/gm),
    ].map((match) => match[1]);
    return { html, otherRequests: other.requests.slice(otherMark), apiAuthorizations };
  };

  return ssr;
}

function freePort() {
  return new Promise((ready, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ready(port));
    });
  });
}

// Server-side rendering consumer check: the packed library in a fresh `ng new --ssr` Angular 21
// app (under tmp/ssr), set up by `ng add --storage=session`, then the README's SSR files pasted as
// they are (app.config.ts, app.routes.server.ts, login.ts, items-page.ts) with the pages of
// scripts/consumer-ssr/. It proves that, on the server:
//   - `ng build` finishes (prerendering included) and a prerendered page holds data it fetched;
//   - rendered pages answer, with HttpClient requests to another origin and to a relative URL;
//   - a token set while rendering one page goes only to its own origin, and never into the
//     next render; an anonymous render sends no Authorization header anywhere;
//   - the library never warns "storage failed" (there is no web storage on the server);
// and in Chromium that the server-rendered /data page hydrates (the server's DOM is reused, not
// re-rendered) without errors or Authorization headers, and that a guarded route rendered on the
// client (as the README advises) keeps a signed-in user on a reload. Every wait is bounded: a hang fails a
// step instead of stalling the run. Run after `npm run build:lib`.
// SSR_TARBALL=<path.tgz> tests that tarball instead of packing dist/ngx-token-refresh.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { join, relative, resolve } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import CHROMIUM_FLAGS from './chromium-flags.cjs';
import { readJson } from './consumer-steps.mjs';
import { packLibrary } from './pack-library.mjs';
import { readmeFiles } from './readme-snippets.mjs';

const root = resolve(import.meta.dirname, '..');
const NAME = 'consumer-ssr';
const app = join(root, 'tmp', 'ssr', NAME);
const fixtures = join(import.meta.dirname, 'consumer-ssr');
const results = join(root, 'test-results', 'ssr');
const dist = join(app, 'dist', NAME);

/** The @angular/* packages `ng new --ssr` writes; pinned to the newest version all of them have. */
const ANGULAR_PACKAGES = [
  ...['common', 'compiler', 'compiler-cli', 'core', 'forms', 'platform-browser'],
  ...['platform-server', 'router', 'ssr', 'build', 'cli'],
].map((name) => `@angular/${name}`);
const BUILD_TIMEOUT = 240_000;
const RENDER_TIMEOUT = 15_000;
const START_TIMEOUT = 20_000;
const OTHER_VALUE = 'from-the-other-origin';
const RELATIVE_VALUE = 'from-the-app-server';
const SERVER_TOKEN = 'server-render-token';
const ITEM_NAME = 'item-from-the-app-server';
/** Added to the generated src/server.ts: the relative endpoints, logging what they received. */
const API_ROUTE = `app.get('/api/data', (req, res) => {
  console.log(\`[api/data] authorization: \${req.headers.authorization ?? '(none)'}\`);
  res.json({ value: '${RELATIVE_VALUE}' });
});
app.get('/api/items', (req, res) => {
  console.log(\`[api/items] authorization: \${req.headers.authorization ?? '(none)'}\`);
  res.json([{ id: 1, name: '${ITEM_NAME}' }]);
});

`;
/** The test's own pages, rendered on the server or prerendered, before the README's `**`. */
const TEST_SERVER_ROUTES = `  { path: 'data', renderMode: RenderMode.Server },
  { path: 'server-session', renderMode: RenderMode.Server },
  { path: 'prerendered', renderMode: RenderMode.Prerender },
`;

let tarball;
let angularVersion;
let buildOutput = '';
let ssr; // { child, url, output() }
let browser;
const other = otherOriginServer();
let blockedBy = null; // the blocking step that failed
const failures = []; // every step or check that failed

// ---------------------------------------------------------------------------------------------

step('pack the built library', () => {
  tarball = process.env.SSR_TARBALL ? resolve(process.env.SSR_TARBALL) : packLibrary();
  assert.ok(existsSync(tarball), `${tarball} exists`);
});

step('ng new --ssr (Angular 21, every @angular/* package on one version)', async () => {
  angularVersion = await newestSharedVersion(ANGULAR_PACKAGES, '21');
  rmSync(app, { recursive: true, force: true });
  // `ng new` refuses to run inside a workspace (it looks for angular.json upwards from the
  // working directory and from its own location): run a CLI from npm's cache at /.
  await run(
    `npx -y -p @angular/cli@${angularVersion} ng new ${NAME} --directory "${relative('/', app)}" ` +
      '--ssr --test-runner=karma --skip-git --skip-install --defaults --package-manager=npm',
    '/',
    { timeout: 300_000 },
  );
  // The registry can lag @angular/ssr and @angular/platform-server behind @angular/core: pin all.
  const manifest = readJson(join(app, 'package.json'));
  for (const deps of [manifest.dependencies, manifest.devDependencies]) {
    for (const name of Object.keys(deps).filter((n) => /^@angular(-devkit)?\//.test(n))) {
      assert.ok(
        ANGULAR_PACKAGES.includes(name),
        `ng new wrote ${name}: add it to ANGULAR_PACKAGES`,
      );
      deps[name] = angularVersion;
    }
  }
  writeFileSync(join(app, 'package.json'), JSON.stringify(manifest, null, 2));
  await run('npm install --no-audit --no-fund --prefer-offline', app, { timeout: 600_000 });
});

step('ng add <tarball> --skip-confirmation --storage=session', async () => {
  const output = await run(`npx ng add "${tarball}" --skip-confirmation --storage=session`, app, {
    timeout: 300_000,
  });
  assert.match(output, /ngx-token-refresh: set up src\/app\/app\.config\.ts\./);
  const config = appConfig();
  assert.match(config, /provideTokenRefresh\(/);
  assert.match(config, /withInterceptors\(\[tokenRefreshInterceptor\]\)/);
  assert.match(config, /provideClientHydration\(/, 'ng add keeps provideClientHydration(...)');
});

check('ng add on an SSR app uses withFetch()', () => {
  assert.match(
    appConfig(),
    /provideHttpClient\(\s*withFetch\(\),\s*withInterceptors\(\[tokenRefreshInterceptor\]\)\s*\)/,
    'app.config.ts has provideHttpClient(withFetch(), withInterceptors([tokenRefreshInterceptor]))',
  );
});

step("the README's SSR files, pasted as they are over ng add's", () => {
  const files = readmeFiles();
  const config = files.find((f) => f.path === 'src/app/app.config.ts' && /--ssr/.test(f.note));
  const serverRoutes = files.find((f) => f.path === 'src/app/app.routes.server.ts');
  assert.ok(
    config && serverRoutes,
    'the README has the SSR app.config.ts and app.routes.server.ts',
  );
  const pasted = [
    config,
    serverRoutes,
    ...files.filter((f) => /\/(login|items-page)\.ts$/.test(f.path)),
  ];
  for (const file of pasted) writeFileSync(join(app, file.path), file.code);
  assert.match(appConfig(), /provideClientHydration\(withEventReplay\(\)\)/);
  assert.match(appConfig(), /provideHttpClient\(withFetch\(\), withInterceptors/);
});

step('the fixture pages, the /api routes and the other origin', async () => {
  const appDir = join(app, 'src', 'app');
  const serverRoutes = join(appDir, 'app.routes.server.ts');
  const routes = readFileSync(serverRoutes, 'utf8');
  const catchAll = "  { path: '**', renderMode: RenderMode.Prerender },";
  assert.ok(routes.includes(catchAll), `the README's app.routes.server.ts has ${catchAll}`);
  writeFileSync(serverRoutes, routes.replace(catchAll, TEST_SERVER_ROUTES + catchAll));
  // The fixture's app.ts has an inline template; the generated spec tests the replaced page.
  for (const file of ['app.html', 'app.css', 'app.spec.ts']) {
    rmSync(join(appDir, file), { force: true });
  }
  for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.ts'))) {
    cpSync(join(fixtures, file), join(appDir, file));
  }
  await other.listen(); // before the build: prerendering fetches from it
  writeFileSync(join(appDir, 'endpoints.ts'), `export const OTHER_ORIGIN = '${other.origin}';\n`);
  patchServer(join(app, 'src', 'server.ts'));
});

step(`ng build (prerendering included) finishes within ${BUILD_TIMEOUT / 1000} s`, async () => {
  const mark = other.requests.length;
  buildOutput = await run('npx ng build', app, {
    timeout: BUILD_TIMEOUT,
    // The CLI can report a failed prerender and then never exit: stop waiting soon after.
    failed: /An unhandled exception occurred|\[FAILED:/,
  });
  const html = readFileSync(join(dist, 'browser', 'prerendered', 'index.html'), 'utf8');
  assert.match(html, new RegExp(`other origin: ${OTHER_VALUE}`), 'prerendered data in the HTML');
  assert.match(html, /session: anonymous/, 'the TokenService ran at build time');
  const prerenderRequests = other.requests.slice(mark);
  assert.ok(prerenderRequests.length > 0, 'prerendering fetched from the other origin');
  assert.deepEqual(authorizations(prerenderRequests), [], 'no Authorization header sent');
});

check('the build printed no "storage failed" warning', () => {
  const warnings = buildOutput.split('\n').filter((line) => line.includes('storage failed'));
  console.log(`[ssr] "storage failed" lines in the build output: ${warnings.length}`);
  assert.deepEqual(warnings, []);
});

step('the SSR server starts (127.0.0.1 only)', async () => {
  await startSsrServer();
});

check('GET /data renders both answers, sending no Authorization header', async () => {
  const { html, otherRequests, apiAuthorizations } = await render('/data');
  assertBothAnswers(html);
  assert.deepEqual(authorizations(otherRequests), [], 'the other origin got no Authorization');
  assert.deepEqual(apiAuthorizations, ['(none)'], '/api/data got no Authorization');
});

check('GET /server-session: the server-side token goes to its own origin only', async () => {
  const { html, otherRequests, apiAuthorizations } = await render('/server-session');
  assertBothAnswers(html);
  assert.deepEqual(apiAuthorizations, [`Bearer ${SERVER_TOKEN}`], '/api/data got the token');
  assert.deepEqual(authorizations(otherRequests), [], 'the other origin got no Authorization');
});

check('GET /data after /server-session: the token stayed in its own render', async () => {
  const { html, otherRequests, apiAuthorizations } = await render('/data');
  assertBothAnswers(html);
  assert.deepEqual(authorizations(otherRequests), []);
  assert.deepEqual(apiAuthorizations, ['(none)']);
});

check('GET /items (sessionGuard, RenderMode.Client) answers the client-side shell', async () => {
  const html = await get('/items');
  assert.match(html, /<app-root><\/app-root>/, 'not rendered on the server: no redirect to /login');
});

check('Chromium: a reload of /items with a session in sessionStorage stays on /items', async () => {
  browser ??= await launchChromium();
  const page = await browser.newPage();
  try {
    await page.goto(`${ssr.url}/`, { timeout: RENDER_TIMEOUT });
    // What the quick start's login leaves in sessionStorage (storage: 'session').
    await page.evaluate(
      (session) => {
        sessionStorage.setItem('ngx-token-refresh', JSON.stringify(session));
      },
      { accessToken: 'browser-token', refreshToken: 'browser-refresh', expiresAt: null },
    );
    const items = page.waitForRequest((request) => request.url().endsWith('/api/items'));
    await page.goto(`${ssr.url}/items`, { timeout: RENDER_TIMEOUT });
    const request = await items;
    assert.equal((await request.allHeaders()).authorization, 'Bearer browser-token');
    await page.waitForFunction(
      (name) => document.querySelector('app-root')?.textContent?.includes(name),
      ITEM_NAME,
      { timeout: RENDER_TIMEOUT },
    );
    assert.equal(new URL(page.url()).pathname, '/items', 'the guard let the session through');
  } finally {
    await page.close();
  }
});

check('the SSR server printed no "storage failed" warning', () => {
  const warnings = ssr
    .output()
    .split('\n')
    .filter((line) => line.includes('storage failed'));
  console.log(`[ssr] "storage failed" lines in the server output: ${warnings.length}`);
  assert.deepEqual(warnings, []);
});

check('Chromium hydrates /data: no errors, the server DOM reused, anonymous', async () => {
  const serverHtml = await get('/data');
  assert.match(serverHtml, /<app-root [^>]*ngh="\d+"/, 'the server HTML has hydration info (ngh)');
  assert.match(serverHtml, /<script id="ng-state"/, 'the server HTML has transfer state');

  browser ??= await launchChromium();
  const page = await browser.newPage();
  const problems = [];
  const warnings = [];
  const requests = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    if (message.text().includes('storage failed')) warnings.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const headers = request.allHeaders().catch(() => request.headers());
    requests.push(headers.then((h) => ({ url: request.url(), authorization: h.authorization })));
  });
  await page.addInitScript(watchAppRoot);
  try {
    await page.goto(`${ssr.url}/data`, { timeout: RENDER_TIMEOUT });
    await page.waitForFunction(() => window.appStable === true, null, { timeout: RENDER_TIMEOUT });
    const seen = await page.evaluate(() => ({
      watched: Array.isArray(window.changedUnderAppRoot),
      changed: window.changedUnderAppRoot,
      detached: window.serverElements?.filter((element) => !element.isConnected).length,
      text: document.querySelector('app-root').textContent,
    }));
    assert.deepEqual(problems, [], 'no console errors, no page errors');
    assert.ok(seen.watched, 'the init script watched <app-root> before the app booted');
    assert.deepEqual(seen.changed, [], 'no element under <app-root> added or removed (hydrated)');
    assert.equal(seen.detached, 0, 'every server-rendered element is still in the page');
    assert.ok(seen.text.includes(`other origin: ${OTHER_VALUE}`), 'the other origin data shows');
    assert.ok(seen.text.includes(`relative: ${RELATIVE_VALUE}`), 'the relative data shows');
    const withToken = (await Promise.all(requests)).filter((r) => r.authorization);
    assert.deepEqual(withToken, [], 'the browser sent no Authorization header');
    assert.deepEqual(warnings, [], 'no "storage failed" warning in the browser');
  } catch (error) {
    mkdirSync(results, { recursive: true });
    await page.screenshot({ path: join(results, 'hydration-failure.png') }).catch(() => {});
    throw error;
  }
});

after(async () => {
  await browser?.close().catch(() => {});
  if (ssr) await stop(ssr.child);
  await other.close();
  if (failures.length === 0) rmSync(app, { recursive: true, force: true }); // kept to debug
});

// ---------------------------------------------------------------------------------------------
// Steps and bounded commands

/** A step runs only when no blocking step before it failed; a failing one skips the rest. */
function step(name, fn, { timeout = 1_200_000, blocking = true } = {}) {
  test(name, { timeout: timeout + 30_000 }, async (t) => {
    if (blockedBy) return t.skip(`skipped: "${blockedBy}" failed`);
    try {
      await bounded(fn(), timeout, `"${name}" did not finish within ${timeout / 1000} s`);
    } catch (error) {
      failures.push(name);
      if (blocking) blockedBy = name;
      throw error;
    }
  });
}

/** A check: like a step, but its failure does not skip the steps after it. */
function check(name, fn) {
  step(name, fn, { timeout: 120_000, blocking: false });
}

function bounded(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new assert.AssertionError({ message })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs a shell command in its own process group; resolves with its output when it exits 0.
 * Fails when it exits non-zero, or runs longer than `timeout`, or prints `failed` and has not
 * exited 30 s later; then the whole group is killed.
 */
function run(command, cwd, { timeout, failed } = {}) {
  const started = Date.now();
  const child = spawn(command, {
    cwd,
    shell: true,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    let hung = null;
    const giveUp = (why) => {
      hung ??= why;
      killGroup(child);
    };
    const deadline = setTimeout(() => giveUp(`did not finish within ${timeout / 1000} s`), timeout);
    let grace = null;
    const collect = (chunk) => {
      output += chunk;
      if (failed && !grace && failed.test(output)) {
        grace = setTimeout(
          () => giveUp('reported an error, then did not exit within 30 s'),
          30_000,
        );
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('close', (code) => {
      clearTimeout(deadline);
      clearTimeout(grace);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`[ssr] $ ${command}  (${seconds} s, exit ${code}${hung ? ', killed' : ''})`);
      const tail = output.slice(-4000);
      if (hung) reject(new assert.AssertionError({ message: `\`${command}\` ${hung}:\n${tail}` }));
      else if (code !== 0)
        reject(new assert.AssertionError({ message: `\`${command}\` failed in ${cwd}:\n${tail}` }));
      else resolvePromise(output);
    });
  });
}

function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
}

function killGroup(child) {
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {} // already gone
  };
  signal('SIGTERM');
  setTimeout(() => signal('SIGKILL'), 5_000).unref();
}

/** The newest stable `major.x.y` that every package in `names` has on the registry. */
async function newestSharedVersion(names, major) {
  const lists = await Promise.all(
    names.map(async (name) => {
      const json = await run(`npm view ${name}@${major} version --json`, root, { timeout: 60_000 });
      return [JSON.parse(json)].flat();
    }),
  );
  const shared = lists[0].filter(
    (v) => /^\d+\.\d+\.\d+$/.test(v) && lists.every((l) => l.includes(v)),
  );
  assert.ok(shared.length, `no ${major}.x version shared by ${names.join(', ')}`);
  const numbers = (v) => v.split('.').map(Number);
  shared.sort((a, b) => {
    const [x, y] = [numbers(a), numbers(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
  const newest = shared.at(-1);
  console.log(`[ssr] @angular/* pinned to ${newest}`);
  return newest;
}

// ---------------------------------------------------------------------------------------------
// The generated app

function appConfig() {
  return readFileSync(join(app, 'src', 'app', 'app.config.ts'), 'utf8');
}

/** Adds the /api/data route before the static files, and listens on 127.0.0.1 only. */
function patchServer(path) {
  let source = readFileSync(path, 'utf8');
  const staticFiles = /^app\.use\(\s*express\.static\(/m;
  assert.match(
    source,
    staticFiles,
    'src/server.ts serves static files with app.use(express.static(',
  );
  source = source.replace(staticFiles, (found) => API_ROUTE + found);
  // The generated server listens on every interface (no host option): bind it to 127.0.0.1.
  const listen = /app\.listen\(port, /;
  assert.match(source, listen, 'src/server.ts calls app.listen(port, ...)');
  source = source.replace(listen, "app.listen(Number(port), '127.0.0.1', ");
  writeFileSync(path, source);
}

// ---------------------------------------------------------------------------------------------
// Servers

/** The other origin: answers GET /data with CORS headers and records every request. */
function otherOriginServer() {
  const requests = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'authorization, content-type');
    if (req.method === 'OPTIONS') return res.end();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ value: OTHER_VALUE }));
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

/** Starts dist/.../server.mjs as `ssr` (stopped in after()) and waits until it listens. */
async function startSsrServer() {
  const port = await freePort();
  const child = spawn(process.execPath, [join(dist, 'server', 'server.mjs')], {
    cwd: app,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), NG_ALLOWED_HOSTS: 'localhost,127.0.0.1' },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  ssr = { child, url: `http://127.0.0.1:${port}`, output: () => output };
  const started = Date.now();
  while (!/listening on/.test(output)) {
    assert.equal(child.exitCode, null, `the SSR server exited:\n${output}`);
    assert.ok(
      Date.now() - started < START_TIMEOUT,
      `the SSR server did not start within ${START_TIMEOUT / 1000} s:\n${output}`,
    );
    await delay(100);
  }
}

/** SIGTERM, then SIGKILL when it has not exited 5 s later. */
async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
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

// ---------------------------------------------------------------------------------------------
// Requests and what they reached

/** GETs a page of the SSR server, failing (never hanging) after RENDER_TIMEOUT. */
async function get(path) {
  let response;
  try {
    response = await fetch(`${ssr.url}${path}`, { signal: AbortSignal.timeout(RENDER_TIMEOUT) });
  } catch (error) {
    const hang = error.name === 'TimeoutError';
    assert.fail(
      hang
        ? `GET ${path} did not answer within ${RENDER_TIMEOUT / 1000} s (the server render hangs)`
        : `GET ${path} failed: ${error.message}`,
    );
  }
  const html = await response.text();
  assert.equal(response.status, 200, `GET ${path} answers 200:\n${html.slice(0, 2000)}`);
  return html;
}

/** Renders a page; returns its HTML and the requests that reached both endpoints meanwhile. */
async function render(path) {
  const [otherMark, outputMark] = [other.requests.length, ssr.output().length];
  const html = await get(path);
  await delay(300); // the server's log line may trail its answer
  const apiAuthorizations = [
    ...ssr
      .output()
      .slice(outputMark)
      .matchAll(/^\[api\/data\] authorization: (.*)$/gm),
  ].map((match) => match[1]);
  return { html, otherRequests: other.requests.slice(otherMark), apiAuthorizations };
}

function assertBothAnswers(html) {
  assert.match(html, new RegExp(`other origin: ${OTHER_VALUE}`), 'the other origin data renders');
  assert.match(html, new RegExp(`relative: ${RELATIVE_VALUE}`), 'the relative data renders');
}

function authorizations(requests) {
  return requests.filter((r) => r.authorization).map((r) => `${r.url}: ${r.authorization}`);
}

/**
 * Runs in the page before the app: once the server HTML is parsed (before the app's module
 * script runs) it keeps the elements under <app-root> and records every element added or
 * removed there. Hydration reuses the server DOM; a client-side render replaces or duplicates it.
 */
function watchAppRoot() {
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    const appRoot = document.querySelector('app-root');
    window.serverElements = [...appRoot.querySelectorAll('*')];
    window.changedUnderAppRoot = [];
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of [...record.addedNodes, ...record.removedNodes]) {
          if (node.nodeType === Node.ELEMENT_NODE) window.changedUnderAppRoot.push(node.nodeName);
        }
      }
    }).observe(appRoot, { childList: true, subtree: true });
  });
}

// Server-side rendering consumer check: the packed library in a fresh `ng new --ssr` Angular 21
// app (under tmp/ssr), set up by `ng add --storage=session`, then the README's SSR files pasted as
// they are (app.config.ts, app.routes.server.ts, login.ts, items-page.ts, account.ts) with the
// pages of scripts/consumer-ssr/. It proves that, on the server:
//   - `ng build` finishes (prerendering included) and a prerendered page holds data it fetched;
//   - rendered pages answer, with HttpClient requests to another origin and to a relative URL;
//   - a token set while rendering one page goes only to its own origin, and never into the
//     next render; an anonymous render sends no Authorization header anywhere;
//   - the library never warns "storage failed" (there is no web storage on the server);
// and in Chromium that the server-rendered /data page hydrates (the server's DOM is reused, not
// re-rendered) without errors or Authorization headers, and that a guarded route rendered on the
// client (as the README advises) keeps a signed-in user on a reload, and that the README's
// httpResource with `transferCache: false` asks with the user's token on a server-rendered page.
// Every wait is bounded: a hang fails a step instead of stalling the run. Run after
// `npm run build:lib`.
// SSR_TARBALL=<path.tgz> tests that tarball instead of packing dist/ngx-token-refresh.
import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { after } from 'node:test';
import {
  boundedCommandRunner,
  createBoundedSteps,
  newestSharedVersion,
  readJson,
} from './consumer-steps.mjs';
import { probeHydration } from './hydration-probe.mjs';
import { launchChromium } from './launch-chromium.mjs';
import { authorizations, otherOriginServer } from './other-origin-server.mjs';
import { packLibrary } from './pack-library.mjs';
import { readmeFiles } from './readme-snippets.mjs';
import { ANONYMOUS, SIGNED_IN, patchServer, ssrServer } from './ssr-server.mjs';

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
// A hang guard (a render that waits on a request forever never ends the build), not a speed
// target: the build took 120 to 140 s beside the other background suites of `npm test`.
const BUILD_TIMEOUT = 480_000;
const RENDER_TIMEOUT = 15_000;
const START_TIMEOUT = 20_000;
const OTHER_VALUE = 'from-the-other-origin';
const RELATIVE_VALUE = 'from-the-app-server';
const SERVER_TOKEN = 'server-render-token';
const ITEM_NAME = 'item-from-the-app-server';
/** The test's own pages, rendered on the server or prerendered, before the README's `**`. */
const TEST_SERVER_ROUTES = `  { path: 'data', renderMode: RenderMode.Server },
  { path: 'account', renderMode: RenderMode.Server },
  { path: 'server-session', renderMode: RenderMode.Server },
  { path: 'prerendered', renderMode: RenderMode.Prerender },
`;

let tarball;
let angularVersion;
let buildOutput = '';
let browser;
const { step, check, failures } = createBoundedSteps();
const run = boundedCommandRunner('ssr', process.env);
const other = otherOriginServer(OTHER_VALUE);
const ssr = ssrServer({ app, dist, startTimeout: START_TIMEOUT, renderTimeout: RENDER_TIMEOUT });

// ---------------------------------------------------------------------------------------------

step('pack the built library', () => {
  tarball = process.env.SSR_TARBALL ? resolve(process.env.SSR_TARBALL) : packLibrary();
  assert.ok(existsSync(tarball), `${tarball} exists`);
});

step('ng new --ssr (Angular 21, every @angular/* package on one version)', async () => {
  angularVersion = await newestSharedVersion(ANGULAR_PACKAGES, '21', run);
  console.log(`[ssr] @angular/* pinned to ${angularVersion}`);
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
    ...files.filter((f) => /\/(login|items-page|account)\.ts$/.test(f.path)),
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
  patchServer(join(app, 'src', 'server.ts'), RELATIVE_VALUE, ITEM_NAME);
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
  await ssr.start();
});

check('GET /data renders both answers, sending no Authorization header', async () => {
  const { html, otherRequests, apiAuthorizations } = await ssr.render('/data', other);
  assertBothAnswers(html);
  assert.deepEqual(authorizations(otherRequests), [], 'the other origin got no Authorization');
  assert.deepEqual(apiAuthorizations, ['(none)'], '/api/data got no Authorization');
});

check('GET /server-session: the server-side token goes to its own origin only', async () => {
  const { html, otherRequests, apiAuthorizations } = await ssr.render('/server-session', other);
  assertBothAnswers(html);
  assert.deepEqual(apiAuthorizations, [`Bearer ${SERVER_TOKEN}`], '/api/data got the token');
  assert.deepEqual(authorizations(otherRequests), [], 'the other origin got no Authorization');
});

check('GET /data after /server-session: the token stayed in its own render', async () => {
  const { html, otherRequests, apiAuthorizations } = await ssr.render('/data', other);
  assertBothAnswers(html);
  assert.deepEqual(authorizations(otherRequests), []);
  assert.deepEqual(apiAuthorizations, ['(none)']);
});

check('GET /items (sessionGuard, RenderMode.Client) answers the client-side shell', async () => {
  const html = await ssr.get('/items');
  assert.match(html, /<app-root><\/app-root>/, 'not rendered on the server: no redirect to /login');
});

check('Chromium: a reload of /items with a session in sessionStorage stays on /items', async () => {
  browser ??= await launchChromium();
  const page = await browser.newPage();
  try {
    await signIn(page);
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

check(
  "Chromium, signed in, on the server-rendered /account: the README's httpResource sends the token",
  async () => {
    const serverHtml = await ssr.get('/account');
    assert.match(
      serverHtml,
      new RegExp(`<p>account: ${ANONYMOUS}</p>`),
      'the render was anonymous',
    );
    assert.match(serverHtml, new RegExp(`cached account: ${ANONYMOUS}`));
    browser ??= await launchChromium();
    const page = await browser.newPage();
    const sent = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/account')) sent.push(request.headers().authorization ?? '');
    });
    try {
      await signIn(page);
      await page.goto(`${ssr.url}/account`, { timeout: RENDER_TIMEOUT });
      const shows = (selector, text) =>
        page.waitForFunction(
          ([selector, text]) => document.querySelector(selector)?.textContent?.includes(text),
          [selector, text],
          { timeout: RENDER_TIMEOUT },
        );
      await shows('app-account', `account: ${SIGNED_IN}`);
      await page.waitForLoadState('networkidle', { timeout: RENDER_TIMEOUT });
      assert.deepEqual(
        sent,
        ['Bearer browser-token'],
        'one request to /api/account, with the token',
      );
      // Why the README asks for the setting: without it the render's answer stays (Angular's).
      await shows('app-cached-account', `cached account: ${ANONYMOUS}`);
    } finally {
      await page.close();
    }
  },
);

check('the SSR server printed no "storage failed" warning', () => {
  const warnings = ssr
    .output()
    .split('\n')
    .filter((line) => line.includes('storage failed'));
  console.log(`[ssr] "storage failed" lines in the server output: ${warnings.length}`);
  assert.deepEqual(warnings, []);
});

check('Chromium hydrates /data: no errors, the server DOM reused, anonymous', async () => {
  const serverHtml = await ssr.get('/data');
  assert.match(serverHtml, /<app-root [^>]*ngh="\d+"/, 'the server HTML has hydration info (ngh)');
  assert.match(serverHtml, /<script id="ng-state"/, 'the server HTML has transfer state');

  browser ??= await launchChromium();
  const page = await browser.newPage();
  const { problems, warnings, requests, readAppRoot } = await probeHydration(page);
  try {
    await page.goto(`${ssr.url}/data`, { timeout: RENDER_TIMEOUT });
    await page.waitForFunction(() => window.appStable === true, null, { timeout: RENDER_TIMEOUT });
    const seen = await readAppRoot();
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
  await ssr.stop();
  await other.close();
  if (failures.length === 0) rmSync(app, { recursive: true, force: true }); // kept to debug
});

// ---------------------------------------------------------------------------------------------
// The generated app and what it renders

function appConfig() {
  return readFileSync(join(app, 'src', 'app', 'app.config.ts'), 'utf8');
}

/** Leaves in the page's sessionStorage what the quick start's login does (storage: 'session'). */
async function signIn(page) {
  await page.goto(`${ssr.url}/`, { timeout: RENDER_TIMEOUT });
  await page.evaluate(
    (session) => sessionStorage.setItem('ngx-token-refresh', JSON.stringify(session)),
    { accessToken: 'browser-token', refreshToken: 'browser-refresh', expiresAt: null },
  );
}

function assertBothAnswers(html) {
  assert.match(html, new RegExp(`other origin: ${OTHER_VALUE}`), 'the other origin data renders');
  assert.match(html, new RegExp(`relative: ${RELATIVE_VALUE}`), 'the relative data renders');
}

// Scenario 4: with the sessionStorage choice a reload keeps the session; with the default
// memory storage it does not, and the guard sends the user to the login page. Also: signing out
// forgets the stored tokens and revokes the refresh token on the server.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  fireBurst,
  launchBrowser,
  openPage,
  signInToDashboard,
  startDemoServer,
  statsDelta,
} from './support/demo-app.mjs';
import { postJson } from './support/start-server.mjs';

let server;
let browser;
const cleanups = [];

before(async () => {
  server = await startDemoServer((stop) => cleanups.push(stop));
  browser = await launchBrowser((close) => cleanups.push(close));
});

after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

test('memory storage (default): a reload ends the session', async (t) => {
  const page = await openPage(browser, server.url);
  t.after(() => page.context().close());
  await signInToDashboard(page);
  assert.equal(await page.getByTestId('token-storage').innerText(), 'Memory only');
  const start = await server.stats();

  await page.reload();
  await page.waitForURL((url) => url.pathname === '/login');
  assert.equal(new URL(page.url()).searchParams.get('returnUrl'), '/dashboard');
  await page.getByTestId('login-form').waitFor();
  assert.equal(await page.getByTestId('keep-signed-in').isChecked(), false);
  const delta = statsDelta(start, await server.stats());
  assert.equal(delta.refreshCalls, 0, 'nothing to refresh with: the tokens are gone');
  assert.equal(delta.apiRequests, 0);
  assert.deepEqual(page.errors, []);
});

test('sessionStorage: a reload keeps the session', async (t) => {
  const page = await openPage(browser, server.url);
  t.after(() => page.context().close());
  await page.goto('/login');
  // Changing the choice reloads the page so that the app starts with the new storage.
  await Promise.all([
    page.waitForEvent('load'),
    page.getByTestId('keep-signed-in').check({ noWaitAfter: true }),
  ]);
  await page.getByTestId('login-form').waitFor();
  assert.equal(await page.getByTestId('keep-signed-in').isChecked(), true);

  await signInToDashboard(page);
  assert.equal(await page.getByTestId('token-storage').innerText(), 'sessionStorage');
  const generation = await page.getByTestId('token-generation').innerText();
  const start = await server.stats();

  await page.reload();
  await page.getByTestId('dashboard-page').waitFor();
  assert.equal(new URL(page.url()).pathname, '/dashboard');
  assert.equal(
    await page.getByTestId('session-status').getAttribute('data-session-status'),
    'authenticated',
  );
  assert.equal(await page.getByTestId('current-user').innerText(), 'demo');
  assert.equal(await page.getByTestId('token-generation').innerText(), generation);
  const stored = await page.evaluate(() => Object.keys(sessionStorage));
  assert.ok(stored.includes('ngx-token-refresh'), `sessionStorage keys: ${stored}`);

  // The restored session works against the API.
  assert.equal(await fireBurst(page), 20);
  assert.match(await page.getByTestId('burst-summary').innerText(), /20 of 20 succeeded/);
  const delta = statsDelta(start, await server.stats());
  assert.equal(delta.logins, 0, 'no new login');
  assert.equal(delta.apiSuccesses, 20);
  assert.deepEqual(page.errors, []);
});

test('signing out forgets the tokens and revokes the refresh token on the server', async (t) => {
  const page = await openPage(browser, server.url);
  t.after(() => page.context().close());
  await page.goto('/login');
  await Promise.all([
    page.waitForEvent('load'),
    page.getByTestId('keep-signed-in').check({ noWaitAfter: true }),
  ]);
  await page.getByTestId('login-form').waitFor();
  await signInToDashboard(page);
  // sessionStorage lets the test see the refresh token the app holds.
  const { refreshToken } = await page.evaluate(() =>
    JSON.parse(sessionStorage.getItem('ngx-token-refresh')),
  );
  assert.equal(typeof refreshToken, 'string');

  await page.getByTestId('logout').click();
  await page.waitForURL((url) => url.pathname === '/login' && url.search === '');
  assert.equal(await page.getByTestId('current-user').count(), 0);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('ngx-token-refresh')), null);
  const refused = await postJson(`${server.url}/api/auth/refresh`, { refreshToken });
  assert.equal(refused.status, 400, 'the server revoked the refresh token');
  assert.equal(refused.body.error, 'invalid_grant');

  await page.goto('/dashboard');
  await page.waitForURL((url) => url.pathname === '/login');
  assert.deepEqual(page.errors, []);
});

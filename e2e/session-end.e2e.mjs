// Scenario 2: a revoked refresh token ends the session. The next guarded navigation (or API
// call) lands on /login?returnUrl=..., and signing in again goes back to that URL.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  launchBrowser,
  openPage,
  signIn,
  signInToDashboard,
  startDemoServer,
  statsDelta,
  waitPastExpiry,
} from './support/demo-app.mjs';

/** Signs in, lets the access token expire and revokes every refresh token on the server. */
async function revokedSession(t) {
  const server = await startDemoServer(t.after.bind(t));
  const browser = await launchBrowser(t.after.bind(t));
  const page = await openPage(browser, server.url);
  await signInToDashboard(page);
  await waitPastExpiry(page);
  await server.revokeAll();
  return { server, page, before: await server.stats() };
}

/** Asserts the login page with `returnUrl`, the server counters, then signs in again. */
async function assertBackToLoginAndReturn({ server, page, before }, returnUrl) {
  await page.waitForURL((url) => url.pathname === '/login');
  assert.equal(new URL(page.url()).searchParams.get('returnUrl'), returnUrl);
  await page.getByTestId('session-ended').waitFor();
  assert.equal(await page.getByTestId('current-user').count(), 0, 'header shows no user');

  const afterExpiry = await server.stats();
  const delta = statsDelta(before, afterExpiry);
  assert.equal(delta.refreshCalls, 1, 'one refresh attempt');
  assert.equal(delta.refreshFailures, 1, 'rejected by the server');
  assert.equal(delta.reuseDetections, 0, 'the revoked token was presented once');
  assert.equal(delta.apiRequests, 0, 'nothing left with the dead token');

  await signIn(page, { goto: false });
  await page.waitForURL((url) => url.pathname === returnUrl);
  assert.equal(await page.getByTestId('current-user').innerText(), 'demo');
  assert.equal(statsDelta(afterExpiry, await server.stats()).logins, 1);
  assert.deepEqual(page.errors, []);
  return afterExpiry;
}

describe('session ended by the server', { concurrency: 2 }, () => {
  test('the next navigation goes to login, and back after signing in', async (t) => {
    const session = await revokedSession(t);
    const { page, server } = session;
    // In-app navigation to another guarded page: the guard refreshes, the server says no.
    await page.getByTestId('nav-items').click();
    const afterExpiry = await assertBackToLoginAndReturn(session, '/items');
    await page.getByTestId('item-row').first().waitFor();
    assert.equal(await page.getByTestId('item-row').count(), 3);
    assert.equal(statsDelta(afterExpiry, await server.stats()).apiSuccesses, 1, 'GET /api/items');
  });

  test('an API call on the dashboard goes to login, and back after signing in', async (t) => {
    const session = await revokedSession(t);
    await session.page.getByTestId('fire-20').click();
    await assertBackToLoginAndReturn(session, '/dashboard');
    await session.page.getByTestId('dashboard-page').waitFor();
    assert.equal(
      await session.page.getByTestId('session-status').getAttribute('data-status'),
      'authenticated',
    );
  });
});

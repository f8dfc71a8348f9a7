// Scenario 2: a revoked refresh token ends the session. The next guarded navigation (or API
// call) lands on /login?returnUrl=..., and signing in again goes back to that URL.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signIn, signInToDashboard, waitPastExpiry } from './support/demo-app';
import { type DemoServer, type Stats, statsDelta } from './support/demo-server';

/** Signs in, lets the access token expire and revokes every refresh token on the server. */
async function revokeSession(page: Page, server: DemoServer): Promise<Stats> {
  await signInToDashboard(page);
  await waitPastExpiry(page);
  await server.revokeAll();
  return server.stats();
}

/** Asserts the login page with `returnUrl`, the server counters, then signs in again. */
async function assertBackToLoginAndReturn(
  page: Page,
  pageErrors: string[],
  server: DemoServer,
  before: Stats,
  returnUrl: string,
): Promise<Stats> {
  await page.waitForURL((url) => url.pathname === '/login');
  expect(new URL(page.url()).searchParams.get('returnUrl')).toBe(returnUrl);
  await page.getByTestId('session-ended').waitFor();
  expect(await page.getByTestId('current-user').count(), 'header shows no user').toBe(0);

  const afterExpiry = await server.stats();
  const delta = statsDelta(before, afterExpiry);
  expect(delta['refreshCalls'], 'one refresh attempt').toBe(1);
  expect(delta['refreshFailures'], 'rejected by the server').toBe(1);
  expect(delta['reuseDetections'], 'the revoked token was presented once').toBe(0);
  expect(delta['apiRequests'], 'nothing left with the dead token').toBe(0);

  await signIn(page, { goto: false });
  await page.waitForURL((url) => url.pathname === returnUrl);
  expect(await page.getByTestId('current-user').innerText()).toBe('demo');
  expect(statsDelta(afterExpiry, await server.stats())['logins']).toBe(1);
  expect(pageErrors).toEqual([]);
  return afterExpiry;
}

test.describe('session ended by the server', () => {
  test('the next navigation goes to login, and back after signing in', async ({
    page,
    pageErrors,
    server,
  }) => {
    const before = await revokeSession(page, server);
    // In-app navigation to another guarded page: the guard refreshes, the server says no.
    await page.getByTestId('nav-items').click();
    const afterExpiry = await assertBackToLoginAndReturn(
      page,
      pageErrors,
      server,
      before,
      '/items',
    );
    await page.getByTestId('item-row').first().waitFor();
    expect(await page.getByTestId('item-row').count()).toBe(3);
    expect(statsDelta(afterExpiry, await server.stats())['apiSuccesses'], 'GET /api/items').toBe(1);
  });

  test('an API call on the dashboard goes to login, and back after signing in', async ({
    page,
    pageErrors,
    server,
  }) => {
    const before = await revokeSession(page, server);
    await page.getByTestId('fire-20').click();
    await assertBackToLoginAndReturn(page, pageErrors, server, before, '/dashboard');
    await page.getByTestId('dashboard-page').waitFor();
    expect(await page.getByTestId('session-status').getAttribute('data-status')).toBe(
      'authenticated',
    );
  });
});

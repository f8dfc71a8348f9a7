// Scenario 4: with the sessionStorage choice a reload keeps the session; with the default
// memory storage it does not, and the guard sends the user to the login page. Also: signing out
// forgets the stored tokens and revokes the refresh token on the server.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { fireBurst, signInToDashboard } from './support/demo-app';
import { statsDelta } from './support/demo-server';
import { postJson } from './support/start-server.mjs';

/** On the login page, ticks "Keep me signed in (sessionStorage)": the page reloads with it. */
async function keepSignedIn(page: Page): Promise<void> {
  await page.goto('/login');
  // Changing the choice reloads the page so that the app starts with the new storage.
  await Promise.all([
    page.waitForEvent('load'),
    page.getByTestId('keep-signed-in').check({ noWaitAfter: true }),
  ]);
  await page.getByTestId('login-form').waitFor();
}

test('memory storage (default): a reload ends the session', async ({
  page,
  pageErrors,
  server,
}) => {
  await signInToDashboard(page);
  expect(await page.getByTestId('token-storage').innerText()).toBe('Memory only');
  const start = await server.stats();

  await page.reload();
  await page.waitForURL((url) => url.pathname === '/login');
  expect(new URL(page.url()).searchParams.get('returnUrl')).toBe('/dashboard');
  await page.getByTestId('login-form').waitFor();
  expect(await page.getByTestId('keep-signed-in').isChecked()).toBe(false);
  const delta = statsDelta(start, await server.stats());
  expect(delta['refreshCalls'], 'nothing to refresh with: the tokens are gone').toBe(0);
  expect(delta['apiRequests']).toBe(0);
  expect(pageErrors).toEqual([]);
});

test('sessionStorage: a reload keeps the session', async ({ page, pageErrors, server }) => {
  await keepSignedIn(page);
  expect(await page.getByTestId('keep-signed-in').isChecked()).toBe(true);

  await signInToDashboard(page);
  expect(await page.getByTestId('token-storage').innerText()).toBe('sessionStorage');
  const generation = await page.getByTestId('token-generation').innerText();
  const start = await server.stats();

  await page.reload();
  await page.getByTestId('dashboard-page').waitFor();
  expect(new URL(page.url()).pathname).toBe('/dashboard');
  expect(await page.getByTestId('session-status').getAttribute('data-session-status')).toBe(
    'authenticated',
  );
  expect(await page.getByTestId('current-user').innerText()).toBe('demo');
  expect(await page.getByTestId('token-generation').innerText()).toBe(generation);
  const stored = await page.evaluate(() => Object.keys(sessionStorage));
  expect(stored, `sessionStorage keys: ${stored}`).toContain('ngx-token-refresh');

  // The restored session works against the API.
  expect(await fireBurst(page)).toBe(20);
  expect(await page.getByTestId('burst-summary').innerText()).toMatch(/20 of 20 succeeded/);
  const delta = statsDelta(start, await server.stats());
  expect(delta['logins'], 'no new login').toBe(0);
  expect(delta['apiSuccesses']).toBe(20);
  expect(pageErrors).toEqual([]);
});

test('signing out forgets the tokens and revokes the refresh token on the server', async ({
  page,
  pageErrors,
  server,
}) => {
  await keepSignedIn(page);
  await signInToDashboard(page);
  // sessionStorage lets the test see the refresh token the app holds.
  const { refreshToken } = await page.evaluate(() =>
    JSON.parse(sessionStorage.getItem('ngx-token-refresh') ?? 'null'),
  );
  expect(typeof refreshToken).toBe('string');

  await page.getByTestId('logout').click();
  await page.waitForURL((url) => url.pathname === '/login' && url.search === '');
  expect(await page.getByTestId('current-user').count()).toBe(0);
  expect(await page.evaluate(() => sessionStorage.getItem('ngx-token-refresh'))).toBeNull();
  const refused = await postJson(`${server.url}/api/auth/refresh`, { refreshToken });
  expect(refused.status, 'the server revoked the refresh token').toBe(400);
  expect(refused.body.error).toBe('invalid_grant');

  await page.goto('/dashboard');
  await page.waitForURL((url) => url.pathname === '/login');
  expect(pageErrors).toEqual([]);
});

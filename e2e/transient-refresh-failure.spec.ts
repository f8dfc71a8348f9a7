// Scenario 3: a refresh that fails transiently (500, dropped connection, server down) keeps the
// session; the page says so, and the next action after recovery succeeds. The tests run in order
// on one signed-in page whose access token has expired.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  errorsOf,
  fireBurst,
  newContext,
  openTab,
  signInToDashboard,
  waitPastExpiry,
} from './support/demo-app';
import { type DemoServer, statsDelta } from './support/demo-server';

const NOTICE = /Refresh failed \((.+)\) — you are still signed in; the next action will retry/;

test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser, demoServer }) => {
  context = await newContext(browser, demoServer.url);
  page = await openTab(context);
  await signInToDashboard(page);
  await waitPastExpiry(page);
});

test.afterAll(async () => {
  await context?.close();
});

/** Fires 20 requests and returns [succeeded, server counter deltas]. */
async function fire(server: DemoServer): Promise<[number, Record<string, number>]> {
  const before = await server.stats();
  const succeeded = await fireBurst(page);
  return [succeeded, statsDelta(before, await server.stats())];
}

async function expectStillSignedIn(cause: string): Promise<void> {
  const notice = page.getByTestId('refresh-failed-notice');
  await notice.waitFor();
  expect(await notice.getAttribute('data-cause')).toBe(cause);
  expect(await notice.innerText()).toMatch(NOTICE);
  expect(new URL(page.url()).pathname, 'no redirect').toBe('/dashboard');
  const badge = page.getByTestId('session-status');
  expect(await badge.getAttribute('data-session-status')).toBe('authenticated');
  expect(await page.getByTestId('current-user').innerText()).toBe('demo');
}

test('refresh answers 500 (switched on in the page)', async ({ server }) => {
  await page.getByTestId('fault-fail-500').check();
  // The box shows checked on the click, before the page's POST reaches the server: wait for it.
  await expect
    .poll(async () => (await server.faults())['failNextRefreshes'], {
      message: 'the switch reached the server',
    })
    .toBe(1);
  await page.locator('[data-testid="fault-fail-500"]:checked').waitFor();
  const [succeeded, delta] = await fire(server);
  expect(succeeded).toBe(0);
  expect(await page.getByTestId('burst-summary').innerText()).toMatch(
    /0 of 20 succeeded · 20 failed/,
  );
  expect(delta['refreshCalls'], 'one shared refresh attempt').toBe(1);
  expect(delta['refreshFailures']).toBe(1);
  expect(delta['apiRequests'], 'no request went out with the expired token').toBe(0);
  await expectStillSignedIn('server error');
  await page.locator('[data-testid="fault-fail-500"]:not(:checked)').waitFor();
});

test('refresh connection dropped', async ({ server }, testInfo) => {
  // Chromium resends a request by itself (up to twice) when a reused keep-alive connection
  // closes without an answer, so a single dropped connection may go unnoticed: drop three.
  await server.faults({ failNextRefreshes: 3, failMode: 'drop' });
  const [succeeded, delta] = await fire(server);
  expect(succeeded).toBe(0);
  const calls = delta['refreshCalls'];
  expect(calls >= 1 && calls <= 3, `${calls} calls`).toBe(true);
  testInfo.annotations.push({
    type: 'diagnostic',
    description: `dropped refresh calls seen by the server: ${calls}`,
  });
  expect(delta['refreshSuccesses']).toBe(0);
  await expectStillSignedIn('network error');
  await server.faults({ failNextRefreshes: 0 });
});

test('API briefly down', async ({ server }) => {
  const { downForMs } = await server.faults({ downForMs: 1500 });
  expect(downForMs).toBeGreaterThan(0);
  const [succeeded, delta] = await fire(server);
  expect(succeeded).toBe(0);
  expect(delta['refreshCalls'], 'the outage dropped the refresh before it was counted').toBe(0);
  await expectStillSignedIn('network error');
  // Recovery.
  while ((await server.faults())['downForMs'] > 0) await new Promise((r) => setTimeout(r, 100));
});

test('the next action after recovery succeeds', async ({ server }) => {
  const [succeeded, delta] = await fire(server);
  expect(succeeded).toBe(20);
  expect(await page.getByTestId('burst-summary').innerText()).toMatch(/20 of 20 succeeded/);
  expect(delta['refreshCalls']).toBe(1);
  expect(delta['refreshSuccesses']).toBe(1);
  expect(delta['reuseDetections'], 'the failed attempts did not burn the refresh token').toBe(0);
  expect(delta['apiSuccesses']).toBe(20);
  await page.getByTestId('refresh-failed-notice').waitFor({ state: 'detached' });
  expect(await page.getByTestId('session-status').getAttribute('data-status')).toBe(
    'authenticated',
  );
  expect(errorsOf(page)).toEqual([]);
});

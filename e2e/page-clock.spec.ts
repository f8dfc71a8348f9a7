// A device clock 10 minutes ahead of the auth server's (Playwright's clock, the real server's own):
// each refreshed token counts its lifetime on the page's clock, so the guarded dashboard opens after
// one refresh and requests go out without a refresh each.
import { expect, test } from './fixtures';
import { fireBurst, signInToDashboard } from './support/demo-app';
import { statsDelta } from './support/demo-server';

const AHEAD_MS = 10 * 60_000;

// Tokens that live 60 s: the refresh comes 30 s (the default leeway) before their end.
test.use({ serverEnv: { ACCESS_TTL: '60s' } });

test('a page clock 10 minutes ahead: sign-in reaches the guarded dashboard after one refresh, and requests then need none', async ({
  page,
  pageErrors,
  server,
}) => {
  await page.clock.install({ time: Date.now() + AHEAD_MS });
  const start = await server.stats();
  // The login's token has expired by the page's clock: sessionGuard refreshes once, and the new
  // token, read on the page's clock, lets the navigation through.
  await signInToDashboard(page);
  const signedIn = await server.stats();
  expect(statsDelta(start, signedIn)['refreshCalls'], 'refreshes to reach the dashboard').toBe(1);
  const expiresAt = Number(
    await page.getByTestId('token-countdown').getAttribute('data-expires-at'),
  );
  const pageNow = await page.evaluate(() => Date.now());
  expect(expiresAt - pageNow, 'the token ends by the page clock in ms').toBeGreaterThan(20_000);
  expect(expiresAt - pageNow, 'the token ends by the page clock in ms').toBeLessThanOrEqual(60_000);

  for (let burst = 1; burst <= 3; burst++) {
    expect(await fireBurst(page), `burst ${burst}: requests that succeeded`).toBe(20);
  }
  const delta = statsDelta(signedIn, await server.stats());
  expect(delta['refreshCalls'], 'refresh calls during the bursts').toBe(0);
  expect(delta['unauthorized'], '401s served').toBe(0);
  expect(delta['apiSuccesses'], 'successful API responses').toBe(60);
  expect(await page.getByTestId('session-status').getAttribute('data-status')).toBe(
    'authenticated',
  );
  expect(pageErrors).toEqual([]);
});

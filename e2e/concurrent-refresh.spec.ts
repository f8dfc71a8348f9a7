// Scenario 1: after the access token expired, 20 concurrent requests share exactly one refresh.
import { expect, test } from './fixtures';
import { fireBurst, signInToDashboard, waitPastExpiry } from './support/demo-app';
import { statsDelta } from './support/demo-server';

test('20 concurrent requests after expiry cause exactly one refresh', async ({
  page,
  pageErrors,
  server,
}, testInfo) => {
  await signInToDashboard(page);
  await waitPastExpiry(page);
  const before = await server.stats();

  expect(await fireBurst(page)).toBe(20);
  const after = await server.stats();

  // The server: one refresh, no reuse, 20 successful API responses, no 401.
  const delta = statsDelta(before, after);
  expect(delta['refreshCalls'], 'refresh calls').toBe(1);
  expect(delta['refreshSuccesses'], 'successful refreshes').toBe(1);
  expect(delta['reuseDetections'], 'reuse detections').toBe(0);
  expect(delta['apiRequests'], 'API requests').toBe(20);
  expect(delta['apiSuccesses'], 'successful API responses').toBe(20);
  expect(delta['unauthorized'], '401s served').toBe(0);
  const newGenerations = Object.entries(after.requestsByGeneration).filter(
    ([gen, count]) => count !== (before.requestsByGeneration[gen] ?? 0),
  );
  expect(newGenerations.length, 'all 20 requests carried the same token generation').toBe(1);
  const [[generation]] = newGenerations;

  // The page: the summary, the session, the log and the counters agree.
  const summary = page.getByTestId('burst-summary');
  expect(await summary.getAttribute('data-succeeded')).toBe('20');
  expect(await summary.innerText()).toMatch(/20 of 20 succeeded/);
  expect(await page.getByTestId('session-status').getAttribute('data-status')).toBe(
    'authenticated',
  );
  expect(await page.getByTestId('token-generation').innerText()).toBe(`gen ${generation}`);
  const itemRows = page.locator('[data-testid="log-row"][data-url^="/api/items/"]');
  expect(await itemRows.count()).toBe(20);
  const sentWith = await itemRows.evaluateAll((rows) =>
    rows.map(
      (row) =>
        `${(row as HTMLElement).dataset['status']}/gen${(row as HTMLElement).dataset['generation']}/${(row as HTMLElement).dataset['attempt']}`,
    ),
  );
  expect(new Set(sentWith)).toEqual(new Set([`200/gen${generation}/1`]));
  const refreshRows = page.locator('[data-testid="log-row"][data-url="/api/auth/refresh"]');
  expect(await refreshRows.count()).toBe(1);
  expect(await refreshRows.getAttribute('data-authorized')).toBe('false');
  await page
    .locator(`[data-testid="stat-refresh-calls"]:text-is("${after['refreshCalls']}")`)
    .waitFor();
  expect(pageErrors).toEqual([]);

  const screenshot = testInfo.outputPath('dashboard-after-fire-20.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  await testInfo.attach('dashboard-after-fire-20', { path: screenshot, contentType: 'image/png' });
});

// Scenario 1: after the access token expired, 20 concurrent requests share exactly one refresh.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  fireBurst,
  RESULTS_DIR,
  launchBrowser,
  openPage,
  signInToDashboard,
  startDemoServer,
  statsDelta,
  waitPastExpiry,
} from './support/demo-app.mjs';

test('20 concurrent requests after expiry cause exactly one refresh', async (t) => {
  const server = await startDemoServer(t.after.bind(t));
  const browser = await launchBrowser(t.after.bind(t));
  const page = await openPage(browser, server.url);

  await signInToDashboard(page);
  await waitPastExpiry(page);
  const before = await server.stats();

  assert.equal(await fireBurst(page), 20);
  const after = await server.stats();

  // The server: one refresh, no reuse, 20 successful API responses, no 401.
  const delta = statsDelta(before, after);
  assert.equal(delta.refreshCalls, 1, 'refresh calls');
  assert.equal(delta.refreshSuccesses, 1, 'successful refreshes');
  assert.equal(delta.reuseDetections, 0, 'reuse detections');
  assert.equal(delta.apiRequests, 20, 'API requests');
  assert.equal(delta.apiSuccesses, 20, 'successful API responses');
  assert.equal(delta.unauthorized, 0, '401s served');
  const newGenerations = Object.entries(after.requestsByGeneration).filter(
    ([gen, count]) => count !== (before.requestsByGeneration[gen] ?? 0),
  );
  assert.equal(newGenerations.length, 1, 'all 20 requests carried the same token generation');
  const [[generation]] = newGenerations;

  // The page: the summary, the session, the log and the counters agree.
  const summary = page.getByTestId('burst-summary');
  assert.equal(await summary.getAttribute('data-succeeded'), '20');
  assert.match(await summary.innerText(), /20 of 20 succeeded/);
  assert.equal(
    await page.getByTestId('session-status').getAttribute('data-status'),
    'authenticated',
  );
  assert.equal(await page.getByTestId('token-generation').innerText(), `gen ${generation}`);
  const itemRows = page.locator('[data-testid="log-row"][data-url^="/api/items/"]');
  assert.equal(await itemRows.count(), 20);
  const sentWith = await itemRows.evaluateAll((rows) =>
    rows.map((row) => `${row.dataset.status}/gen${row.dataset.generation}/${row.dataset.attempt}`),
  );
  assert.deepEqual(new Set(sentWith), new Set([`200/gen${generation}/1`]));
  const refreshRows = page.locator('[data-testid="log-row"][data-url="/api/auth/refresh"]');
  assert.equal(await refreshRows.count(), 1);
  assert.equal(await refreshRows.getAttribute('data-authorized'), 'false');
  await page
    .locator(`[data-testid="stat-refresh-calls"]:text-is("${after.refreshCalls}")`)
    .waitFor();
  assert.deepEqual(page.errors, []);

  await mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: join(RESULTS_DIR, 'dashboard-after-fire-20.png'), fullPage: true });
});

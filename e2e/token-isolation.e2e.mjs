// Scenario 5: the token never goes to another origin. The page calls a header recorder on a
// second server process; the recorder must have seen the call, without an Authorization header.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  fireBurst,
  launchBrowser,
  openPage,
  signInToDashboard,
  startDemoServer,
  startRecorder,
  statsDelta,
  waitForTestId,
} from './support/demo-app.mjs';

test('the access token is never sent to another origin', async (t) => {
  const server = await startDemoServer(t.after.bind(t));
  const recorder = await startRecorder(t.after.bind(t));
  assert.notEqual(new URL(recorder.url).origin, new URL(server.url).origin);
  const browser = await launchBrowser(t.after.bind(t));
  const page = await openPage(browser, server.url);
  await signInToDashboard(page);

  // Control: same-origin calls of this session do carry the token.
  assert.equal(await fireBurst(page), 20);
  const ownRows = page.locator('[data-testid="log-row"][data-url^="/api/items/"]');
  assert.deepEqual(
    new Set(await ownRows.evaluateAll((rows) => rows.map((row) => row.dataset.authorized))),
    new Set(['true']),
  );

  const before = await server.stats();
  await page.getByTestId('partner-url').fill(recorder.url);
  await page.getByTestId('call-partner').click();
  await waitForTestId(page, 'partner-result', { status: 200 });

  const records = await recorder.records();
  const calls = records.filter((record) => record.path === '/v1/quotes');
  assert.ok(calls.length >= 1, `the recorder saw the call: ${JSON.stringify(records)}`);
  for (const { method, headers } of records) {
    assert.equal(headers.authorization, undefined, `${method} carried an Authorization header`);
    const preflight = headers['access-control-request-headers'] ?? '';
    assert.doesNotMatch(preflight, /authorization/i, 'no preflight for an Authorization header');
  }

  // The page: the call is logged without a token and the card says so.
  const result = page.getByTestId('partner-result');
  assert.equal(await result.getAttribute('data-authorized'), 'false');
  assert.match(await result.innerText(), /HTTP 200 · sent without a token/);
  const partnerRow = page.locator(`[data-testid="log-row"][data-url^="${recorder.url}"]`);
  assert.equal(await partnerRow.getAttribute('data-authorized'), 'false');
  assert.equal(statsDelta(before, await server.stats()).refreshCalls, 0);
  assert.deepEqual(page.errors, []);
});

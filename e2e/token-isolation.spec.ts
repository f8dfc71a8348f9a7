// Scenario 5: the token never goes to another origin. The page calls a header recorder on a
// second server process; the recorder must have seen the call, without an Authorization header.
import { expect, test } from './fixtures';
import { fireBurst, signInToDashboard, waitForTestId } from './support/demo-app';
import { statsDelta } from './support/demo-server';

test('the access token is never sent to another origin', async ({
  page,
  pageErrors,
  server,
  recorder,
}) => {
  await recorder.clear();
  expect(new URL(recorder.url).origin).not.toBe(new URL(server.url).origin);
  await signInToDashboard(page);

  // Control: same-origin calls of this session do carry the token.
  expect(await fireBurst(page)).toBe(20);
  const ownRows = page.locator('[data-testid="log-row"][data-url^="/api/items/"]');
  expect(
    new Set(
      await ownRows.evaluateAll((rows) =>
        rows.map((row) => (row as HTMLElement).dataset['authorized']),
      ),
    ),
  ).toEqual(new Set(['true']));

  const before = await server.stats();
  await page.getByTestId('partner-url').fill(recorder.url);
  await page.getByTestId('call-partner').click();
  await waitForTestId(page, 'partner-result', { status: 200 });

  const records = await recorder.records();
  const calls = records.filter((record) => record.path === '/v1/quotes');
  expect(
    calls.length,
    `the recorder saw the call: ${JSON.stringify(records)}`,
  ).toBeGreaterThanOrEqual(1);
  for (const { method, headers } of records) {
    expect(headers['authorization'], `${method} carried an Authorization header`).toBeUndefined();
    const preflight = headers['access-control-request-headers'] ?? '';
    expect(preflight, 'no preflight for an Authorization header').not.toMatch(/authorization/i);
  }

  // The page: the call is logged without a token and the card says so.
  const result = page.getByTestId('partner-result');
  expect(await result.getAttribute('data-authorized')).toBe('false');
  expect(await result.innerText()).toMatch(/HTTP 200 · sent without a token/);
  const partnerRow = page.locator(`[data-testid="log-row"][data-url^="${recorder.url}"]`);
  expect(await partnerRow.getAttribute('data-authorized')).toBe('false');
  expect(statsDelta(before, await server.stats())['refreshCalls']).toBe(0);
  expect(pageErrors).toEqual([]);
});

// Scenario 6: five tabs of one browser share one session (crossTab, the default). New tabs join
// it without a login and without tokens in web storage; after expiry 100 requests from 5 tabs
// share one refresh; a logout in one tab ends the session in the others at once; a tab closed
// mid-refresh releases the lock and the others finish. The tests run in order on the same tabs
// (after a failure the later ones are skipped, not run blind).
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  errorsOf,
  fireBurst,
  newContext,
  openTab,
  signIn,
  signInToDashboard,
  startBurst,
  waitForTestId,
  waitPastExpiry,
} from './support/demo-app';
import { statsDelta } from './support/demo-server';

const TAB_COUNT = 5;
const BURST = 20;
/** Scenario c: how long the server sits on each refresh before rotating the token. */
const SLOW_REFRESH_MS = 4000;
/** The revision marker the library keeps in localStorage (a number, never a token). */
const REVISION_KEY = 'ngx-token-refresh:ngx-token-refresh';
/** Beside it, the flag "the newest news was a session" ('1', never a token). */
const SESSION_MARK_KEY = `${REVISION_KEY}:session`;

// A tab closed mid-refresh must not look like theft: the server of this file has a reuse grace.
// Its tokens live 12 s, so the refreshed token stays clear of its own refresh (half its lifetime)
// while 5 tabs fire their bursts on a busy machine; with 8 s tokens a slow burst could see two.
test.use({ serverEnv: { REUSE_GRACE: '5s', ACCESS_TTL: '12000ms' } });
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
/** The open tabs, in the order they were opened (scenario c closes the first). */
const tabs: Page[] = [];

test.beforeAll(async ({ browser, demoServer }) => {
  context = await newContext(browser, demoServer.url);
});

test.afterAll(async () => {
  await context?.close();
});

/** Opens a tab; waits are condition-based, so generous timeouts only cost time on failure. */
async function addTab(): Promise<Page> {
  const tab = await openTab(context, 20_000);
  tabs.push(tab);
  return tab;
}

/** Waits until no tab refreshes and all show one token generation; returns it (`gen N`). */
async function settledGeneration(): Promise<string> {
  await Promise.all(tabs.map((tab) => waitForTestId(tab, 'refresh-lock', { locked: 'false' })));
  const generations = await Promise.all(
    tabs.map((tab) => tab.getByTestId('token-generation').innerText()),
  );
  expect(new Set(generations).size, `generations: ${generations}`).toBe(1);
  return generations[0];
}

/** In a tab: records in `window.expiredAt` when its session badge first turns "expired". */
function recordExpiry(): void {
  const win = window as unknown as { expiredAt?: number };
  const expired = () =>
    (document.querySelector('[data-testid="session-status"]') as HTMLElement | null)?.dataset[
      'status'
    ] === 'expired';
  new MutationObserver(() => expired() && (win.expiredAt ??= Date.now())).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
  });
}

/** How many refresh calls the tabs' request logs show, over all tabs. */
async function loggedRefreshes(): Promise<number> {
  const counts = await Promise.all(
    tabs.map((tab) => tab.locator('[data-testid="log-row"][data-url="/api/auth/refresh"]').count()),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

function expectNoPageErrors(): void {
  for (const tab of tabs) expect(errorsOf(tab)).toEqual([]);
}

test('new tabs join the session without a login or tokens in web storage', async ({ server }) => {
  const start = await server.stats();
  await signInToDashboard(await addTab());
  while (tabs.length < TAB_COUNT) {
    const tab = await addTab();
    await tab.goto('/dashboard');
    await tab.locator('[data-testid="dashboard-page"], [data-testid="login-page"]').waitFor();
    expect(new URL(tab.url()).pathname, `tab ${tabs.length} was not let in`).toBe('/dashboard');
    const badge = tab.getByTestId('session-status');
    expect(await badge.getAttribute('data-session-status')).toBe('authenticated');
    expect(await tab.getByTestId('current-user').innerText()).toBe('demo');
  }
  expect(statsDelta(start, await server.stats())['logins'], 'only the first tab logged in').toBe(1);
  // Memory storage: the tabs got the session from each other, not from web storage.
  for (const tab of tabs) {
    const stored = await tab.evaluate(() => ({
      local: { ...localStorage },
      session: { ...sessionStorage },
    }));
    expect(Object.keys(stored.session), 'nothing in sessionStorage').toEqual([]);
    expect(Object.keys(stored.local).sort(), 'only the revision marker and session flag').toEqual(
      [REVISION_KEY, SESSION_MARK_KEY].sort(),
    );
    expect(stored.local[REVISION_KEY]).toMatch(/^\d+$/);
    expect(stored.local[SESSION_MARK_KEY]).toBe('1');
  }
  expectNoPageErrors();
});

test('after expiry 5 tabs share one refresh', async ({ server }) => {
  await settledGeneration();
  await waitPastExpiry(tabs[0]);
  const before = await server.stats();
  const refreshesLogged = await loggedRefreshes();
  const succeeded = await Promise.all(tabs.map(fireBurst));
  const after = await server.stats();

  expect(succeeded, 'every burst succeeded').toEqual(Array(TAB_COUNT).fill(BURST));
  const delta = statsDelta(before, after);
  expect(delta['refreshCalls'], 'one refresh for all tabs').toBe(1);
  expect(delta['refreshSuccesses']).toBe(1);
  expect(delta['reuseDetections'], 'reuse detections').toBe(0);
  expect(delta['graceReuses'], 'no tab presented a rotated token').toBe(0);
  expect(delta['apiRequests']).toBe(TAB_COUNT * BURST);
  expect(delta['apiSuccesses'], 'successful API responses').toBe(TAB_COUNT * BURST);
  // No request left with the expired token: each tab's requests waited for the one refresh
  // (its own, or the news of another tab's), so the server answered no 401 and nothing retried.
  expect(delta['unauthorized'], '401s served').toBe(0);
  const newGenerations = Object.keys(after.requestsByGeneration).filter(
    (gen) => after.requestsByGeneration[gen] !== (before.requestsByGeneration[gen] ?? 0),
  );
  expect(newGenerations.length, 'all requests carried the same token generation').toBe(1);
  expect(await settledGeneration()).toBe(`gen ${newGenerations[0]}`);
  expect((await loggedRefreshes()) - refreshesLogged, 'one tab sent the refresh').toBe(1);
  expectNoPageErrors();
});

test('signing out in one tab shows every other tab "expired" within 1 s', async ({}, testInfo) => {
  const [leaving, ...others] = tabs;
  await Promise.all(others.map((tab) => tab.evaluate(recordExpiry)));
  await leaving
    .getByTestId('logout')
    .evaluate((button) =>
      button.addEventListener(
        'click',
        () => ((window as unknown as { clickedAt: number }).clickedAt = Date.now()),
        { capture: true },
      ),
    );
  await leaving.getByTestId('logout').click();
  await Promise.all(
    others.map((tab) =>
      waitForTestId(tab, 'session-status', { status: 'expired' }, { timeout: 1000 }),
    ),
  );
  // Measured in the browser: from the click's dispatch to each tab's badge turning "expired".
  const clickedAt = await leaving.evaluate(
    () => (window as unknown as { clickedAt: number }).clickedAt,
  );
  const latencies = await Promise.all(
    others.map(
      async (tab) =>
        (await tab.evaluate(() => (window as unknown as { expiredAt: number }).expiredAt)) -
        clickedAt,
    ),
  );
  testInfo.annotations.push({
    type: 'diagnostic',
    description: `ms from the logout click to "expired" in the other tabs: ${latencies}`,
  });
  for (const latency of latencies)
    expect(latency >= 0 && latency < 1000, `${latency} ms`).toBe(true);

  // The other tabs stay where they are and offer to sign in again; the leaving tab is signed out.
  for (const tab of others) {
    expect(new URL(tab.url()).pathname).toBe('/dashboard');
    await tab.getByTestId('sign-in-again').waitFor();
    expect(await tab.getByTestId('current-user').count()).toBe(0);
  }
  await leaving.waitForURL((url) => url.pathname === '/login' && url.search === '');
  expect(await leaving.getByTestId('session-ended-elsewhere').count()).toBe(0);
  expectNoPageErrors();
});

test('signing in again in one tab signs every tab in', async ({ server }) => {
  const [signedOut, returning, ...others] = tabs;
  const start = await server.stats();
  await returning.getByTestId('sign-in-again').click();
  await returning.waitForURL((url) => url.pathname === '/login');
  expect(new URL(returning.url()).searchParams.get('returnUrl')).toBe('/dashboard');
  await returning.getByTestId('session-ended').waitFor();
  await signIn(returning, { goto: false });
  await returning.waitForURL((url) => url.pathname === '/dashboard');

  for (const tab of others) {
    await waitForTestId(tab, 'session-status', { 'session-status': 'authenticated' });
    expect(await tab.getByTestId('session-ended-elsewhere').count()).toBe(0);
    expect(await tab.getByTestId('current-user').innerText()).toBe('demo');
  }
  // The tab that signed out is on the login page, now signed in: its header links back.
  await signedOut.getByTestId('nav-dashboard').click();
  await signedOut.getByTestId('dashboard-page').waitFor();
  expect(statsDelta(start, await server.stats())['logins']).toBe(1);
  expectNoPageErrors();
});

test('a tab closed mid-refresh releases the lock; the other tabs refresh and finish', async ({
  server,
}) => {
  const [holder, ...others] = tabs;
  await settledGeneration();
  await waitPastExpiry(holder);
  await server.faults({ refreshLatencyMs: SLOW_REFRESH_MS });
  const before = await server.stats();

  // The holder starts the refresh under the lock; the others queue for the lock behind it.
  await holder.getByTestId('fire-20').click();
  await server.waitForStats((stats) => stats['refreshCalls'] > before['refreshCalls']);
  await waitForTestId(holder, 'refresh-lock', { locked: 'true' });
  const finished = await Promise.all(others.map(startBurst));
  await Promise.all(others.map((tab) => waitForTestId(tab, 'refresh-lock', { locked: 'true' })));
  const mid = statsDelta(before, await server.stats());
  expect(mid['refreshCalls'], 'the others wait for the lock').toBe(1);
  expect(mid['refreshSuccesses'], "the holder's refresh has not been answered yet").toBe(0);

  await holder.close();
  tabs.shift();
  const succeeded = await Promise.all(finished.map((result) => result()));
  const delta = statsDelta(before, await server.stats());

  expect(succeeded, 'every other burst succeeded').toEqual(Array(others.length).fill(BURST));
  // The server processed the closed tab's refresh after its latency anyway: the refresh token
  // T0 rotated to T1, an answer nobody received. Closing the tab released the lock; the next tab
  // read no newer revision (the holder announced nothing) and refreshed with T0 again. That is
  // a reuse of the most recently rotated token within REUSE_GRACE: the server answered it with
  // the same successor T1 again instead of revoking the family. The other tabs took the news of
  // T1 instead of refreshing.
  expect(delta['refreshCalls'], "the holder's lost refresh and one more").toBe(2);
  expect(delta['refreshSuccesses']).toBe(2);
  expect(delta['graceReuses'], 'the second refresh reused the lost one within grace').toBe(1);
  expect(delta['reuseDetections'], 'no theft detected, the family lives').toBe(0);
  // The holder's 20 requests never left (they waited for its refresh); the others' 80 left
  // with the new token, so no 401.
  expect(delta['apiRequests']).toBe(others.length * BURST);
  expect(delta['apiSuccesses']).toBe(others.length * BURST);
  expect(delta['unauthorized']).toBe(0);
  await settledGeneration();
  for (const tab of tabs) {
    expect(await tab.getByTestId('session-status').getAttribute('data-status')).toBe(
      'authenticated',
    );
  }

  // The family lives on: the next refresh (with T1) is an ordinary rotation.
  await server.faults({ refreshLatencyMs: 0 });
  await waitPastExpiry(tabs[0]);
  const later = await server.stats();
  expect(await fireBurst(tabs[0])).toBe(BURST);
  const next = statsDelta(later, await server.stats());
  expect(next['refreshSuccesses'], 'the next refresh succeeded').toBe(1);
  expect(next['refreshFailures']).toBe(0);
  expect(next['graceReuses'] + next['reuseDetections'], 'with the current token').toBe(0);
  expectNoPageErrors();
});

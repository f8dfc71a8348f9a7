// Scenario 6: five tabs of one browser share one session (crossTab, the default). New tabs join
// it without a login and without tokens in web storage; after expiry 100 requests from 5 tabs
// share one refresh; a logout in one tab ends the session in the others at once; a tab closed
// mid-refresh releases the lock and the others finish. The tests run in order on the same tabs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  fireBurst,
  launchBrowser,
  newContext,
  openTab,
  signIn,
  signInToDashboard,
  startBurst,
  startDemoServer,
  statsDelta,
  waitForTestId,
  waitPastExpiry,
} from './support/demo-app.mjs';

const TAB_COUNT = 5;
const BURST = 20;
/** Scenario c: how long the server sits on each refresh before rotating the token. */
const SLOW_REFRESH_MS = 4000;
/** The revision marker the library keeps in localStorage (a number, never a token). */
const REVISION_KEY = 'ngx-token-refresh:ngx-token-refresh';
const SESSION_MARK_KEY = `${REVISION_KEY}:session`;

let server;
let context;
/** The open tabs, in the order they were opened (scenario c closes the first). */
const tabs = [];
const cleanups = [];

before(async () => {
  server = await startDemoServer((stop) => cleanups.push(stop), { REUSE_GRACE: '5s' });
  const browser = await launchBrowser((close) => cleanups.push(close));
  context = await newContext(browser, server.url);
});

after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** The tests build on each other: after a failure the later ones are skipped, not run blind. */
let failedStep = null;
function step(name, body) {
  test(name, async (t) => {
    if (failedStep) return t.skip(`"${failedStep}" failed`);
    try {
      await body(t);
    } catch (error) {
      failedStep = name;
      throw error;
    }
  });
}

/** Opens a tab; waits are condition-based, so generous timeouts only cost time on failure. */
async function addTab() {
  const tab = await openTab(context);
  tab.setDefaultTimeout(20_000);
  tabs.push(tab);
  return tab;
}

/** Waits until no tab refreshes and all show one token generation; returns it (`gen N`). */
async function settledGeneration() {
  await Promise.all(tabs.map((tab) => waitForTestId(tab, 'refresh-lock', { locked: 'false' })));
  const generations = await Promise.all(
    tabs.map((tab) => tab.getByTestId('token-generation').innerText()),
  );
  assert.equal(new Set(generations).size, 1, `generations: ${generations}`);
  return generations[0];
}

/** In a tab: records in `window.expiredAt` when its session badge first turns "expired". */
function recordExpiry() {
  const expired = () =>
    document.querySelector('[data-testid="session-status"]')?.dataset.status === 'expired';
  new MutationObserver(() => expired() && (window.expiredAt ??= Date.now())).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
  });
}

/** How many refresh calls the tabs' request logs show, over all tabs. */
async function loggedRefreshes() {
  const counts = await Promise.all(
    tabs.map((tab) => tab.locator('[data-testid="log-row"][data-url="/api/auth/refresh"]').count()),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

step('new tabs join the session; after expiry 5 tabs share one refresh', async () => {
  const start = await server.stats();
  await signInToDashboard(await addTab());
  while (tabs.length < TAB_COUNT) {
    const tab = await addTab();
    await tab.goto('/dashboard');
    await tab.locator('[data-testid="dashboard-page"], [data-testid="login-page"]').waitFor();
    assert.equal(new URL(tab.url()).pathname, '/dashboard', `tab ${tabs.length} was not let in`);
    const badge = tab.getByTestId('session-status');
    assert.equal(await badge.getAttribute('data-session-status'), 'authenticated');
    assert.equal(await tab.getByTestId('current-user').innerText(), 'demo');
  }
  assert.equal(statsDelta(start, await server.stats()).logins, 1, 'only the first tab logged in');
  // Memory storage: the tabs got the session from each other, not from web storage.
  for (const tab of tabs) {
    const stored = await tab.evaluate(() => ({
      local: { ...localStorage },
      session: { ...sessionStorage },
    }));
    assert.deepEqual(Object.keys(stored.session), [], 'nothing in sessionStorage');
    assert.deepEqual(
      Object.keys(stored.local).sort(),
      [REVISION_KEY, SESSION_MARK_KEY],
      'only the revision marker and the session mark',
    );
    assert.match(stored.local[REVISION_KEY], /^\d+$/);
    assert.equal(stored.local[SESSION_MARK_KEY], '1');
  }

  await settledGeneration();
  await waitPastExpiry(tabs[0]);
  const before = await server.stats();
  const refreshesLogged = await loggedRefreshes();
  const succeeded = await Promise.all(tabs.map(fireBurst));
  const after = await server.stats();

  assert.deepEqual(succeeded, Array(TAB_COUNT).fill(BURST), 'every burst succeeded');
  const delta = statsDelta(before, after);
  assert.equal(delta.refreshCalls, 1, 'one refresh for all tabs');
  assert.equal(delta.refreshSuccesses, 1);
  assert.equal(delta.reuseDetections, 0, 'reuse detections');
  assert.equal(delta.graceReuses, 0, 'no tab presented a rotated token');
  assert.equal(delta.apiRequests, TAB_COUNT * BURST);
  assert.equal(delta.apiSuccesses, TAB_COUNT * BURST, 'successful API responses');
  // No request left with the expired token: each tab's requests waited for the one refresh
  // (its own, or the news of another tab's), so the server answered no 401 and nothing retried.
  assert.equal(delta.unauthorized, 0, '401s served');
  const newGenerations = Object.keys(after.requestsByGeneration).filter(
    (gen) => after.requestsByGeneration[gen] !== (before.requestsByGeneration[gen] ?? 0),
  );
  assert.equal(newGenerations.length, 1, 'all requests carried the same token generation');
  assert.equal(await settledGeneration(), `gen ${newGenerations[0]}`);
  assert.equal((await loggedRefreshes()) - refreshesLogged, 1, 'one tab sent the refresh');
  for (const tab of tabs) assert.deepEqual(tab.errors, []);
});

step('signing out in one tab shows every other tab "expired" within 1 s', async (t) => {
  const [leaving, ...others] = tabs;
  await Promise.all(others.map((tab) => tab.evaluate(recordExpiry)));
  await leaving
    .getByTestId('logout')
    .evaluate((button) =>
      button.addEventListener('click', () => (window.clickedAt = Date.now()), { capture: true }),
    );
  await leaving.getByTestId('logout').click();
  await Promise.all(
    others.map((tab) =>
      waitForTestId(tab, 'session-status', { status: 'expired' }, { timeout: 1000 }),
    ),
  );
  // Measured in the browser: from the click's dispatch to each tab's badge turning "expired".
  const clickedAt = await leaving.evaluate(() => window.clickedAt);
  const latencies = await Promise.all(
    others.map(async (tab) => (await tab.evaluate(() => window.expiredAt)) - clickedAt),
  );
  t.diagnostic(`ms from the logout click to "expired" in the other tabs: ${latencies}`);
  for (const latency of latencies) assert.ok(latency >= 0 && latency < 1000, `${latency} ms`);

  // The other tabs stay where they are and offer to sign in again; the leaving tab is signed out.
  for (const tab of others) {
    assert.equal(new URL(tab.url()).pathname, '/dashboard');
    await tab.getByTestId('sign-in-again').waitFor();
    assert.equal(await tab.getByTestId('current-user').count(), 0);
  }
  await leaving.waitForURL((url) => url.pathname === '/login' && url.search === '');
  assert.equal(await leaving.getByTestId('session-ended-elsewhere').count(), 0);
  for (const tab of tabs) assert.deepEqual(tab.errors, []);
});

step('signing in again in one tab signs every tab in', async () => {
  const [signedOut, returning, ...others] = tabs;
  const start = await server.stats();
  await returning.getByTestId('sign-in-again').click();
  await returning.waitForURL((url) => url.pathname === '/login');
  assert.equal(new URL(returning.url()).searchParams.get('returnUrl'), '/dashboard');
  await returning.getByTestId('session-ended').waitFor();
  await signIn(returning, { goto: false });
  await returning.waitForURL((url) => url.pathname === '/dashboard');

  for (const tab of others) {
    await waitForTestId(tab, 'session-status', { 'session-status': 'authenticated' });
    assert.equal(await tab.getByTestId('session-ended-elsewhere').count(), 0);
    assert.equal(await tab.getByTestId('current-user').innerText(), 'demo');
  }
  // The tab that signed out is on the login page, now signed in: its header links back.
  await signedOut.getByTestId('nav-dashboard').click();
  await signedOut.getByTestId('dashboard-page').waitFor();
  assert.equal(statsDelta(start, await server.stats()).logins, 1);
  for (const tab of tabs) assert.deepEqual(tab.errors, []);
});

step('a tab closed mid-refresh releases the lock; the other tabs refresh and finish', async (t) => {
  const [holder, ...others] = tabs;
  await settledGeneration();
  await waitPastExpiry(holder);
  await server.faults({ refreshLatencyMs: SLOW_REFRESH_MS });
  t.after(() => server.faults({ refreshLatencyMs: 0 }));
  const before = await server.stats();

  // The holder starts the refresh under the lock; the others queue for the lock behind it.
  await holder.getByTestId('fire-20').click();
  await server.waitForStats((stats) => stats.refreshCalls > before.refreshCalls);
  await waitForTestId(holder, 'refresh-lock', { locked: 'true' });
  const finished = await Promise.all(others.map(startBurst));
  await Promise.all(others.map((tab) => waitForTestId(tab, 'refresh-lock', { locked: 'true' })));
  const mid = statsDelta(before, await server.stats());
  assert.equal(mid.refreshCalls, 1, 'the others wait for the lock');
  assert.equal(mid.refreshSuccesses, 0, "the holder's refresh has not been answered yet");

  await holder.close();
  tabs.shift();
  const succeeded = await Promise.all(finished.map((result) => result()));
  const delta = statsDelta(before, await server.stats());

  assert.deepEqual(succeeded, Array(others.length).fill(BURST), 'every other burst succeeded');
  // The server processed the closed tab's refresh after its latency anyway: the refresh token
  // T0 rotated to T1, an answer nobody received. Closing the tab released the lock; the next tab
  // read no newer revision (the holder announced nothing) and refreshed with T0 again. That is
  // a reuse of the most recently rotated token within REUSE_GRACE: the server answered it with
  // the same successor T1 again instead of revoking the family. The other tabs took the news of
  // T1 instead of refreshing.
  assert.equal(delta.refreshCalls, 2, "the holder's lost refresh and one more");
  assert.equal(delta.refreshSuccesses, 2);
  assert.equal(delta.graceReuses, 1, 'the second refresh reused the lost one within grace');
  assert.equal(delta.reuseDetections, 0, 'no theft detected, the family lives');
  // The holder's 20 requests never left (they waited for its refresh); the others' 80 left
  // with the new token, so no 401.
  assert.equal(delta.apiRequests, others.length * BURST);
  assert.equal(delta.apiSuccesses, others.length * BURST);
  assert.equal(delta.unauthorized, 0);
  await settledGeneration();
  for (const tab of tabs) {
    assert.equal(
      await tab.getByTestId('session-status').getAttribute('data-status'),
      'authenticated',
    );
  }

  // The family lives on: the next refresh (with T1) is an ordinary rotation.
  await server.faults({ refreshLatencyMs: 0 });
  await waitPastExpiry(tabs[0]);
  const later = await server.stats();
  assert.equal(await fireBurst(tabs[0]), BURST);
  const next = statsDelta(later, await server.stats());
  assert.equal(next.refreshSuccesses, 1, 'the next refresh succeeded');
  assert.equal(next.refreshFailures, 0);
  assert.equal(next.graceReuses + next.reuseDetections, 0, 'with the current token');
  for (const tab of tabs) assert.deepEqual(tab.errors, []);
});

// E2E harness for the demo app: the built SPA served by the real auth server, driven by
// playwright-core on the system Chromium. Nothing here builds anything.
import CHROMIUM_FLAGS from '../../scripts/chromium-flags.cjs';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { getJson, postJson, startServer } from './start-server.mjs';

export const DIST_DIR = fileURLToPath(
  new URL('../../dist/ngx-token-refresh-workspace/browser/', import.meta.url),
);
export const RESULTS_DIR = fileURLToPath(new URL('../../test-results/e2e/', import.meta.url));

/** Access-token lifetime for the e2e server; the app refreshes 5 s (its leeway) before expiry. */
export const ACCESS_TTL_MS = 8000;

/** Throws a readable error when the demo app has not been built. */
export function requireBuild() {
  if (!existsSync(new URL('index.html', `file://${DIST_DIR}`))) {
    throw new Error(
      `The demo app is not built (no ${DIST_DIR}index.html).\n` +
        'Run `npx ng build ngx-token-refresh && npx ng build` before the e2e tests.',
    );
  }
}

/**
 * Starts the auth server in test mode, serving the built app on the same origin.
 * `cleanup` registers the stop (pass `t.after` or node:test's `after`).
 */
export async function startDemoServer(cleanup, env = {}) {
  requireBuild();
  const server = await startServer({
    env: { TEST_MODE: '1', ACCESS_TTL: `${ACCESS_TTL_MS}ms`, STATIC_DIR: DIST_DIR, ...env },
  });
  cleanup(() => server.stop());
  const api = (path) => `${server.url}/api${path}`;
  const stats = async () => {
    const { status, body } = await getJson(api('/_stats'));
    if (status !== 200) throw new Error(`GET /api/_stats answered ${status}`);
    return body;
  };
  return {
    ...server,
    stats,
    async faults(patch) {
      const { status, body } = patch
        ? await postJson(api('/_faults'), patch)
        : await getJson(api('/_faults'));
      if (status !== 200)
        throw new Error(`/api/_faults answered ${status}: ${JSON.stringify(body)}`);
      return body;
    },
    /** Polls /api/_stats until `condition(stats)` holds; resolves those stats. */
    async waitForStats(condition, { timeoutMs = 15_000, intervalMs = 50 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = await stats();
        if (condition(current)) return current;
        if (Date.now() > deadline) {
          throw new Error(`/api/_stats did not reach the condition in ${timeoutMs} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    },
    async revokeAll() {
      const { status, body } = await postJson(api('/_revoke-all'), {});
      if (status !== 200) throw new Error(`POST /api/_revoke-all answered ${status}`);
      return body;
    },
  };
}

/** Starts the "other origin" header recorder. */
export async function startRecorder(cleanup) {
  const recorder = await startServer({ name: 'recorder' });
  cleanup(() => recorder.stop());
  return {
    ...recorder,
    async records() {
      const { status, body } = await getJson(`${recorder.url}/_records`);
      if (status !== 200) throw new Error(`GET /_records answered ${status}`);
      return body;
    },
  };
}

/** Launches Debian's Chromium (or CHROME_BIN); `cleanup` registers the close. */
export async function launchBrowser(cleanup) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  cleanup(() => browser.close());
  return browser;
}

/**
 * Opens a page in a fresh context (own storage) on `baseURL`. Page errors are collected in
 * `page.errors` so that tests can assert the app did not crash.
 */
export async function openPage(browser, baseURL) {
  return openTab(await newContext(browser, baseURL));
}

/** A fresh browser context (own storage, as a separate browser profile) on `baseURL`. */
export function newContext(browser, baseURL) {
  return browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
}

/** Opens a page (a tab) in `context`: tabs of one context share storage, locks and channels. */
export async function openTab(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  return page;
}

/** Signs in through the login page (navigating there unless already on it). */
export async function signIn(page, { username = 'demo', password = 'demo', goto = true } = {}) {
  if (goto) await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Signs in from scratch and waits for the dashboard. */
export async function signInToDashboard(page) {
  await signIn(page);
  await page.waitForURL('**/dashboard');
  await page.getByTestId('dashboard-page').waitFor();
}

/** Waits until the access token shown on the dashboard has expired (plus a margin). */
export async function waitPastExpiry(page, marginMs = 300) {
  const value = await page.getByTestId('token-countdown').getAttribute('data-expires-at');
  const expiresAt = Number(value);
  if (!Number.isFinite(expiresAt) || expiresAt <= 0) {
    throw new Error(`the dashboard shows no token expiry (data-expires-at=${value})`);
  }
  const wait = expiresAt + marginMs - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** The numeric counters that changed between two /api/_stats snapshots. */
export function statsDelta(before, after) {
  const delta = {};
  for (const [key, value] of Object.entries(after)) {
    if (typeof value === 'number') delta[key] = value - before[key];
  }
  return delta;
}

/**
 * Waits until `[data-testid=<testId>]` has the attribute value (e.g. a summary is done).
 * `options` go to Playwright's `waitFor` (e.g. `{ timeout: 1000 }`).
 */
export function waitForTestId(page, testId, attributes = {}, options = {}) {
  const filters = Object.entries(attributes)
    .map(([name, value]) => `[data-${name}="${value}"]`)
    .join('');
  return page.locator(`[data-testid="${testId}"]${filters}`).waitFor(options);
}

/**
 * Clicks "Fire 20 requests" and waits for that burst (not an earlier one) to finish.
 * Returns how many of the 20 succeeded.
 */
export async function fireBurst(page) {
  const finished = await startBurst(page);
  return finished();
}

/**
 * Clicks "Fire 20 requests" without waiting for the burst. Resolves a function that waits for
 * that burst to finish and returns how many of the 20 succeeded.
 */
export async function startBurst(page) {
  const summary = page.getByTestId('burst-summary');
  const runs = Number((await summary.getAttribute('data-runs')) ?? 0);
  await page.getByTestId('fire-20').click();
  return async () => {
    await waitForTestId(page, 'burst-summary', { state: 'done', runs: runs + 1 });
    return Number(await summary.getAttribute('data-succeeded'));
  };
}

// Driving the demo app's pages: sign-in, token expiry, bursts of requests, data-testid waits.
import type { Browser, BrowserContext, Page } from '@playwright/test';

const pageErrors = new WeakMap<Page, string[]>();

/** Starts collecting the page's uncaught errors; `errorsOf(page)` reads them. */
export function watchErrors(page: Page): string[] {
  let errors = pageErrors.get(page);
  if (!errors) {
    const list: string[] = [];
    page.on('pageerror', (error) => list.push(error.message));
    pageErrors.set(page, list);
    errors = list;
  }
  return errors;
}

/** The uncaught errors of a page opened by the fixtures or `openTab`. */
export function errorsOf(page: Page): string[] {
  const errors = pageErrors.get(page);
  if (!errors) throw new Error('errorsOf: this page was not opened by the e2e fixtures');
  return errors;
}

/**
 * A browser context (own storage, as a separate browser profile) on `baseURL`, for scenarios whose
 * tests share pages (`beforeAll`); the others use Playwright's `page` fixture.
 */
export function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
}

/** Opens a page (a tab) in `context`: tabs of one context share storage, locks and channels. */
export async function openTab(context: BrowserContext, timeout = 10_000): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  watchErrors(page);
  return page;
}

/** Signs in through the login page (navigating there unless already on it). */
export async function signIn(
  page: Page,
  { username = 'demo', password = 'demo', goto = true } = {},
) {
  if (goto) await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Signs in from scratch and waits for the dashboard. */
export async function signInToDashboard(page: Page): Promise<void> {
  await signIn(page);
  await page.waitForURL('**/dashboard');
  await page.getByTestId('dashboard-page').waitFor();
}

/** Waits until the access token shown on the dashboard has expired (plus a margin). */
export async function waitPastExpiry(page: Page, marginMs = 300): Promise<void> {
  const value = await page.getByTestId('token-countdown').getAttribute('data-expires-at');
  const expiresAt = Number(value);
  if (!Number.isFinite(expiresAt) || expiresAt <= 0) {
    throw new Error(`the dashboard shows no token expiry (data-expires-at=${value})`);
  }
  const wait = expiresAt + marginMs - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/**
 * Waits until `[data-testid=<testId>]` has the attribute values (e.g. a summary is done).
 * `options` go to Playwright's `waitFor` (e.g. `{ timeout: 1000 }`).
 */
export function waitForTestId(
  page: Page,
  testId: string,
  attributes: Record<string, string | number> = {},
  options: { timeout?: number } = {},
): Promise<void> {
  const filters = Object.entries(attributes)
    .map(([name, value]) => `[data-${name}="${value}"]`)
    .join('');
  return page.locator(`[data-testid="${testId}"]${filters}`).waitFor(options);
}

/**
 * Clicks "Fire 20 requests" and waits for that burst (not an earlier one) to finish.
 * Returns how many of the 20 succeeded.
 */
export async function fireBurst(page: Page): Promise<number> {
  const finished = await startBurst(page);
  return finished();
}

/**
 * Clicks "Fire 20 requests" without waiting for the burst. Resolves a function that waits for
 * that burst to finish and returns how many of the 20 succeeded.
 */
export async function startBurst(page: Page): Promise<() => Promise<number>> {
  const summary = page.getByTestId('burst-summary');
  const runs = Number((await summary.getAttribute('data-runs')) ?? 0);
  await page.getByTestId('fire-20').click();
  return async () => {
    await waitForTestId(page, 'burst-summary', { state: 'done', runs: runs + 1 });
    return Number(await summary.getAttribute('data-succeeded'));
  };
}

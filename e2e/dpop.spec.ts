// DPoP (RFC 9449) in the browser: the demo app with withDpop() against the demo server, which
// verifies every proof and binds its tokens to the page's key. Requests at expiry still share
// one refresh, stolen tokens are useless without the key, a reload keeps key and session, the
// origin's tabs share one key, and nonce challenges are answered by exactly one repeat.
import type { Page } from '@playwright/test';
import { generateKeyPair, generateProof } from 'dpop';
import { expect, test } from './fixtures';
import {
  errorsOf,
  fireBurst,
  newContext,
  openTab,
  signIn,
  signInToDashboard,
  waitForTestId,
  waitPastExpiry,
} from './support/demo-app';
import { DemoServer } from './support/demo-server';
import {
  counters,
  jktOf,
  loadItems,
  loggedRequests,
  pageKeyThumbprint,
  presetDemoSettings,
  sessionCard,
  storedSession,
} from './support/dpop';
import { getJson, postJson } from './support/start-server.mjs';

const BURST = 20;
const ACCESS_TTL_MS = 12_000;

// 12-second tokens: a refreshed token is due for its own refresh 6 s later (half its lifetime),
// which a burst of signed requests, or 5 tabs acting at once, stays clear of on a busy machine.
test.use({ serverEnv: { ACCESS_TTL: `${ACCESS_TTL_MS}ms` } });

/**
 * Waits until the library refreshes before any request: half-way through the token's lifetime
 * (its leeway is capped there). Scenarios about the refresh, not the expiry, save that half.
 */
async function waitUntilRefreshDue(page: Page): Promise<void> {
  const expiresAt = Number(
    await page.getByTestId('token-countdown').getAttribute('data-expires-at'),
  );
  const wait = expiresAt - ACCESS_TTL_MS / 2 + 300 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

test('the login page switch turns DPoP on; 20 requests at expiry share one refresh, each with a proof', async ({
  page,
  pageErrors,
  server,
}) => {
  await page.goto('/login');
  // Changing the switch reloads the page so that the app starts with withDpop().
  await Promise.all([
    page.waitForEvent('load'),
    page.getByTestId('bind-tokens-dpop').check({ noWaitAfter: true }),
  ]);
  await page.getByTestId('login-form').waitFor();
  expect(await page.getByTestId('bind-tokens-dpop').isChecked()).toBe(true);
  const start = await server.stats();
  await signIn(page, { goto: false });
  await page.getByTestId('dashboard-page').waitFor();

  // The login carried a proof: the server bound the token to the page's key.
  const thumbprint = await pageKeyThumbprint(page);
  expect(await sessionCard(page)).toEqual({ jkt: thumbprint, tokenType: 'DPoP' });
  expect(counters(start, await server.stats())).toMatchObject({ logins: 1, dpopProofs: 1 });

  await waitPastExpiry(page);
  const before = await server.stats();
  expect(await fireBurst(page)).toBe(BURST);
  const after = await server.stats();

  expect(counters(before, after)).toEqual({
    logins: 0,
    refreshCalls: 1,
    refreshSuccesses: 1,
    apiRequests: BURST,
    apiSuccesses: BURST,
    unauthorized: 0,
    // Each API request and the refresh carried a proof the server verified.
    dpopProofs: BURST + 1,
    dpopNonceChallenges: 0,
  });
  expect(await loggedRequests(page, '[data-url^="/api/items/"]')).toEqual(
    Array(BURST).fill('200/1/DPoP/true'),
  );
  expect(await loggedRequests(page, '[data-url="/api/auth/refresh"]')).toEqual(['200/1/-/true']);
  // The refreshed token is bound to the same key.
  expect(await sessionCard(page)).toEqual({ jkt: thumbprint, tokenType: 'DPoP' });
  expect(pageErrors).toEqual([]);
});

test('tokens copied out of the page are refused without the key', async ({ browser, server }) => {
  const context = await newContext(browser, server.url);
  try {
    await presetDemoSettings(context, { dpop: 'on', storage: 'session' });
    const page = await openTab(context);
    await signInToDashboard(page);
    const { accessToken, refreshToken, tokenType } = await storedSession(page);
    expect(tokenType).toBe('DPoP');
    expect(jktOf(accessToken)).toBe(await pageKeyThumbprint(page));
    expect(refreshToken).toBeTruthy();

    const profile = `${server.url}/api/profile`;
    const refresh = `${server.url}/api/auth/refresh`;
    const thief = await generateKeyPair('ES256');
    const asBearer = await getJson(profile, { authorization: `Bearer ${accessToken}` });
    const noProof = await getJson(profile, { authorization: `DPoP ${accessToken}` });
    const otherKey = await getJson(profile, {
      authorization: `DPoP ${accessToken}`,
      dpop: await generateProof(thief, profile, 'GET', undefined, accessToken),
    });
    expect(
      [asBearer, noProof, otherKey].map((r) => `${r.status} ${r.headers.get('www-authenticate')}`),
    ).toEqual([
      '401 Bearer error="invalid_token"',
      '401 DPoP error="invalid_dpop_proof"',
      '401 DPoP error="invalid_token", error_description="key"',
    ]);

    const refreshNoProof = await postJson(refresh, { refreshToken });
    const refreshOtherKey = await postJson(
      refresh,
      { refreshToken },
      { dpop: await generateProof(thief, refresh, 'POST') },
    );
    expect([refreshNoProof, refreshOtherKey].map((r) => `${r.status} ${r.body.error}`)).toEqual([
      '400 invalid_dpop_proof',
      '400 invalid_grant',
    ]);

    // The page, which holds the key, carries on with the same tokens.
    const before = await server.stats();
    await loadItems(page);
    expect(counters(before, await server.stats())).toMatchObject({
      apiSuccesses: 1,
      refreshCalls: 0,
    });
    expect(errorsOf(page)).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a reload keeps the key and the session (storage: session)', async ({ browser, server }) => {
  const context = await newContext(browser, server.url);
  try {
    await presetDemoSettings(context, { dpop: 'on', storage: 'session' });
    const page = await openTab(context);
    await signInToDashboard(page);
    const card = await sessionCard(page);
    expect(card.tokenType).toBe('DPoP');
    const before = await server.stats();

    await page.reload();
    await page.getByTestId('dashboard-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    expect((await sessionCard(page)).jkt, 'the same key thumbprint').toBe(card.jkt);
    expect(await pageKeyThumbprint(page)).toBe(card.jkt);
    await loadItems(page);
    expect(counters(before, await server.stats())).toMatchObject({
      logins: 0,
      apiSuccesses: 1,
      unauthorized: 0,
      dpopProofs: 1,
    });
    expect(await loggedRequests(page, '[data-url="/api/items"]')).toEqual(['200/1/DPoP/true']);
    expect(errorsOf(page)).toEqual([]);
  } finally {
    await context.close();
  }
});

test('5 tabs share one key and one refresh', async ({ browser, server }) => {
  const context = await newContext(browser, server.url);
  try {
    await presetDemoSettings(context, { dpop: 'on' });
    const tabs = [await openTab(context, 20_000)];
    await signInToDashboard(tabs[0]);
    // One after the other, as a user opens tabs: each joins the session of the open ones.
    while (tabs.length < 5) {
      const tab = await openTab(context, 20_000);
      await tab.goto('/dashboard');
      await tab.getByTestId('dashboard-page').waitFor();
      tabs.push(tab);
    }
    const keys = await Promise.all(tabs.map((tab) => pageKeyThumbprint(tab)));
    const cards = await Promise.all(tabs.map(sessionCard));
    expect(new Set(keys).size, 'one key in IndexedDB for the origin').toBe(1);
    expect(cards).toEqual(Array(5).fill({ jkt: keys[0], tokenType: 'DPoP' }));

    await waitUntilRefreshDue(tabs[0]);
    const before = await server.stats();
    await Promise.all(tabs.map(loadItems));
    expect(counters(before, await server.stats())).toEqual({
      logins: 0,
      refreshCalls: 1,
      refreshSuccesses: 1,
      apiRequests: 5,
      apiSuccesses: 5,
      unauthorized: 0,
      dpopProofs: 6,
      dpopNonceChallenges: 0,
    });
    for (const tab of tabs) {
      await waitForTestId(tab, 'refresh-lock', { locked: 'false' });
      expect((await sessionCard(tab)).jkt).toBe(keys[0]);
      expect(errorsOf(tab)).toEqual([]);
    }
  } finally {
    await context.close();
  }
});

test('with nonces demanded, login, API calls and a refresh succeed; each challenge gets one repeat', async ({
  page,
  pageErrors,
  server,
}) => {
  await presetDemoSettings(page.context(), { dpop: 'on' });
  await setNonces(server, { requireNonce: true });

  // Login: the page has no nonce yet, the server demands one, the login is repeated once.
  let before = await server.stats();
  await signInToDashboard(page);
  expect(counters(before, await server.stats())).toEqual({
    ...NOTHING,
    logins: 1,
    dpopProofs: 1,
    dpopNonceChallenges: 1,
  });
  // The log lists the newest first.
  expect(await loggedRequests(page, '[data-url="/api/auth/login"]')).toEqual([
    '200/2/-/true',
    '400/1/-/true',
  ]);

  // The refresh, after the nonce went stale: 400 use_dpop_nonce, one repeat, then the API call.
  await waitUntilRefreshDue(page);
  await setNonces(server, { rotateNonce: true });
  before = await server.stats();
  await loadItems(page);
  expect(counters(before, await server.stats())).toEqual({
    ...NOTHING,
    refreshCalls: 2,
    refreshSuccesses: 1,
    apiRequests: 1,
    apiSuccesses: 1,
    dpopProofs: 2,
    dpopNonceChallenges: 1,
  });
  expect(await loggedRequests(page, '[data-url="/api/auth/refresh"]')).toEqual([
    '200/2/-/true',
    '400/1/-/true',
  ]);

  // 20 API calls with a stale nonce: 20 challenges (401), 20 repeats, no refresh for them.
  await setNonces(server, { rotateNonce: true });
  before = await server.stats();
  expect(await fireBurst(page)).toBe(BURST);
  expect(counters(before, await server.stats())).toEqual({
    ...NOTHING,
    apiRequests: 2 * BURST,
    apiSuccesses: BURST,
    unauthorized: BURST,
    dpopProofs: BURST,
    dpopNonceChallenges: BURST,
  });
  const burstRows = await loggedRequests(page, '[data-url^="/api/items/"]');
  expect(burstRows.filter((row) => row === '401/1/DPoP/true')).toHaveLength(BURST);
  expect(burstRows.filter((row) => row === '200/2/DPoP/true')).toHaveLength(BURST);
  expect(burstRows).toHaveLength(2 * BURST);
  expect(pageErrors).toEqual([]);
});

/** All counters zero: the base of the exact expectations above. */
const NOTHING = {
  logins: 0,
  refreshCalls: 0,
  refreshSuccesses: 0,
  apiRequests: 0,
  apiSuccesses: 0,
  unauthorized: 0,
  dpopProofs: 0,
  dpopNonceChallenges: 0,
};

async function setNonces(
  server: DemoServer,
  body: { requireNonce?: boolean; rotateNonce?: true },
): Promise<void> {
  const { status } = await postJson(`${server.url}/api/_dpop`, body);
  if (status !== 200) throw new Error(`POST /api/_dpop answered ${status}`);
}

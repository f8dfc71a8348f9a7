// Interoperability with oidc-provider (panva's OpenID Certified server): the demo app in its
// provider mode signs in with the authorization code flow + PKCE and exchanges the code in the
// page with the library's DPoP key (dpopProof()); the library then refreshes with its built-in
// tokenEndpoint mode. The provider demands DPoP nonces, binds the tokens to the page's key and
// rotates the refresh token; its userinfo endpoint is the resource the page keeps calling.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { generateKeyPair, generateProof } from 'dpop';
import { expect, test } from './fixtures';
import { errorsOf, fireBurst, newContext, openTab, waitForTestId } from './support/demo-app';
import { pageKeyThumbprint, presetDemoSettings, storedSession } from './support/dpop';
import { startOidcProvider } from './support/oidc-provider.mjs';

/** Access tokens live 12 s: the library refreshes them after 6 s (half the lifetime). */
const ACCESS_TTL_S = 12;
const BURST = 20;

type OidcProvider = Awaited<ReturnType<typeof startOidcProvider>>;
type OidcRequest = OidcProvider['requests'][number];

let op: OidcProvider;
let context: BrowserContext;
/** How many provider requests came from the page (the replays from Node come after). */
let pageRequestCount = 0;

test.beforeAll(async ({ browser, demoServer }) => {
  // The app is served by the demo server: its origin is the client's redirect_uri origin.
  op = await startOidcProvider({ redirectOrigin: demoServer.url, accessTtlS: ACCESS_TTL_S });
  context = await providerContext(browser, demoServer.url);
});

test.afterAll(async () => {
  await context?.close();
  await op?.stop();
});

/** A browser context whose demo app signs in at the provider (its login page's OIDC mode). */
async function providerContext(browser: Browser, appUrl: string): Promise<BrowserContext> {
  const context = await newContext(browser, appUrl);
  await presetDemoSettings(context, {
    oidc: JSON.stringify({
      issuer: op.issuer,
      clientId: op.clientId,
      authorizationEndpoint: op.authorizationEndpoint,
      tokenEndpoint: op.tokenEndpoint,
      userinfoEndpoint: op.userinfoEndpoint,
    }),
  });
  return context;
}

/** Signs in at the provider from the login page and waits for the dashboard. */
async function signInAtProvider(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('oidc-sign-in').click();
  await page.waitForURL((url) => url.origin === op.issuer);
  await page.getByTestId('op-sign-in').click();
  await page.getByTestId('dashboard-page').waitFor();
  expect(new URL(page.url()).pathname).toBe('/dashboard');
}

/** The provider's answers to token and userinfo requests since `from` (an index). */
function tokenAndUserinfo(from: number): OidcRequest[] {
  return op.requests.slice(from).filter((r) => r.path === '/token' || r.path === '/me');
}

/** Waits until the library refreshes before any request: half the token's lifetime. */
async function waitUntilRefreshDue(page: Page): Promise<void> {
  const expiresAt = Number(
    await page.getByTestId('token-countdown').getAttribute('data-expires-at'),
  );
  const pageNow = await page.evaluate(() => Date.now()); // the page's clock may be off Node's
  const wait = expiresAt - (ACCESS_TTL_S * 1000) / 2 + 300 - pageNow;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

test('code + PKCE in the page, DPoP-bound rotating tokens, userinfo across a refresh', async () => {
  const page = await openTab(context, 20_000);

  await test.step('sign in at the provider; the page exchanges the code with its key', async () => {
    await signInAtProvider(page);

    // The exchange: a proof without a nonce, 400 use_dpop_nonce, exactly one repeat with it.
    const exchange = op.requests.filter((r) => r.grantType === 'authorization_code');
    expect(
      exchange.map(({ status, error, proof, proofNonce }) => ({
        status,
        error,
        proof,
        proofNonce,
      })),
    ).toEqual([
      { status: 400, error: 'use_dpop_nonce', proof: true, proofNonce: false },
      { status: 200, error: undefined, proof: true, proofNonce: true },
    ]);
    // The PKCE state of the sign-in is gone; the session is in sessionStorage.
    const keys = await page.evaluate(() => Object.keys(sessionStorage));
    expect(keys).toEqual(['ngx-token-refresh']);
  });

  const thumbprint = await pageKeyThumbprint(page);
  const first = await storedSession(page);

  await test.step('the provider bound the tokens to the page key', async () => {
    expect(first.tokenType).toBe('DPoP');
    expect(first.refreshToken).toBeTruthy();
    const introspection = await op.introspect(first.accessToken);
    expect(introspection).toMatchObject({
      active: true,
      token_type: 'DPoP',
      client_id: op.clientId,
      sub: 'demo',
      cnf: { jkt: thumbprint },
    });
  });

  await test.step('20 userinfo calls with the first token', async () => {
    const from = op.requests.length;
    expect(await fireBurst(page)).toBe(BURST);
    const calls = tokenAndUserinfo(from);
    expect(
      calls.filter((r) => r.path === '/token'),
      'no refresh yet',
    ).toEqual([]);
    expect(calls.filter((r) => r.status === 200)).toHaveLength(BURST);
    expect(
      calls.every((r) => r.proof),
      'every call carried a proof',
    ).toBe(true);
    // The session card shows the scheme the calls went out with.
    expect(await page.getByTestId('token-type').getAttribute('data-type')).toBe('DPoP');
  });

  await test.step('at refresh time: one refresh at the token endpoint, userinfo goes on', async () => {
    await waitUntilRefreshDue(page);
    const from = op.requests.length;
    expect(await fireBurst(page)).toBe(BURST);
    await waitForTestId(page, 'refresh-lock', { locked: 'false' });
    const calls = tokenAndUserinfo(from);
    const refreshes = calls.filter((r) => r.grantType === 'refresh_token' && r.status === 200);
    expect(refreshes, 'one refresh_token grant').toHaveLength(1);
    expect(refreshes[0].proof).toBe(true);
    const userinfo = calls.filter((r) => r.path === '/me' && r.status === 200);
    expect(userinfo).toHaveLength(BURST);
    expect(new Set(userinfo.map((r) => r.token)).size, 'all 20 with the new token').toBe(1);
    const firstTokens = op.requests.slice(0, from).filter((r) => r.path === '/me');
    expect(firstTokens.map((r) => r.token)).not.toContain(userinfo[0].token);
  });

  await test.step('the refresh token rotated; the old one is dead and refused', async () => {
    const second = await storedSession(page);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.tokenType).toBe('DPoP');
    expect(await op.introspect(second.accessToken)).toMatchObject({
      active: true,
      cnf: { jkt: thumbprint },
    });
    expect((await op.introspect(second.refreshToken!))['active']).toBe(true);
    expect((await op.introspect(first.refreshToken!))['active'], 'rotated: consumed').toBe(false);

    // Replayed from Node with a key of its own (the page's cannot leave the browser): the
    // provider refuses it for the key before it looks at rotation; introspection above shows
    // it consumed all the same.
    pageRequestCount = op.requests.length;
    const thief = await generateKeyPair('ES256');
    const replay = async (nonce?: string) =>
      fetch(op.tokenEndpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          dpop: await generateProof(thief, op.tokenEndpoint, 'POST', nonce),
        },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: first.refreshToken!,
          client_id: op.clientId,
        }),
      });
    const challenged = await replay();
    expect(challenged.status).toBe(400);
    const refused = await replay(challenged.headers.get('dpop-nonce') ?? undefined);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toBe('invalid_grant');
    // The page's session is untouched by the failed replay.
    expect((await op.introspect(second.refreshToken!))['active']).toBe(true);
  });

  await test.step('nonces: demanded, and each challenge got exactly one repeat', async () => {
    const pageCalls = op.requests
      .slice(0, pageRequestCount)
      .filter((r) => r.grantType !== undefined || r.path === '/me');
    const challenges = pageCalls.filter((r) => r.error === 'use_dpop_nonce');
    expect(challenges.length, 'the provider demanded a nonce').toBeGreaterThanOrEqual(1);
    // Successes: 1 code exchange + 1 refresh + 2 bursts; every other answer was a challenge,
    // and no request failed twice (the library repeats once, and every burst call succeeded).
    const successes = pageCalls.filter((r) => r.status === 200);
    expect(successes).toHaveLength(2 + 2 * BURST);
    expect(pageCalls).toHaveLength(successes.length + challenges.length);
    expect(pageCalls.every((r) => r.proof)).toBe(true);
  });

  expect(errorsOf(page)).toEqual([]);
});

// A device clock 10 minutes ahead (Playwright's clock in the page): every proof's `iat` is 10
// minutes off the provider's, beyond its 300 s window. A proof without a nonce is answered with
// `use_dpop_nonce`, never refused, and one that carries the provider's nonce has no `iat` window:
// sign-in, userinfo and a refresh work as with the clock in step.
test("a page clock 10 minutes ahead: the provider's nonces stand in for the proofs' iat", async ({
  browser,
  demoServer,
}) => {
  const skewed = await providerContext(browser, demoServer.url);
  try {
    const page = await openTab(skewed, 20_000);
    await page.clock.install({ time: Date.now() + 10 * 60_000 });
    const from = op.requests.length;
    await signInAtProvider(page);
    expect(await fireBurst(page), 'userinfo calls that succeeded').toBe(BURST);
    await waitUntilRefreshDue(page);
    expect(await fireBurst(page), 'userinfo calls that succeeded').toBe(BURST);
    await waitForTestId(page, 'refresh-lock', { locked: 'false' });

    const calls = op.requests.slice(from).filter((r) => r.grantType || r.path === '/me');
    const ahead = calls.map((r) => Math.round(r.proofIatAheadS ?? 0));
    expect(Math.min(...ahead), 'every proof iat 10 min ahead (s)').toBeGreaterThanOrEqual(590);
    expect(Math.max(...ahead), 'every proof iat 10 min ahead (s)').toBeLessThanOrEqual(610);
    const refused = calls.filter((r) => r.status !== 200 && r.error !== 'use_dpop_nonce');
    expect(refused, 'answers other than 200 and use_dpop_nonce').toEqual([]);
    const ok = (r: OidcRequest) => r.status === 200;
    expect(calls.filter((r) => ok(r) && r.grantType === 'authorization_code')).toHaveLength(1);
    expect(calls.filter((r) => ok(r) && r.grantType === 'refresh_token')).toHaveLength(1);
    expect(calls.filter((r) => ok(r) && r.path === '/me')).toHaveLength(2 * BURST);
    expect(errorsOf(page)).toEqual([]);
  } finally {
    await skewed.close();
  }
});

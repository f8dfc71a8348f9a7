// DPoP (RFC 9449) in the demo app: switching it on, the page's key and the tokens it holds, and
// what the page and the server show of it.
import type { BrowserContext, Page } from '@playwright/test';
import { Stats, statsDelta } from './demo-server';

/** The demo's localStorage settings, read at bootstrap (src/app/core/*-preference.ts). */
export const DEMO_SETTING_KEYS = {
  dpop: 'ngx-token-refresh-demo.dpop',
  storage: 'ngx-token-refresh-demo.storage',
  oidc: 'ngx-token-refresh-demo.oidc',
} as const;

/** Where the library keeps the session in web storage (the default `storageKey`). */
export const SESSION_KEY = 'ngx-token-refresh';

/**
 * Sets demo settings in localStorage before any page of `context` loads (every load, so a
 * reload keeps them), e.g. `{ dpop: 'on', storage: 'session' }`.
 */
export async function presetDemoSettings(
  context: BrowserContext,
  settings: Partial<Record<keyof typeof DEMO_SETTING_KEYS, string>>,
): Promise<void> {
  const entries = Object.entries(settings).map(
    ([name, value]) => [DEMO_SETTING_KEYS[name as keyof typeof DEMO_SETTING_KEYS], value] as const,
  );
  await context.addInitScript((pairs) => {
    for (const [key, value] of pairs) localStorage.setItem(key, value);
  }, entries);
}

/** The session the library keeps in the page's sessionStorage (`storage: 'session'`). */
export async function storedSession(page: Page): Promise<{
  accessToken: string;
  refreshToken: string | null;
  expiresAt: number | null;
  tokenType?: string;
}> {
  const text = await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY);
  if (!text) throw new Error('no session in sessionStorage');
  return JSON.parse(text);
}

/**
 * The SHA-256 JWK thumbprint (RFC 7638) of the page's DPoP key, read from the library's
 * IndexedDB store (db `ngx-token-refresh`, store `dpop-keys`, one key pair per storageKey). The
 * private key cannot be exported; the public one can, as any public key.
 */
export function pageKeyThumbprint(page: Page, storageKey = SESSION_KEY): Promise<string> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('ngx-token-refresh');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const pair = await new Promise<CryptoKeyPair | undefined>((resolve, reject) => {
      const get = db.transaction('dpop-keys').objectStore('dpop-keys').get(name);
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error);
    });
    db.close();
    if (!pair) throw new Error(`no DPoP key for ${name} in IndexedDB`);
    if (pair.privateKey.extractable) throw new Error('the private key is extractable');
    const { crv, kty, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const members = JSON.stringify({ crv, kty, x, y });
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(members));
    return btoa(String.fromCharCode(...new Uint8Array(digest)))
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  }, storageKey);
}

/** The `cnf.jkt` claim of a JWT access token (no verification), or `undefined`. */
export function jktOf(accessToken: string): string | undefined {
  const payload = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString());
  return payload?.cnf?.jkt;
}

/** The counters a scenario looks at, as deltas between two /api/_stats snapshots. */
export function counters(before: Stats, after: Stats) {
  const delta = statsDelta(before, after);
  const pick = (name: string) => delta[name] ?? 0;
  return {
    logins: pick('logins'),
    refreshCalls: pick('refreshCalls'),
    refreshSuccesses: pick('refreshSuccesses'),
    apiRequests: pick('apiRequests'),
    apiSuccesses: pick('apiSuccesses'),
    unauthorized: pick('unauthorized'),
    dpopProofs: pick('dpopProofs'),
    dpopNonceChallenges: pick('dpopNonceChallenges'),
  };
}

/** The key thumbprint and token type the dashboard's session card shows. */
export async function sessionCard(page: Page) {
  return {
    jkt: await page.getByTestId('key-thumbprint').getAttribute('data-jkt'),
    tokenType: await page.getByTestId('token-type').getAttribute('data-type'),
  };
}

/** The request log rows of `url` (exact, or a prefix with `^=`), as `status/attempt/scheme/proof`. */
export function loggedRequests(page: Page, selector: string): Promise<string[]> {
  return page.locator(`[data-testid="log-row"]${selector}`).evaluateAll((rows) =>
    rows.map((row) => {
      const data = (row as HTMLElement).dataset;
      return `${data['status']}/${data['attempt']}/${data['scheme'] ?? '-'}/${data['proof']}`;
    }),
  );
}

/** One API call from the page: the items page loads /api/items (client-side navigation). */
export async function loadItems(page: Page): Promise<void> {
  await page.getByTestId('nav-items').click();
  await page.getByTestId('item-row').first().waitFor();
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('dashboard-page').waitFor();
}

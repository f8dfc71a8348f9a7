import { TestBed } from '@angular/core/testing';
import { tap } from 'rxjs';
import { closeTabs, openTab, twoTabs } from '../spec/open-tab';
import { markerKey } from '../spec/tab-channels';
import {
  REFRESH_URL,
  authOf,
  isHttpError,
  nextRequests,
  record,
  setup,
  unauthorized,
  uniqueKey,
  until,
} from '../spec/spec-helpers';
import { RefreshLockTimeoutError, SessionExpiredError, TokenRefreshOptions } from './public-api';
import { memoryTokenStorage } from './token-storage';

describe('TokenService across tabs (crossTab)', () => {
  let options: Partial<TokenRefreshOptions>;

  beforeEach(() => (options = { crossTab: true, storageKey: uniqueKey() }));
  afterEach(() => closeTabs(options));

  it('setTokens() in one tab signs in every tab', async () => {
    const { a, b } = twoTabs(options);
    a.tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    await until(() => b.tokens.accessToken() === 'T1', 'tab B to adopt T1');
    expect(b.tokens.status()).toBe('authenticated');
  });

  it('crossTab defaults to true: a tab set up without the option still adopts the login of another', async () => {
    const a = setup(options);
    const b = openTab({ storageKey: options.storageKey });
    a.tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    await until(() => b.tokens.accessToken() === 'T1', 'tab B to adopt T1');
    expect(b.tokens.status()).toBe('authenticated');
  });

  it('sends one refresh when two tabs need one at the same moment; the other adopts its result', async () => {
    const { a, b } = twoTabs(options);
    a.tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    await until(() => b.tokens.accessToken() === 'T1', 'tab B to adopt T1');
    const inA = record(a.http.get('/api/a'));
    const inB = record(b.http.get('/api/b'));
    unauthorized(a.backend.expectOne('/api/a'));
    unauthorized(b.backend.expectOne('/api/b'));

    const [refresh] = await nextRequests([a.backend, b.backend], REFRESH_URL);
    expect(refresh.request.body).toEqual({ refreshToken: 'R1' });
    refresh.flush({ accessToken: 'T2', refreshToken: 'R2' });

    for (const [tab, url] of [
      [a, '/api/a'],
      [b, '/api/b'],
    ] as const) {
      const [retry] = await nextRequests([tab.backend], url);
      expect(authOf(retry)).withContext(url).toBe('Bearer T2');
      retry.flush(url);
    }
    expect(inA.values).toEqual(['/api/a']);
    expect(inB.values).toEqual(['/api/b']);
    await settle();
    a.backend.expectNone(REFRESH_URL);
    b.backend.expectNone(REFRESH_URL);
    expect(b.tokens.accessToken()).toBe('T2');
  });

  it('clear() in one tab ends the session in every tab: expired there, waiters fail', async () => {
    const { a, b } = twoTabs(options);
    a.tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    await until(() => b.tokens.accessToken() === 'T1', 'tab B to adopt T1');
    a.tokens.clear();
    await until(() => b.tokens.status() === 'expired', 'tab B to end its session');
    expect(b.tokens.accessToken()).toBeNull();
    expect(a.tokens.status()).toBe('anonymous');
  });

  it('refreshTokenInCookie: clear() in one tab stops cookie refreshes in every tab', async () => {
    options = { ...options, refreshTokenInCookie: true };
    const { a, b } = twoTabs(options);
    a.tokens.setTokens({ accessToken: 'T1' });
    await until(() => b.tokens.accessToken() === 'T1', 'tab B to adopt T1');
    a.tokens.clear();
    await until(() => b.tokens.accessToken() === null, 'tab B to hear of the logout');
    const outcome = record(b.http.get('/api/b'));
    unauthorized(b.backend.expectOne('/api/b'));
    await settle();
    b.backend.expectNone(REFRESH_URL);
    a.backend.expectNone(REFRESH_URL);
    expect(isHttpError(outcome.error, 401)).toBeTrue();
  });

  it('lets a logout in another tab win over a refresh answer that arrives before its news', async () => {
    const { a, b, inB, refresh } = await refreshingInTabB(options);
    a.tokens.clear(); // its news reaches tab B only after the answer below
    refresh.flush({ accessToken: 'T2', refreshToken: 'R2' });
    await until(() => inB.error !== undefined || inB.values.length > 0, "tab B's refresh to end");
    await settle();
    expect(inB.values).withContext('no token from a refresh the logout overtook').toEqual([]);
    expect(inB.error).toBeInstanceOf(SessionExpiredError);
    expect((inB.error as SessionExpiredError | undefined)?.reason).toBe('logout');
    for (const tab of [a, b]) expect(tab.tokens.accessToken()).toBeNull();
    expect(a.tokens.status()).toBe('anonymous');
  });

  it('lets a sign-in in another tab win over a refresh answer that arrives before its news', async () => {
    const { a, b, inB, refresh } = await refreshingInTabB(options);
    a.tokens.setTokens({ accessToken: 'U1', refreshToken: 'S1' }); // its news reaches B later
    refresh.flush({ accessToken: 'T2', refreshToken: 'R2' });
    await until(() => inB.error !== undefined || inB.values.length > 0, "tab B's refresh to end");
    await settle();
    expect(inB.values).withContext("the waiters get the sign-in's token").toEqual(['U1']);
    expect(inB.error).toBeUndefined();
    for (const tab of [a, b]) expect(tab.tokens.accessToken()).toBe('U1');
  });

  it('lets a logout in another tab win over a refresh answer numbered alike (the logout not yet seen in storage)', async () => {
    const { a, b, inB, refresh } = await refreshingInTabB(options);
    withUnseenRevision(options, () => a.tokens.clear());
    refresh.flush({ accessToken: 'T2', refreshToken: 'R2' }); // numbered like the logout
    await until(() => b.tokens.status() === 'expired', 'tab B to take the logout');
    await settle();
    expect(inB.values).withContext('delivered before the news').toEqual(['T2']);
    for (const tab of [a, b]) expect(tab.tokens.accessToken()).toBeNull();
    expect(a.tokens.status()).toBe('anonymous');
  });

  it('lets a sign-in in another tab win over a refresh answer numbered alike (the sign-in not yet seen in storage)', async () => {
    const { a, b, inB, refresh } = await refreshingInTabB(options);
    withUnseenRevision(options, () =>
      a.tokens.setTokens({ accessToken: 'U1', refreshToken: 'S1' }),
    );
    refresh.flush({ accessToken: 'T2', refreshToken: 'R2' }); // numbered like the sign-in
    await until(() => b.tokens.accessToken() === 'U1', 'tab B to take the sign-in');
    await settle();
    expect(inB.values).withContext('delivered before the news').toEqual(['T2']);
    for (const tab of [a, b]) expect(tab.tokens.accessToken()).toBe('U1');
  });

  it('fails the waiters of other tabs with SessionExpiredError when the refresh is rejected', async () => {
    const { a, b } = twoTabs(options);
    a.tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    await until(() => b.tokens.accessToken() === 'T1', 'tab B to adopt T1');
    const inA = record(a.tokens.refresh());
    const [refresh] = await nextRequests([a.backend], REFRESH_URL);
    const inB = record(b.tokens.refresh());
    refresh.flush({ error: 'invalid_grant' }, { status: 400, statusText: 'Bad Request' });
    await until(() => inB.error !== undefined, 'tab B to learn the session ended');
    expect(inA.error).toBeInstanceOf(SessionExpiredError);
    expect(inB.error).toBeInstanceOf(SessionExpiredError);
    expect(b.tokens.status()).toBe('expired');
    await settle();
    b.backend.expectNone(REFRESH_URL);
  });

  it('lets a new tab join the session of an open tab, without web storage', async () => {
    const a = setup(options);
    a.tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const b = openTab(options);
    const request = record(b.http.get('/api/first'));
    const [first] = await nextRequests([b.backend], '/api/first');
    expect(authOf(first)).toBe('Bearer T1');
    first.flush('ok');
    expect(request.values).toEqual(['ok']);
    expect(localStorage.getItem('ngx-token-refresh')).toBeNull();
  });

  it('bounds the wait for a lock another tab holds at twice refreshTimeoutMs: RefreshLockTimeoutError', async () => {
    const { a } = twoTabs(options);
    a.tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    void navigator.locks.request(`ngx-token-refresh:${options.storageKey}`, () => held);
    TestBed.resetTestingModule();
    const c = setup({ ...options, refreshTimeoutMs: 200 });
    c.tokens.setTokens({ accessToken: 'T2', refreshToken: 'R2' });
    const started = performance.now();
    let waited = NaN;
    const outcome = record(
      c.tokens.refresh().pipe(tap({ error: () => (waited = performance.now() - started) })),
    );
    // A timer never fires early, so the lower bound holds on a loaded machine; the upper is loose.
    await until(() => outcome.error !== undefined, 'the lock wait to time out', 3000);
    release();
    expect(waited).withContext('ms waited for the lock').toBeGreaterThanOrEqual(350);
    expect(outcome.error).toBeInstanceOf(RefreshLockTimeoutError);
    expect(c.tokens.status()).toBe('authenticated');
    expect(c.tokens.isRefreshing()).toBeFalse();
    c.backend.expectNone(REFRESH_URL);
  });

  it('refreshes at once in a new tab when the stored revision was left by tabs that are gone', async () => {
    localStorage.setItem(`ngx-token-refresh:${options.storageKey}`, '5');
    const { backend, tokens } = setup({ ...options, refreshTokenInCookie: true });
    const started = Date.now();
    const outcome = record(tokens.refresh());
    const [refresh] = await nextRequests([backend], REFRESH_URL);
    expect(Date.now() - started).toBeLessThan(500);
    refresh.flush({ accessToken: 'T1' });
    await until(() => outcome.values.length > 0, 'the refresh result');
    expect(outcome.values).toEqual(['T1']);
  });

  it("sends a new tab's anonymous request at once when no tab of the origin announced a session", () => {
    const { http, backend, tokens } = setup(options);
    const outcome = record(http.get('/api/first'));
    const request = backend.expectOne('/api/first'); // synchronously: no join wait
    expect(request.request.headers.has('Authorization')).toBeFalse();
    request.flush('ok');
    expect(outcome.values).toEqual(['ok']);
    expect(tokens.status()).toBe('anonymous');
  });

  it("sends a new tab's anonymous request at once when the open tab's newest news was a logout", () => {
    const a = setup(options);
    a.tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    a.tokens.clear();
    const b = openTab(options);
    const outcome = record(b.http.get('/api/first'));
    const request = b.backend.expectOne('/api/first'); // synchronously: no session to join
    expect(request.request.headers.has('Authorization')).toBeFalse();
    request.flush('ok');
    expect(outcome.values).toEqual(['ok']);
    expect(b.tokens.status()).toBe('anonymous');
  });

  it('refreshes at once in a new tab with a stored session when the stored revision was left by tabs that are gone', async () => {
    localStorage.setItem(`ngx-token-refresh:${options.storageKey}`, '5');
    const storage = memoryTokenStorage();
    storage.write({ accessToken: 'T0', refreshToken: 'R0', expiresAt: null });
    const { backend, tokens } = setup({ ...options, storage });
    const started = Date.now();
    const outcome = record(tokens.refresh());
    const [refresh] = await nextRequests([backend], REFRESH_URL);
    expect(Date.now() - started).toBeLessThan(500);
    expect(refresh.request.body).toEqual({ refreshToken: 'R0' });
    refresh.flush({ accessToken: 'T1', refreshToken: 'R1' });
    await until(() => outcome.values.length > 0, 'the refresh result');
    expect(outcome.values).toEqual(['T1']);
  });

  it('without localStorage, a logout in a tab that joined later still ends the session in the first tab', async () => {
    const denied = new DOMException('denied', 'SecurityError');
    spyOn(Storage.prototype, 'getItem').and.throwError(denied);
    spyOn(Storage.prototype, 'setItem').and.throwError(denied);
    const a = setup(options);
    a.tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const refreshed = record(a.tokens.refresh());
    const [refresh] = await nextRequests([a.backend], REFRESH_URL);
    refresh.flush({ accessToken: 'T2', refreshToken: 'R2' });
    await until(() => refreshed.values.length > 0, "tab A's refresh");
    const b = openTab(options);
    await until(() => b.tokens.accessToken() === 'T2', 'tab B to join the session of tab A');
    b.tokens.clear();
    await until(() => a.tokens.status() === 'expired', 'tab A to hear of the logout');
    expect(a.tokens.accessToken()).toBeNull();
  });

  it('gives up joining after a short wait when a session was announced but no open tab answers', async () => {
    localStorage.setItem(`ngx-token-refresh:${options.storageKey}:session`, '1');
    const { http, backend, tokens } = setup(options);
    const outcome = record(http.get('/api/alone'));
    const [request] = await nextRequests([backend], '/api/alone');
    expect(request.request.headers.has('Authorization')).toBeFalse();
    request.flush('ok');
    expect(outcome.values).toEqual(['ok']);
    expect(tokens.status()).toBe('anonymous');
  });

  it('adopts news that arrives while it waits for the lock, and sends no refresh of its own', async () => {
    const { a, b } = twoTabs(options);
    a.tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    await until(() => b.tokens.accessToken() === 'T1', 'tab B to adopt T1');
    const inA = record(a.tokens.refresh());
    const [refresh] = await nextRequests([a.backend], REFRESH_URL);
    const inB = record(b.tokens.refresh());
    await settle();
    expect(b.tokens.isRefreshing()).toBeTrue();
    refresh.flush({ accessToken: 'T2', refreshToken: 'R2' });
    await until(() => inB.values.length > 0, 'tab B to adopt the news');
    expect(inA.values).toEqual(['T2']);
    expect(inB.values).toEqual(['T2']);
    await settle();
    b.backend.expectNone(REFRESH_URL);
  });

  it('keeps two apps of one origin apart when each has its own storageKey', async () => {
    const otherApp = { crossTab: true, storageKey: uniqueKey() };
    const a = setup(options);
    const sameApp = openTab(options);
    const other = openTab(otherApp);
    try {
      a.tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      await until(() => sameApp.tokens.accessToken() === 'T1', 'the same app in another tab');
      await settle();
      expect(other.tokens.accessToken()).toBeNull();
      other.tokens.setTokens({ accessToken: 'U1', refreshToken: 'V1' });
      await settle();
      expect(a.tokens.accessToken()).toBe('T1');
      expect(sameApp.tokens.accessToken()).toBe('T1');
    } finally {
      closeTabs(otherApp);
    }
  });

  it('falls back to single-tab behaviour, without errors, where Web Locks are missing', () => {
    spyOnProperty(navigator, 'locks', 'get').and.returnValue(undefined as never);
    const { http, backend, tokens } = setup(options);
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    http.get('/api/a').subscribe();
    unauthorized(backend.expectOne('/api/a'));
    backend.expectOne(REFRESH_URL).flush({ accessToken: 'T2' });
    expect(authOf(backend.expectOne('/api/a'))).toBe('Bearer T2');
  });
});

/** Lets pending messages and lock grants run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * Runs `announce` in one tab and then puts the revision marker back as it was: what another tab
 * reads when that tab's write has not shown there yet (localStorage between the processes of two
 * tabs), so both number their next news alike.
 */
function withUnseenRevision(options: Partial<TokenRefreshOptions>, announce: () => void): void {
  const marker = markerKey(options.storageKey!);
  const seen = localStorage.getItem(marker);
  announce();
  if (seen === null) localStorage.removeItem(marker);
  else localStorage.setItem(marker, seen);
}

/** Two tabs signed in with T1/R1, tab B's refresh on the wire (under the lock), recorded. */
async function refreshingInTabB(options: Partial<TokenRefreshOptions>) {
  const { a, b } = twoTabs(options);
  a.tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
  await until(() => b.tokens.accessToken() === 'T1', 'tab B to adopt T1');
  const inB = record(b.tokens.refresh());
  const [refresh] = await nextRequests([b.backend], REFRESH_URL);
  return { a, b, inB, refresh };
}

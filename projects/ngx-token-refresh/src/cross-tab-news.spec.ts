import { API, nextRequest, thumbprint, verifyProof } from '../spec/dpop-helpers';
import {
  REFRESH_URL,
  authOf,
  nextRequests,
  record,
  unauthorized,
  uniqueKey,
  until,
} from '../spec/spec-helpers';
import { closeTabs, twoTabs } from '../spec/open-tab';
import {
  SessionExpiredError,
  TokenRefreshEvent,
  TokenRefreshOptions,
  TokenService,
  withDpop,
} from './public-api';

// What a tab does with the news of another tab (cross-tab.spec.ts has the shared session itself).
describe('TokenService across tabs: the news of another tab', () => {
  let options: Partial<TokenRefreshOptions>;

  beforeEach(() => (options = { crossTab: true, storageKey: uniqueKey() }));
  afterEach(() => closeTabs(options));

  it('refreshTokenInCookie: a login in another tab after a logout lets this tab refresh from the cookie again', async () => {
    options = { ...options, refreshTokenInCookie: true };
    const { a, b } = twoTabs(options);
    a.tokens.setTokens({ accessToken: 'T1' });
    await until(() => b.tokens.accessToken() === 'T1', 'tab B to adopt T1');
    a.tokens.clear();
    await until(() => b.tokens.status() === 'expired', 'tab B to hear of the logout');
    a.tokens.setTokens({ accessToken: 'T2' });
    await until(() => b.tokens.accessToken() === 'T2', 'tab B to adopt T2');

    const outcome = record(b.http.get('/api/b'));
    unauthorized(b.backend.expectOne('/api/b'));
    const [refresh] = await nextRequests([a.backend, b.backend], REFRESH_URL);
    expect(refresh.request.withCredentials).toBeTrue();
    refresh.flush({ accessToken: 'T3' });
    const [retry] = await nextRequests([b.backend], '/api/b');
    expect(authOf(retry)).toBe('Bearer T3');
    retry.flush('ok');
    expect(outcome.values).toEqual(['ok']);
  });

  it('a logout in another tab ends the cookie refresh this tab runs without a session: expired, reported', async () => {
    options = { ...options, refreshTokenInCookie: true };
    const { a, b } = twoTabs(options);
    const events = collect(b.tokens);
    const inB = record(b.tokens.refresh());
    const [refresh] = await nextRequests([b.backend], REFRESH_URL);
    a.tokens.clear();
    await until(() => inB.error !== undefined, "the end of tab B's refresh");
    expect((inB.error as SessionExpiredError).reason).toBe('logout');
    expect(refresh.cancelled).toBeTrue();
    expect(b.tokens.status()).toBe('expired');
    expect(events).toEqual([{ type: 'session-ended', reason: 'logout' }]);
  });

  it('news of a logout leaves a tab that has no session as it was: anonymous, nothing reported', async () => {
    const { a, b } = twoTabs(options);
    a.tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    await until(() => b.tokens.accessToken() === 'T1', 'tab B to adopt T1');
    b.tokens.clear();
    await until(() => a.tokens.status() === 'expired', 'tab A to hear of the logout');
    const events = collect(b.tokens);
    // Opened after tab B's channel, this one gets each message after tab B has handled it.
    const listener = new BroadcastChannel(`ngx-token-refresh:${options.storageKey}`);
    let heard = false;
    listener.onmessage = (message) => (heard ||= message.data?.type === 'logout');
    try {
      a.tokens.clear();
      await until(() => heard, 'the news of the second logout');
    } finally {
      listener.close();
    }
    expect(b.tokens.status()).toBe('anonymous');
    expect(events).toEqual([]);
  });

  it('withDpop: after a logout and a login in another tab, this tab signs with the new key', async () => {
    options = { ...options, allowedOrigins: [API] };
    const { a, b } = twoTabs(options, [withDpop()]);
    a.tokens.setTokens({ accessToken: 'T1', tokenType: 'DPoP' });
    await until(() => b.tokens.accessToken() === 'T1', 'tab B to adopt T1');
    b.http.get('/api/b').subscribe();
    const first = await nextRequest(b.backend, '/api/b');
    const before = await thumbprint(await verifyProof(first));
    first.flush('ok');

    a.tokens.clear();
    await until(() => b.tokens.status() === 'expired', 'tab B to hear of the logout');
    a.tokens.setTokens({ accessToken: 'T2', tokenType: 'DPoP' });
    a.http.get('/api/a').subscribe();
    const inA = await nextRequest(a.backend, '/api/a');
    const newKey = await thumbprint(await verifyProof(inA));
    inA.flush('ok');
    await until(() => b.tokens.accessToken() === 'T2', 'tab B to adopt T2');
    b.http.get('/api/b').subscribe();
    const second = await nextRequest(b.backend, '/api/b');
    const after = await thumbprint(await verifyProof(second));
    second.flush('ok');

    expect(newKey).not.toBe(before);
    expect(after).toBe(newKey);
  });
});

function collect(tokens: TokenService): TokenRefreshEvent[] {
  const seen: TokenRefreshEvent[] = [];
  tokens.events.subscribe((event) => seen.push(event));
  return seen;
}

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TimeoutError } from 'rxjs';
import {
  REFRESH_URL,
  authOf,
  flushRefresh,
  isHttpError,
  jwtExpiringIn,
  record,
  setup,
  unauthorized,
} from '../spec/spec-helpers';
import { SessionExpiredError, TokenRefreshEvent } from './public-api';

describe('tokenRefreshInterceptor: when the refresh fails', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    sessionStorage.clear();
  });

  const definitive = [
    { name: '401', body: { error: 'invalid_token' }, status: 401 },
    { name: '400 invalid_grant', body: { error: 'invalid_grant' }, status: 400 },
    { name: '400 invalid_grant as text', body: '{"error":"invalid_grant"}', status: 400 },
  ];
  for (const { name, body, status } of definitive) {
    it(`ends the session when the refresh call answers ${name}: every waiter fails, no loop`, () => {
      const { http, backend, tokens } = setup({ storage: 'session' });
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      const outcomes = ['/api/a', '/api/b', '/api/c'].map((url) => record(http.get(url)));
      ['/api/a', '/api/b', '/api/c'].forEach((url) => unauthorized(backend.expectOne(url)));
      const waiting = record(http.get('/api/waiting'));

      backend.expectOne(REFRESH_URL).flush(body, { status, statusText: 'Rejected' });

      for (const outcome of [...outcomes, waiting]) {
        expect(outcome.error).toBeInstanceOf(SessionExpiredError);
        expect((outcome.error as SessionExpiredError).reason).toBe('refresh-rejected');
      }
      expect(tokens.status()).toBe('expired');
      expect(tokens.accessToken()).toBeNull();
      expect(tokens.isRefreshing()).toBeFalse();
      expect(sessionStorage.getItem('ngx-token-refresh')).toBeNull();
      backend.expectNone(REFRESH_URL);
      backend.expectNone('/api/waiting');
    });
  }

  const transient = [
    {
      name: 'a network error (status 0)',
      status: 0,
      fail: (r: Fail) => r.error(new ProgressEvent('error')),
    },
    {
      name: '503',
      status: 503,
      fail: (r: Fail) => r.flush('down', { status: 503, statusText: 'Down' }),
    },
    {
      name: '400 invalid_request',
      status: 400,
      fail: (r: Fail) => r.flush({ error: 'invalid_request' }, { status: 400, statusText: 'Bad' }),
    },
  ];
  for (const { name, status, fail } of transient) {
    it(`keeps the session after ${name}: waiters get that error, the next request refreshes again`, () => {
      const { http, backend, tokens } = setup();
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      const first = record(http.get('/api/a'));
      unauthorized(backend.expectOne('/api/a'));
      fail(backend.expectOne(REFRESH_URL));

      expect(isHttpError(first.error, status)).toBeTrue();
      expect(tokens.status()).toBe('authenticated');
      expect(tokens.accessToken()).toBe('T1');
      expect(tokens.isRefreshing()).toBeFalse();

      const next = record(http.get('/api/b'));
      const again = backend.expectOne('/api/b');
      expect(authOf(again)).toBe('Bearer T1');
      unauthorized(again);
      const refresh = flushRefresh(backend, { accessToken: 'T2', refreshToken: 'R2' });
      expect(refresh.request.body).toEqual({ refreshToken: 'R1' });
      const retry = backend.expectOne('/api/b');
      expect(authOf(retry)).toBe('Bearer T2');
      retry.flush('b');
      expect(next.values).toEqual(['b']);
    });
  }

  it('fails waiters with TimeoutError when the refresh does not answer in time, keeping the session', () => {
    jasmine.clock().install();
    try {
      const { http, backend, tokens } = setup({ refreshTimeoutMs: 5000 });
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      const outcome = record(http.get('/api/a'));
      unauthorized(backend.expectOne('/api/a'));
      const refresh = backend.expectOne(REFRESH_URL);
      jasmine.clock().tick(4999);
      expect(outcome.error).toBeUndefined();
      jasmine.clock().tick(1);
      expect(outcome.error).toBeInstanceOf(TimeoutError);
      expect(refresh.cancelled).toBeTrue();
      expect(tokens.status()).toBe('authenticated');
      expect(tokens.isRefreshing()).toBeFalse();
    } finally {
      jasmine.clock().uninstall();
    }
  });

  // An empty refresh token at sign-in is none too: nothing would send `''` to the server.
  for (const [name, refreshToken] of [
    ['none given', undefined],
    ["''", ''],
  ] as const) {
    it(`ends the session on a 401 without calling the refresh endpoint when the refresh token is ${name}`, () => {
      const { http, backend, tokens } = setup();
      tokens.setTokens({ accessToken: 'T1', refreshToken });
      const outcome = record(http.get('/api/a'));
      unauthorized(backend.expectOne('/api/a'));
      backend.expectNone(REFRESH_URL);
      expect(outcome.error).toBeInstanceOf(SessionExpiredError);
      expect((outcome.error as SessionExpiredError).reason).toBe('no-refresh-token');
      expect(tokens.status()).toBe('expired');
    });
  }

  // README, migrating from skipWhenExpired: "without a refresh token it is sent and its 401 ends
  // the session".
  it('sends an expired JWT as it is when there is no refresh token; its 401 ends the session', () => {
    const { http, backend, tokens } = setup();
    const expired = jwtExpiringIn(-60);
    tokens.setTokens({ accessToken: expired });
    const outcome = record(http.get('/api/a'));
    const request = backend.expectOne('/api/a');
    expect(authOf(request)).toBe(`Bearer ${expired}`);
    unauthorized(request);
    backend.expectNone(REFRESH_URL);
    expect(outcome.error).toBeInstanceOf(SessionExpiredError);
    expect((outcome.error as SessionExpiredError).reason).toBe('no-refresh-token');
    expect(tokens.status()).toBe('expired');
    expect(tokens.accessToken()).toBeNull();
  });

  it('refreshTokenInCookie: refreshes with credentials and an empty body, without a refresh token', () => {
    const { http, backend, tokens } = setup({ refreshTokenInCookie: true });
    tokens.setTokens({ accessToken: 'T1' });
    const outcome = record(http.get('/api/a'));
    unauthorized(backend.expectOne('/api/a'));
    const refresh = backend.expectOne(REFRESH_URL);
    expect(refresh.request.withCredentials).toBeTrue();
    expect(refresh.request.body).toEqual({});
    refresh.flush({ access_token: 'T2' });
    const retry = backend.expectOne('/api/a');
    expect(authOf(retry)).toBe('Bearer T2');
    retry.flush('ok');
    expect(outcome.values).toEqual(['ok']);
  });

  it('refreshTokenInCookie: a request sent before any login refreshes from the cookie on its 401', () => {
    const { http, backend, tokens } = setup({ refreshTokenInCookie: true });
    const outcome = record(http.get('/api/a'));
    const first = backend.expectOne('/api/a');
    expect(first.request.headers.has('Authorization')).toBeFalse();
    unauthorized(first);
    flushRefresh(backend, { accessToken: 'T1' });
    backend.expectOne('/api/a').flush('ok');
    expect(outcome.values).toEqual(['ok']);
    expect(tokens.status()).toBe('authenticated');
  });

  it('never revives a session that ended while the request was out', () => {
    const { http, backend, tokens } = setup({ refreshTokenInCookie: true });
    tokens.setTokens({ accessToken: 'T1' });
    const outcome = record(http.get('/api/a'));
    const request = backend.expectOne('/api/a');
    tokens.clear();
    unauthorized(request);
    backend.expectNone(REFRESH_URL);
    expect(outcome.error).toBeInstanceOf(SessionExpiredError);
    expect((outcome.error as SessionExpiredError).reason).toBe('logout');
    expect(tokens.status()).toBe('anonymous');
  });

  it('refreshTokenInCookie: after clear(), a 401 reaches the caller and nothing refreshes from the cookie', () => {
    const { http, backend, tokens } = setup({ refreshTokenInCookie: true });
    tokens.setTokens({ accessToken: 'T1' });
    tokens.clear();
    const outcome = record(http.get('/api/a'));
    const request = backend.expectOne('/api/a');
    expect(request.request.headers.has('Authorization')).toBeFalse();
    unauthorized(request);
    backend.expectNone(REFRESH_URL);
    expect(isHttpError(outcome.error, 401)).toBeTrue();
    expect(tokens.status()).toBe('anonymous');
  });

  it('refreshTokenInCookie: refresh() after clear() fails with SessionExpiredError and sends nothing', () => {
    const { backend, tokens } = setup({ refreshTokenInCookie: true });
    tokens.setTokens({ accessToken: 'T1' });
    tokens.clear();
    const outcome = record(tokens.refresh());
    backend.expectNone(REFRESH_URL);
    expect(outcome.error).toBeInstanceOf(SessionExpiredError);
    expect(tokens.status()).toBe('anonymous');
  });

  it('refreshTokenInCookie: the next setTokens() after clear() lets the cookie refresh again', () => {
    const { http, backend, tokens } = setup({ refreshTokenInCookie: true });
    tokens.setTokens({ accessToken: 'T1' });
    tokens.clear();
    tokens.setTokens({ accessToken: 'T2' });
    const outcome = record(http.get('/api/a'));
    unauthorized(backend.expectOne('/api/a'));
    flushRefresh(backend, { accessToken: 'T3' });
    const retry = backend.expectOne('/api/a');
    expect(authOf(retry)).toBe('Bearer T3');
    retry.flush('ok');
    expect(outcome.values).toEqual(['ok']);
  });

  it('reports the retry error as is when the session moved on to another token meanwhile', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const outcome = record(http.get('/api/a'));
    unauthorized(backend.expectOne('/api/a'));
    flushRefresh(backend, { accessToken: 'T2', refreshToken: 'R2' });
    const retry = backend.expectOne('/api/a');
    tokens.setTokens({ accessToken: 'T9', refreshToken: 'R9' });
    unauthorized(retry);
    expect(isHttpError(outcome.error, 401)).toBeTrue();
    expect(tokens.status()).toBe('authenticated');
    expect(tokens.accessToken()).toBe('T9');
  });

  it('fails a request whose session a rejected refresh ended while it was out: refresh-rejected, no refresh', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const slow = record(http.get('/api/slow'));
    const slowFirst = backend.expectOne('/api/slow');
    http.get('/api/fast').subscribe({ error: () => undefined });
    unauthorized(backend.expectOne('/api/fast'));
    backend
      .expectOne(REFRESH_URL)
      .flush({ error: 'invalid_grant' }, { status: 400, statusText: 'Bad Request' });
    expect(tokens.status()).toBe('expired');

    unauthorized(slowFirst);
    backend.expectNone(REFRESH_URL);
    backend.expectNone('/api/slow');
    expect(slow.error).toBeInstanceOf(SessionExpiredError);
    expect((slow.error as SessionExpiredError).reason).toBe('refresh-rejected');
  });

  it('refreshTokenInCookie: a 401 from an ended session rides a cookie refresh already in flight', () => {
    const { http, backend, tokens } = setup({ refreshTokenInCookie: true });
    tokens.setTokens({ accessToken: 'T1' });
    const slow = record(http.get('/api/slow'));
    const slowFirst = backend.expectOne('/api/slow');
    http.get('/api/fast').subscribe({ error: () => undefined });
    unauthorized(backend.expectOne('/api/fast'));
    unauthorized(backend.expectOne(REFRESH_URL));
    expect(tokens.status()).toBe('expired');
    const signIn = record(tokens.refresh()); // e.g. the guard of the next navigation

    unauthorized(slowFirst);
    backend.expectNone('/api/slow');
    flushRefresh(backend, { accessToken: 'T2' });
    const retry = backend.expectOne('/api/slow');
    expect(authOf(retry)).toBe('Bearer T2');
    retry.flush('ok');
    expect(slow.values).toEqual(['ok']);
    expect(signIn.values).toEqual(['T2']);
  });

  it('refreshTokenInCookie: a rejected cookie refresh with no session in memory still ends the session', () => {
    const { http, backend, tokens } = setup({ refreshTokenInCookie: true });
    const events: TokenRefreshEvent[] = [];
    tokens.events.subscribe((event) => events.push(event));
    const outcome = record(http.get('/api/a'));
    unauthorized(backend.expectOne('/api/a'));
    unauthorized(backend.expectOne(REFRESH_URL));
    expect(outcome.error).toBeInstanceOf(SessionExpiredError);
    expect((outcome.error as SessionExpiredError).reason).toBe('refresh-rejected');
    expect(tokens.status()).toBe('expired');
    expect(events).toEqual([{ type: 'session-ended', reason: 'refresh-rejected' }]);
  });
});

type Fail = ReturnType<HttpTestingController['expectOne']>;

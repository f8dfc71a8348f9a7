import { HttpErrorResponse } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  REFRESH_URL,
  authOf,
  createJwt,
  flushRefresh,
  isHttpError,
  record,
  setup,
  unauthorized,
} from '../spec/spec-helpers';
import { SessionExpiredError } from './public-api';

describe('tokenRefreshInterceptor: refresh and retry', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('refreshes once on a 401 and retries once with the new token; the caller sees only the retry', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const outcome = record(http.post('/api/orders', { item: 42 }));
    const first = backend.expectOne('/api/orders');
    expect(authOf(first)).toBe('Bearer T1');
    unauthorized(first);

    const refresh = backend.expectOne(REFRESH_URL);
    expect(refresh.request.method).toBe('POST');
    expect(refresh.request.body).toEqual({ refreshToken: 'R1' });
    expect(refresh.request.headers.has('Authorization')).toBeFalse();
    refresh.flush({ accessToken: 'T2', refreshToken: 'R2' });

    const retry = backend.expectOne('/api/orders');
    expect(authOf(retry)).toBe('Bearer T2');
    expect(retry.request.body).toEqual({ item: 42 });
    retry.flush({ id: 7 });
    expect(outcome.values).toEqual([{ id: 7 }]);
    expect(outcome.error).toBeUndefined();
    expect(outcome.completed).toBeTrue();
  });

  for (const n of [1, 5, 50]) {
    it(`sends exactly one refresh for ${n} concurrent 401s and retries each request once`, () => {
      const { http, backend, tokens } = setup();
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      const urls = Array.from({ length: n }, (_, i) => `/api/items/${i}`);
      const outcomes = urls.map((url) => record(http.get(url)));
      const firsts = urls.map((url) => backend.expectOne(url));
      expect(firsts.map(authOf)).toEqual(urls.map(() => 'Bearer T1'));
      firsts.forEach((request) => unauthorized(request));

      const refreshes = backend.match(REFRESH_URL);
      expect(refreshes.length).toBe(1);
      refreshes[0].flush({ accessToken: 'T2', refreshToken: 'R2' });

      const retries = urls.map((url) => backend.match(url));
      expect(retries.map((list) => list.length)).toEqual(urls.map(() => 1));
      retries.forEach(([retry], i) => {
        expect(authOf(retry)).toBe('Bearer T2');
        retry.flush({ i });
      });
      expect(outcomes.map((o) => o.values)).toEqual(urls.map((_, i) => [{ i }]));
      backend.expectNone(REFRESH_URL);
    });
  }

  it('holds requests made while a refresh is in flight and sends them with the new token only', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    http.get('/api/a').subscribe();
    unauthorized(backend.expectOne('/api/a'));
    expect(tokens.isRefreshing()).toBeTrue();

    const late = record(http.get('/api/late'));
    backend.expectNone('/api/late');
    flushRefresh(backend, { accessToken: 'T2' });
    backend.expectOne('/api/a').flush('a');
    const lateRequests = backend.match('/api/late');
    expect(lateRequests.map(authOf)).toEqual(['Bearer T2']);
    lateRequests[0].flush('late');
    expect(late.values).toEqual(['late']);
  });

  it('retries a stale 401 with the new token without refreshing again', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const slow = record(http.get('/api/slow'));
    http.get('/api/fast').subscribe();
    const slowFirst = backend.expectOne('/api/slow');
    unauthorized(backend.expectOne('/api/fast'));
    flushRefresh(backend, { accessToken: 'T2', refreshToken: 'R2' });
    backend.expectOne('/api/fast').flush('fast');

    unauthorized(slowFirst);
    backend.expectNone(REFRESH_URL);
    const retry = backend.expectOne('/api/slow');
    expect(authOf(retry)).toBe('Bearer T2');
    retry.flush('slow');
    expect(slow.values).toEqual(['slow']);
  });

  it('refreshes on a stale 401 when the current token was rejected too, rather than retrying with it', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const slow = record(http.get('/api/slow'));
    const slowFirst = backend.expectOne('/api/slow');
    tokens.setTokens({ accessToken: 'T2', refreshToken: 'R2' });
    http.get('/api/fast').subscribe({ error: () => undefined });
    unauthorized(backend.expectOne('/api/fast'));
    backend.expectOne(REFRESH_URL).flush('down', { status: 503, statusText: 'Down' });

    unauthorized(slowFirst);
    const refresh = backend.expectOne(REFRESH_URL);
    expect(refresh.request.body).toEqual({ refreshToken: 'R2' });
    refresh.flush({ accessToken: 'T3', refreshToken: 'R3' });
    const retry = backend.expectOne('/api/slow');
    expect(authOf(retry)).toBe('Bearer T3');
    retry.flush('slow');
    expect(slow.values).toEqual(['slow']);
  });

  it('makes a stale 401 that comes during a refresh wait for it, and fail with its transient error', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const slow = record(http.get('/api/slow'));
    const slowFirst = backend.expectOne('/api/slow');
    tokens.setTokens({ accessToken: 'T2', refreshToken: 'R2' });
    record(tokens.refresh());

    unauthorized(slowFirst);
    backend.expectNone('/api/slow');
    backend.expectOne(REFRESH_URL).flush('down', { status: 503, statusText: 'Down' });
    backend.expectNone('/api/slow');
    expect(isHttpError(slow.error, 503)).toBeTrue();
    expect(tokens.accessToken()).toBe('T2');
    expect(tokens.status()).toBe('authenticated');
  });

  it('retries at most once: a retry that gets 401 again ends the session without refreshing', () => {
    const { http, backend, tokens } = setup({ storage: 'session' });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const outcome = record(http.get('/api/x'));
    unauthorized(backend.expectOne('/api/x'));
    flushRefresh(backend, { accessToken: 'T2', refreshToken: 'R2' });
    unauthorized(backend.expectOne('/api/x'));

    backend.expectNone(REFRESH_URL);
    backend.expectNone('/api/x');
    expect(outcome.error).toBeInstanceOf(SessionExpiredError);
    expect((outcome.error as SessionExpiredError).reason).toBe('retry-rejected');
    expect(isHttpError((outcome.error as SessionExpiredError).cause, 401)).toBeTrue();
    expect(tokens.status()).toBe('expired');
    expect(tokens.accessToken()).toBeNull();
    expect(sessionStorage.getItem('ngx-token-refresh')).toBeNull();
  });

  it('keeps the session when shouldRefresh counts 403 and the retry is forbidden too: the caller gets the 403', () => {
    const { http, backend, tokens } = setup({
      shouldRefresh: (error: HttpErrorResponse) => error.status === 401 || error.status === 403,
    });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const outcome = record(http.get('/api/admin'));
    backend.expectOne('/api/admin').flush('forbidden', { status: 403, statusText: 'Forbidden' });
    flushRefresh(backend, { accessToken: 'T2', refreshToken: 'R2' });
    const retry = backend.expectOne('/api/admin');
    expect(authOf(retry)).toBe('Bearer T2');
    retry.flush('forbidden', { status: 403, statusText: 'Forbidden' });

    expect(isHttpError(outcome.error, 403)).toBeTrue();
    expect(tokens.status()).toBe('authenticated');
    expect(tokens.accessToken()).toBe('T2');
    const next = record(http.get('/api/me'));
    const me = backend.expectOne('/api/me');
    expect(authOf(me)).toBe('Bearer T2');
    me.flush({ name: 'Ada' });
    expect(next.values).toEqual([{ name: 'Ada' }]);
    backend.expectNone(REFRESH_URL);
  });

  it('keeps the session when the retry is rejected because its fresh token expired on the way', () => {
    jasmine.clock().install();
    try {
      jasmine.clock().mockDate(new Date(2026, 0, 1));
      const { http, backend, tokens } = setup();
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      const outcome = record(http.get('/api/queued'));
      unauthorized(backend.expectOne('/api/queued'));
      const shortLived = createJwt({ exp: Date.now() / 1000 + 2 });
      flushRefresh(backend, { accessToken: shortLived, refreshToken: 'R2' });
      const retry = backend.expectOne('/api/queued');
      jasmine.clock().tick(3000);
      unauthorized(retry);
      expect(isHttpError(outcome.error, 401)).toBeTrue();
      expect(tokens.status()).toBe('authenticated');
      backend.expectNone(REFRESH_URL);
    } finally {
      jasmine.clock().uninstall();
    }
  });

  for (const status of [400, 403, 404, 500]) {
    it(`passes a ${status} through untouched, without refreshing`, () => {
      const { http, backend, tokens } = setup();
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      const outcome = record(http.get('/api/x'));
      backend.expectOne('/api/x').flush('no', { status, statusText: 'Nope' });
      expect(isHttpError(outcome.error, status)).toBeTrue();
      backend.expectNone(REFRESH_URL);
      expect(tokens.accessToken()).toBe('T1');
    });
  }

  it('shouldRefresh decides which errors refresh, e.g. only invalid_token challenges', () => {
    const { http, backend, tokens } = setup({
      shouldRefresh: (error: HttpErrorResponse) =>
        error.status === 401 &&
        /error="invalid_token"/.test(error.headers.get('WWW-Authenticate') ?? ''),
    });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const plain = record(http.get('/api/plain'));
    unauthorized(backend.expectOne('/api/plain'), { 'WWW-Authenticate': 'Bearer realm="api"' });
    expect(isHttpError(plain.error, 401)).toBeTrue();
    backend.expectNone(REFRESH_URL);

    const expired = record(http.get('/api/expired'));
    unauthorized(backend.expectOne('/api/expired'), {
      'WWW-Authenticate': 'Bearer error="invalid_token"',
    });
    flushRefresh(backend, { accessToken: 'T2' });
    backend.expectOne('/api/expired').flush('ok');
    expect(expired.values).toEqual(['ok']);
  });

  it('does not cancel the shared refresh when one waiting caller unsubscribes', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const leaving = record(http.get('/api/leaving'));
    const staying = record(http.get('/api/staying'));
    unauthorized(backend.expectOne('/api/leaving'));
    unauthorized(backend.expectOne('/api/staying'));
    leaving.subscription.unsubscribe();

    const refresh = backend.expectOne(REFRESH_URL);
    expect(refresh.cancelled).toBeFalse();
    refresh.flush({ accessToken: 'T2', refreshToken: 'R2' });
    backend.expectNone('/api/leaving');
    backend.expectOne('/api/staying').flush('stayed');
    expect(staying.values).toEqual(['stayed']);
    expect(leaving.values).toEqual([]);
  });

  it('keeps the rotated refresh token even when every waiting caller unsubscribed', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const gone = record(http.get('/api/gone'));
    unauthorized(backend.expectOne('/api/gone'));
    gone.subscription.unsubscribe();

    const refresh = backend.expectOne(REFRESH_URL);
    expect(refresh.cancelled).toBeFalse();
    refresh.flush({ accessToken: 'T2', refreshToken: 'R2' });
    expect(tokens.accessToken()).toBe('T2');
    expect(tokens.isRefreshing()).toBeFalse();
    backend.expectNone('/api/gone');

    tokens.refresh().subscribe();
    expect(backend.expectOne(REFRESH_URL).request.body).toEqual({ refreshToken: 'R2' });
  });
});

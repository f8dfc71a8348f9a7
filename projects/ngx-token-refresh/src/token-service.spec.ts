import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { JwtHelperService } from '@auth0/angular-jwt';
import { NEVER, Observable, Observer, of, throwError } from 'rxjs';
import {
  REFRESH_URL,
  authOf,
  createJwt,
  flushRefresh,
  jwtExpiringIn,
  record,
  setup,
  unauthorized,
} from '../spec/spec-helpers';
import { InvalidRefreshResponseError, SessionExpiredError, skipToken } from './public-api';

describe('TokenService', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('refreshes a JWT within leewaySeconds of exp before the request goes out: no 401 round trip', () => {
    const { http, backend, tokens } = setup({ leewaySeconds: 30 });
    const fresh = jwtExpiringIn(3600, 'fresh');
    tokens.setTokens({ accessToken: jwtExpiringIn(20, 'old'), refreshToken: 'R1' });
    const outcomes = [record(http.get('/api/a')), record(http.get('/api/b'))];
    backend.expectNone('/api/a');
    flushRefresh(backend, { accessToken: fresh, refreshToken: 'R2' });
    for (const url of ['/api/a', '/api/b']) {
      const request = backend.expectOne(url);
      expect(authOf(request)).toBe(`Bearer ${fresh}`);
      request.flush(url);
    }
    expect(outcomes.map((o) => o.values)).toEqual([['/api/a'], ['/api/b']]);
  });

  it('caps the leeway at half the lifetime (exp - iat), so a short-lived token is used first', () => {
    const { http, backend, tokens } = setup({ leewaySeconds: 30 });
    const now = Math.floor(Date.now() / 1000);
    const short = createJwt({ iat: now, exp: now + 20 });
    tokens.setTokens({ accessToken: short, refreshToken: 'R1' });
    http.get('/api/a').subscribe();
    expect(authOf(backend.expectOne('/api/a'))).toBe(`Bearer ${short}`);
    backend.expectNone(REFRESH_URL);

    const halfSpent = createJwt({ iat: now - 12, exp: now + 8 });
    tokens.setTokens({ accessToken: halfSpent, refreshToken: 'R1' });
    http.get('/api/b').subscribe();
    backend.expectNone('/api/b');
    flushRefresh(backend, { accessToken: 'T2' });
    expect(authOf(backend.expectOne('/api/b'))).toBe('Bearer T2');
  });

  it('sends a JWT outside the leeway as is, without refreshing', () => {
    const { http, backend, tokens } = setup({ leewaySeconds: 30 });
    const token = jwtExpiringIn(40);
    tokens.setTokens({ accessToken: token, refreshToken: 'R1' });
    http.get('/api/a').subscribe();
    expect(authOf(backend.expectOne('/api/a'))).toBe(`Bearer ${token}`);
    backend.expectNone(REFRESH_URL);
  });

  it('uses expiresIn for opaque tokens, so they are refreshed proactively too', () => {
    jasmine.clock().install();
    try {
      jasmine.clock().mockDate(new Date(2026, 0, 1));
      const { http, backend, tokens } = setup({ leewaySeconds: 30 });
      tokens.setTokens({ accessToken: 'opaque-1', refreshToken: 'R1', expiresIn: 60 });
      expect(tokens.expiresAt()).toBe(Date.now() + 60_000);
      http.get('/api/a').subscribe();
      expect(authOf(backend.expectOne('/api/a'))).toBe('Bearer opaque-1');
      jasmine.clock().tick(31_000);
      http.get('/api/b').subscribe();
      flushRefresh(backend, { access_token: 'opaque-2', expires_in: 60 });
      expect(authOf(backend.expectOne('/api/b'))).toBe('Bearer opaque-2');
    } finally {
      jasmine.clock().uninstall();
    }
  });

  it('sends a token that has not expired yet when its proactive refresh fails transiently', () => {
    const { http, backend, tokens } = setup({ leewaySeconds: 30 });
    const token = jwtExpiringIn(20);
    tokens.setTokens({ accessToken: token, refreshToken: 'R1' });
    const outcome = record(http.get('/api/a'));
    backend.expectOne(REFRESH_URL).flush('down', { status: 503, statusText: 'Down' });
    const request = backend.expectOne('/api/a');
    expect(authOf(request)).toBe(`Bearer ${token}`);
    request.flush('ok');
    expect(outcome.values).toEqual(['ok']);
  });

  it('never sends an expired token when its proactive refresh fails: the request gets the error', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: jwtExpiringIn(-5), refreshToken: 'R1' });
    const outcome = record(http.get('/api/a'));
    backend.expectOne(REFRESH_URL).flush('down', { status: 503, statusText: 'Down' });
    backend.expectNone('/api/a');
    expect((outcome.error as HttpErrorResponse).status).toBe(503);
    expect(tokens.status()).toBe('authenticated');
  });

  it('decodes each JWT once, not once per request', () => {
    const decode = spyOn(JwtHelperService.prototype, 'decodeToken').and.callThrough();
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: jwtExpiringIn(3600), refreshToken: 'R1' });
    for (let i = 0; i < 20; i++) http.get(`/api/${i}`).subscribe();
    expect(backend.match(() => true).length).toBe(20);
    expect(decode).toHaveBeenCalledTimes(1);
  });

  const malformed: Record<string, string> = {
    'not a JWT': 'opaque-token-value',
    'two segments': 'abc.def',
    'bad base64': 'a.%%%%.c',
    'non-JSON payload': `x.${btoa('not json')}.y`,
    'no exp': createJwt({ sub: 'x' }),
    'exp as a string': createJwt({ exp: String(Math.floor(Date.now() / 1000) - 100) }),
    'exp not finite': createJwt({ exp: null }),
  };
  for (const [name, token] of Object.entries(malformed)) {
    it(`treats a malformed token (${name}) as opaque: no exception, no refresh, requests work`, () => {
      const { http, backend, tokens } = setup();
      expect(() => tokens.setTokens({ accessToken: token, refreshToken: 'R1' })).not.toThrow();
      expect(tokens.expiresAt()).toBeNull();
      const outcome = record(http.get('/api/a'));
      const request = backend.expectOne('/api/a');
      expect(authOf(request)).toBe(`Bearer ${token}`);
      request.flush('ok');
      expect(outcome.values).toEqual(['ok']);
      backend.expectNone(REFRESH_URL);
    });
  }

  it('isRefreshing is true exactly while the refresh is in flight', () => {
    const { backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    expect(tokens.isRefreshing()).toBeFalse();
    const first = record(tokens.refresh());
    const joined = record(tokens.refresh());
    expect(tokens.isRefreshing()).toBeTrue();
    flushRefresh(backend, { accessToken: 'T2' });
    expect(tokens.isRefreshing()).toBeFalse();
    expect(first.values).toEqual(['T2']);
    expect(joined.values).toEqual(['T2']);
  });

  it('status goes anonymous -> authenticated -> expired, and back to anonymous on clear()', () => {
    const { backend, tokens } = setup();
    expect(tokens.status()).toBe('anonymous');
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    expect(tokens.status()).toBe('authenticated');
    tokens.refresh().subscribe({ error: () => undefined });
    unauthorized(backend.expectOne(REFRESH_URL));
    expect(tokens.status()).toBe('expired');
    tokens.setTokens({ accessToken: 'T3', refreshToken: 'R3' });
    expect(tokens.status()).toBe('authenticated');
    expect(tokens.clear()).toEqual({ accessToken: 'T3', refreshToken: 'R3' });
    expect(tokens.status()).toBe('anonymous');
    expect(tokens.accessToken()).toBeNull();
    expect(tokens.clear()).toBeNull();
  });

  it('replaces the refresh token when the server rotates it, and keeps it when it does not', () => {
    const { backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    tokens.refresh().subscribe();
    flushRefresh(backend, { accessToken: 'T2', refresh_token: 'R2' });
    tokens.refresh().subscribe();
    expect(flushRefresh(backend, { accessToken: 'T3' }).request.body).toEqual({
      refreshToken: 'R2',
    });
    tokens.refresh().subscribe();
    expect(backend.expectOne(REFRESH_URL).request.body).toEqual({ refreshToken: 'R2' });
  });

  it('clear() during a refresh fails the waiters and nothing revives the session', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const outcome = record(http.get('/api/a'));
    unauthorized(backend.expectOne('/api/a'));
    const refresh = backend.expectOne(REFRESH_URL);
    tokens.clear();
    expect(refresh.cancelled).toBeTrue();
    expect(outcome.error).toBeInstanceOf(SessionExpiredError);
    expect(tokens.isRefreshing()).toBeFalse();
    expect(tokens.status()).toBe('anonymous');
    expect(tokens.accessToken()).toBeNull();
  });

  it('setTokens() during a refresh sends the waiting requests with the new login tokens', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const outcome = record(http.get('/api/a'));
    unauthorized(backend.expectOne('/api/a'));
    backend.expectOne(REFRESH_URL);
    tokens.setTokens({ accessToken: 'L2', refreshToken: 'LR2' });
    const retry = backend.expectOne('/api/a');
    expect(authOf(retry)).toBe('Bearer L2');
    retry.flush('ok');
    expect(outcome.values).toEqual(['ok']);
  });

  it('setTokens() rejects a missing access token with a TypeError that names it', () => {
    const { tokens } = setup();
    expect(() => tokens.setTokens({ accessToken: '' })).toThrowError(TypeError, /accessToken/);
    expect(() => tokens.setTokens(null as never)).toThrowError(TypeError, /accessToken/);
    expect(tokens.status()).toBe('anonymous');
  });

  it('setTokens() rejects a blank or non-string access token, keeping the session it had', () => {
    const { tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    for (const accessToken of ['   ', 42, { token: 'T2' }]) {
      expect(() => tokens.setTokens({ accessToken } as never))
        .withContext(JSON.stringify(accessToken))
        .toThrowError(TypeError, /accessToken/);
    }
    expect(tokens.accessToken()).toBe('T1');
  });

  it('runs the refresh option in an injection context, so inject(HttpClient) works', () => {
    const { http, backend, tokens } = setup({
      refresh: (refreshToken) =>
        inject(HttpClient).post<{ token: string }>('/oauth/token', `grant=${refreshToken}`, {
          context: skipToken(),
        }) as unknown as Observable<{ accessToken: string }>,
    });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const outcome = record(http.get('/api/a'));
    unauthorized(backend.expectOne('/api/a'));
    const call = backend.expectOne('/oauth/token');
    expect(call.request.body).toBe('grant=R1');
    call.flush({ access_token: 'T2' });
    backend.expectOne('/api/a').flush('ok');
    expect(outcome.values).toEqual(['ok']);
  });

  it('accepts a refresh option that returns a Promise', async () => {
    const { tokens } = setup({ refresh: async () => ({ accessToken: 'P2', refreshToken: 'PR2' }) });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    await expectAsync(new Promise((resolve) => tokens.refresh().subscribe(resolve))).toBeResolvedTo(
      'P2',
    );
    expect(tokens.accessToken()).toBe('P2');
  });

  it("accepts a native Promise where zone.js replaced the global one (here: another realm's)", async () => {
    const frame = document.body.appendChild(document.createElement('iframe'));
    try {
      const { Promise: NativePromise } = frame.contentWindow as unknown as typeof globalThis;
      const answer = NativePromise.resolve({ accessToken: 'P2' });
      expect(answer instanceof Promise).toBeFalse();
      const { tokens } = setup({ refresh: () => answer });
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      const refreshed = new Promise((resolve, reject) =>
        tokens.refresh().subscribe({ next: resolve, error: reject }),
      );
      await expectAsync(refreshed).toBeResolvedTo('P2');
      expect(tokens.accessToken()).toBe('P2');
    } finally {
      frame.remove();
    }
  });

  it('accepts an Observable of another rxjs copy, and unsubscribes from it after its answer', () => {
    const unsubscribe = jasmine.createSpy('unsubscribe');
    const foreign = {
      subscribe(observer: Partial<Observer<unknown>>) {
        observer.next?.({ accessToken: 'O2', refreshToken: 'OR2' });
        return { unsubscribe };
      },
    };
    const { tokens } = setup({ refresh: () => foreign as never });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    expect(record(tokens.refresh()).values).toEqual(['O2']);
    expect(tokens.accessToken()).toBe('O2');
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });

  const badResults: Record<string, () => Observable<unknown> | Promise<unknown> | unknown> = {
    'an empty body': () => of(null),
    'HTML text': () => of('<html>oops</html>'),
    'JSON without an access token': () => of({ token: 'x' }),
    'an access token that is not a string': () => of({ accessToken: 42 }),
    'an observable that completes empty': () => of(),
    'neither an Observable nor a Promise': () => ({ accessToken: 'x' }),
  };
  for (const [name, result] of Object.entries(badResults)) {
    it(`fails waiters with InvalidRefreshResponseError on ${name}, keeping the session`, () => {
      const { tokens } = setup({ refresh: result as never });
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      const outcome = record(tokens.refresh());
      expect(outcome.error).toBeInstanceOf(InvalidRefreshResponseError);
      expect(tokens.accessToken()).toBe('T1');
      expect(tokens.status()).toBe('authenticated');
      expect(tokens.isRefreshing()).toBeFalse();
    });
  }

  it('treats a refresh option that throws synchronously as a transient failure', () => {
    const boom = new Error('boom');
    const { tokens } = setup({
      refresh: () => {
        throw boom;
      },
    });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    expect(record(tokens.refresh()).error).toBe(boom);
    expect(tokens.status()).toBe('authenticated');
  });

  it('ends the session when the refresh option fails with SessionExpiredError', () => {
    const { tokens } = setup({
      refresh: () => throwError(() => new SessionExpiredError('refresh-rejected')),
    });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    expect(record(tokens.refresh()).error).toBeInstanceOf(SessionExpiredError);
    expect(tokens.status()).toBe('expired');
  });

  it('keeps waiting on a refresh option that never settles only until refreshTimeoutMs', () => {
    jasmine.clock().install();
    try {
      const { tokens } = setup({ refresh: () => NEVER, refreshTimeoutMs: 1000 });
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      const outcome = record(tokens.refresh());
      jasmine.clock().tick(1000);
      expect((outcome.error as Error).name).toBe('TimeoutError');
      expect(tokens.isRefreshing()).toBeFalse();
    } finally {
      jasmine.clock().uninstall();
    }
  });
});

// Bad input, part 1: access tokens and refresh responses the library cannot trust. Cases already
// covered elsewhere are not repeated: two segments, bad base64, a non-JSON payload, no `exp`,
// `exp` as a string or null (token-service.spec.ts), and a `refresh` option returning null, HTML,
// JSON without a token, a non-string token or nothing at all (token-service.spec.ts).
import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  REFRESH_URL,
  authOf,
  createJwt,
  flushRefresh,
  jwtExpiringIn,
  jwtWithPayload,
  record,
  setup,
  unauthorized,
  withMockClock,
} from '../spec/spec-helpers';
import { InvalidRefreshResponseError, SessionExpiredError } from './public-api';

/** A 401 on a request with `token` still refreshes and retries: the reactive path works. */
function expectReactiveRefresh(http: HttpClient, backend: HttpTestingController, token: string) {
  const outcome = record(http.get('/api/reactive'));
  const first = backend.expectOne('/api/reactive');
  expect(authOf(first)).toBe(`Bearer ${token}`);
  unauthorized(first);
  flushRefresh(backend, { accessToken: 'T2' });
  const retry = backend.expectOne('/api/reactive');
  expect(authOf(retry)).toBe('Bearer T2');
  retry.flush('ok');
  expect(outcome.values).toEqual(['ok']);
}

describe('bad input: malformed access tokens', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  const now = () => Math.floor(Date.now() / 1000);
  const opaque: Record<string, () => string> = {
    'four segments': () => `${jwtExpiringIn(3600)}.extra`,
    'empty segments': () => '..',
    'a negative exp': () => createJwt({ exp: -now() }),
    'exp 0': () => createJwt({ exp: 0 }),
    'an exp that overflows to Infinity': () => jwtWithPayload('{"exp":1e400}'),
    'a JSON number as payload': () => jwtWithPayload('1893456000'),
    'a JSON array as payload': () => jwtWithPayload(`[{"exp":${now() - 60}}]`),
  };
  for (const [name, token] of Object.entries(opaque)) {
    it(`treats a token with ${name} as opaque: no exception, no proactive refresh, a 401 still refreshes`, () => {
      const { http, backend, tokens } = setup();
      const accessToken = token();
      expect(() => tokens.setTokens({ accessToken, refreshToken: 'R1' })).not.toThrow();
      expect(tokens.expiresAt()).toBeNull();
      expect(tokens.status()).toBe('authenticated');
      expectReactiveRefresh(http, backend, accessToken);
    });
  }

  // `exp` in milliseconds is a server bug (RFC 7519 says seconds). Any `exp` beyond 1e11 (year
  // 5138 in seconds) is unreadable, so the token is opaque: `expiresAt()` is null rather than a
  // date ~56,000 years away, it is never refreshed proactively, and the server's 401 refreshes
  // it reactively. The server stays the judge; the guard does not claim a known expiry.
  it('treats exp in milliseconds as unreadable: an opaque token that only the server 401 refreshes', () => {
    const { http, backend, tokens } = setup();
    const expMs = Date.now() - 60_000;
    const token = createJwt({ sub: 'ms', iat: expMs - 3_600_000, exp: expMs });
    tokens.setTokens({ accessToken: token, refreshToken: 'R1' });
    expect(tokens.expiresAt()).toBeNull();
    expect(tokens.status()).toBe('authenticated');
    expectReactiveRefresh(http, backend, token);
  });

  it('handles a 100 KB JWT: exp read, sent whole, stored, rehydrated and refreshed', () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const big = createJwt({ sub: 'big', exp, pad: 'x'.repeat(100 * 1024) });
    expect(big.length).toBeGreaterThan(100 * 1024);
    try {
      setup({ storage: 'session' }).tokens.setTokens({ accessToken: big, refreshToken: 'R1' });
      TestBed.resetTestingModule();
      const { http, backend, tokens } = setup({ storage: 'session' });
      expect(tokens.accessToken()).toBe(big);
      expect(tokens.expiresAt()).toBe(exp * 1000);
      const bigger = createJwt({ sub: 'bigger', exp, pad: 'y'.repeat(100 * 1024) });
      const outcome = record(http.get('/api/big'));
      unauthorized(backend.expectOne('/api/big'));
      flushRefresh(backend, { accessToken: bigger });
      const retry = backend.expectOne('/api/big');
      expect(authOf(retry)).toBe(`Bearer ${bigger}`);
      retry.flush('ok');
      expect(outcome.values).toEqual(['ok']);
    } finally {
      sessionStorage.clear();
    }
  });
});

describe('bad input: refresh endpoint responses (refreshUrl)', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  type Answer = (request: ReturnType<HttpTestingController['expectOne']>) => void;
  const unusable: Record<string, Answer> = {
    'an empty body': (r) => r.flush(null),
    'an empty text body': (r) => r.flush(''),
    'an HTML page': (r) => r.flush('<!doctype html><html><body>Sign in</body></html>'),
    '204 No Content': (r) => r.flush(null, { status: 204, statusText: 'No Content' }),
    'a JSON array': (r) => r.flush([{ accessToken: 'T2' }]),
    'a blank access token': (r) => r.flush({ accessToken: '   ', refreshToken: 'R2' }),
    'an access token that is an object': (r) => r.flush({ access_token: { value: 'T2' } }),
  };
  for (const [name, answer] of Object.entries(unusable)) {
    it(`fails the retry with InvalidRefreshResponseError on ${name}, keeping session and refresh token`, () => {
      const { http, backend, tokens } = setup();
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      const outcome = record(http.get('/api/a'));
      unauthorized(backend.expectOne('/api/a'));
      answer(backend.expectOne(REFRESH_URL));
      expect(outcome.error).toBeInstanceOf(InvalidRefreshResponseError);
      expect((outcome.error as Error).message).toMatch(/^ngx-token-refresh: /);
      backend.expectNone('/api/a');
      expect(tokens.status()).toBe('authenticated');
      expect(tokens.accessToken()).toBe('T1');
      expect(tokens.isRefreshing()).toBeFalse();
      tokens.refresh().subscribe();
      expect(backend.expectOne(REFRESH_URL).request.body).toEqual({ refreshToken: 'R1' });
    });
  }

  /** Refreshes an opaque token with a response carrying `expires_in: value`. */
  function refreshWithExpiresIn(value: unknown) {
    const testbed = setup({ leewaySeconds: 30 });
    testbed.tokens.setTokens({ accessToken: 'opaque-1', refreshToken: 'R1' });
    testbed.tokens.refresh().subscribe();
    flushRefresh(testbed.backend, { access_token: 'opaque-2', expires_in: value });
    expect(testbed.tokens.accessToken()).toBe('opaque-2');
    return testbed;
  }

  const nonsense: [string, unknown][] = [
    ['a word', 'soon'],
    ['an empty string', ''],
    ['a negative number', -60],
    ['zero', 0],
    ['null', null],
    ['a boolean', true],
    ['an object', { seconds: 60 }],
    ['an array', [60]],
  ];
  for (const [name, value] of nonsense) {
    it(`ignores expires_in that is ${name}: the token counts as opaque (expiry unknown, refreshed on 401)`, () => {
      withMockClock(() => {
        const { tokens } = refreshWithExpiresIn(value);
        expect(tokens.expiresAt()).toBeNull();
        expect(tokens.status()).toBe('authenticated');
      });
    });
  }

  it('reads expires_in given as a numeric string ("3600") as seconds', () => {
    withMockClock(() => {
      expect(refreshWithExpiresIn('3600').tokens.expiresAt()).toBe(Date.now() + 3_600_000);
    });
  });

  // expiresAt() is then Infinity: not a date, but nothing breaks and the server's 401 still rules.
  it('treats an absurdly large expires_in (1e308) as never expiring: no proactive refresh a year on', () => {
    withMockClock((clock) => {
      const { http, backend, tokens } = refreshWithExpiresIn(1e308);
      clock.tick(365 * 24 * 3600 * 1000);
      http.get('/api/later').subscribe();
      expect(authOf(backend.expectOne('/api/later'))).toBe('Bearer opaque-2');
      backend.expectNone(REFRESH_URL);
      expect(tokens.status()).toBe('authenticated');
    });
  });

  it("lets a JWT's own exp win over a contradicting expires_in", () => {
    withMockClock(() => {
      const { backend, tokens } = setup();
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      const exp = Math.floor(Date.now() / 1000) + 600;
      tokens.refresh().subscribe();
      flushRefresh(backend, { accessToken: createJwt({ exp }), expires_in: 5 });
      expect(tokens.expiresAt()).toBe(exp * 1000);
    });
  });
});

describe('bad input: a refresh callback that misbehaves', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  /** Lets a promise settle (its `then` callbacks run as microtasks). */
  const settle = () => new Promise((resolve) => setTimeout(resolve));

  it('treats a rejected promise as a transient failure: the caller gets the rejection, session kept', async () => {
    const boom = new Error('backend unreachable');
    const { http, backend, tokens } = setup({ refresh: () => Promise.reject(boom) });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const outcome = record(http.get('/api/a'));
    unauthorized(backend.expectOne('/api/a'));
    await settle();
    expect(outcome.error).toBe(boom);
    expect(tokens.status()).toBe('authenticated');
    expect(tokens.isRefreshing()).toBeFalse();
    backend.expectNone('/api/a');
  });

  it('ends the session when the promise rejects with a 401 HttpErrorResponse', async () => {
    const rejected = new HttpErrorResponse({ status: 401, url: '/oauth/token' });
    const { tokens } = setup({ refresh: () => Promise.reject(rejected) });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const outcome = record(tokens.refresh());
    await settle();
    expect(outcome.error).toBeInstanceOf(SessionExpiredError);
    expect((outcome.error as SessionExpiredError).reason).toBe('refresh-rejected');
    expect((outcome.error as SessionExpiredError).cause).toBe(rejected);
    expect(tokens.status()).toBe('expired');
  });

  it('fails waiters with TimeoutError after refreshTimeoutMs when the promise never settles', () => {
    withMockClock((clock) => {
      const { http, backend, tokens } = setup({
        refresh: () => new Promise(() => undefined),
        refreshTimeoutMs: 2_000,
      });
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      const outcome = record(http.get('/api/a'));
      unauthorized(backend.expectOne('/api/a'));
      clock.tick(1_999);
      expect(outcome.error).toBeUndefined();
      clock.tick(1);
      expect((outcome.error as Error).name).toBe('TimeoutError');
      expect(tokens.status()).toBe('authenticated');
      expect(tokens.isRefreshing()).toBeFalse();
    });
  });

  it('delivers a non-Error thrown synchronously as the request error, never as an uncaught crash', () => {
    const { http, backend, tokens } = setup({
      refresh: () => {
        throw 'not an Error';
      },
    });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    let outcome: ReturnType<typeof record> | undefined;
    expect(() => (outcome = record(http.get('/api/a')))).not.toThrow();
    expect(() => unauthorized(backend.expectOne('/api/a'))).not.toThrow();
    expect(outcome?.error).toBe('not an Error');
    expect(tokens.status()).toBe('authenticated');
    expect(tokens.isRefreshing()).toBeFalse();
  });
});

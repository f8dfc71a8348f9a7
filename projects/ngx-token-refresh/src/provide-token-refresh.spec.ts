import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TimeoutError } from 'rxjs';
import {
  REFRESH_URL,
  authOf,
  createJwt,
  expectSentAfterRefresh,
  flushRefresh,
  record,
  setup,
  unauthorized,
  withMockClock,
} from '../spec/spec-helpers';
import {
  TokenRefreshConfigError,
  TokenRefreshOptions,
  provideTokenRefresh,
  withDpop,
} from './public-api';

describe('provideTokenRefresh', () => {
  describe('in production mode (no option validation)', () => {
    let devMode: unknown;
    const scope = globalThis as { ngDevMode?: unknown };
    beforeEach(() => {
      devMode = scope.ngDevMode;
      scope.ngDevMode = false;
    });
    afterEach(() => (scope.ngDevMode = devMode));

    for (const [name, options] of [
      ['no options', undefined],
      ['null', null],
      ['no refresh way', {}],
      [
        'an allowedOrigins entry that is not an origin',
        { refreshUrl: '/r', allowedOrigins: ['*'] },
      ],
    ] as const) {
      it(`still rejects ${name} with a TokenRefreshConfigError`, () => {
        expect(() => provideTokenRefresh(options as never)).toThrowError(TokenRefreshConfigError);
      });
    }

    // README: production builds still throw for "no way to refresh"; each of the three ways is one.
    for (const [way, options] of [
      ['refreshUrl', { refreshUrl: '/r' }],
      [
        'tokenEndpoint',
        { tokenEndpoint: { url: 'https://auth.example.com/token', clientId: 'spa' } },
      ],
      ['refresh', { refresh: () => Promise.resolve({ accessToken: 'T2' }) }],
    ] as const) {
      it(`accepts ${way} alone as the way to refresh`, () => {
        expect(() => provideTokenRefresh(options as TokenRefreshOptions)).not.toThrow();
      });
    }

    it('accepts malformed options that only dev mode checks (the README says so)', () => {
      const options = { refreshUrl: '/r', leewaySeconds: -1, refresh: () => Promise.resolve() };
      expect(() => provideTokenRefresh(options as never)).not.toThrow();
    });
  });

  it('works with only refreshUrl: every other option has its default', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1' });
    http.get('/api/a').subscribe();
    expect(authOf(backend.expectOne('/api/a'))).toBe('Bearer T1');
    expect(tokens.status()).toBe('authenticated');
    TestBed.inject(HttpTestingController).verify();
  });

  const invalid: [string, unknown, RegExp][] = [
    ['no options', undefined, /options object/],
    ['null as options', null, /options object/],
    [
      'neither refreshUrl, tokenEndpoint nor refresh',
      {},
      /exactly one of `refreshUrl`, `tokenEndpoint` and `refresh`, got none/,
    ],
    [
      'both refreshUrl and refresh',
      { refreshUrl: '/r', refresh: () => null },
      /exactly one .* got `refreshUrl` and `refresh`/,
    ],
    ['an empty refreshUrl', { refreshUrl: ' ' }, /`refreshUrl` must be a non-empty URL/],
    ['a refresh that is not a function', { refresh: 'x' }, /`refresh` must be a function/],
    ['a negative leeway', { refreshUrl: '/r', leewaySeconds: -1 }, /`leewaySeconds` must be/],
    ['a NaN leeway', { refreshUrl: '/r', leewaySeconds: NaN }, /`leewaySeconds` must be/],
    ['an unknown storage', { refreshUrl: '/r', storage: 'cookie' }, /`storage` must be/],
    [
      'a host as origin',
      { refreshUrl: '/r', allowedOrigins: ['api.x.com'] },
      /allowedOrigins\[0\]/,
    ],
    [
      'a non-http origin',
      { refreshUrl: '/r', allowedOrigins: ['ftp://x.com'] },
      /allowedOrigins\[0\]/,
    ],
    ['allowedOrigins not an array', { refreshUrl: '/r', allowedOrigins: 'x' }, /`allowedOrigins`/],
    ['a bad header name', { refreshUrl: '/r', headerName: 'Auth Token' }, /`headerName`/],
    ['an authScheme that is not a string', { refreshUrl: '/r', authScheme: 1 }, /`authScheme`/],
    ['shouldRefresh not a function', { refreshUrl: '/r', shouldRefresh: true }, /`shouldRefresh`/],
    ['an empty loginUrl', { refreshUrl: '/r', loginUrl: '' }, /`loginUrl`/],
    ['a zero refreshTimeoutMs', { refreshUrl: '/r', refreshTimeoutMs: 0 }, /`refreshTimeoutMs`/],
    [
      'a non-boolean cookie flag',
      { refreshUrl: '/r', refreshTokenInCookie: 1 },
      /`refreshTokenInCookie`/,
    ],
  ];
  for (const [name, options, message] of invalid) {
    it(`rejects ${name} at start-up with a TokenRefreshConfigError that names the option`, () => {
      let error: unknown;
      try {
        provideTokenRefresh(options as TokenRefreshOptions);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TokenRefreshConfigError);
      expect((error as Error).message).toMatch(/^ngx-token-refresh: /);
      expect((error as Error).message).toMatch(message);
    });
  }
});

describe('provideTokenRefresh(options, ...features)', () => {
  it('provideTokenRefresh: a feature given twice, or withDpop without its call, fails in dev mode', () => {
    expect(() => provideTokenRefresh({ refreshUrl: '/r' }, withDpop(), withDpop())).toThrowError(
      TokenRefreshConfigError,
      'ngx-token-refresh: the feature `dpop` is given twice.',
    );
    expect(() => provideTokenRefresh({ refreshUrl: '/r' }, withDpop as never)).toThrowError(
      TokenRefreshConfigError,
      /features must be results of calls such as `withDpop\(\)`/,
    );
    const withoutProviders = { ...withDpop(), ɵproviders: undefined };
    expect(() => provideTokenRefresh({ refreshUrl: '/r' }, withoutProviders as never)).toThrowError(
      TokenRefreshConfigError,
      /features must be results of calls such as `withDpop\(\)`/,
    );
  });
});

// README, options table: `leewaySeconds` defaults to 30 and `refreshTimeoutMs` to 30000. Only the
// spec of leewaySeconds 0 (the lowest allowed) sets either; the mock clock stands still, so the
// boundaries are exact.
describe('provideTokenRefresh defaults', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  /** A JWT that lives an hour (so half its lifetime never caps the leeway), `exp` in `seconds`. */
  function hourTokenExpiringIn(seconds: number): string {
    const now = Date.now() / 1000;
    return createJwt({ iat: now + seconds - 3600, exp: now + seconds });
  }

  it('provideTokenRefresh: leewaySeconds defaults to 30, so a JWT 29 s from exp is refreshed first', () => {
    withMockClock(() => {
      const { http, backend, tokens } = setup();
      tokens.setTokens({ accessToken: hourTokenExpiringIn(29), refreshToken: 'R1' });
      expectSentAfterRefresh(http, backend);
    });
  });

  it('provideTokenRefresh: leewaySeconds defaults to 30, so a JWT 31 s from exp goes out at once, at 30 s it is refreshed', () => {
    withMockClock((clock) => {
      const { http, backend, tokens } = setup();
      const token = hourTokenExpiringIn(31);
      tokens.setTokens({ accessToken: token, refreshToken: 'R1' });
      http.get('/api/a').subscribe();
      expect(authOf(backend.expectOne('/api/a'))).toBe(`Bearer ${token}`);
      clock.tick(999);
      http.get('/api/b').subscribe();
      expect(authOf(backend.expectOne('/api/b')))
        .withContext('30.001 s left')
        .toBe(`Bearer ${token}`);
      backend.expectNone(REFRESH_URL);
      clock.tick(1);
      http.get('/api/c').subscribe();
      backend.expectNone('/api/c');
      flushRefresh(backend, { accessToken: 'T2' });
      expect(authOf(backend.expectOne('/api/c')))
        .withContext('30 s left')
        .toBe('Bearer T2');
    });
  });

  it('provideTokenRefresh: accepts leewaySeconds 0, so a JWT 1 s from exp goes out without a refresh', () => {
    withMockClock(() => {
      const { http, backend, tokens } = setup({ leewaySeconds: 0 });
      const token = hourTokenExpiringIn(1);
      tokens.setTokens({ accessToken: token, refreshToken: 'R1' });
      http.get('/api/a').subscribe();
      expect(authOf(backend.expectOne('/api/a'))).toBe(`Bearer ${token}`);
      backend.expectNone(REFRESH_URL);
    });
  });

  it('provideTokenRefresh: refreshTimeoutMs defaults to 30000, failing the refresh with TimeoutError', () => {
    withMockClock((clock) => {
      const { http, backend, tokens } = setup();
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      const outcome = record(http.get('/api/a'));
      unauthorized(backend.expectOne('/api/a'));
      const refresh = backend.expectOne(REFRESH_URL);
      clock.tick(29_999);
      expect(outcome.error).toBeUndefined();
      expect(refresh.cancelled).toBeFalse();
      clock.tick(1);
      expect(outcome.error).toBeInstanceOf(TimeoutError);
      expect(refresh.cancelled).toBeTrue();
      expect(tokens.status()).toBe('authenticated');
    });
  });
});

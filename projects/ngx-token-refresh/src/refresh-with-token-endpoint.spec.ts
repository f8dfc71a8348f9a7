import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { authOf, isHttpError, record, setup, unauthorized } from '../spec/spec-helpers';
import {
  SessionExpiredError,
  TokenEndpointOptions,
  TokenRefreshConfigError,
  provideTokenRefresh,
} from './public-api';

const TOKEN_URL = 'https://auth.example.com/oauth/token';
const ENDPOINT: TokenEndpointOptions = { url: TOKEN_URL, clientId: 'spa' };

describe('provideTokenRefresh({ tokenEndpoint }): OAuth 2 token endpoint', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('refreshes with the RFC 6749 refresh grant as a form and retries with the access_token it answers', () => {
    const { http, backend, tokens } = setup({ tokenEndpoint: ENDPOINT });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R+1/=' });
    const outcome = record(http.get('/api/me'));
    unauthorized(backend.expectOne('/api/me'));

    const refresh = backend.expectOne(TOKEN_URL);
    expect(refresh.request.method).toBe('POST');
    expect(sentBody(refresh)).toBe(
      'grant_type=refresh_token&refresh_token=R%2B1%2F%3D&client_id=spa',
    );
    expect(refresh.request.headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
    expect(refresh.request.headers.has('Authorization')).toBeFalse();
    const before = Date.now();
    refresh.flush({
      access_token: 'T2',
      refresh_token: 'R2',
      expires_in: 300,
      token_type: 'Bearer',
    });

    const retry = backend.expectOne('/api/me');
    expect(authOf(retry)).toBe('Bearer T2');
    retry.flush({ name: 'demo' });
    expect(outcome.values).toEqual([{ name: 'demo' }]);
    expect(tokens.expiresAt()).toBeGreaterThanOrEqual(before + 300_000);
    expect(tokens.expiresAt()).toBeLessThanOrEqual(Date.now() + 300_000);

    tokens.refresh().subscribe();
    expect(sentBody(backend.expectOne(TOKEN_URL))).toContain('refresh_token=R2&');
  });

  it('sends params first, then the grant fields and scope, in the form', () => {
    const { backend, tokens } = setup({
      tokenEndpoint: {
        ...ENDPOINT,
        scope: 'openid offline_access',
        params: { audience: 'https://api.example.com' },
      },
    });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    tokens.refresh().subscribe();
    expect(sentBody(backend.expectOne(TOKEN_URL))).toBe(
      'audience=https%3A%2F%2Fapi.example.com&grant_type=refresh_token&refresh_token=R1' +
        '&client_id=spa&scope=openid+offline_access',
    );
  });

  it("sends no scope for scope: '', so the grant's scope stays as when it is left out", () => {
    const { backend, tokens } = setup({ tokenEndpoint: { ...ENDPOINT, scope: '' } });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    tokens.refresh().subscribe();
    expect(sentBody(backend.expectOne(TOKEN_URL))).toBe(
      'grant_type=refresh_token&refresh_token=R1&client_id=spa',
    );
  });

  it('never lets params replace the grant fields, even where production skips the check', () => {
    const scope = globalThis as { ngDevMode?: unknown };
    const devMode = scope.ngDevMode;
    scope.ngDevMode = false; // production: the dev-mode check of params is dropped
    try {
      const params = { grant_type: 'password', refresh_token: 'X', client_id: 'evil', scope: 'a' };
      const { backend, tokens } = setup({ tokenEndpoint: { ...ENDPOINT, scope: 'b', params } });
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      tokens.refresh().subscribe();
      expect(sentBody(backend.expectOne(TOKEN_URL))).toBe(
        'grant_type=refresh_token&refresh_token=R1&client_id=spa&scope=b',
      );
    } finally {
      scope.ngDevMode = devMode;
    }
  });

  it('ends the session on 400 invalid_grant with SessionExpiredError', () => {
    const { http, backend, tokens } = setup({ tokenEndpoint: ENDPOINT });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const outcome = record(http.get('/api/me'));
    unauthorized(backend.expectOne('/api/me'));
    backend
      .expectOne(TOKEN_URL)
      .flush(
        { error: 'invalid_grant', error_description: 'Token is not active' },
        { status: 400, statusText: 'Bad Request' },
      );
    expect(outcome.error).toBeInstanceOf(SessionExpiredError);
    expect((outcome.error as SessionExpiredError).reason).toBe('refresh-rejected');
    expect(tokens.status()).toBe('expired');
  });

  for (const [label, body, status] of [
    ['400 invalid_request', { error: 'invalid_request' }, 400],
    ['503', 'busy', 503],
  ] as const) {
    it(`keeps the session when the token endpoint answers ${label} (transient)`, () => {
      const { http, backend, tokens } = setup({ tokenEndpoint: ENDPOINT });
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      const outcome = record(http.get('/api/me'));
      unauthorized(backend.expectOne('/api/me'));
      backend.expectOne(TOKEN_URL).flush(body, { status, statusText: 'x' });
      expect(isHttpError(outcome.error, status)).toBeTrue();
      expect(tokens.status()).toBe('authenticated');
      expect(tokens.accessToken()).toBe('T1');
    });
  }
});

describe('provideTokenRefresh({ tokenEndpoint }): invalid options', () => {
  const invalid: [string, Record<string, unknown>, RegExp][] = [
    [
      'with refreshUrl too',
      { refreshUrl: '/r', tokenEndpoint: ENDPOINT },
      /`refreshUrl` and `tokenEndpoint`/,
    ],
    ['of null', { tokenEndpoint: null }, /`tokenEndpoint` must be an object/],
    ['without a url', { tokenEndpoint: { clientId: 'spa' } }, /`tokenEndpoint\.url`/],
    [
      'with a url of only spaces',
      { tokenEndpoint: { url: ' ', clientId: 'spa' } },
      /`tokenEndpoint\.url`/,
    ],
    [
      'without a clientId',
      { tokenEndpoint: { url: TOKEN_URL, clientId: ' ' } },
      /`tokenEndpoint\.clientId`/,
    ],
    [
      'with a numeric scope',
      { tokenEndpoint: { ...ENDPOINT, scope: 1 } },
      /`tokenEndpoint\.scope`/,
    ],
    ...['grant_type', 'refresh_token', 'client_id', 'scope'].map(
      (field): [string, Record<string, unknown>, RegExp] => [
        `with params that set ${field}`,
        { tokenEndpoint: { ...ENDPOINT, params: { [field]: 'x' } } },
        new RegExp(`cannot set \`${field}\``),
      ],
    ),
    ...[
      ['an array', ['audience=x']],
      ['a string', 'audience=x'],
    ].map(([what, params]): [string, Record<string, unknown>, RegExp] => [
      `with params that are ${what}`,
      { tokenEndpoint: { ...ENDPOINT, params } },
      /`tokenEndpoint\.params` must be an object/,
    ]),
    [
      'with a params value that is not a string',
      { tokenEndpoint: { ...ENDPOINT, params: { a: 1 } } },
      /`tokenEndpoint\.params\.a`/,
    ],
    [
      'with refreshTokenInCookie',
      { tokenEndpoint: ENDPOINT, refreshTokenInCookie: true },
      /`refreshTokenInCookie`/,
    ],
  ];
  for (const [label, options, message] of invalid) {
    it(`rejects tokenEndpoint ${label} with a TokenRefreshConfigError that names it`, () => {
      let error: unknown;
      try {
        provideTokenRefresh(options as never);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(TokenRefreshConfigError);
      expect((error as Error).message).toMatch(message);
    });
  }
});

/** The body as it goes on the wire. */
function sentBody(request: TestRequest): string {
  return String(request.request.serializeBody());
}

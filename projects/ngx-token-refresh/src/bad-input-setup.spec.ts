// Bad input, part 2: options and storage. Not repeated here: the option errors listed in
// provide-token-refresh.spec.ts, and storage that throws on read or write, is missing, or holds
// text that is not JSON (token-storage.spec.ts).
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { REFRESH_URL, authOf, setup } from '../spec/spec-helpers';
import {
  TokenRefreshConfigError,
  TokenRefreshOptions,
  TokenStorage,
  provideTokenRefresh,
} from './public-api';

/** The error `provideTokenRefresh(options)` throws, or undefined. */
function startUpError(options: unknown): unknown {
  try {
    provideTokenRefresh(options as TokenRefreshOptions);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('bad input: options at start-up', () => {
  const invalid: [string, unknown, string][] = [
    ['a refreshUrl that is not a string', { refreshUrl: 42 }, 'refreshUrl'],
    ['a crossTab that is not a boolean', { refreshUrl: '/r', crossTab: 'yes' }, 'crossTab'],
    ['an empty storageKey', { refreshUrl: '/r', storageKey: '' }, 'storageKey'],
    ['a storageKey of only spaces', { refreshUrl: '/r', storageKey: '  ' }, 'storageKey'],
    ['a loginUrl of only spaces', { refreshUrl: '/r', loginUrl: '  ' }, 'loginUrl'],
    ['an empty headerName', { refreshUrl: '/r', headerName: '' }, 'headerName'],
    ['a crossTab of null', { refreshUrl: '/r', crossTab: null }, 'crossTab'],
    ['a headerName that is a number', { refreshUrl: '/r', headerName: 42 }, 'headerName'],
    ['a headerName in an array', { refreshUrl: '/r', headerName: ['X-Auth'] }, 'headerName'],
    ['an authScheme with a line break', { refreshUrl: '/r', authScheme: 'Bearer\n' }, 'authScheme'],
    ['an authScheme with a NUL', { refreshUrl: '/r', authScheme: 'Bearer\0 ' }, 'authScheme'],
    ['a leeway given as a string', { refreshUrl: '/r', leewaySeconds: '30' }, 'leewaySeconds'],
    ['an infinite leeway', { refreshUrl: '/r', leewaySeconds: Infinity }, 'leewaySeconds'],
    [
      'an infinite refreshTimeoutMs',
      { refreshUrl: '/r', refreshTimeoutMs: Infinity },
      'refreshTimeoutMs',
    ],
    ['a negative refreshTimeoutMs', { refreshUrl: '/r', refreshTimeoutMs: -1 }, 'refreshTimeoutMs'],
    ...[2 ** 31, Number.MAX_SAFE_INTEGER, 1e9 + 1].map((ms): [string, unknown, string] => [
      `a refreshTimeoutMs of ${ms}, beyond what browsers' timers hold`,
      { refreshUrl: '/r', refreshTimeoutMs: ms },
      'refreshTimeoutMs',
    ]),
    ['a storage of null', { refreshUrl: '/r', storage: null }, 'storage'],
    ...(['read', 'write', 'remove'] as const).map((missing): [string, unknown, string] => {
      const storage = { read() {}, write() {}, remove() {} };
      delete (storage as Partial<typeof storage>)[missing];
      return [`a storage without ${missing}()`, { refreshUrl: '/r', storage }, 'storage'];
    }),
    [
      'an allowedOrigins entry that is a number',
      { refreshUrl: '/r', allowedOrigins: [42] },
      'allowedOrigins[0]',
    ],
    [
      'an allowedOrigins entry of null',
      { refreshUrl: '/r', allowedOrigins: ['https://a.test', null] },
      'allowedOrigins[1]',
    ],
    [
      'an allowedOrigins entry with no host',
      { refreshUrl: '/r', allowedOrigins: ['https://'] },
      'allowedOrigins[0]',
    ],
  ];
  for (const [name, options, option] of invalid) {
    it(`rejects ${name} with a TokenRefreshConfigError naming \`${option}\``, () => {
      const error = startUpError(options);
      expect(error).toBeInstanceOf(TokenRefreshConfigError);
      expect((error as Error).message).toContain(option);
    });
  }

  for (const value of [Infinity, NaN]) {
    it(`names the number it got: ${value}, not JSON's null`, () => {
      const error = startUpError({ refreshUrl: '/r', leewaySeconds: value });
      expect((error as Error).message).toContain(
        `\`leewaySeconds\` must be a finite number >= 0, got ${value}.`,
      );
    });
  }

  it('accepts a refreshTimeoutMs of 1e9 ms (11.6 days), the most timers hold twice', () => {
    expect(startUpError({ refreshUrl: '/r', refreshTimeoutMs: 1e9 })).toBeUndefined();
  });

  // A typo is otherwise ignored: the option keeps its default and nothing says why.
  const unknownKeys: [string, unknown, string][] = [
    [
      'a misspelled option',
      { refreshURL: '/r' },
      'unknown option `refreshURL`; did you mean `refreshUrl`?',
    ],
    [
      'an option in snake case',
      { refreshUrl: '/r', leeway_seconds: 60 },
      'unknown option `leeway_seconds`; did you mean `leewaySeconds`?',
    ],
    [
      'an option the library does not have',
      { refreshUrl: '/r', retries: 3 },
      'unknown option `retries`; known: refreshUrl, tokenEndpoint, refresh, allowedOrigins,',
    ],
    [
      'a tokenEndpoint field in snake case',
      { tokenEndpoint: { url: '/token', clientId: 'spa', client_secret: 'x' } },
      'unknown field of `tokenEndpoint` `client_secret`; known: url, clientId, scope, params.',
    ],
    [
      'a misspelled tokenEndpoint field',
      { tokenEndpoint: { url: '/token', clientId: 'spa', Scope: 'openid' } },
      'unknown field of `tokenEndpoint` `Scope`; did you mean `scope`?',
    ],
    [
      'a tokenEndpoint that is an array',
      { tokenEndpoint: [] },
      '`tokenEndpoint` must be an object such as',
    ],
  ];
  for (const [name, options, message] of unknownKeys) {
    it(`rejects ${name} with a TokenRefreshConfigError that names it`, () => {
      const error = startUpError(options);
      expect(error).toBeInstanceOf(TokenRefreshConfigError);
      expect((error as Error).message).toContain(message);
    });
  }

  it('accepts every option the docs list, and every tokenEndpoint field, at once', () => {
    const all = {
      refresh: () => Promise.resolve({ accessToken: 'a' }),
      allowedOrigins: ['https://api.example.com'],
      loginUrl: '/login',
      leewaySeconds: 30,
      storage: 'session',
      storageKey: 'app',
      shouldRefresh: () => true,
      headerName: 'Authorization',
      authScheme: 'Bearer',
      refreshTokenInCookie: false,
      crossTab: false,
      refreshTimeoutMs: 1000,
    };
    expect(startUpError(all)).toBeUndefined();
    const endpoint = { url: '/token', clientId: 'spa', scope: 'openid', params: { a: 'b' } };
    const { refresh, ...rest } = all;
    expect(refresh).toBeDefined();
    expect(startUpError({ ...rest, tokenEndpoint: endpoint })).toBeUndefined();
    expect(startUpError({ ...rest, refreshUrl: '/r' })).toBeUndefined();
  });

  // parseAllowedOrigins documents "each string must be an origin ... throws naming the first
  // entry that is not", but it reduces any parsable URL to its origin: a path silently widens
  // the scope to the whole origin, a wildcard silently never matches.
  const notOrigins = [
    'https://api.example.com/v1',
    'https://api.example.com/?tenant=1',
    'https://api.example.com/#top',
    'https://user:secret@api.example.com',
    'https://*.example.com',
  ];
  for (const entry of notOrigins) {
    it(`rejects the allowedOrigins entry ${JSON.stringify(entry)}, which is not an origin`, () => {
      const error = startUpError({ refreshUrl: '/r', allowedOrigins: [entry] });
      expect(error).toBeInstanceOf(TokenRefreshConfigError);
      expect((error as Error).message).toContain('allowedOrigins[0]');
    });
  }
});

describe('bad input: stored sessions', () => {
  let warn: jasmine.Spy;
  beforeEach(() => {
    localStorage.clear();
    warn = spyOn(console, 'warn');
  });
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    localStorage.clear();
  });

  const wrongShapes: [string, string][] = [
    ['an empty string', ''],
    ['JSON null', 'null'],
    ['a JSON array', '[]'],
    ['a bare string', '"T1"'],
    ['an empty access token', '{"accessToken":"","refreshToken":"R1","expiresAt":null}'],
    ['a numeric refresh token', '{"accessToken":"T1","refreshToken":5,"expiresAt":null}'],
    ['a textual expiresAt', '{"accessToken":"T1","refreshToken":"R1","expiresAt":"soon"}'],
    ['a missing refreshToken', '{"accessToken":"T1","expiresAt":null}'],
  ];
  for (const [name, text] of wrongShapes) {
    it(`ignores JSON that is not a session (${name}) in web storage: anonymous, one warning`, () => {
      localStorage.setItem('ngx-token-refresh', text);
      const { http, backend, tokens } = setup({ storage: 'local' });
      expect(tokens.status()).toBe('anonymous');
      expect(tokens.accessToken()).toBeNull();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.calls.argsFor(0))).toContain('SyntaxError');
      expect(String(warn.calls.argsFor(0))).not.toContain('T1');
      http.get('/api/a').subscribe();
      expect(authOf(backend.expectOne('/api/a'))).toBeNull();
    });
  }

  const customShapes: [string, unknown][] = [
    ['an empty object', {}],
    ['a string', 'garbage'],
    ['a numeric access token', { accessToken: 42, refreshToken: 'R1', expiresAt: null }],
    ['a numeric refresh token', { accessToken: 'T1', refreshToken: 5, expiresAt: null }],
    ['a Promise (an async store)', Promise.resolve({ accessToken: 'T1' })],
  ];
  for (const [name, value] of customShapes) {
    it(`treats a custom TokenStorage.read() returning ${name} as no session, with one warning`, () => {
      const storage: TokenStorage = {
        read: () => value as never,
        write: () => undefined,
        remove: () => undefined,
      };
      const { http, backend, tokens } = setup({ storage });
      expect(tokens.status()).toBe('anonymous');
      expect(tokens.accessToken()).toBeNull();
      expect(tokens.expiresAt()).toBeNull();
      expect(warn).toHaveBeenCalledTimes(1);
      http.get('/api/a').subscribe();
      expect(authOf(backend.expectOne('/api/a'))).toBeNull();
      tokens.refresh().subscribe({ error: () => undefined });
      backend.expectNone(REFRESH_URL);
    });
  }
});

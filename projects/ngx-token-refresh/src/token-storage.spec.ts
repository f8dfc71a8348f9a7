import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  REFRESH_URL,
  authOf,
  expectSentAfterRefresh,
  flushRefresh,
  reload,
  setup,
  unauthorized,
  withMockClock,
} from '../spec/spec-helpers';
import { StoredTokens, TOKEN_STORAGE, TokenRefreshOptions, TokenStorage } from './public-api';
import { memoryTokenStorage } from './token-storage';

// Captured before any spec replaces the globals.
const webSession = window.sessionStorage;
const webLocal = window.localStorage;

describe('TokenService storage', () => {
  let warn: jasmine.Spy;
  const quota = () => {
    throw new DOMException('full', 'QuotaExceededError');
  };

  beforeEach(() => {
    webSession.clear();
    webLocal.clear();
    warn = spyOn(console, 'warn');
  });
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    webSession.clear();
    webLocal.clear();
  });

  it('keeps tokens in memory by default: nothing in web storage, nothing after a reload', () => {
    const { tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.length).toBe(0);
    expect(reload({}).tokens.status()).toBe('anonymous');
  });

  for (const storage of ['session', 'local'] as const) {
    it(`'${storage}' storage survives a reload: the service rehydrates at start`, () => {
      const first = setup({ storage });
      first.tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      first.tokens.refresh().subscribe();
      flushRefresh(first.backend, { accessToken: 'T2', refreshToken: 'R2' });

      const { http, backend, tokens } = reload({ storage });
      expect(tokens.status()).toBe('authenticated');
      expect(tokens.accessToken()).toBe('T2');
      http.get('/api/a').subscribe();
      expect(authOf(backend.expectOne('/api/a'))).toBe('Bearer T2');
      tokens.refresh().subscribe();
      expect(backend.expectOne(REFRESH_URL).request.body).toEqual({ refreshToken: 'R2' });
    });
  }

  it("keeps an opaque token's expiry from expiresIn across a reload, under storageKey: refreshed before it expires", () => {
    withMockClock((clock) => {
      const options = {
        storage: 'local',
        storageKey: 'my-app.session',
        leewaySeconds: 30,
      } as const;
      const first = setup(options);
      first.tokens.setTokens({ accessToken: 'opaque-1', refreshToken: 'R1', expiresIn: 60 });
      const { http, backend, tokens } = reload(options);
      expect(tokens.accessToken()).toBe('opaque-1');
      expect(tokens.expiresAt()).toBe(Date.now() + 60_000);
      clock.tick(31_000); // within the leeway: the next request waits for a refresh
      expectSentAfterRefresh(http, backend);
    });
  });

  it('clear() removes the stored session, under storageKey', () => {
    const { tokens } = setup({ storage: 'local', storageKey: 'my-app.session' });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    expect(JSON.parse(localStorage.getItem('my-app.session')!)).toEqual({
      accessToken: 'T1',
      refreshToken: 'R1',
      expiresAt: null,
    });
    tokens.clear();
    expect(localStorage.getItem('my-app.session')).toBeNull();
  });

  it('reads storage once at start, never per request', () => {
    const getItem = spyOn(Storage.prototype, 'getItem').and.callThrough();
    const { http, backend, tokens } = setup({ storage: 'session' });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    for (let i = 0; i < 10; i++) http.get(`/api/${i}`).subscribe();
    expect(backend.match(() => true).length).toBe(10);
    expect(getItem).toHaveBeenCalledTimes(1);
  });

  for (const storage of ['session', 'local'] as const) {
    it(`storage '${storage}' is written only when tokens change: not per request, once per refresh`, () => {
      const { http, backend, tokens } = setup({ storage });
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      const setItem = spyOn(Storage.prototype, 'setItem').and.callThrough();
      const removeItem = spyOn(Storage.prototype, 'removeItem').and.callThrough();
      const flushAll = (token: string) => {
        for (let i = 0; i < 10; i++) http.get(`/api/${i}`).subscribe();
        const requests = backend.match((request) => request.url.startsWith('/api/'));
        expect(requests.map(authOf)).toEqual(Array(10).fill(`Bearer ${token}`));
        requests.forEach((request) => request.flush('ok'));
      };

      flushAll('T1');
      expect(setItem).not.toHaveBeenCalled();
      expect(removeItem).not.toHaveBeenCalled();

      http.get('/api/stale').subscribe();
      unauthorized(backend.expectOne('/api/stale'));
      flushRefresh(backend, { accessToken: 'T2', refreshToken: 'R2' });
      backend.expectOne('/api/stale').flush('ok');
      flushAll('T2');
      expect(setItem).toHaveBeenCalledTimes(1);
      expect(setItem.calls.mostRecent().object).toBe(storage === 'session' ? webSession : webLocal);
      const [key, value] = setItem.calls.mostRecent().args;
      expect(key).toBe('ngx-token-refresh');
      expect(JSON.parse(value)).toEqual({ accessToken: 'T2', refreshToken: 'R2', expiresAt: null });
      expect(removeItem).not.toHaveBeenCalled();
    });
  }

  it('degrades to memory with one console warning when the storage throws', () => {
    const failing: TokenStorage = { read: () => null, write: quota, remove: quota };
    const { http, backend, tokens } = setup({ storage: failing });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    tokens.setTokens({ accessToken: 'T2', refreshToken: 'R2' });
    http.get('/api/a').subscribe();
    expect(authOf(backend.expectOne('/api/a'))).toBe('Bearer T2');
    tokens.clear();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.calls.argsFor(0))).toContain('QuotaExceededError');
    expect(String(warn.calls.argsFor(0))).not.toMatch(/T1|T2|R1|R2/);
  });

  for (const storage of ['session', 'local'] as const) {
    for (const end of ['', ', then clear()']) {
      it(`a failed '${storage}' write leaves no older session there to come back on reload${end}`, () => {
        const web = storage === 'local' ? webLocal : webSession;
        const { tokens } = setup({ storage });
        tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
        expect(web.getItem('ngx-token-refresh')).toContain('R1');
        spyOn(Storage.prototype, 'setItem').and.callFake(quota);
        tokens.setTokens({ accessToken: 'T2', refreshToken: 'R2' });
        expect(tokens.accessToken()).toBe('T2'); // in memory, for this page
        if (end) tokens.clear();
        expect(web.getItem('ngx-token-refresh')).toBeNull();
        expect(reload({ storage }).tokens.status()).toBe('anonymous');
        expect(warn).toHaveBeenCalledTimes(1);
      });
    }
  }

  it('degrades to memory when the storage throws on the first read', () => {
    const failing: TokenStorage = {
      read: () => {
        throw new Error('disabled');
      },
      write: () => fail('must not be written after it failed'),
      remove: () => fail('must not be used after it failed'),
    };
    const { tokens } = setup({ storage: failing });
    expect(tokens.status()).toBe('anonymous');
    tokens.setTokens({ accessToken: 'T1' });
    expect(tokens.accessToken()).toBe('T1');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('degrades to memory when there is no sessionStorage (as on the server)', () => {
    spyOnProperty(window, 'sessionStorage', 'get').and.returnValue(undefined as never);
    const { tokens } = setup({ storage: 'session' });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    expect(tokens.accessToken()).toBe('T1');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.calls.argsFor(0))).toContain('ReferenceError');
  });

  for (const [name, text] of [
    ['text that is not JSON', '{"accessToken": 42, broken'],
    ['JSON that is not a session', '{"accessToken": 42}'],
  ]) {
    it(`removes ${name} from web storage and keeps using it: anonymous, one warning, no crash, and the next sign-in survives a reload`, () => {
      webLocal.setItem('ngx-token-refresh', text);
      const { tokens } = setup({ storage: 'local' });
      expect(tokens.status()).toBe('anonymous');
      expect(webLocal.getItem('ngx-token-refresh')).toBeNull();
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      expect(tokens.accessToken()).toBe('T1');
      expect(reload({ storage: 'local' }).tokens.accessToken()).toBe('T1');
      expect(warn).toHaveBeenCalledOnceWith(
        'ngx-token-refresh: local storage failed to read (SyntaxError); ' +
          'the unreadable value was removed.',
      );
    });
  }

  it('keeps using a custom TokenStorage that works', () => {
    let stored: StoredTokens | null = { accessToken: 'S1', refreshToken: 'SR1', expiresAt: null };
    const custom: TokenStorage = {
      read: () => stored,
      write: (tokens) => (stored = tokens),
      remove: () => (stored = null),
    };
    const { tokens } = setup({ storage: custom });
    expect(tokens.accessToken()).toBe('S1');
    tokens.setTokens({ accessToken: 'S2' });
    expect(stored).toEqual({ accessToken: 'S2', refreshToken: null, expiresAt: null });
    tokens.clear();
    expect(stored).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('keeps using a custom TokenStorage whose read() gives undefined for no session', () => {
    const kept = new Map<string, StoredTokens>(); // Map.get() gives undefined, not null
    const custom: TokenStorage = {
      read: () => kept.get('session') as StoredTokens | null,
      write: (tokens) => void kept.set('session', tokens),
      remove: () => void kept.delete('session'),
    };
    const { tokens } = setup({ storage: custom });
    expect(tokens.status()).toBe('anonymous');
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    expect(kept.get('session')).toEqual({ accessToken: 'T1', refreshToken: 'R1', expiresAt: null });
    tokens.clear();
    expect(kept.size).toBe(0);
    expect(warn).not.toHaveBeenCalled();
  });

  /** A working custom TokenStorage with `broken` methods swapped in. */
  const customWith = (broken: Partial<TokenStorage>) => (): TokenStorage => ({
    ...memoryTokenStorage(),
    ...broken,
  });

  const heldInMemory: [string, () => TokenRefreshOptions['storage']][] = [
    ['memory (the default)', () => 'memory'],
    ['a custom storage whose write() throws', customWith({ write: quota })],
    ['a custom storage whose remove() throws', customWith({ remove: quota })],
  ];
  for (const [name, storage] of heldInMemory) {
    it(`TOKEN_STORAGE holds the session while signed in, and none after clear(): ${name}`, () => {
      const { tokens } = setup({ storage: storage() });
      const stored = TestBed.inject(TOKEN_STORAGE);
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      expect(stored.read()).toEqual({ accessToken: 'T1', refreshToken: 'R1', expiresAt: null });
      tokens.clear();
      expect(stored.read()).toBeNull();
    });
  }

  const inMemory = 'tokens are kept in memory for this page only.';
  // [case, storage, label, operation, error name, how the dev warning ends]
  type Failure = [string, () => TokenRefreshOptions['storage'], string, string, string, string];
  const failures: Failure[] = [
    [
      'corrupted local storage',
      () => {
        localStorage.setItem('ngx-token-refresh', '{broken');
        return 'local';
      },
      'local',
      'read',
      'SyntaxError',
      'the unreadable value was removed.',
    ],
    [
      'a read() that gives no session',
      customWith({ read: () => ({}) as never }),
      'custom',
      'read',
      'TypeError',
      inMemory,
    ],
    [
      'a write() that throws',
      customWith({ write: quota }),
      'custom',
      'write',
      'QuotaExceededError',
      inMemory,
    ],
    [
      'a remove() that throws',
      customWith({ remove: quota }),
      'custom',
      'remove',
      'QuotaExceededError',
      inMemory,
    ],
    [
      'a write() that throws a string holding the token',
      customWith({
        write: (tokens) => {
          throw `no room for ${tokens.accessToken}`;
        },
      }),
      'custom',
      'write',
      'string',
      inMemory,
    ],
  ];
  for (const devMode of [true, false]) {
    for (const [name, storage, label, operation, error, end] of failures) {
      it(`warns once with the storage, operation and error type only (${name}, ${devMode ? 'dev' : 'production'} mode)`, () => {
        const scope = globalThis as { ngDevMode?: unknown };
        const saved = scope.ngDevMode;
        if (!devMode) scope.ngDevMode = false; // production builds log the short warning
        try {
          const { tokens } = setup({ storage: storage() });
          tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
          tokens.clear();
        } finally {
          scope.ngDevMode = saved;
        }
        expect(warn).toHaveBeenCalledOnceWith(
          devMode
            ? `ngx-token-refresh: ${label} storage failed to ${operation} (${error}); ${end}`
            : `ngx-token-refresh: ${label} storage ${operation} failed (${error})`,
        );
      });
    }
  }
});

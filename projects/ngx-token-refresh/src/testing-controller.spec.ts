// The testing entry point as an app's spec uses it (README, "Testing your app"): the real
// service and interceptor, refreshes answered by the controller. `ngx-token-refresh` is the
// library's sources here (tsconfig.spec.json), the one copy the testing sources import too.
import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  SessionExpiredError,
  TokenRefreshOptions,
  TokenService,
  tokenRefreshInterceptor,
} from 'ngx-token-refresh';
import { of } from 'rxjs';
import { authOf, isHttpError, isOpen, record, unauthorized } from '../spec/spec-helpers';
import { provideTokenRefreshTesting } from '../testing/src/provide-token-refresh-testing';
import { TokenRefreshTestingController } from '../testing/src/token-refresh-testing-controller';

describe('TokenRefreshTestingController', () => {
  let auth: TokenRefreshTestingController;
  let backend: HttpTestingController;
  let http: HttpClient;
  let tokens: TokenService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
        provideHttpClientTesting(),
        provideTokenRefreshTesting(),
      ],
    });
    auth = TestBed.inject(TokenRefreshTestingController);
    backend = TestBed.inject(HttpTestingController);
    http = TestBed.inject(HttpClient);
    tokens = TestBed.inject(TokenService);
  });
  afterEach(() => backend.verify());

  /** Sends a GET to `url` and answers it 401: the library then refreshes through the controller. */
  function rejectedRequest(url: string) {
    const outcome = record(http.get(url));
    unauthorized(backend.expectOne(url));
    return outcome;
  }

  it('refreshTokensSent is a snapshot: a later refresh leaves an array read before as it was', () => {
    auth.signIn({ accessToken: 'T1', refreshToken: 'R1' });
    rejectedRequest('/api/a');
    backend.expectOne('/api/a').flush('ok');
    const first = auth.refreshTokensSent;
    expect(first).toEqual(['R1']);

    rejectedRequest('/api/b');
    backend.expectOne('/api/b').flush('ok');
    expect(auth.refreshTokensSent.length).toBe(2);
    expect(first).toEqual(['R1']);
  });

  it("failNextRefresh('network-error') fails the waiting request with status 0 and keeps the session", () => {
    auth.signIn({ accessToken: 'T1' });
    auth.failNextRefresh('network-error');
    const outcome = rejectedRequest('/api/a');
    expect(isHttpError(outcome.error, 0)).withContext(String(outcome.error)).toBeTrue();
    expect(tokens.status()).toBe('authenticated');
    expect(tokens.accessToken()).toBe('T1');
    expect(auth.refreshCount).toBe(1);

    // Transient: the next 401 refreshes again (unplanned, so it succeeds) and is retried.
    const next = rejectedRequest('/api/b');
    const retry = backend.expectOne('/api/b');
    expect(authOf(retry)).toBe(`Bearer ${tokens.accessToken()}`);
    expect(tokens.accessToken()).not.toBe('T1');
    retry.flush('ok');
    expect(next.values).toEqual(['ok']);
    expect(auth.refreshTokensSent).toEqual(['test-refresh-1', 'test-refresh-1']);
  });

  it('failNextRefresh(error) fails the waiting request with that very error and keeps the session', () => {
    const error = new Error('x');
    auth.signIn({ accessToken: 'T1' });
    auth.failNextRefresh(error);
    const outcome = rejectedRequest('/api/a');
    expect(outcome.error).toBe(error);
    expect(tokens.status()).toBe('authenticated');
    expect(tokens.accessToken()).toBe('T1');
    expect(auth.refreshCount).toBe(1);
  });

  it("holdNextRefresh(), then held.fail('rejected'): every waiting request fails with SessionExpiredError", () => {
    auth.signIn({ accessToken: 'T1' });
    const held = auth.holdNextRefresh();
    const rejected = [record(http.get('/api/a')), record(http.get('/api/b'))];
    unauthorized(backend.expectOne('/api/a'));
    unauthorized(backend.expectOne('/api/b'));
    const waiting = record(http.get('/api/c'));
    backend.expectNone('/api/c');
    expect(tokens.isRefreshing()).toBeTrue();
    expect([...rejected, waiting].map(isOpen)).toEqual([true, true, true]);

    held.fail('rejected');

    for (const outcome of [...rejected, waiting]) {
      expect(outcome.error).toBeInstanceOf(SessionExpiredError);
      expect((outcome.error as SessionExpiredError).reason).toBe('refresh-rejected');
    }
    expect(tokens.status()).toBe('expired');
    expect(tokens.accessToken()).toBeNull();
    expect(tokens.isRefreshing()).toBeFalse();
    expect(auth.refreshCount).toBe(1);
  });

  it('holdNextRefresh() answered before its refresh starts: the refresh takes that answer', () => {
    auth.signIn({ accessToken: 'T1' });
    auth.holdNextRefresh().succeed({ accessToken: 'T2' });
    const outcome = rejectedRequest('/api/a');
    const retry = backend.expectOne('/api/a');
    expect(authOf(retry)).toBe('Bearer T2');
    retry.flush('ok');
    expect(outcome.values).toEqual(['ok']);
    expect(auth.refreshCount).toBe(1);
  });

  it("holdNextRefresh(), then held.fail() with no argument: 'rejected', the session ends", () => {
    auth.signIn({ accessToken: 'T1' });
    const held = auth.holdNextRefresh();
    const outcome = rejectedRequest('/api/a');
    held.fail();
    expect(outcome.error).toBeInstanceOf(SessionExpiredError);
    expect(tokens.status()).toBe('expired');
  });

  it("holdNextRefresh(), then held.fail('network-error'): transient, status 0, the session stays", () => {
    auth.signIn({ accessToken: 'T1' });
    const held = auth.holdNextRefresh();
    const outcome = rejectedRequest('/api/a');
    expect(isOpen(outcome)).toBeTrue();
    held.fail('network-error');
    expect(isHttpError(outcome.error, 0)).withContext(String(outcome.error)).toBeTrue();
    expect(tokens.status()).toBe('authenticated');
    expect(tokens.accessToken()).toBe('T1');
  });
});

describe('provideTokenRefreshTesting(options)', () => {
  // An app's own options object, as its app config gives it to provideTokenRefresh.
  const appOptions = (way: Partial<TokenRefreshOptions>): TokenRefreshOptions => ({
    ...way,
    allowedOrigins: ['https://api.example.com'],
    headerName: 'X-Auth',
    authScheme: 'Token ',
    storage: 'local',
  });
  const ways: Record<string, Partial<TokenRefreshOptions>> = {
    refreshUrl: { refreshUrl: '/api/auth/refresh' },
    tokenEndpoint: { tokenEndpoint: { url: 'https://id.example.com/token', clientId: 'app' } },
    refresh: { refresh: () => of({ accessToken: 'from-the-app' }) },
  };

  for (const [name, way] of Object.entries(ways)) {
    it(`takes the app's options with its ${name}: the controller answers the refresh, in memory, and the other options apply`, () => {
      TestBed.configureTestingModule({
        providers: [
          provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
          provideHttpClientTesting(),
          provideTokenRefreshTesting(appOptions(way)),
        ],
      });
      const auth = TestBed.inject(TokenRefreshTestingController);
      const backend = TestBed.inject(HttpTestingController);
      auth.signIn({ accessToken: 'T1' });
      auth.succeedNextRefresh({ accessToken: 'T2' });
      const url = 'https://api.example.com/items';
      const outcome = record(TestBed.inject(HttpClient).get(url));
      const first = backend.expectOne(url);
      expect(first.request.headers.get('X-Auth')).toBe('Token T1');
      unauthorized(first);
      const retry = backend.expectOne(url);
      expect(retry.request.headers.get('X-Auth')).toBe('Token T2');
      retry.flush('ok');
      expect(outcome.values).toEqual(['ok']);
      expect(auth.refreshTokensSent).toEqual(['test-refresh-1']);
      backend.verify(); // the app's refresh endpoint saw nothing
      expect(Object.values(localStorage).filter((value) => value.includes('T2'))).toEqual([]);
    });
  }
});

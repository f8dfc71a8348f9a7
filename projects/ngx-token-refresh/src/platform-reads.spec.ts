import {
  HttpClient,
  provideHttpClient,
  withInterceptors,
  ɵREQUESTS_CONTRIBUTE_TO_STABILITY,
} from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, DOCUMENT, PLATFORM_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  REFRESH_URL,
  authOf,
  expectAuthorization,
  nextRequests,
  record,
  setup,
  unauthorized,
  uniqueKey,
} from '../spec/spec-helpers';
import {
  TOKEN_STORAGE,
  TokenRefreshOptions,
  TokenStorage,
  provideTokenRefresh,
  tokenRefreshInterceptor,
} from './public-api';

/**
 * Every platform API the request path reads (the document's base URI and location, web storage,
 * Web Locks, BroadcastChannel) can be missing or throw: on the server (domino throws
 * `NotYetImplemented`, not even an Error), in sandboxed documents, with storage disabled. Each
 * spec breaks one of them and checks that requests still complete, with the token where the
 * documented fallback allows it, and that nothing stays pending.
 */
describe('tokenRefreshInterceptor when a platform read throws', () => {
  const storage = localStorage; // kept: a spec below makes the global getter throw
  let storageKey: string;

  beforeEach(() => (storageKey = uniqueKey('platform')));
  afterEach(() => storage.removeItem(`ngx-token-refresh:${storageKey}`));

  it('document.baseURI throwing (as on the server): relative URLs use the page URL', async () => {
    const serverLikeDocument = {
      get baseURI(): string {
        throw NOT_YET_IMPLEMENTED;
      },
      location: document.location,
    };
    const { http, backend, tokens } = setup({ allowedOrigins: ['https://api.example.com'] }, [
      { provide: DOCUMENT, useValue: serverLikeDocument },
    ]);
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });

    const expected = {
      '/api/relative': 'Bearer T1',
      [`${location.origin}/api/same-origin`]: 'Bearer T1',
      'https://api.example.com/listed': 'Bearer T1',
      'https://evil.example/x': null,
      '//evil.example/x': null,
    };
    await expectRequests(http, backend, expected);
  });

  it('no readable document location at all: relative URLs keep the token, others need the list', async () => {
    const brokenDocument = {
      get baseURI(): string {
        throw NOT_YET_IMPLEMENTED;
      },
      get location(): Location {
        throw new DOMException('location is not available', 'SecurityError');
      },
    };
    const { http, backend, tokens } = setup({ allowedOrigins: ['https://api.example.com'] }, [
      { provide: DOCUMENT, useValue: brokenDocument },
    ]);
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });

    await expectRequests(http, backend, {
      '/api/relative': 'Bearer T1',
      'https://api.example.com/listed': 'Bearer T1',
      [`${location.origin}/api/unknown-page-origin`]: null,
      '//evil.example/x': null,
    });
  });

  it('sessionStorage throwing: the session lives in memory, with one warning', async () => {
    spyOnProperty(window, 'sessionStorage').and.throwError(
      new DOMException('The operation is insecure.', 'SecurityError'),
    );
    const warn = spyOn(console, 'warn');
    const { http, backend, tokens } = setup({ storage: 'session', storageKey });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });

    await expectRequests(http, backend, { '/api/relative': 'Bearer T1' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.calls.argsFor(0)[0])).toContain('session storage failed to read');
  });

  it('localStorage (the cross-tab revision marker) throwing: refresh and retry still complete', async () => {
    spyOnProperty(window, 'localStorage').and.throwError(
      new DOMException('denied', 'SecurityError'),
    );
    await expectRefreshAndRetry({ crossTab: true, storageKey });
  });

  it('navigator.locks throwing: the tab refreshes on its own', async () => {
    spyOnProperty(Navigator.prototype, 'locks').and.throwError(new TypeError('no locks here'));
    await expectRefreshAndRetry({ crossTab: true, storageKey });
  });

  it('navigator.locks.request throwing: the refresh runs without the lock', async () => {
    spyOn(navigator.locks, 'request').and.throwError(new DOMException('denied', 'SecurityError'));
    await expectRefreshAndRetry({ crossTab: true, storageKey });
  });

  it('the BroadcastChannel constructor throwing: the tab works on its own', async () => {
    spyOn(window, 'BroadcastChannel').and.throwError(new DOMException('opaque', 'SecurityError'));
    await expectRefreshAndRetry({ crossTab: true, storageKey });
  });

  it('BroadcastChannel.postMessage throwing: tokens are still stored and used', async () => {
    spyOn(BroadcastChannel.prototype, 'postMessage').and.throwError(
      new DOMException('closed', 'InvalidStateError'),
    );
    await expectRefreshAndRetry({ crossTab: true, storageKey });
  });
});

describe('tokenRefreshInterceptor during server-side rendering (PLATFORM_ID server)', () => {
  it('keeps storage "session" in memory without a warning and opens no tab channel', async () => {
    const warn = spyOn(console, 'warn');
    const channel = spyOn(window, 'BroadcastChannel').and.callThrough();
    const { http, backend, tokens } = setup({ storage: 'session', crossTab: true }, [
      { provide: PLATFORM_ID, useValue: 'server' },
    ]);
    tokens.setTokens({ accessToken: 'SERVER-T1' });

    await expectRequests(http, backend, {
      '/api/relative': 'Bearer SERVER-T1',
      'https://other.example/x': null,
    });
    expect(warn).not.toHaveBeenCalled();
    expect(channel).not.toHaveBeenCalled();
    expect(sessionStorage.getItem('ngx-token-refresh')).toBeNull();
  });

  it('starts without a session and sends anonymous requests at once (no join wait)', async () => {
    const { http, backend, tokens } = setup({ storage: 'session', crossTab: true }, [
      { provide: PLATFORM_ID, useValue: 'server' },
    ]);
    expect(tokens.status()).toBe('anonymous');
    const outcome = record(http.get('/api/anonymous'));
    const request = backend.expectOne('/api/anonymous');
    expect(authOf(request)).toBeNull();
    request.flush({ ok: true });
    expect(outcome.values).toEqual([{ ok: true }]);
    expect(await settles()).toBeTrue();
  });
});

describe('tokenRefreshInterceptor when something throws synchronously inside it', () => {
  it('hands the error to the caller and leaves no pending task behind', async () => {
    const failure = new Error('vault locked');
    const brokenStorage: TokenStorage = {
      read: () => {
        throw failure; // a spec's own TOKEN_STORAGE is used as it is, unwrapped
      },
      write: () => undefined,
      remove: () => undefined,
    };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
        provideHttpClientTesting(),
        // The testing backend turns this off: on, a pending task would keep the app unstable.
        { provide: ɵREQUESTS_CONTRIBUTE_TO_STABILITY, useValue: true },
        provideTokenRefresh({ refreshUrl: REFRESH_URL }),
        { provide: TOKEN_STORAGE, useValue: brokenStorage },
      ],
    });
    const http = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);

    const outcome = record(http.get('/api/x'));

    backend.expectNone('/api/x');
    expect(outcome.error).toBe(failure);
    expect(await settles()).toBeTrue();
  });
});

/** What domino, the server DOM, throws for APIs it lacks: an object that is not an Error. */
const NOT_YET_IMPLEMENTED = { name: 'NotYetImplemented', message: 'baseURI' };

type Setup = ReturnType<typeof setup>;

/** `expectAuthorization()`, and then no pending task is left. */
async function expectRequests(
  http: Setup['http'],
  backend: Setup['backend'],
  expected: Record<string, string | null>,
): Promise<void> {
  expectAuthorization(http, backend, expected);
  expect(await settles())
    .withContext('no pending task')
    .toBeTrue();
}

/** A 401 -> one refresh -> the retry carries the new token and the caller gets the data. */
async function expectRefreshAndRetry(options: Partial<TokenRefreshOptions>): Promise<void> {
  const { http, backend, tokens } = setup(options);
  tokens.setTokens({ accessToken: 'OLD', refreshToken: 'R1' });
  const outcome = record(http.get('/api/data'));
  const first = backend.expectOne('/api/data');
  expect(authOf(first)).toBe('Bearer OLD');
  unauthorized(first);
  const [refresh] = await nextRequests([backend], REFRESH_URL);
  refresh.flush({ accessToken: 'NEW', refreshToken: 'R2' });
  const [retry] = await nextRequests([backend], '/api/data');
  expect(authOf(retry)).toBe('Bearer NEW');
  retry.flush({ ok: true });
  expect(outcome.values).toEqual([{ ok: true }]);
  expect(tokens.accessToken()).toBe('NEW');
  backend.verify();
  expect(await settles())
    .withContext('no pending task')
    .toBeTrue();
}

/** Whether the app becomes stable (no pending HTTP task) within a second. */
function settles(): Promise<boolean> {
  const stable = TestBed.inject(ApplicationRef)
    .whenStable()
    .then(() => true);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000));
  return Promise.race([stable, timeout]);
}

// tokenRefreshInterceptor combined with HttpClient's own features: fetch request options, the
// XSRF interceptor, class interceptors (withInterceptorsFromDi) that retry, keepalive requests,
// the HTTP transfer cache of server-side rendering and an interceptor that rewrites URLs.
import {
  HTTP_INTERCEPTORS,
  HttpClient,
  HttpContext,
  HttpContextToken,
  HttpErrorResponse,
  HttpEvent,
  HttpHandler,
  HttpHeaders,
  HttpInterceptor,
  HttpInterceptorFn,
  HttpRequest,
  HttpXsrfTokenExtractor,
  provideHttpClient,
  withInterceptors,
  withInterceptorsFromDi,
  ɵwithHttpTransferCache,
} from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Injectable, InjectionToken, TransferState, inject, makeStateKey } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Observable, Subject, retry } from 'rxjs';
import {
  REFRESH_URL,
  authOf,
  jwtExpiringIn,
  record,
  setup,
  unauthorized,
} from '../spec/spec-helpers';
import {
  TokenService,
  provideTokenRefresh,
  tokenRefreshInterceptor,
  ɵprovideSingleTabSync,
} from './public-api';

describe('tokenRefreshInterceptor: the retried request', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('retries the very request the caller made: body, headers (XSRF included) and fetch options', () => {
    const { http, backend, tokens } = setup({}, [
      { provide: HttpXsrfTokenExtractor, useValue: { getToken: () => 'X1' } },
    ]);
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const body = new FormData();
    body.append('file', new Blob(['x']), 'x.txt');
    const mark = new HttpContextToken(() => '');
    http
      .post('/api/upload', body, {
        headers: { 'X-Custom': '1' },
        params: { q: '1' },
        context: new HttpContext().set(mark, 'm'),
        responseType: 'text',
        keepalive: true,
        priority: 'high',
        cache: 'no-store',
        credentials: 'same-origin',
        mode: 'cors',
        redirect: 'error',
        referrer: '',
        referrerPolicy: 'no-referrer',
        integrity: 'sha256-x',
        timeout: 5000,
        transferCache: false,
      })
      .subscribe();
    const sentFirst = backend.expectOne('/api/upload?q=1');
    const first = sentFirst.request;
    unauthorized(sentFirst);
    backend.expectOne(REFRESH_URL).flush({ accessToken: 'T2' });
    const retry = backend.expectOne('/api/upload?q=1');
    const options = (req: HttpRequest<unknown>) => {
      const { headers, context, body: _, ...rest } = req;
      return {
        ...rest,
        headers: headers.keys().map((name) => [name, headers.getAll(name)]),
        mark: context.get(mark),
      };
    };
    expect(retry.request.body).toBe(body);
    expect(options(retry.request)).toEqual({
      ...options(first),
      headers: [
        ['X-Custom', ['1']],
        ['X-XSRF-TOKEN', ['X1']],
        ['Authorization', ['Bearer T2']],
      ],
    });
    retry.flush('ok');
  });
});

describe('tokenRefreshInterceptor: a header the caller set', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  for (const headerName of ['Authorization', 'X-Auth-Token']) {
    it(`never overwrites ${headerName} set in another case, nor refreshes on its 401`, () => {
      const { http, backend, tokens } = setup({ headerName });
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      const lower = record(http.get('/api/a', { headers: { [headerName.toLowerCase()]: 'mine' } }));
      const upper = record(
        http.get('/api/b', { headers: new HttpHeaders().set(headerName.toUpperCase(), '') }),
      );
      for (const [url, value] of [
        ['/api/a', 'mine'],
        ['/api/b', ''],
      ]) {
        const request = backend.expectOne(url);
        expect(request.request.headers.getAll(headerName)).withContext(url).toEqual([value]);
        unauthorized(request);
      }
      expect([lower.error, upper.error].map((e) => (e as HttpErrorResponse).status)).toEqual([
        401, 401,
      ]);
      backend.expectNone(REFRESH_URL);
    });
  }
});

/** An interceptor listed before ours that retries any failure once, when `AGAIN` emits. */
const AGAIN = new InjectionToken<Subject<void>>('AGAIN');

@Injectable()
class RetryOnce implements HttpInterceptor {
  private readonly _again = inject(AGAIN);

  intercept(req: HttpRequest<unknown>, next: HttpHandler): Observable<HttpEvent<unknown>> {
    return next.handle(req).pipe(retry({ count: 1, delay: () => this._again }));
  }
}

describe('tokenRefreshInterceptor after a class interceptor that retries (withInterceptorsFromDi)', () => {
  let again: Subject<void>;

  beforeEach(() => {
    again = new Subject<void>();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptorsFromDi(), withInterceptors([tokenRefreshInterceptor])),
        provideHttpClientTesting(),
        provideTokenRefresh({ refreshUrl: REFRESH_URL }),
        ɵprovideSingleTabSync(),
        { provide: AGAIN, useValue: again },
        { provide: HTTP_INTERCEPTORS, useClass: RetryOnce, multi: true },
      ],
    });
    TestBed.inject(TokenService).setTokens({ accessToken: 'T1', refreshToken: 'R1' });
  });
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('a request it sends again while a refresh is in flight waits for the new token', () => {
    const http = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);
    const a = record(http.get('/api/a'));
    const b = record(http.get('/api/b'));
    unauthorized(backend.expectOne('/api/a')); // the refresh starts
    backend.expectOne('/api/b').flush('busy', { status: 503, statusText: 'Unavailable' });
    again.next(); // the class interceptor sends /api/b again, during the refresh
    expect(backend.match('/api/b').map(authOf)).toEqual([]);

    backend.expectOne(REFRESH_URL).flush({ accessToken: 'T2', refreshToken: 'R2' });
    for (const url of ['/api/a', '/api/b']) {
      const sent = backend.match(url);
      expect(sent.map(authOf)).withContext(url).toEqual(['Bearer T2']);
      sent.forEach((request) => request.flush(url));
    }
    expect([a.values, b.values]).toEqual([['/api/a'], ['/api/b']]);
  });

  it('a request it sends again after a logout goes without the old token', () => {
    const http = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);
    const outcome = record(http.get('/api/b'));
    const first = backend.expectOne('/api/b');
    expect(authOf(first)).toBe('Bearer T1');
    first.flush('busy', { status: 503, statusText: 'Unavailable' });
    TestBed.inject(TokenService).clear();
    again.next();
    const resent = backend.expectOne('/api/b');
    expect(authOf(resent)).toBeNull();
    resent.flush('public');
    expect(outcome.values).toEqual(['public']);
  });
});

describe('tokenRefreshInterceptor with keepalive requests', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  // A keepalive request (a "save" or analytics call on pagehide) must be handed to the browser
  // before the page is gone: one held for a refresh round trip is lost with the page.
  it('sends a keepalive request at once with a token that is due for refresh but still valid', () => {
    const { http, backend, tokens } = setup();
    const token = jwtExpiringIn(10); // within the 30 s leeway
    tokens.setTokens({ accessToken: token, refreshToken: 'R1' });
    const outcome = record(http.post('/api/draft', { text: 'x' }, { keepalive: true }));
    const sent = backend.match('/api/draft');
    expect(sent.map(authOf)).toEqual([`Bearer ${token}`]);
    sent.forEach((request) => request.flush('saved'));
    expect(outcome.values).toEqual(sent.length ? ['saved'] : []);
    backend.match(REFRESH_URL).forEach((refresh) => refresh.flush({ accessToken: 'T2' }));
  });

  it('sends a keepalive request at once while the still-valid token is being refreshed', () => {
    const { http, backend, tokens } = setup();
    const token = jwtExpiringIn(10);
    tokens.setTokens({ accessToken: token, refreshToken: 'R1' });
    http.get('/api/a').subscribe(); // waits for the proactive refresh
    const refresh = backend.expectOne(REFRESH_URL);
    http.post('/api/draft', { text: 'x' }, { keepalive: true }).subscribe();
    const sent = backend.match('/api/draft');
    expect(sent.map(authOf)).toEqual([`Bearer ${token}`]);
    sent.forEach((request) => request.flush('saved'));
    refresh.flush({ accessToken: 'T2' });
    backend.expectOne('/api/a').flush('a');
  });

  it('still holds a keepalive request for the new token when the server rejected the current one', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    http.get('/api/a').subscribe();
    unauthorized(backend.expectOne('/api/a'));
    const refresh = backend.expectOne(REFRESH_URL);
    const outcome = record(http.post('/api/draft', {}, { keepalive: true }));
    backend.expectNone('/api/draft');
    refresh.flush({ accessToken: 'T2' });
    backend.expectOne('/api/a').flush('a');
    const draft = backend.expectOne('/api/draft');
    expect(authOf(draft)).toBe('Bearer T2');
    draft.flush('saved');
    expect(outcome.values).toEqual(['saved']);
  });
});

/**
 * Puts what a server render cached for `GET url` into TransferState, as Angular's transfer cache
 * stores it (the key is the SHA-256 of method, response type, URL, body and params).
 */
async function cachedByServer(url: string, body: unknown): Promise<void> {
  const key = new TextEncoder().encode(`GET|json|${url}||`);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', key));
  const hex = [...hash].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  const entry = { b: body, h: {}, s: 200, st: 'OK', u: url, rt: 'json' };
  TestBed.inject(TransferState).set(makeStateKey<typeof entry>(hex), entry);
}

describe('tokenRefreshInterceptor with the HTTP transfer cache (hydration)', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('lets an anonymous request be answered from the server render (the cache works)', async () => {
    const { http, backend } = setup({ headerName: 'X-Auth-Token' }, [ɵwithHttpTransferCache({})]);
    await cachedByServer('/api/items', ['anonymous']);
    const outcome = record(http.get('/api/items'));
    backend.expectNone('/api/items');
    expect(outcome.values).toEqual([['anonymous']]);
  });

  // Angular keeps requests with an Authorization header out of the cache, both ways: a server
  // render never puts a user's answer into the page, a signed-in browser never takes the render's
  // anonymous answer for its own. A token under another header must be kept out too.
  for (const headerName of ['Authorization', 'X-Auth-Token']) {
    it(`sends a signed-in request with the token in ${headerName}, never the cached answer`, async () => {
      const { http, backend, tokens } = setup({ headerName }, [ɵwithHttpTransferCache({})]);
      await cachedByServer('/api/items', ['anonymous']);
      tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
      const outcome = record(http.get('/api/items'));
      const sent = backend.match('/api/items');
      expect(sent.map((request) => request.request.headers.get(headerName))).toEqual(['Bearer T1']);
      sent.forEach((request) => request.flush(['signed-in']));
      expect(outcome.values).toEqual([['signed-in']]);
    });
  }
});

describe('tokenRefreshInterceptor after an interceptor that rewrites URLs', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  /** An API base-URL prefix, listed before the library's interceptor as the README says. */
  function setupPrefix(base: string) {
    const prefix: HttpInterceptorFn = (req, next) =>
      next(req.url.startsWith('/api/') ? req.clone({ url: base + req.url }) : req);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([prefix, tokenRefreshInterceptor])),
        provideHttpClientTesting(),
        provideTokenRefresh({ refreshUrl: REFRESH_URL, allowedOrigins: ['https://api.test'] }),
        ɵprovideSingleTabSync(),
      ],
    });
    TestBed.inject(TokenService).setTokens({ accessToken: 'T1' });
    return { http: TestBed.inject(HttpClient), backend: TestBed.inject(HttpTestingController) };
  }

  it('judges the rewritten URL: an allowed origin gets the token', () => {
    const { http, backend } = setupPrefix('https://api.test');
    http.get('/api/items').subscribe();
    expect(authOf(backend.expectOne('https://api.test/api/items'))).toBe('Bearer T1');
  });

  it('judges the rewritten URL: an origin not allowed gets no token', () => {
    const { http, backend } = setupPrefix('https://elsewhere.test');
    http.get('/api/items').subscribe();
    expect(authOf(backend.expectOne('https://elsewhere.test/api/items'))).toBeNull();
  });
});

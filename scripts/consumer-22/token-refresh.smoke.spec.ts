// Copied into a fresh Angular 22 app by scripts/angular22.test.mjs: the package built with the
// Angular 21 toolchain, wired the documented way, against Angular 22's HttpClient.
import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TokenService, provideTokenRefresh, tokenRefreshInterceptor } from 'ngx-token-refresh';

describe('ngx-token-refresh in an Angular 22 app', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let tokens: TokenService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
        provideHttpClientTesting(),
        provideTokenRefresh({ refreshUrl: '/api/auth/refresh' }),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    tokens = TestBed.inject(TokenService);
    tokens.setTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  });

  afterEach(() => backend.verify());

  it('answers a 401 with one refresh and retries with the new token', async () => {
    const received: unknown[] = [];
    http.get('/api/orders').subscribe((body) => received.push(body));

    const first = await nextRequest('/api/orders');
    expect(first.request.headers.get('Authorization')).toBe('Bearer access-1');
    first.flush(null, { status: 401, statusText: 'Unauthorized' });

    const refresh = await nextRequest('/api/auth/refresh');
    expect(refresh.request.method).toBe('POST');
    expect(refresh.request.body).toEqual({ refreshToken: 'refresh-1' });
    expect(refresh.request.headers.has('Authorization')).toBe(false);
    refresh.flush({ accessToken: 'access-2', refreshToken: 'refresh-2' });

    const retry = await nextRequest('/api/orders');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer access-2');
    retry.flush([{ id: 7 }]);

    expect(received).toEqual([[{ id: 7 }]]);
    expect(tokens.accessToken()).toBe('access-2');
    expect(tokens.status()).toBe('authenticated');
  });

  it('shares one refresh between requests rejected together', async () => {
    const received: unknown[] = [];
    http.get('/api/a').subscribe((body) => received.push(body));
    http.get('/api/b').subscribe((body) => received.push(body));
    (await nextRequest('/api/a')).flush(null, { status: 401, statusText: 'Unauthorized' });
    (await nextRequest('/api/b')).flush(null, { status: 401, statusText: 'Unauthorized' });

    (await nextRequest('/api/auth/refresh')).flush({ accessToken: 'access-2' });

    for (const url of ['/api/a', '/api/b']) {
      const retry = await nextRequest(url);
      expect(retry.request.headers.get('Authorization')).toBe('Bearer access-2');
      retry.flush(url);
    }
    expect(received.sort()).toEqual(['/api/a', '/api/b']);
    backend.expectNone('/api/auth/refresh');
  });

  /**
   * The next request to `url`, waiting a little: with the cross-tab lock (browsers with Web
   * Locks) the refresh goes out asynchronously; without it, at once.
   */
  async function nextRequest(url: string): Promise<TestRequest> {
    for (let waited = 0; waited < 2000; waited += 10) {
      const [request] = backend.match(url);
      if (request) return request;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no request to ${url} within 2 s`);
  }
});

import {
  HttpClient,
  HttpContext,
  HttpRequest,
  HttpResponse,
  JsonpClientBackend,
  provideHttpClient,
  withInterceptors,
  withJsonpSupport,
} from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import {
  authOf,
  isHttpError,
  jwtExpiringIn,
  record,
  setup,
  unauthorized,
} from '../spec/spec-helpers';
import {
  SKIP_TOKEN,
  TokenRefreshConfigError,
  TokenService,
  provideTokenRefresh,
  skipToken,
  tokenRefreshInterceptor,
  ɵprovideSingleTabSync,
} from './public-api';

describe('tokenRefreshInterceptor: attaching the token', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('attaches "Authorization: Bearer <token>" to relative and same-origin requests', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const sameOrigin = `${location.origin}/api/same`;
    http.get('/api/relative').subscribe();
    http.get('api/no-slash').subscribe();
    http.get(sameOrigin).subscribe();
    expect(authOf(backend.expectOne('/api/relative'))).toBe('Bearer T1');
    expect(authOf(backend.expectOne('api/no-slash'))).toBe('Bearer T1');
    expect(authOf(backend.expectOne(sameOrigin))).toBe('Bearer T1');
  });

  it('attaches the token to origins listed in allowedOrigins, as strings or patterns', () => {
    const { http, backend, tokens } = setup({
      allowedOrigins: ['HTTPS://API.example.com:443/', /^https:\/\/[a-z]+\.partner\.test$/],
    });
    tokens.setTokens({ accessToken: 'T1' });
    for (const url of ['https://api.example.com/v1', 'https://eu.partner.test/x']) {
      http.get(url).subscribe();
      expect(authOf(backend.expectOne(url)))
        .withContext(url)
        .toBe('Bearer T1');
    }
  });

  // A JSONP call is a script tag: it cannot carry a header, and Angular's JSONP backend throws
  // on a request that has one. With withJsonpSupport() after withInterceptors([...]), every
  // same-origin JSONP call of a signed-in user failed so.
  for (const [name, accessToken] of [
    ['a valid token', 'T1'],
    ['an expired token', jwtExpiringIn(-60)],
  ]) {
    it(`lets a JSONP call through with ${name}: no header, no refresh`, () => {
      const sent: HttpRequest<unknown>[] = [];
      const jsonp = {
        handle: (req: HttpRequest<unknown>) => (
          sent.push(req),
          of(new HttpResponse({ body: 'f' }))
        ),
      };
      TestBed.configureTestingModule({
        providers: [
          provideHttpClient(withInterceptors([tokenRefreshInterceptor]), withJsonpSupport()),
          provideHttpClientTesting(),
          provideTokenRefresh({ refreshUrl: '/api/auth/refresh' }),
          ɵprovideSingleTabSync(),
          { provide: JsonpClientBackend, useValue: jsonp },
        ],
      });
      TestBed.inject(TokenService).setTokens({ accessToken, refreshToken: 'R1' });
      const outcome = record(TestBed.inject(HttpClient).jsonp('/api/feed', 'callback'));
      expect(outcome.error).toBeUndefined();
      expect(outcome.values).toEqual(['f']);
      expect(sent.map((req) => [req.method, req.headers.keys()])).toEqual([['JSONP', []]]);
      // afterEach: verify() finds no refresh call either.
    });
  }

  it('never sends the token to an origin that is not allowed, however the URL is written', () => {
    const { http, backend, tokens } = setup({ allowedOrigins: ['https://api.example.com'] });
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const urls = [
      'https://evil.example/x',
      '//evil.example/x',
      '/\\evil.example/x',
      'https://api.example.com@evil.example/',
      'https://api.example.com.evil.example/',
      'https://api.example.com./x',
      'http://api.example.com/x',
      'https://api.example.com:8443/x',
      'https://xn--pple-43d.com/',
      'http://[bad-host/x',
      'javascript:alert(1)',
      'data:text/plain,hello',
    ];
    for (const url of urls) {
      http.get(url).subscribe();
      expect(authOf(backend.expectOne(url)))
        .withContext(url)
        .toBeNull();
    }
  });

  it('never overwrites an Authorization header the caller set, nor refreshes on its 401', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const outcome = record(http.get('/api/basic', { headers: { Authorization: 'Basic abc' } }));
    const request = backend.expectOne('/api/basic');
    expect(authOf(request)).toBe('Basic abc');
    unauthorized(request);
    expect(isHttpError(outcome.error, 401)).toBeTrue();
    backend.expectNone('/auth/refresh');
  });

  it('sends the request without the header when there is no token, and passes its 401 on', () => {
    const { http, backend, tokens } = setup();
    const outcome = record(http.get('/api/public'));
    const request = backend.expectOne('/api/public');
    expect(request.request.headers.has('Authorization')).toBeFalse();
    unauthorized(request);
    expect(isHttpError(outcome.error, 401)).toBeTrue();
    expect(tokens.status()).toBe('anonymous');
    backend.expectNone('/auth/refresh');
  });

  it('SKIP_TOKEN: the request goes out untouched and its 401 never triggers a refresh', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const viaToken = record(
      http.get('/api/skip', { context: new HttpContext().set(SKIP_TOKEN, true) }),
    );
    const viaHelper = record(http.get('/api/helper', { context: skipToken() }));
    for (const url of ['/api/skip', '/api/helper']) {
      const request = backend.expectOne(url);
      expect(request.request.headers.has('Authorization')).withContext(url).toBeFalse();
      unauthorized(request);
    }
    expect(isHttpError(viaToken.error, 401)).toBeTrue();
    expect(isHttpError(viaHelper.error, 401)).toBeTrue();
    backend.expectNone('/auth/refresh');
    expect(tokens.accessToken()).toBe('T1');
  });

  it('SKIP_TOKEN set to false changes nothing, and a context without it is left without it', () => {
    const { http, backend, tokens } = setup();
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const plain = new HttpContext();
    http.get('/api/plain', { context: plain }).subscribe();
    http.get('/api/explicit', { context: new HttpContext().set(SKIP_TOKEN, false) }).subscribe();
    for (const url of ['/api/plain', '/api/explicit']) {
      expect(authOf(backend.expectOne(url)))
        .withContext(url)
        .toBe('Bearer T1');
    }
    expect(plain.has(SKIP_TOKEN)).toBeFalse();
  });

  it('passes an error that is not an HTTP answer on as it is, without asking shouldRefresh', () => {
    const offline = new Error('offline');
    const shouldRefresh = jasmine.createSpy('shouldRefresh').and.returnValue(true);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(
          withInterceptors([tokenRefreshInterceptor, () => throwError(() => offline)]),
        ),
        provideHttpClientTesting(),
        provideTokenRefresh({ refreshUrl: '/auth/refresh', shouldRefresh }),
        ɵprovideSingleTabSync(),
      ],
    });
    TestBed.inject(TokenService).setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    const outcome = record(TestBed.inject(HttpClient).get('/api/x'));
    expect(outcome.error).toBe(offline);
    expect(shouldRefresh).not.toHaveBeenCalled();
    TestBed.inject(HttpTestingController).expectNone('/auth/refresh');
  });

  it('uses headerName and authScheme', () => {
    const { http, backend, tokens } = setup({ headerName: 'X-Auth-Token', authScheme: '' });
    tokens.setTokens({ accessToken: 'T1' });
    http.get('/api/custom').subscribe();
    const request = backend.expectOne('/api/custom');
    expect(request.request.headers.get('X-Auth-Token')).toBe('T1');
    expect(request.request.headers.has('Authorization')).toBeFalse();
  });

  for (const scheme of ['Token', 'Api-Key', 'Api_Key']) {
    it(`adds the separating space to a bare scheme name such as "${scheme}"`, () => {
      const { http, backend, tokens } = setup({ authScheme: scheme });
      tokens.setTokens({ accessToken: 'T1' });
      http.get('/api/scheme').subscribe();
      expect(authOf(backend.expectOne('/api/scheme'))).toBe(`${scheme} T1`);
    });
  }

  it('fails requests with TokenRefreshConfigError when provideTokenRefresh is missing', () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    const outcome = record(TestBed.inject(HttpClient).get('/api/x'));
    expect(outcome.error).toBeInstanceOf(TokenRefreshConfigError);
    expect((outcome.error as Error).message).toContain('provideTokenRefresh');
    TestBed.inject(HttpTestingController).expectNone('/api/x');
  });
});

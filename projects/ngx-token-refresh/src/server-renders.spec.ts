// Server-side rendering: every render is an app of its own, while the options, made once when
// app.config.ts is loaded, are shared by the renders of every user. Nothing of one render may
// reach another: not its page's origin, not its tokens.
import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import {
  DOCUMENT,
  EnvironmentInjector,
  EnvironmentProviders,
  PLATFORM_ID,
  createEnvironmentInjector,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { REFRESH_URL, authOf } from '../spec/spec-helpers';
import {
  StoredTokens,
  TokenService,
  TokenStorage,
  provideTokenRefresh,
  tokenRefreshInterceptor,
} from './public-api';

describe('server renders sharing one provideTokenRefresh()', () => {
  let renders: EnvironmentInjector[];

  beforeEach(() => (renders = []));
  afterEach(() => renders.forEach((render) => render.destroy()));

  /** A render of the page at `url`, on the server, with the shared token refresh providers. */
  function render(shared: EnvironmentProviders, url: string) {
    const page = { location: new URL(url), baseURI: url };
    const injector = createEnvironmentInjector(
      [
        provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
        provideHttpClientTesting(),
        shared,
        { provide: PLATFORM_ID, useValue: 'server' },
        { provide: DOCUMENT, useValue: page },
      ],
      TestBed.inject(EnvironmentInjector),
    );
    renders.push(injector);
    return {
      http: injector.get(HttpClient),
      backend: injector.get(HttpTestingController),
      tokens: injector.get(TokenService),
    };
  }

  it('reads the page origin of each render, not of the first one', () => {
    const shared = provideTokenRefresh({ refreshUrl: REFRESH_URL });
    for (const [origin, other] of [
      ['https://a.example', 'https://b.example'],
      ['https://b.example', 'https://a.example'],
    ]) {
      const { http, backend, tokens } = render(shared, `${origin}/items`);
      tokens.setTokens({ accessToken: 'T1' });
      http.get(`${origin}/api/items`).subscribe();
      http.get(`${other}/api/items`).subscribe();
      expect(authOf(backend.expectOne(`${origin}/api/items`)))
        .withContext(origin)
        .toBe('Bearer T1');
      expect(authOf(backend.expectOne(`${other}/api/items`)))
        .withContext(origin)
        .toBeNull();
      backend.verify();
    }
  });

  it('keeps no session in a TokenStorage of the options: each render starts anonymous', () => {
    let kept: StoredTokens | null = null;
    const storage: TokenStorage = {
      read: () => kept,
      write: (tokens) => (kept = tokens),
      remove: () => (kept = null),
    };
    const shared = provideTokenRefresh({ refreshUrl: REFRESH_URL, storage });
    render(shared, 'https://a.example/items').tokens.setTokens({ accessToken: 'USER-1' });
    const next = render(shared, 'https://a.example/items');
    expect(next.tokens.status()).toBe('anonymous');
    expect(next.tokens.accessToken()).toBeNull();
    expect(kept).toBeNull();
  });
});

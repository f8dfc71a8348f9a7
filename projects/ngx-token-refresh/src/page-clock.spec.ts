import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  REFRESH_URL,
  authOf,
  createJwt,
  flushRefresh,
  record,
  setup,
  until,
  withMockClock,
} from '../spec/spec-helpers';
import { sessionGuard } from './public-api';

// A device clock that is off the auth server's: a refresh answer's JWT is read against its `iat`,
// so its lifetime counts on the page's clock (README, "Options", leewaySeconds).
describe("a page clock off the token issuer's", () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('a page clock 10 minutes ahead: one refresh, then the new token goes out until it nears its end by the page clock', () => {
    withMockClock((clock) => {
      const { http, backend, tokens } = setup({ leewaySeconds: 30 });
      const issuer = issuerClock(-600_000);
      // The login's token, issued just now by the server, has expired by the page clock.
      tokens.setTokens({ accessToken: issuer.jwt('login', 300), refreshToken: 'R1' });

      record(http.get('/api/first'));
      const fresh = issuer.jwt('fresh', 300);
      flushRefresh(backend, { accessToken: fresh, refreshToken: 'R2' });
      expect(authOf(backend.expectOne('/api/first'))).toBe(`Bearer ${fresh}`);
      // Issued at least 599 s (the gap, less `iat`'s rounding) before the page sent the refresh.
      expect(tokens.expiresAt()).toBe(Date.now() + 299_000);

      for (const [seconds, url] of [
        [60, '/api/second'],
        [208, '/api/third'],
      ] as const) {
        clock.tick(seconds * 1000);
        record(http.get(url));
        backend.expectNone(REFRESH_URL);
        expect(authOf(backend.expectOne(url)))
          .withContext(url)
          .toBe(`Bearer ${fresh}`);
      }
      clock.tick(1000); // 269 s after the refresh: within the 30 s leeway of the token's end
      record(http.get('/api/fourth'));
      const next = issuer.jwt('next', 300);
      flushRefresh(backend, { accessToken: next, refreshToken: 'R3' });
      expect(authOf(backend.expectOne('/api/fourth'))).toBe(`Bearer ${next}`);
    });
  });

  it("a page clock 10 minutes behind: the proactive refresh still comes leewaySeconds before the token's end", () => {
    withMockClock((clock) => {
      const { http, backend, tokens } = setup({ leewaySeconds: 30 });
      const issuer = issuerClock(600_000);
      tokens.setTokens({ accessToken: issuer.jwt('login', 300), refreshToken: 'R1' });
      record(tokens.refresh());
      const fresh = issuer.jwt('fresh', 300);
      flushRefresh(backend, { accessToken: fresh, refreshToken: 'R2' });
      // By its exp, 15 minutes away on the page clock; issued at the latest as the page sent the call.
      expect(tokens.expiresAt()).toBe(Date.now() + 299_000);

      clock.tick(268_000);
      record(http.get('/api/early'));
      backend.expectNone(REFRESH_URL);
      expect(authOf(backend.expectOne('/api/early'))).toBe(`Bearer ${fresh}`);
      clock.tick(1000);
      record(http.get('/api/due'));
      const next = issuer.jwt('next', 300);
      flushRefresh(backend, { accessToken: next, refreshToken: 'R3' });
      expect(authOf(backend.expectOne('/api/due'))).toBe(`Bearer ${next}`);
    });
  });

  it("a refresh answer issued within the call's round trip keeps its exp as it is", () => {
    withMockClock(() => {
      const { backend, tokens } = setup({ leewaySeconds: 30 });
      const issuer = issuerClock(0);
      tokens.setTokens({ accessToken: issuer.jwt('login', 300), refreshToken: 'R1' });
      record(tokens.refresh());
      flushRefresh(backend, { accessToken: issuer.jwt('fresh', 300), refreshToken: 'R2' });
      expect(tokens.expiresAt()).toBe(Date.now() + 300_000);
    });
  });

  it('setTokens() and a refresh answer that repeats the access token take exp as it is', () => {
    withMockClock(() => {
      const { backend, tokens } = setup({ leewaySeconds: 30 });
      // A token issued 10 minutes before the login by the page clock, clocks in step.
      const stored = createJwt({ sub: 'stored', iat: seconds() - 600, exp: seconds() + 300 });
      tokens.setTokens({ accessToken: stored, refreshToken: 'R1' });
      expect(tokens.expiresAt()).toBe(Date.now() + 300_000);
      record(tokens.refresh());
      flushRefresh(backend, { accessToken: stored, refreshToken: 'R2' });
      expect(tokens.expiresAt()).toBe(Date.now() + 300_000);
    });
  });

  it('sessionGuard lets a navigation through after the refresh when the page clock runs 10 minutes ahead', async () => {
    @Component({ selector: 'test-dashboard', template: 'dashboard' })
    class DashboardPage {}
    @Component({ selector: 'test-login', template: 'login' })
    class LoginPage {}
    const routes = [
      { path: 'dashboard', component: DashboardPage, canActivate: [sessionGuard] },
      { path: 'sign-in', component: LoginPage },
    ];
    const { backend, tokens } = setup({ loginUrl: '/sign-in' }, [provideRouter(routes)]);
    const issuer = issuerClock(-600_000);
    tokens.setTokens({ accessToken: issuer.jwt('login', 300), refreshToken: 'R1' });
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/dashboard');
    await until(() => tokens.isRefreshing(), 'the refresh');
    flushRefresh(backend, { accessToken: issuer.jwt('fresh', 300), refreshToken: 'R2' });
    await navigation;
    expect(TestBed.inject(Router).url).toBe('/dashboard');
    expect(tokens.status()).toBe('authenticated');
  });
});

/** The page clock in whole seconds. */
function seconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** An auth server whose clock is `offsetMs` off the page's (negative: the page runs ahead). */
function issuerClock(offsetMs: number) {
  return {
    /** A JWT issued now by the server's clock, living `lifetime` seconds. */
    jwt(sub: string, lifetime: number): string {
      const iat = Math.floor((Date.now() + offsetMs) / 1000);
      return createJwt({ sub, iat, exp: iat + lifetime });
    },
  };
}

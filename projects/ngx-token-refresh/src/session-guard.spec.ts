import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  REFRESH_URL,
  flushRefresh,
  jwtExpiringIn,
  setup,
  unauthorized,
  until,
} from '../spec/spec-helpers';
import { sessionGuard, sessionMatchGuard } from './public-api';

@Component({ selector: 'test-dashboard', template: 'dashboard' })
class DashboardPage {}

@Component({ selector: 'test-login', template: 'login' })
class LoginPage {}

@Component({ selector: 'test-admin', template: 'admin' })
class AdminPage {}

const routes = [
  { path: 'dashboard', component: DashboardPage, canActivate: [sessionGuard] },
  { path: 'admin', component: AdminPage, canMatch: [sessionMatchGuard] },
  { path: 'sign-in', component: LoginPage },
  { path: 'login', component: LoginPage },
];

function setupRouter(options = {}) {
  return setup({ loginUrl: '/sign-in', ...options }, [provideRouter(routes)]);
}

describe('sessionGuard', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('lets a valid session through', async () => {
    const { tokens } = setupRouter();
    tokens.setTokens({ accessToken: jwtExpiringIn(3600), refreshToken: 'R1' });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/dashboard', DashboardPage);
    expect(TestBed.inject(Router).url).toBe('/dashboard');
  });

  it('waits for the single-flight refresh when the access token expired, then lets it through', async () => {
    const { backend, tokens } = setupRouter();
    tokens.setTokens({ accessToken: jwtExpiringIn(-60), refreshToken: 'R1' });
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/dashboard?tab=2');
    await until(() => tokens.isRefreshing(), 'the refresh');
    flushRefresh(backend, { accessToken: jwtExpiringIn(3600) });
    await navigation;
    expect(TestBed.inject(Router).url).toBe('/dashboard?tab=2');
    backend.expectNone(REFRESH_URL);
  });

  it('sends users without a session to loginUrl with the attempted URL as returnUrl', async () => {
    setupRouter();
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/dashboard?tab=2', LoginPage);
    const router = TestBed.inject(Router);
    expect(router.url).toBe('/sign-in?returnUrl=%2Fdashboard%3Ftab%3D2');
    expect(router.parseUrl(router.url).queryParams['returnUrl']).toBe('/dashboard?tab=2');
  });

  it("sends users without a session to '/login' when loginUrl is left out (its default)", async () => {
    setupRouter({ loginUrl: undefined });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/dashboard', LoginPage);
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fdashboard');
  });

  it('sends users to login when the refresh fails', async () => {
    const { backend, tokens } = setupRouter();
    tokens.setTokens({ accessToken: jwtExpiringIn(-60), refreshToken: 'R1' });
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/dashboard');
    await until(() => tokens.isRefreshing(), 'the refresh');
    unauthorized(backend.expectOne(REFRESH_URL));
    await navigation;
    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Fdashboard');
    expect(tokens.status()).toBe('expired');
  });

  it('sends users to login when the session has no refresh token left and the token expired', async () => {
    const { tokens } = setupRouter();
    tokens.setTokens({ accessToken: jwtExpiringIn(-60) });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/dashboard', LoginPage);
    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Fdashboard');
  });

  it('refreshTokenInCookie: without an access token it tries the cookie refresh first', async () => {
    const { backend, tokens } = setupRouter({ refreshTokenInCookie: true });
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/dashboard');
    await until(() => tokens.isRefreshing(), 'the refresh');
    flushRefresh(backend, { accessToken: 'T1' });
    await navigation;
    expect(TestBed.inject(Router).url).toBe('/dashboard');
    expect(tokens.status()).toBe('authenticated');
  });

  it('refreshTokenInCookie: after clear() it sends to the login page without a cookie refresh', async () => {
    const { backend, tokens } = setupRouter({ refreshTokenInCookie: true });
    tokens.setTokens({ accessToken: 'T1' });
    tokens.clear();
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/dashboard', LoginPage);
    backend.expectNone(REFRESH_URL);
    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Fdashboard');
    expect(tokens.status()).toBe('anonymous');
  });

  it('keeps the query parameters of loginUrl beside returnUrl', async () => {
    setupRouter({ loginUrl: '/sign-in?reason=session' });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/dashboard', LoginPage);
    expect(TestBed.inject(Router).url).toBe('/sign-in?reason=session&returnUrl=%2Fdashboard');
  });

  it('sessionMatchGuard: the returnUrl keeps the query of the attempted URL', async () => {
    setupRouter();
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin?tab=2', LoginPage);
    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Fadmin%3Ftab%3D2');
  });

  it('sessionMatchGuard: matches with a session and redirects to login without one', async () => {
    const { tokens } = setupRouter();
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin', LoginPage);
    const router = TestBed.inject(Router);
    expect(router.url).toBe('/sign-in?returnUrl=%2Fadmin');
    tokens.setTokens({ accessToken: 'T1', refreshToken: 'R1' });
    await harness.navigateByUrl('/admin', AdminPage);
    expect(router.url).toBe('/admin');
  });
});

// Copied into a fresh Angular 22 app by scripts/angular22.test.mjs: sessionGuard on Angular 22's
// router (the README lists @angular/router 21 or 22 among the peer dependencies).
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  TokenService,
  provideTokenRefresh,
  sessionGuard,
  tokenRefreshInterceptor,
} from 'ngx-token-refresh';

@Component({ template: 'items' })
class Items {}

@Component({ template: 'login' })
class Login {}

describe('sessionGuard in an Angular 22 app', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'items', component: Items, canActivate: [sessionGuard] },
          { path: 'login', component: Login },
        ]),
        provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
        provideHttpClientTesting(),
        provideTokenRefresh({ refreshUrl: '/api/auth/refresh', crossTab: false }),
      ],
    });
  });

  it('sends a visitor without a session to /login with the returnUrl', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/items');
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fitems');
  });

  it('lets a signed-in user through', async () => {
    TestBed.inject(TokenService).setTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/items');
    expect(TestBed.inject(Router).url).toBe('/items');
    expect(harness.routeNativeElement?.textContent).toContain('items');
  });
});

import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { REFRESH_URL, jwtExpiringIn, setup, uniqueKey, until } from '../spec/spec-helpers';
import { markerKey } from '../spec/tab-channels';
import {
  TokenRefreshConfigError,
  TokenRefreshOptions,
  TokenService,
  provideTokenRefresh,
  sessionGuard,
  tokenRefreshInterceptor,
} from './public-api';
import { TabChannel } from './tab-channel';

@Component({ selector: 'test-dashboard', template: 'dashboard' })
class DashboardPage {}

@Component({ selector: 'test-login', template: 'login' })
class LoginPage {}

@Component({ selector: 'test-not-found', template: 'not found' })
class NotFoundPage {}

const routes = [
  { path: 'dashboard', component: DashboardPage, canActivate: [sessionGuard] },
  { path: 'sign-in', component: LoginPage },
  { path: '**', component: NotFoundPage },
];

describe('sessionGuard with the Angular Router', () => {
  describe('loginUrl', () => {
    // router.parseUrl('https://auth.example.com/login') is the app path '/https:': the guard sent
    // users to the not-found page (or, without a '**' route, to a NavigationError 'https:').
    for (const loginUrl of ['https://auth.example.com/login', '//auth.example.com/login']) {
      it(`refuses ${loginUrl} at start-up, naming loginUrl: the router cannot go to another origin`, () => {
        expect(() => setup({ loginUrl }, [provideRouter(routes)])).toThrowError(
          TokenRefreshConfigError,
          /`loginUrl`/,
        );
      });
    }
  });

  describe('in a new tab that joins the session of an open tab (crossTab)', () => {
    let key: string;
    let openTab: TabChannel;

    beforeEach(() => {
      key = uniqueKey();
      openTab = TabChannel.open(key)!; // another tab of the origin, seen from the platform side
      openTab.writeRevision(3, true); // whose newest news was a sign-in
    });
    afterEach(() => {
      openTab.close();
      localStorage.removeItem(markerKey(key));
      localStorage.removeItem(`${markerKey(key)}:session`);
    });

    for (const refreshTokenInCookie of [false, true]) {
      it(`waits for the open tab's session instead of refreshing, then lets the navigation through (refreshTokenInCookie: ${refreshTokenInCookie})`, async () => {
        const heard: string[] = [];
        openTab.listen((message) => heard.push(message.type));
        TestBed.configureTestingModule({
          providers: [
            provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
            provideHttpClientTesting(),
            provideTokenRefresh({
              refreshUrl: REFRESH_URL,
              crossTab: true,
              storageKey: key,
              refreshTokenInCookie,
              loginUrl: '/sign-in',
            } as TokenRefreshOptions),
            provideRouter(routes),
          ],
        });
        const backend = TestBed.inject(HttpTestingController);
        const harness = await RouterTestingHarness.create();
        const navigation = harness.navigateByUrl('/dashboard?tab=2');
        await until(() => heard.includes('hello'), "the new tab's hello");
        await new Promise((resolve) => setTimeout(resolve, 200)); // the open tab answers late
        backend.expectNone(REFRESH_URL);
        const tokens = { accessToken: jwtExpiringIn(3600), refreshToken: null, expiresAt: null };
        openTab.post({ type: 'tokens', revision: 3, tokens });
        await navigation;
        expect(TestBed.inject(Router).url).toBe('/dashboard?tab=2');
        expect(TestBed.inject(TokenService).accessToken()).toBe(tokens.accessToken);
        backend.expectNone(REFRESH_URL);
        backend.verify();
      });
    }
  });
});

import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Route, Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { REFRESH_URL, jwtExpiringIn, setup, uniqueKey, until } from '../spec/spec-helpers';
import { markerKey } from '../spec/tab-channels';
import { TokenRefreshConfigError, sessionGuard, sessionMatchGuard } from './public-api';
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

  describe('a login page under a guarded parent route', () => {
    // The guard on a layout route guards the login page under it too: its redirect to the login
    // page met the guard again, which redirected again (Angular does not stop guard redirect
    // loops), with a returnUrl that grew each time. `stop` ends it on a page of its own after 10.
    let rounds = 0;
    const stop = () => ++rounds <= 10 || inject(Router).parseUrl('/looped');
    beforeEach(() => (rounds = 0));

    const parents: [string, Route][] = [
      ['sessionGuard in canActivateChild', { canActivateChild: [stop, sessionGuard] }],
      ['sessionMatchGuard in canMatch', { canMatch: [stop, sessionMatchGuard] }],
    ];
    for (const [guard, parent] of parents) {
      it(`${guard}: lets the login page through without a session, so the redirect does not loop`, async () => {
        const shell = {
          path: '',
          ...parent,
          children: [
            { path: 'dashboard', component: DashboardPage },
            { path: 'sign-in', component: LoginPage },
          ],
        };
        const looped = { path: 'looped', component: NotFoundPage };
        setup({ loginUrl: '/sign-in?reason=session' }, [provideRouter([looped, shell])]);
        const harness = await RouterTestingHarness.create();
        await harness.navigateByUrl('/dashboard', LoginPage);
        const url = '/sign-in?reason=session&returnUrl=%2Fdashboard';
        expect(TestBed.inject(Router).url).toBe(url);
        expect(rounds).toBe(2); // the dashboard, then the login page once
      });
    }
  });

  describe('sessionGuard in canMatch (whose type takes any function)', () => {
    // Angular calls a canMatch guard with the route and the URL segments, not a router state:
    // `state.url` was undefined, and the login page got `returnUrl=undefined`.
    it('is refused in development builds, naming sessionMatchGuard', async () => {
      const lazy = { path: 'reports', component: DashboardPage, canMatch: [sessionGuard] };
      setup({ loginUrl: '/sign-in' }, [provideRouter([lazy, ...routes])]);
      const harness = await RouterTestingHarness.create();
      await expectAsync(harness.navigateByUrl('/reports?tab=2')).toBeRejectedWithError(
        TokenRefreshConfigError,
        /sessionMatchGuard in canMatch/,
      );
      expect(TestBed.inject(Router).url).toBe('/');
    });
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
        const options = {
          crossTab: true,
          storageKey: key,
          refreshTokenInCookie,
          loginUrl: '/sign-in',
        };
        const { backend, tokens: service } = setup(options, [provideRouter(routes)]);
        const harness = await RouterTestingHarness.create();
        const navigation = harness.navigateByUrl('/dashboard?tab=2');
        await until(() => heard.includes('hello'), "the new tab's hello");
        await new Promise((resolve) => setTimeout(resolve, 200)); // the open tab answers late
        backend.expectNone(REFRESH_URL);
        const tokens = { accessToken: jwtExpiringIn(3600), refreshToken: null, expiresAt: null };
        openTab.post({ type: 'tokens', revision: 3, tokens });
        await navigation;
        expect(TestBed.inject(Router).url).toBe('/dashboard?tab=2');
        expect(service.accessToken()).toBe(tokens.accessToken);
        backend.expectNone(REFRESH_URL);
        backend.verify();
      });
    }
  });
});

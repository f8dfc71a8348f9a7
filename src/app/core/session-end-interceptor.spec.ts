import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { TokenService, tokenRefreshInterceptor } from 'ngx-token-refresh';
import {
  TokenRefreshTestingController,
  provideTokenRefreshTesting,
} from 'ngx-token-refresh/testing';
import { sessionEndInterceptor } from './session-end-interceptor';

@Component({ template: '' })
class Blank {}

describe('sessionEndInterceptor', () => {
  let auth: TokenRefreshTestingController;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', component: Blank }]),
        provideHttpClient(withInterceptors([sessionEndInterceptor, tokenRefreshInterceptor])),
        provideHttpClientTesting(),
        provideTokenRefreshTesting(),
      ],
    });
    auth = TestBed.inject(TokenRefreshTestingController);
    router = TestBed.inject(Router);
    await router.navigateByUrl('/dashboard');
  });

  /** Sends a GET from this tab and waits until it has failed and navigations have settled. */
  async function failedGet(): Promise<void> {
    await new Promise<void>((resolve) =>
      TestBed.inject(HttpClient)
        .get('/api/items')
        .subscribe({ error: () => resolve() }),
    );
    await TestBed.inject(ApplicationRef).whenStable();
  }

  it('goes to the login page, and back later, when a request finds the session ended', async () => {
    auth.signIn({ expiresIn: -60 });
    auth.failNextRefresh('rejected');
    await failedGet();
    expect(router.url).toBe('/login?returnUrl=%2Fdashboard');
  });

  it('stays on the page for other errors', async () => {
    auth.signIn();
    const failed = failedGet();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/items')
      .flush(null, { status: 500, statusText: 'Server Error' });
    await failed;
    expect(router.url).toBe('/dashboard');
  });

  it('stays on the page when the session ends without an action of this tab', async () => {
    auth.signIn();
    auth.failNextRefresh('rejected');
    TestBed.inject(TokenService)
      .refresh()
      .subscribe({ error: () => undefined });
    await TestBed.inject(ApplicationRef).whenStable();
    expect(TestBed.inject(TokenService).status()).toBe('expired');
    expect(router.url).toBe('/dashboard');
  });
});

// Runs the README's recipe files as pasted into a fresh CLI app (renew-refresh.ts,
// live-feed.ts, auth-logging.ts): a testing backend instead of the network.
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, EnvironmentProviders } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { TokenService, provideTokenRefresh, tokenRefreshInterceptor } from 'ngx-token-refresh';
import { provideAuthLogging } from './auth-logging';
import { LiveFeed } from './live-feed';
import { renewRefresh } from './renew-refresh';

describe("the README's recipes, pasted", () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('renewRefresh posts the form of its own and rotates the refresh token', async () => {
    const tokens = configure();
    tokens.setTokens({ accessToken: 'A1', refreshToken: 'R1' });

    const first = firstValueFrom(tokens.refresh());
    const renew = TestBed.inject(HttpTestingController).expectOne('https://auth.example.com/renew');
    expect(renew.request.method).toBe('POST');
    expect(renew.request.body.toString()).toBe('token=R1&device=web');
    expect(renew.request.headers.has('Authorization')).toBeFalse();
    renew.flush({ jwt: 'A2', renew: 'R2' });
    expect(await first).toBe('A2');

    const second = firstValueFrom(tokens.refresh());
    const next = TestBed.inject(HttpTestingController).expectOne('https://auth.example.com/renew');
    expect(next.request.body.toString()).toBe('token=R2&device=web');
    next.flush({ jwt: 'A3' });
    expect(await second).toBe('A3');
  });

  it('LiveFeed opens the socket with the access token, or with none without a session', async () => {
    const tokens = configure();
    const socket = spyOn(window, 'WebSocket');

    await TestBed.inject(LiveFeed).connect();
    tokens.setTokens({ accessToken: 'A1', refreshToken: 'R1' });
    await TestBed.inject(LiveFeed).connect();

    expect(socket.calls.allArgs()).toEqual([
      ['wss://api.example.com/feed?access_token='],
      ['wss://api.example.com/feed?access_token=A1'],
    ]);
  });

  it('provideAuthLogging logs the session events, and never a token', async () => {
    const info = spyOn(console, 'info');
    const tokens = configure(provideAuthLogging());
    await TestBed.inject(ApplicationInitStatus).donePromise;
    tokens.setTokens({ accessToken: 'A1', refreshToken: 'R1' });

    const refreshed = firstValueFrom(tokens.refresh());
    TestBed.inject(HttpTestingController)
      .expectOne('https://auth.example.com/renew')
      .flush({ jwt: 'A2', renew: 'R2' });
    await refreshed;
    tokens.clear();

    expect(info.calls.allArgs().map(([tag, event]) => [tag, event.type])).toEqual([
      ['[auth]', 'refreshed'],
      ['[auth]', 'session-ended'],
    ]);
    expect(JSON.stringify(info.calls.allArgs())).not.toMatch(/A1|A2|R1|R2/);
  });
});

/** The recipes' setup: one tab (the refresh answers synchronously), the README's custom refresh. */
function configure(...providers: EnvironmentProviders[]): TokenService {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
      provideHttpClientTesting(),
      provideTokenRefresh({ refresh: renewRefresh, crossTab: false }),
      ...providers,
    ],
  });
  return TestBed.inject(TokenService);
}

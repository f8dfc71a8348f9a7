// The example spec from the README's "Testing your app" recipe: a component that loads data
// through HttpClient, tested with ngx-token-refresh/testing. Refreshes never hit the network;
// TokenRefreshTestingController decides how they end and counts them.
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TokenService, tokenRefreshInterceptor } from 'ngx-token-refresh';
import {
  TokenRefreshTestingController,
  createTestJwt,
  provideTokenRefreshTesting,
} from 'ngx-token-refresh/testing';
import { ItemsPage } from './items-page';

describe('ItemsPage with ngx-token-refresh/testing', () => {
  let auth: TokenRefreshTestingController;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
        provideHttpClientTesting(),
        provideTokenRefreshTesting(),
      ],
    });
    auth = TestBed.inject(TokenRefreshTestingController);
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  it('loads the items with the signed-in user’s token', async () => {
    const token = createTestJwt({ claims: { sub: 'alice' } });
    auth.signIn({ accessToken: token });
    const fixture = TestBed.createComponent(ItemsPage);
    const request = backend.expectOne('/api/items');
    expect(request.request.headers.get('Authorization')).toBe(`Bearer ${token}`);
    request.flush([{ id: 1, name: 'Anvil', description: 'Heavy' }]);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('Anvil');
    expect(auth.refreshCount).toBe(0);
  });

  it('refreshes an expired token once, then loads with the new one', async () => {
    auth.signIn({ expiresIn: -60 });
    const fresh = createTestJwt({ expiresIn: 3600 });
    auth.succeedNextRefresh({ accessToken: fresh });
    const fixture = TestBed.createComponent(ItemsPage);
    backend.expectOne('/api/items').flush([]);
    await fixture.whenStable();
    expect(auth.refreshCount).toBe(1);
    expect(auth.refreshTokensSent).toEqual(['test-refresh-1']);
    expect(TestBed.inject(TokenService).accessToken()).toBe(fresh);
  });

  it('retries a 401 once after the shared refresh', async () => {
    auth.signIn();
    const held = auth.holdNextRefresh();
    const fixture = TestBed.createComponent(ItemsPage);
    backend.expectOne('/api/items').flush(null, { status: 401, statusText: 'Unauthorized' });
    expect(TestBed.inject(TokenService).isRefreshing()).toBeTrue();
    held.succeed({ accessToken: 'second' });
    const retry = backend.expectOne('/api/items');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer second');
    retry.flush([{ id: 2, name: 'Bolt', description: 'Small' }]);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('Bolt');
  });

  it('shows an error and ends the session when the refresh is rejected', async () => {
    auth.signIn({ expiresIn: -60 });
    auth.failNextRefresh('rejected');
    const fixture = TestBed.createComponent(ItemsPage);
    await fixture.whenStable();
    backend.expectNone('/api/items');
    expect(fixture.nativeElement.textContent).toContain('The items could not be loaded');
    expect(TestBed.inject(TokenService).status()).toBe('expired');
  });
});

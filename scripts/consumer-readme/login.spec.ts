// Runs the README's quick start as pasted into a fresh CLI app (app.config.ts, app.routes.ts,
// login.ts, items-page.ts): the app's own providers, a testing backend instead of the network.
import {
  HttpTestingController,
  TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TokenService } from 'ngx-token-refresh';
import { appConfig } from './app.config';
import { ItemsPage } from './items-page';
import { Login } from './login';

describe('the README quick start, pasted', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [...appConfig.providers, provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => {
    backend.verify();
    sessionStorage.clear();
  });

  it('sessionGuard sends a visitor without a session to /login with the returnUrl', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/items');
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fitems');
    expect(harness.routeNativeElement?.querySelector('button[type=submit]')).not.toBeNull();
  });

  it('Login posts the credentials without a token, stores the tokens, returns to returnUrl', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/login?returnUrl=%2Fitems', Login);
    submit(harness, 'demo', 'secret');

    const login = backend.expectOne('/api/auth/login');
    expect(login.request.method).toBe('POST');
    expect(login.request.body).toEqual({ username: 'demo', password: 'secret' });
    expect(login.request.headers.has('Authorization')).toBeFalse();
    login.flush({ accessToken: 'A1', refreshToken: 'R1', expiresIn: 300 });
    expect(TestBed.inject(TokenService).accessToken()).toBe('A1');

    const items = await nextRequest(backend, '/api/items');
    expect(TestBed.inject(Router).url).toBe('/items');
    expect(items.request.headers.get('Authorization')).toBe('Bearer A1');
    items.flush([{ id: 1, name: 'Anvil' }]);
    await harness.fixture.whenStable();
    expect(harness.routeDebugElement?.componentInstance).toBeInstanceOf(ItemsPage);
    expect(harness.routeNativeElement?.textContent).toContain('Anvil');
  });

  it('Login does not follow a returnUrl to another site', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/login?returnUrl=%2F%2Fevil.example%2Fx', Login);
    submit(harness, 'demo', 'secret');
    backend.expectOne('/api/auth/login').flush({ accessToken: 'A1', refreshToken: 'R1' });

    (await nextRequest(backend, '/api/items')).flush([]);
    expect(TestBed.inject(Router).url).toBe('/items');
  });
});

/** The request to `url`, once the navigation that sends it has run (2 s at most). */
async function nextRequest(backend: HttpTestingController, url: string): Promise<TestRequest> {
  for (let waited = 0; waited < 2000; waited += 10) {
    const [request] = backend.match(url);
    if (request) return request;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return backend.expectOne(url); // fails, naming the URL
}

function submit(harness: RouterTestingHarness, username: string, password: string): void {
  const form = harness.routeNativeElement!.querySelector('form')!;
  form.querySelector<HTMLInputElement>('input[name=username]')!.value = username;
  form.querySelector<HTMLInputElement>('input[name=password]')!.value = password;
  form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

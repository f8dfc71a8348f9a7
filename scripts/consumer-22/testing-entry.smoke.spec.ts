// Copied into a fresh Angular 22 app by scripts/angular22.test.mjs: the secondary entry point
// `ngx-token-refresh/testing` resolves and drives a refresh there too.
import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { tokenRefreshInterceptor } from 'ngx-token-refresh';
import {
  TokenRefreshTestingController,
  provideTokenRefreshTesting,
} from 'ngx-token-refresh/testing';

describe('ngx-token-refresh/testing in an Angular 22 app', () => {
  it('answers a 401 with one refresh from the testing controller', () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
        provideHttpClientTesting(),
        provideTokenRefreshTesting(),
      ],
    });
    const auth = TestBed.inject(TokenRefreshTestingController);
    const backend = TestBed.inject(HttpTestingController);
    auth.signIn({ accessToken: 'access-1' });
    auth.succeedNextRefresh({ accessToken: 'access-2' });

    TestBed.inject(HttpClient).get('/api/me').subscribe();
    backend.expectOne('/api/me').flush(null, { status: 401, statusText: 'Unauthorized' });

    const retry = backend.expectOne('/api/me');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer access-2');
    retry.flush({});
    expect(auth.refreshCount).toBe(1);
    expect(auth.refreshTokensSent).toEqual(['test-refresh-1']);
    backend.verify();
  });
});

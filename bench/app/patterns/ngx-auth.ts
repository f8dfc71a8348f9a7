import {
  HttpClient,
  HttpErrorResponse,
  HttpRequest,
  provideHttpClient,
  withInterceptorsFromDi,
} from '@angular/common/http';
import { Injectable, NgModule, importProvidersFrom, inject } from '@angular/core';
import {
  AUTH_SERVICE,
  AuthModule,
  AuthService,
  PROTECTED_FALLBACK_PAGE_URI,
  PUBLIC_FALLBACK_PAGE_URI,
} from 'ngx-auth';
import { Observable, catchError, of, tap, throwError } from 'rxjs';
import { REFRESH_URL } from '../api-urls';
import { TokenResponse, TokenStore } from '../shared';

/**
 * The `AuthService` that ngx-auth's README asks the app to implement ("Usage" step 1): token
 * getters, the refresh call (which stores the rotated tokens and signs out when it fails), the
 * 401 test and the refresh-URL test that keeps the refresh call out of the interceptor.
 */
@Injectable()
export class NgxAuthService implements AuthService {
  private readonly _http = inject(HttpClient);
  private readonly _store = inject(TokenStore);
  private _interruptedUrl = '/';
  isAuthorized(): Observable<boolean> {
    return of(this._store.accessToken !== null);
  }
  getAccessToken(): Observable<string | null> {
    return of(this._store.accessToken);
  }
  refreshToken(): Observable<TokenResponse> {
    return this._http
      .post<TokenResponse>(REFRESH_URL, { refreshToken: this._store.refreshToken })
      .pipe(
        tap((tokens) => this._store.set(tokens)),
        catchError((error: unknown) => {
          this._store.clear();
          return throwError(() => error);
        }),
      );
  }
  refreshShouldHappen(response: HttpErrorResponse): boolean {
    return response.status === 401;
  }
  verifyRefreshToken(req: HttpRequest<unknown>): boolean {
    return req.url.endsWith(REFRESH_URL);
  }
  getInterruptedUrl(): string {
    return this._interruptedUrl;
  }
  setInterruptedUrl(url: string): void {
    this._interruptedUrl = url;
  }
}

/** The `AuthenticationModule` of ngx-auth's README ("Usage" step 3). */
@NgModule({
  imports: [AuthModule],
  providers: [
    { provide: PROTECTED_FALLBACK_PAGE_URI, useValue: '/' },
    { provide: PUBLIC_FALLBACK_PAGE_URI, useValue: '/login' },
    { provide: AUTH_SERVICE, useClass: NgxAuthService },
  ],
})
export class AuthenticationModule {}

/** ngx-auth 6 as its README sets it up (its interceptor is a DI `HTTP_INTERCEPTORS` class). */
export const ngxAuthProviders = [
  provideHttpClient(withInterceptorsFromDi()),
  importProvidersFrom(AuthenticationModule),
];

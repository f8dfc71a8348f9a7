import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';
import { REFRESH_URL } from '../api-urls';
import { TokenStore, withBearer } from '../shared';
import { AuthApi } from './auth-api';

/**
 * Pattern (a), "refresh on every 401, no lock": attach the stored token; when a response is 401,
 * call the refresh endpoint, store the new tokens and retry the request once with them; when the
 * refresh fails, sign out. Every request that gets a 401 runs its own refresh. Written from the
 * pattern as taught in, e.g., "Implementing Token Interceptor and Retry in Angular 4"
 * (https://www.bennettnotes.com/implementing-token-interceptor-and-retry-in-angular-4/) and
 * "Angular 4 Tutorial – Handling Refresh Token with New HttpInterceptor"
 * (https://www.intertech.com/angular-4-tutorial-handling-refresh-token-with-new-httpinterceptor/),
 * as a functional interceptor; no code copied.
 */
export const naiveRefreshInterceptor: HttpInterceptorFn = (req, next) => {
  if (req.url.endsWith(REFRESH_URL)) return next(req);
  const store = inject(TokenStore);
  const auth = inject(AuthApi);
  return next(withBearer(req, store.accessToken)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) {
        return throwError(() => error);
      }
      return auth.refresh().pipe(
        catchError((refreshError: unknown) => {
          store.clear();
          return throwError(() => refreshError);
        }),
        switchMap((tokens) => next(withBearer(req, tokens.accessToken))),
      );
    }),
  );
};

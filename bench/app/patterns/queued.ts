import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { BehaviorSubject, catchError, filter, switchMap, take, throwError } from 'rxjs';
import { REFRESH_URL } from '../api-urls';
import { TokenStore, withBearer } from '../shared';
import { AuthApi } from './auth-api';

/** The shared state of pattern (b): the flag and the subject waiting requests subscribe to. */
@Injectable({ providedIn: 'root' })
export class RefreshQueue {
  isRefreshing = false;
  readonly accessToken$ = new BehaviorSubject<string | null>(null);
}

/**
 * Pattern (b), "`isRefreshing` flag + `BehaviorSubject` queue": the first 401 sets the flag,
 * pushes `null` into the subject and refreshes; on success it clears the flag, pushes the new
 * token and retries; a 401 that arrives while the flag is set waits for the first non-null token
 * in the subject and retries with it; a failed refresh clears the flag and signs out. Written
 * from the pattern as taught in, e.g., "Angular 12 Refresh Token with Interceptor and JWT
 * example" (https://www.bezkoder.com/angular-12-refresh-token/) and "Auth Interceptor — Token
 * Injection, Refresh and Retry" (https://www.stacklesson.com/?p=20751), as a functional
 * interceptor; no code copied. Known gap of the pattern, kept on purpose: when
 * the refresh fails, the waiting requests never complete (the subject stays `null`).
 */
export const queuedRefreshInterceptor: HttpInterceptorFn = (req, next) => {
  if (req.url.endsWith(REFRESH_URL)) return next(req);
  const store = inject(TokenStore);
  const auth = inject(AuthApi);
  const queue = inject(RefreshQueue);
  return next(withBearer(req, store.accessToken)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) {
        return throwError(() => error);
      }
      if (queue.isRefreshing) {
        return queue.accessToken$.pipe(
          filter((token): token is string => token !== null),
          take(1),
          switchMap((token) => next(withBearer(req, token))),
        );
      }
      queue.isRefreshing = true;
      queue.accessToken$.next(null);
      return auth.refresh().pipe(
        switchMap((tokens) => {
          queue.isRefreshing = false;
          queue.accessToken$.next(tokens.accessToken);
          return next(withBearer(req, tokens.accessToken));
        }),
        catchError((refreshError: unknown) => {
          queue.isRefreshing = false;
          store.clear();
          return throwError(() => refreshError);
        }),
      );
    }),
  );
};

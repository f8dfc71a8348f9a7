import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router, UrlTree } from '@angular/router';
import { Observable, catchError, map, of } from 'rxjs';
import { TOKEN_REFRESH_CONFIG } from './token-refresh-config';
import { TokenService } from './token-service';

/**
 * Lets a navigation through while there is a session: with a valid access token at once; with
 * an expired one after the (single-flight) refresh. Without a session, or when the refresh
 * fails, it returns a `UrlTree` to `loginUrl?returnUrl=<attempted url>`.
 *
 * @usageNotes
 * ```ts
 * import { Routes } from '@angular/router';
 * import { sessionGuard } from 'ngx-token-refresh';
 *
 * export const routes: Routes = [
 *   { path: 'dashboard', component: Dashboard, canActivate: [sessionGuard] },
 * ];
 * ```
 */
export const sessionGuard: CanActivateFn = (_route, state) => checkSession(state.url);

/**
 * The `CanMatchFn` twin of `sessionGuard`, for lazy routes that should not even load without a
 * session.
 *
 * @usageNotes
 * ```ts
 * import { sessionMatchGuard } from 'ngx-token-refresh';
 *
 * { path: 'admin', canMatch: [sessionMatchGuard], loadChildren: () => import('./admin') }
 * ```
 */
export const sessionMatchGuard: CanMatchFn = (_route, segments) => {
  const router = inject(Router);
  const attempted = router.currentNavigation()?.extractedUrl;
  const url = attempted ? router.serializeUrl(attempted) : '/' + segments.join('/');
  return checkSession(url);
};

/** Whether a known expiry lies in the past (an expired token that could not be refreshed). */
function isPast(expiresAt: number | null): boolean {
  return expiresAt !== null && expiresAt <= Date.now();
}

function checkSession(returnUrl: string): Observable<true | UrlTree> {
  const tokens = inject(TokenService);
  const router = inject(Router);
  const { loginUrl, refreshTokenInCookie } = inject(TOKEN_REFRESH_CONFIG);
  const toLogin = () => {
    const login = router.parseUrl(loginUrl);
    login.queryParams = { ...login.queryParams, returnUrl };
    return login;
  };
  const noToken = tokens.accessToken() === null && !tokens.isRefreshing();
  const token = noToken && refreshTokenInCookie ? tokens.refresh() : tokens.validAccessToken();
  return token.pipe(
    map((value) => (value === null || isPast(tokens.expiresAt()) ? toLogin() : true)),
    catchError(() => of(toLogin())),
  );
}

import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router, UrlTree } from '@angular/router';
import { Observable, map } from 'rxjs';
import { Refresher } from './refresher';
import { TOKEN_REFRESH_CONFIG } from './token-refresh-config';
import { TokenRefreshConfigError } from './token-refresh-config-error';

/**
 * Lets a navigation through while there is a session: with a valid access token at once; with
 * an expired one after the (single-flight) refresh. Without a session, or when the refresh
 * fails, it returns a `UrlTree` to `loginUrl?returnUrl=<attempted url>`. The login page itself
 * always goes through, so a guard on a parent route of it (`canActivateChild`) never loops. For
 * `canMatch`, use `sessionMatchGuard` (development builds refuse `sessionGuard` there).
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
export const sessionGuard: CanActivateFn = (_route, state) => {
  // `canMatch`'s type takes any function, but passes URL segments instead of a router state.
  if ((typeof ngDevMode === 'undefined' || ngDevMode) && Array.isArray(state)) {
    throw new TokenRefreshConfigError(
      'sessionGuard is a canActivate guard: use sessionMatchGuard in canMatch.',
    );
  }
  return checkSession(state.url);
};

/**
 * The `CanMatchFn` twin of `sessionGuard`, for lazy routes that should not even load without a
 * session. (A preloading strategy such as `PreloadAllModules` does not ask `canMatch`: it loads
 * them anyway.)
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

function checkSession(returnUrl: string): Observable<true | UrlTree> {
  const router = inject(Router);
  const { loginUrl } = inject(TOKEN_REFRESH_CONFIG);
  return inject(Refresher)
    .hasSession()
    .pipe(
      map((ok) => {
        const login = router.parseUrl(loginUrl);
        // The login page itself (a guard on a parent route of it): a redirect there would loop.
        if (ok || path(returnUrl) === path(router.serializeUrl(login))) return true;
        login.queryParams = { ...login.queryParams, returnUrl };
        return login;
      }),
    );
}

/** The path of an app URL, without its query and fragment. */
const path = (url: string) => url.split(/[?#]/)[0];

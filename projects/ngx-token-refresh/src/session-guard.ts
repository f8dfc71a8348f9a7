import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router, UrlTree } from '@angular/router';
import { Observable, map } from 'rxjs';
import { Refresher } from './refresher';
import { TOKEN_REFRESH_CONFIG } from './token-refresh-config';

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
        if (ok) return true;
        const login = router.parseUrl(loginUrl);
        login.queryParams = { ...login.queryParams, returnUrl };
        return login;
      }),
    );
}

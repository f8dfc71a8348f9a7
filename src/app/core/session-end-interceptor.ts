import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { SessionExpiredError } from 'ngx-token-refresh';
import { tap } from 'rxjs';

/**
 * Sends the user to the login page (back to the current URL afterwards) when an action in this
 * tab fails because the session has ended. Listed before `tokenRefreshInterceptor`, it sees the
 * `SessionExpiredError` that interceptor fails with. A session ended by another tab (logout
 * there) leaves this tab where it is: the shell offers "Sign in again" instead.
 */
export const sessionEndInterceptor: HttpInterceptorFn = (req, next) => {
  const router = inject(Router);
  return next(req).pipe(
    tap({
      error: (error: unknown) => {
        // During a navigation the session guard already redirects, with the attempted URL.
        if (!(error instanceof SessionExpiredError) || router.currentNavigation()) return;
        const returnUrl = router.url;
        if (returnUrl.startsWith('/login')) return;
        void router.navigate(['/login'], { queryParams: { returnUrl } });
      },
    }),
  );
};

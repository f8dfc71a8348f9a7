import {
  HttpErrorResponse,
  HttpEvent,
  HttpHandlerFn,
  HttpInterceptorFn,
  HttpRequest,
} from '@angular/common/http';
import { DOCUMENT, inject } from '@angular/core';
import { Observable, catchError, defer, switchMap, throwError } from 'rxjs';
import { isAllowedUrl, originOfPage } from './allowed-origin';
import { DPOP_PROOF } from './dpop-proof-context';
import { SKIP_TOKEN } from './skip-token';
import { TokenRefreshConfigError } from './token-refresh-config-error';
import { Refresher } from './refresher';

/** The page URL assumed where the document cannot tell (no DOM, or a server DOM without it). */
const FALLBACK_BASE = 'http://localhost/';
const FALLBACK_ORIGIN = 'http://localhost';

/**
 * Attaches the access token to allowed requests, refreshes it before it expires, and on a 401
 * refreshes once (shared by every request that needs it) and retries the request once.
 * Requests with `SKIP_TOKEN`, to origins that are not allowed, that already carry the header,
 * and JSONP calls (which cannot carry one) pass through untouched.
 *
 * @usageNotes
 * ```ts
 * import { provideHttpClient, withInterceptors } from '@angular/common/http';
 * import { provideTokenRefresh, tokenRefreshInterceptor } from 'ngx-token-refresh';
 *
 * export const appConfig: ApplicationConfig = {
 *   providers: [
 *     provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
 *     provideTokenRefresh({ refreshUrl: '/api/auth/refresh' }),
 *   ],
 * };
 * ```
 */
export const tokenRefreshInterceptor: HttpInterceptorFn = (req, next) => {
  // `has` first: `get` alone would store the default in every request's context.
  if (req.context.has(SKIP_TOKEN) && req.context.get(SKIP_TOKEN)) {
    // `dpopProof()`: no token, but a proof when `withDpop()` is on.
    const dpop = req.context.has(DPOP_PROOF) && inject(Refresher, { optional: true })?.dpop;
    return dpop ? dpop.send(req, null, next) : next(req);
  }
  // A synchronous throw would escape HttpClient's bookkeeping and leave the request (and a
  // server render waiting on it) pending forever: the caller gets it as the request's error.
  try {
    return attach(req, next);
  } catch (error) {
    return throwError(() => error);
  }
};

function attach(req: HttpRequest<unknown>, next: HttpHandlerFn): Observable<HttpEvent<unknown>> {
  const refresher = inject(Refresher, { optional: true });
  if (!refresher) {
    const message =
      typeof ngDevMode === 'undefined' || ngDevMode
        ? 'tokenRefreshInterceptor needs provideTokenRefresh({...}) in the providers.'
        : 'provideTokenRefresh';
    return throwError(() => new TokenRefreshConfigError(message));
  }
  const { config } = refresher;
  // A JSONP call is a script tag: no header reaches the server, and Angular refuses one with any.
  const passes = req.method === 'JSONP' || req.headers.has(config.headerName);
  if (passes || !isAllowed(req.url, refresher)) return next(req);
  // The token of the moment of each subscription: an interceptor listed before this one may
  // subscribe again later (an rxjs `retry`), after a refresh or a logout replaced the token.
  return defer(() => {
    const token = refresher.tokenNow(req.keepalive);
    // The common case (a valid token, no refresh in flight) goes out at once.
    if (token !== undefined) return sendWithRetry(req, token, next, refresher);
    return refresher
      .validAccessToken()
      .pipe(switchMap((valid) => sendWithRetry(req, valid, next, refresher)));
  });
}

/** Sends with `token`; on a rejection asks the refresher for a token and retries once. */
function sendWithRetry(
  req: HttpRequest<unknown>,
  token: string | null,
  next: HttpHandlerFn,
  refresher: Refresher,
): Observable<HttpEvent<unknown>> {
  return send(req, token, next, refresher).pipe(
    catchError((error: unknown) => {
      const retry = isRejection(error, refresher) ? refresher.retryToken(token) : null;
      if (!retry) return throwError(() => error);
      return retry.pipe(
        switchMap((fresh) => {
          const url = req.url.replace(/[?#].*$/s, '');
          refresher.report({ type: 'request-retried', method: req.method, url });
          return send(req, fresh, next, refresher).pipe(
            catchError((retryError: unknown) =>
              throwError(() =>
                isRejection(retryError, refresher)
                  ? refresher.retryRejected(fresh, retryError)
                  : retryError,
              ),
            ),
          );
        }),
      );
    }),
  );
}

function send(
  req: HttpRequest<unknown>,
  token: string | null,
  next: HttpHandlerFn,
  { config, dpop }: Refresher,
): Observable<HttpEvent<unknown>> {
  if (token === null) return next(req);
  // Angular's HTTP transfer cache leaves out requests with an Authorization header (no user's
  // answer in a server render, no render's anonymous answer for a signed-in page): so must a
  // token under another header be.
  if (config.uncached) req = req.clone({ transferCache: false });
  // With DPoP, a request that carries the token carries a proof of the key it is bound to.
  if (dpop) return dpop.send(req, token, next);
  return next(req.clone({ setHeaders: { [config.headerName]: config.authScheme + token } }));
}

/** Whether the server rejected the token (`shouldRefresh`), not the request's DPoP proof. */
function isRejection(error: unknown, { config, dpop }: Refresher): error is HttpErrorResponse {
  return (
    error instanceof HttpErrorResponse &&
    config.shouldRefresh(error) &&
    !dpop?.isProofRefusal(error)
  );
}

function isAllowed(url: string, refresher: Refresher): boolean {
  const page = pages.get(refresher) ?? readPage(refresher);
  return isAllowedUrl(url, page.base, page.origin, refresher.config.allowedOrigins);
}

interface Page {
  readonly base: string;
  readonly origin: string;
}

/**
 * The base URL and origin of each app's document, read once per app (its `Refresher`; on the
 * server every render is an app of its own, while the options may be shared): the origin never
 * changes, and the base only moves within it (history navigation), which resolves relative URLs
 * to the same origin.
 */
const pages = new WeakMap<Refresher, Page>();

function readPage(refresher: Refresher): Page {
  const document = inject(DOCUMENT, { optional: true });
  let base = FALLBACK_BASE;
  let origin = FALLBACK_ORIGIN;
  // A server DOM may not implement these reads and throw (domino's `baseURI` does): each one
  // that fails leaves the fallback, so relative URLs still stay on the page's origin.
  try {
    base = document?.location?.href || base;
    origin = document?.location?.origin || originOfPage(base) || origin;
  } catch {}
  try {
    base = document?.baseURI || base;
  } catch {}
  const page = { base, origin };
  pages.set(refresher, page);
  return page;
}

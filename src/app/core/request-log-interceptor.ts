import {
  HttpContext,
  HttpErrorResponse,
  HttpInterceptorFn,
  HttpResponse,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { finalize, tap } from 'rxjs';
import { API } from './api-urls';
import { authScheme, generationFromHeader } from './jwt-claims';
import { RefreshNotice } from './refresh-notice';
import { RequestLog } from './request-log';
import { UNLOGGED } from './unlogged';

/**
 * Attempts per logical request. The token interceptor's retry is a clone of the same request,
 * and clones share their HttpContext, so a second call with the same context is the retry.
 */
const attempts = new WeakMap<HttpContext, number>();

/**
 * Logs every request as it really leaves the app. Listed after `tokenRefreshInterceptor`, it
 * sees the Authorization header actually sent, the library's refresh calls, and each retry.
 */
export const requestLogInterceptor: HttpInterceptorFn = (req, next) => {
  if (req.context.get(UNLOGGED)) return next(req);
  const log = inject(RequestLog);
  const notice = inject(RefreshNotice);
  const attempt = (attempts.get(req.context) ?? 0) + 1;
  attempts.set(req.context, attempt);
  const authorization = req.headers.get('Authorization');
  const id = log.start({
    method: req.method,
    url: req.urlWithParams,
    attempt,
    authorized: authorization !== null,
    scheme: authScheme(authorization),
    proof: req.headers.has('DPoP'),
    generation: generationFromHeader(authorization),
  });
  const isRefresh = req.url === API.refresh;
  let settled = false;
  const settle = (status: number) => {
    settled = true;
    log.finish(id, status);
    if (isRefresh) notice.record(status);
  };
  return next(req).pipe(
    tap({
      next: (event) => event instanceof HttpResponse && settle(event.status),
      error: (error: unknown) => settle(error instanceof HttpErrorResponse ? error.status : 0),
    }),
    finalize(() => settled || log.finish(id, 'cancelled')),
  );
};

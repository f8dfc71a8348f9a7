import { HttpContext, HttpContextToken } from '@angular/common/http';

/**
 * A request whose context sets this to `true` passes through `tokenRefreshInterceptor`
 * untouched: no Authorization header is added, and its 401 never triggers a refresh. The
 * library's own refresh call uses it.
 *
 * @usageNotes
 * ```ts
 * import { HttpContext } from '@angular/common/http';
 * import { SKIP_TOKEN } from 'ngx-token-refresh';
 *
 * http.get('/public/config.json', { context: new HttpContext().set(SKIP_TOKEN, true) });
 * ```
 */
export const SKIP_TOKEN = new HttpContextToken<boolean>(() => false);

/**
 * Returns an `HttpContext` (a new one, or the given one) with `SKIP_TOKEN` set.
 *
 * @usageNotes
 * ```ts
 * import { skipToken } from 'ngx-token-refresh';
 *
 * http.post('/api/auth/login', credentials, { context: skipToken() });
 * ```
 */
export function skipToken(context: HttpContext = new HttpContext()): HttpContext {
  return context.set(SKIP_TOKEN, true);
}

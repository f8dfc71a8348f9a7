import { HttpContext, HttpContextToken } from '@angular/common/http';
import { skipToken } from 'ngx-token-refresh';

/** Requests with this flag are demo tooling (counters, fault switches) and stay out of the log. */
export const UNLOGGED = new HttpContextToken<boolean>(() => false);

/**
 * The context for the demo's tooling calls: unauthenticated endpoints that must neither carry
 * the token (nor trigger a refresh) nor clutter the request log.
 */
export function toolingContext(): HttpContext {
  return skipToken(new HttpContext().set(UNLOGGED, true));
}

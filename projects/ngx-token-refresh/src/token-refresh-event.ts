import { SessionEndReason } from './session-expired-error';

/**
 * What happened to the session, as `TokenService.events` reports it for logging and metrics.
 * No event ever carries a token.
 *
 * @usageNotes
 * ```ts
 * import { inject } from '@angular/core';
 * import { TokenRefreshEvent, TokenService } from 'ngx-token-refresh';
 *
 * // Counts per event type, e.g. for a metrics endpoint.
 * const counts = new Map<TokenRefreshEvent['type'], number>();
 * inject(TokenService).events.subscribe(({ type }) => counts.set(type, (counts.get(type) ?? 0) + 1));
 * ```
 */
export type TokenRefreshEvent =
  /** This tab refreshed the tokens; `expiresAt` is the new access token's expiry, if known. */
  | { readonly type: 'refreshed'; readonly expiresAt: number | null }
  /**
   * A refresh failed transiently and the session lives on: `status` is the HTTP status (0 for a
   * network error), or `null` when the failure was not an HTTP answer (a timeout, a bad body).
   */
  | { readonly type: 'refresh-failed'; readonly status: number | null }
  /** The session ended: logout, or the server's rejection (in this tab or another). */
  | { readonly type: 'session-ended'; readonly reason: SessionEndReason }
  /** A request rejected with 401 is sent again with a new token; `url` has no query. */
  | { readonly type: 'request-retried'; readonly method: string; readonly url: string };

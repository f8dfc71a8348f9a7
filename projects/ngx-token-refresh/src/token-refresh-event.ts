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
  /** This tab refreshed the tokens. */
  | {
      /** What happened. */
      readonly type: 'refreshed';
      /** The new access token's expiry (ms since the epoch), or `null` when unknown. */
      readonly expiresAt: number | null;
    }
  /** A refresh failed transiently and the session lives on. */
  | {
      /** What happened. */
      readonly type: 'refresh-failed';
      /**
       * The refresh answer's HTTP status (0 for a network error), or `null` when the failure
       * was not an HTTP answer (a timeout, a bad body).
       */
      readonly status: number | null;
    }
  /** The session ended: logout, or the server's rejection (in this tab or another). */
  | {
      /** What happened. */
      readonly type: 'session-ended';
      /** Why it ended, as `SessionExpiredError.reason` says it. */
      readonly reason: SessionEndReason;
    }
  /** A request rejected with 401 is sent again with a new token. */
  | {
      /** What happened. */
      readonly type: 'request-retried';
      /** The request's HTTP method. */
      readonly method: string;
      /** The request's URL without its query and fragment. */
      readonly url: string;
    };

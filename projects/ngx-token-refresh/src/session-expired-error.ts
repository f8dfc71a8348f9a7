/**
 * Why a session ended, as `SessionExpiredError.reason` tells it.
 *
 * @usageNotes
 * ```ts
 * import { SessionEndReason, SessionExpiredError } from 'ngx-token-refresh';
 *
 * const reason: SessionEndReason | null = error instanceof SessionExpiredError ? error.reason : null;
 * ```
 */
export type SessionEndReason =
  /** The refresh endpoint rejected the refresh token (401, or 400 `invalid_grant`). */
  | 'refresh-rejected'
  /** The session had no refresh token to refresh with. */
  | 'no-refresh-token'
  /** A request retried with a freshly refreshed token was rejected again (not with 403). */
  | 'retry-rejected'
  /** `TokenService.clear()` (logout) ran while the request was waiting. */
  | 'logout';

/**
 * The error that queued and retried requests (and `TokenService.refresh()` callers) receive when
 * the session ends. It never carries a token; `cause` holds the underlying HTTP error, if any.
 *
 * @usageNotes
 * ```ts
 * import { SessionExpiredError } from 'ngx-token-refresh';
 *
 * http.get('/api/profile').subscribe({
 *   error: (error) => {
 *     if (error instanceof SessionExpiredError) router.navigateByUrl('/login');
 *   },
 * });
 * ```
 */
export class SessionExpiredError extends Error {
  /** Always `'SessionExpiredError'`: unlike the class name, it survives minification. */
  override readonly name = 'SessionExpiredError';

  constructor(
    /** Why the session ended. */
    readonly reason: SessionEndReason,
    options?: { cause?: unknown },
  ) {
    super(
      typeof ngDevMode === 'undefined' || ngDevMode
        ? `ngx-token-refresh: the session has ended (${reason}); sign in again.`
        : `ngx-token-refresh: ${reason}`,
      options,
    );
  }
}

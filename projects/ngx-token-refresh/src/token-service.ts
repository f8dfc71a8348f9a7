import { Injectable, Signal, computed, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { isText } from './is-text';
import { Refresher } from './refresher';
import { SessionStatus, SessionStore } from './session-store';
import { TokenRefreshEvent } from './token-refresh-event';
import { TokenPair } from './token-pair';

/**
 * The session as an app sees it: signals to render, `setTokens` after login, `clear` on logout,
 * and the single-flight `refresh()`. Provided by `provideTokenRefresh`. Tokens are read from
 * storage once, at start; requests read them from memory. With `crossTab` (the default where
 * the browser supports it) every tab of the origin shares the session and one refresh at a time.
 *
 * @usageNotes
 * ```ts
 * import { TokenService } from 'ngx-token-refresh';
 *
 * export class LoginPage {
 *   private readonly _tokens = inject(TokenService);
 *   readonly busy = this._tokens.isRefreshing;
 *   onLogin(response: { accessToken: string; refreshToken: string }) {
 *     this._tokens.setTokens(response);
 *   }
 * }
 * ```
 */
@Injectable()
export class TokenService {
  private readonly _store = inject(SessionStore);
  private readonly _refresher = inject(Refresher);

  /** The current access token, or `null` without a session. */
  readonly accessToken: Signal<string | null> = computed(
    () => this._store.session()?.accessToken ?? null,
  );
  /** When the access token expires (ms since the epoch), or `null` when unknown or signed out. */
  readonly expiresAt: Signal<number | null> = computed(
    () => this._store.session()?.expiresAt ?? null,
  );
  /** The refresh lock: whether a refresh is in flight right now (in this tab). */
  readonly isRefreshing: Signal<boolean> = this._refresher.isRefreshing;
  /** `'anonymous'` -> `setTokens` -> `'authenticated'` -> definitive refresh failure -> `'expired'`. */
  readonly status: Signal<SessionStatus> = this._store.status;
  /**
   * What happens to the session, for logging and metrics: refreshes, transient refresh
   * failures, the session's end, requests retried after a 401. Never carries a token.
   */
  readonly events: Observable<TokenRefreshEvent> = this._store.events.asObservable();

  /**
   * Starts a session after login, replacing any previous one (in every tab, with `crossTab`). A
   * refresh in flight is abandoned; requests waiting for it go out with these tokens. Opaque
   * (non-JWT) access tokens need `expiresIn` to be refreshed before they expire.
   */
  setTokens(tokens: TokenPair): void {
    if (!isText(tokens?.accessToken)) {
      throw new TypeError(
        typeof ngDevMode === 'undefined' || ngDevMode
          ? 'ngx-token-refresh: setTokens() needs a non-empty `accessToken` string.'
          : 'ngx-token-refresh: accessToken',
      );
    }
    this._refresher.start(tokens);
  }

  /**
   * Ends the session (logout, in every tab with `crossTab`): tokens forgotten, `status`
   * `'anonymous'`, waiters fail. Returns the tokens it forgot, for a server-side logout call
   * (`{ refreshToken }` to a revocation endpoint), or `null` when there was no session.
   */
  clear(): TokenPair | null {
    return this._refresher.end();
  }

  /**
   * Starts a refresh, or joins the one in flight, and emits the new access token. It fails with
   * `SessionExpiredError` when the session ends, or with the underlying error when the failure is
   * transient. Unsubscribing never cancels the refresh for others: a rotated refresh token must
   * not be lost.
   */
  refresh(): Observable<string> {
    return this._refresher.refresh();
  }

  /**
   * Emits the access token to send now, or `null` without a session, for transports that are not
   * HttpClient (WebSocket, EventSource, `fetch`): it waits for a refresh in flight, and refreshes
   * first when the token is within `leewaySeconds` of its expiry. If that refresh fails
   * transiently, a token that has not expired yet (and was not rejected) is still used.
   */
  validAccessToken(): Observable<string | null> {
    return this._refresher.validAccessToken();
  }
}

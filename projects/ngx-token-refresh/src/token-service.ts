import {
  EnvironmentInjector,
  Injectable,
  Signal,
  computed,
  inject,
  runInInjectionContext,
  signal,
} from '@angular/core';
import {
  AsyncSubject,
  Observable,
  Subscription,
  catchError,
  defer,
  from,
  map,
  of,
  take,
  throwError,
  throwIfEmpty,
  timeout,
} from 'rxjs';
import { FallbackTokenStorage } from './fallback-token-storage';
import { InvalidRefreshResponseError } from './invalid-refresh-response-error';
import { isDefinitiveRefreshFailure } from './refresh-failure';
import { readRefreshResponse } from './refresh-response';
import { SessionEndReason, SessionExpiredError } from './session-expired-error';
import { StoredTokens } from './stored-tokens';
import { TOKEN_REFRESH_CONFIG } from './token-refresh-config';
import { readTokenExpiry } from './token-expiry';
import { TokenPair } from './token-pair';
import { TokenStorage, memoryTokenStorage, webTokenStorage } from './token-storage';

/** Where the session stands: never signed in (or logged out), signed in, or ended by the server. */
export type SessionStatus = 'anonymous' | 'authenticated' | 'expired';

interface Session extends StoredTokens {
  /** Whether the server has rejected this access token (a 401 that started a refresh). */
  readonly rejected: boolean;
}

interface RefreshFlight {
  readonly result: AsyncSubject<string>;
  subscription: Subscription | null;
}

/**
 * Holds the session and runs the single-flight refresh. Provided by `provideTokenRefresh`.
 * Tokens are read from storage once, at start; requests read them from memory.
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
  private readonly _config = inject(TOKEN_REFRESH_CONFIG);
  private readonly _injector = inject(EnvironmentInjector);
  private readonly _storage = new FallbackTokenStorage(
    this._createStorage(),
    typeof this._config.storage === 'string' ? this._config.storage : 'custom',
  );
  private readonly _session = signal<Session | null>(this._rehydrate());
  private readonly _status = signal<SessionStatus>(this._session() ? 'authenticated' : 'anonymous');
  private readonly _isRefreshing = signal(false);
  private _flight: RefreshFlight | null = null;

  /** The current access token, or `null` without a session. */
  readonly accessToken: Signal<string | null> = computed(
    () => this._session()?.accessToken ?? null,
  );
  /** When the access token expires (ms since the epoch), or `null` when unknown or signed out. */
  readonly expiresAt: Signal<number | null> = computed(() => this._session()?.expiresAt ?? null);
  /** The refresh lock: whether a refresh is in flight right now. */
  readonly isRefreshing: Signal<boolean> = this._isRefreshing.asReadonly();
  /** `'anonymous'` -> `setTokens` -> `'authenticated'` -> definitive refresh failure -> `'expired'`. */
  readonly status: Signal<SessionStatus> = this._status.asReadonly();

  /**
   * Starts a session after login, replacing any previous one. A refresh in flight is abandoned;
   * requests waiting for it go out with these tokens.
   */
  setTokens(tokens: TokenPair): void {
    if (typeof tokens?.accessToken !== 'string' || tokens.accessToken.trim() === '') {
      throw new TypeError('ngx-token-refresh: setTokens() needs a non-empty `accessToken` string.');
    }
    this._store(tokens, null);
    this._settleFlight((flight) => {
      flight.result.next(tokens.accessToken);
      flight.result.complete();
    });
  }

  /** Ends the session (logout): tokens forgotten, `status` `'anonymous'`, waiters fail. */
  clear(): void {
    this._forget('anonymous');
    this._settleFlight((flight) => flight.result.error(new SessionExpiredError('logout')));
  }

  /**
   * Starts a refresh, or joins the one in flight, and emits the new access token. It fails with
   * `SessionExpiredError` when the session ends, or with the underlying error when the failure is
   * transient. Unsubscribing never cancels the refresh for others: a rotated refresh token must
   * not be lost.
   */
  refresh(): Observable<string> {
    return (this._flight ?? this._startRefresh()).result.asObservable();
  }

  /**
   * Emits the access token to send now, or `null` without a session: it waits for a refresh in
   * flight, and refreshes first when a JWT is within `leewaySeconds` of its `exp`. If that refresh
   * fails transiently, a token that has not expired yet (and was not rejected) is still used.
   */
  validAccessToken(): Observable<string | null> {
    const session = this._session();
    if (!this._flight && (!session || !this._isExpiring(session) || !this._canRefresh(session))) {
      return of(session?.accessToken ?? null);
    }
    return this.refresh().pipe(
      catchError((error: unknown) => {
        const current = this._session();
        if (error instanceof SessionExpiredError || !current || current.rejected) throw error;
        if (current.expiresAt !== null && current.expiresAt <= Date.now()) throw error;
        return of(current.accessToken);
      }),
    );
  }

  /**
   * Emits the token to retry with after the server rejected `rejectedToken`: the current token if
   * another refresh already replaced it, otherwise the result of a (shared) refresh.
   */
  refreshAfterRejection(rejectedToken: string | null): Observable<string> {
    const session = this._session();
    if (!this._flight && !session && rejectedToken !== null) {
      // The token's session has ended (logout or expiry) since the request left: never revive it.
      const reason = this._status() === 'expired' ? 'refresh-rejected' : 'logout';
      return throwError(() => new SessionExpiredError(reason));
    }
    if (!this._flight && session && session.accessToken !== rejectedToken && !session.rejected) {
      return of(session.accessToken);
    }
    if (session && session.accessToken === rejectedToken && !session.rejected) {
      this._session.set({ ...session, rejected: true });
    }
    return this.refresh();
  }

  /**
   * Ends the session as `'expired'`: tokens forgotten, requests waiting for a refresh fail. Use it
   * when the server says the session is gone; returns the error waiters received.
   */
  expire(cause?: unknown): SessionExpiredError {
    return this._endSession(new SessionExpiredError('retry-rejected', { cause }));
  }

  private _startRefresh(): RefreshFlight {
    const flight: RefreshFlight = { result: new AsyncSubject<string>(), subscription: null };
    const refreshToken = this._session()?.refreshToken ?? null;
    if (refreshToken === null && !this._config.refreshTokenInCookie) {
      flight.result.error(this._endSession(new SessionExpiredError('no-refresh-token')));
      return flight;
    }
    this._flight = flight;
    this._isRefreshing.set(true);
    const subscription = this._callRefresh(refreshToken).subscribe({
      next: (tokens) => {
        if (this._flight !== flight) return;
        this._flight = null;
        this._isRefreshing.set(false);
        this._store(tokens, this._session()?.refreshToken ?? refreshToken);
        flight.result.next(tokens.accessToken);
        flight.result.complete();
      },
      error: (error: unknown) => {
        if (this._flight !== flight) return;
        this._flight = null;
        this._isRefreshing.set(false);
        flight.result.error(
          isDefinitiveRefreshFailure(error)
            ? this._endSession(new SessionExpiredError('refresh-rejected', { cause: error }))
            : error,
        );
      },
    });
    // A synchronous refresh has already settled; otherwise keep the handle to cancel on logout.
    if (this._flight === flight) flight.subscription = subscription;
    return flight;
  }

  private _callRefresh(refreshToken: string | null): Observable<TokenPair> {
    return defer(() => {
      const result = runInInjectionContext(this._injector, () =>
        this._config.refresh(refreshToken),
      );
      if (!(result instanceof Observable) && !(result instanceof Promise)) {
        throw new InvalidRefreshResponseError('`refresh` must return an Observable or a Promise');
      }
      return from(result);
    }).pipe(
      take(1),
      throwIfEmpty(() => new InvalidRefreshResponseError('`refresh` completed without a value')),
      timeout(this._config.refreshTimeoutMs),
      map(readRefreshResponse),
    );
  }

  /** Stores new tokens; `previousRefreshToken` stays when `tokens` brings none (no rotation). */
  private _store(tokens: TokenPair, previousRefreshToken: string | null): void {
    const session: Session = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken ?? previousRefreshToken,
      expiresAt: readTokenExpiry(tokens.accessToken, tokens.expiresIn),
      rejected: false,
    };
    this._session.set(session);
    this._status.set('authenticated');
    const { rejected, ...stored } = session;
    this._storage.write(stored);
  }

  private _endSession(error: SessionExpiredError): SessionExpiredError {
    const hadSession = this._session() !== null || this._config.refreshTokenInCookie;
    this._forget(hadSession ? 'expired' : this._status());
    this._settleFlight((flight) => flight.result.error(error));
    return error;
  }

  private _forget(status: SessionStatus): void {
    this._session.set(null);
    this._status.set(status);
    this._storage.remove();
  }

  private _settleFlight(settle: (flight: RefreshFlight) => void): void {
    const flight = this._flight;
    if (!flight) return;
    this._flight = null;
    this._isRefreshing.set(false);
    flight.subscription?.unsubscribe();
    settle(flight);
  }

  private _isExpiring(session: Session): boolean {
    return session.expiresAt !== null && session.expiresAt - this._config.leewayMs <= Date.now();
  }

  private _canRefresh(session: Session): boolean {
    return session.refreshToken !== null || this._config.refreshTokenInCookie;
  }

  private _createStorage(): TokenStorage {
    const { storage, storageKey } = this._config;
    if (storage === 'memory') return memoryTokenStorage();
    return typeof storage === 'string' ? webTokenStorage(storage, storageKey) : storage;
  }

  private _rehydrate(): Session | null {
    const stored = this._storage.read();
    return stored ? { ...stored, rejected: false } : null;
  }
}

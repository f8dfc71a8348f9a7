import {
  DestroyRef,
  EnvironmentInjector,
  Injectable,
  PLATFORM_ID,
  Signal,
  computed,
  inject,
  signal,
} from '@angular/core';
import {
  AsyncSubject,
  Observable,
  Subscription,
  catchError,
  from,
  map,
  of,
  switchMap,
  throwError,
} from 'rxjs';
import { isPlatformServer } from '@angular/common';
import { callRefresh } from './call-refresh';
import { createTokenStorage } from './fallback-token-storage';
import { lockedRefresh } from './locked-refresh';
import { isDefinitiveRefreshFailure } from './refresh-failure';
import { Session, toSession, toStored } from './session';
import { SessionExpiredError } from './session-expired-error';
import { StoredTokens } from './stored-tokens';
import { TabMessage, TabSync } from './tab-sync';
import { TOKEN_REFRESH_CONFIG } from './token-refresh-config';
import { TokenTimes, readTokenTimes } from './token-expiry';
import { TokenPair } from './token-pair';

/**
 * Where the session stands: never signed in (or logged out), signed in, or ended by the server.
 *
 * @usageNotes
 * ```ts
 * import { SessionStatus, TokenService } from 'ngx-token-refresh';
 *
 * const status: Signal<SessionStatus> = inject(TokenService).status;
 * const showLogin = computed(() => status() !== 'authenticated');
 * ```
 */
export type SessionStatus = 'anonymous' | 'authenticated' | 'expired';

interface RefreshFlight {
  readonly result: AsyncSubject<string>;
  subscription: Subscription | null;
}

/** How long a new tab without a session waits for an open tab to share one. */
const JOIN_MS = 150;

/**
 * Holds the session and runs the single-flight refresh. Provided by `provideTokenRefresh`.
 * Tokens are read from storage once, at start; requests read them from memory. With `crossTab`
 * (the default where the browser supports it) every tab of the origin shares the session and one
 * refresh at a time.
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
  /** On the server there is no web storage and no other tab: memory, per render, silently. */
  private readonly _onServer = isPlatformServer(inject(PLATFORM_ID));
  private readonly _storage = createTokenStorage(this._config, this._onServer);
  private readonly _tabs =
    this._config.crossTab && !this._onServer ? TabSync.open(this._config.storageKey) : null;
  private readonly _session = signal<Session | null>(this._rehydrate());
  private readonly _status = signal<SessionStatus>(this._session() ? 'authenticated' : 'anonymous');
  private readonly _isRefreshing = signal(false);
  private _flight: RefreshFlight | null = null;
  /**
   * The newest session revision this tab has applied. A tab that starts without a session takes
   * the origin's newest revision as its own: news older than that cannot concern it, and a
   * revision left behind by tabs that are gone must not make it wait for news that never comes.
   */
  private _revision = this._session()?.revision ?? this._tabs?.readRevision() ?? 0;
  /** While a new tab waits for open tabs to share their session: settles when one does. */
  private _joining: Promise<void> | null = null;
  private _joined: (() => void) | null = null;

  /** The current access token, or `null` without a session. */
  readonly accessToken: Signal<string | null> = computed(
    () => this._session()?.accessToken ?? null,
  );
  /** When the access token expires (ms since the epoch), or `null` when unknown or signed out. */
  readonly expiresAt: Signal<number | null> = computed(() => this._session()?.expiresAt ?? null);
  /** The refresh lock: whether a refresh is in flight right now (in this tab). */
  readonly isRefreshing: Signal<boolean> = this._isRefreshing.asReadonly();
  /** `'anonymous'` -> `setTokens` -> `'authenticated'` -> definitive refresh failure -> `'expired'`. */
  readonly status: Signal<SessionStatus> = this._status.asReadonly();

  constructor() {
    if (!this._tabs) return;
    this._tabs.listen((message) => this._receive(message));
    inject(DestroyRef).onDestroy(() => this._tabs?.close());
    if (!this._session()) {
      this._joining = new Promise<void>((resolve) => {
        this._joined = resolve;
        setTimeout(resolve, JOIN_MS);
      }).then(() => {
        this._joining = this._joined = null;
      });
    }
    this._tabs.post({ type: 'hello' });
  }

  /**
   * Starts a session after login, replacing any previous one (in every tab, with `crossTab`). A
   * refresh in flight is abandoned; requests waiting for it go out with these tokens.
   */
  setTokens(tokens: TokenPair): void {
    if (typeof tokens?.accessToken !== 'string' || tokens.accessToken.trim() === '') {
      throw new TypeError('ngx-token-refresh: setTokens() needs a non-empty `accessToken` string.');
    }
    this._store(tokens, null);
    this._settleFlight((flight) => flight.result.next(tokens.accessToken));
  }

  /**
   * Ends the session (logout, in every tab with `crossTab`): tokens forgotten, `status`
   * `'anonymous'`, waiters fail. Returns the tokens it forgot, for a server-side logout call
   * (`{ refreshToken }` to a revocation endpoint), or `null` when there was no session.
   */
  clear(): TokenPair | null {
    const session = this._session();
    this._forget('anonymous', 'logout');
    this._settleFlight((flight) => flight.result.error(new SessionExpiredError('logout')));
    return session && { accessToken: session.accessToken, refreshToken: session.refreshToken };
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
    if (!session && !this._flight && this._joining) {
      return from(this._joining).pipe(switchMap(() => this.validAccessToken()));
    }
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
      // A stale 401: retry with the newer token, refreshed first if it is expiring by now.
      return this.validAccessToken().pipe(map((token) => token ?? session.accessToken));
    }
    if (session && session.accessToken === rejectedToken && !session.rejected) {
      this._session.set({ ...session, rejected: true });
    }
    return this.refresh();
  }

  /**
   * Ends the session as `'expired'` (in every tab, with `crossTab`): tokens forgotten, requests
   * waiting for a refresh fail. Use it when the server says the session is gone; returns the
   * error the waiters received.
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
    const refreshed = this._tabs
      ? lockedRefresh(this._tabs, 2 * this._config.refreshTimeoutMs, {
          revision: () => this._revision,
          refresh: () => this._callRefresh(this._session()?.refreshToken ?? null),
        })
      : this._callRefresh(refreshToken);
    const subscription = refreshed.subscribe({
      next: (tokens) => {
        if (this._flight !== flight) return;
        this._store(tokens, this._session()?.refreshToken ?? refreshToken);
        this._settleFlight(() => flight.result.next(tokens.accessToken));
      },
      error: (error: unknown) => {
        if (this._flight !== flight) return;
        if (isDefinitiveRefreshFailure(error)) {
          this._endSession(new SessionExpiredError('refresh-rejected', { cause: error }));
        } else {
          this._settleFlight(() => flight.result.error(error));
        }
      },
    });
    // A synchronous refresh has already settled; otherwise keep the handle to cancel on logout.
    if (this._flight === flight) flight.subscription = subscription;
    return flight;
  }

  /** Stores new tokens; `previousRefreshToken` stays when `tokens` brings none (no rotation). */
  private _store(tokens: TokenPair, previousRefreshToken: string | null): void {
    const times = readTokenTimes(tokens.accessToken, tokens.expiresIn);
    const stored: StoredTokens = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken ?? previousRefreshToken,
      expiresAt: times.expiresAt,
    };
    if (!this._tabs) return this._adopt(stored, times);
    const revision = this._nextRevision(this._tabs);
    this._adopt({ ...stored, revision }, times);
    this._tabs.post({ type: 'tokens', revision, tokens: { ...stored, revision } });
  }

  private _adopt(stored: StoredTokens, times?: TokenTimes): void {
    this._session.set(toSession(stored, this._config.leewayMs, times));
    this._status.set('authenticated');
    this._storage.write(stored);
  }

  private _endSession(error: SessionExpiredError): SessionExpiredError {
    const hadSession = this._session() !== null || this._config.refreshTokenInCookie;
    this._forget(hadSession ? 'expired' : this._status(), 'expired');
    this._settleFlight((flight) => flight.result.error(error));
    return error;
  }

  private _forget(status: SessionStatus, news: 'logout' | 'expired' | null): void {
    this._session.set(null);
    this._status.set(status);
    this._storage.remove();
    if (news && this._tabs)
      this._tabs.post({ type: news, revision: this._nextRevision(this._tabs) });
  }

  /** Applies what another tab announced, when it is newer than what this tab knows. */
  private _receive(message: TabMessage): void {
    const session = this._session();
    if (message.type === 'hello') {
      if (session)
        this._tabs?.post({ type: 'tokens', revision: this._revision, tokens: toStored(session) });
      return;
    }
    const newer = message.revision > this._revision;
    if (!newer && !(message.type === 'tokens' && message.revision === this._revision && !session)) {
      return;
    }
    this._revision = message.revision;
    if (message.type === 'tokens') {
      this._adopt(message.tokens);
      this._joined?.();
      this._settleFlight((flight) => flight.result.next(message.tokens.accessToken));
      return;
    }
    const ended = session !== null || this._flight !== null;
    this._forget(ended ? 'expired' : this._status(), null);
    const reason = message.type === 'logout' ? 'logout' : 'refresh-rejected';
    this._settleFlight((flight) => flight.result.error(new SessionExpiredError(reason)));
  }

  private _nextRevision(tabs: TabSync): number {
    this._revision = Math.max(this._revision, tabs.readRevision()) + 1;
    tabs.writeRevision(this._revision);
    return this._revision;
  }

  /** Ends the flight in flight, if any: `settle` completes or fails its waiters. */
  private _settleFlight(settle: (flight: RefreshFlight) => void): void {
    const flight = this._flight;
    if (!flight) return;
    this._flight = null;
    this._isRefreshing.set(false);
    flight.subscription?.unsubscribe();
    settle(flight);
    flight.result.complete();
  }

  private _isExpiring(session: Session): boolean {
    return session.refreshAt !== null && session.refreshAt <= Date.now();
  }

  private _callRefresh(refreshToken: string | null): Observable<TokenPair> {
    return callRefresh(this._config, this._injector, refreshToken);
  }

  private _canRefresh(session: Session): boolean {
    return session.refreshToken !== null || this._config.refreshTokenInCookie;
  }

  private _rehydrate(): Session | null {
    const stored = this._storage.read();
    return stored ? toSession(stored, this._config.leewayMs) : null;
  }
}

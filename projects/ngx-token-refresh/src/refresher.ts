import { HttpErrorResponse } from '@angular/common/http';
import { EnvironmentInjector, Injectable, Signal, inject, signal } from '@angular/core';
import {
  AsyncSubject,
  Observable,
  Subject,
  Subscription,
  catchError,
  from,
  map,
  of,
  switchMap,
  throwError,
} from 'rxjs';
import { callRefresh } from './call-refresh';
import { isDefinitiveRefreshFailure } from './refresh-failure';
import { Session } from './session';
import { SessionExpiredError } from './session-expired-error';
import { SessionStatus, SessionStore } from './session-store';
import { TAB_SYNC, TabNews } from './tab-sync';
import { TOKEN_REFRESH_CONFIG } from './token-refresh-config';
import { TokenRefreshEvent } from './token-refresh-event';
import { hasExpired, readTokenTimes } from './token-expiry';
import { TokenPair } from './token-pair';

interface RefreshFlight {
  readonly result: AsyncSubject<string>;
  subscription: Subscription | null;
}

/**
 * Owns the refresh: one flight at a time (across tabs through `TAB_SYNC`), the token each
 * request goes out with, and the two retry decisions. Internal: the interceptor and the guard
 * ask it, apps use `TokenService`.
 */
@Injectable()
export class Refresher {
  private readonly _config = inject(TOKEN_REFRESH_CONFIG);
  private readonly _injector = inject(EnvironmentInjector);
  private readonly _store = inject(SessionStore);
  private readonly _tabs = inject(TAB_SYNC);
  private readonly _isRefreshing = signal(false);
  private readonly _events = new Subject<TokenRefreshEvent>();
  private _flight: RefreshFlight | null = null;

  readonly isRefreshing: Signal<boolean> = this._isRefreshing.asReadonly();
  readonly events: Observable<TokenRefreshEvent> = this._events.asObservable();

  constructor() {
    this._tabs.listen((news) => this._apply(news));
  }

  /**
   * The token to send right now (`null`: no session), or `undefined` when the request must wait
   * for `validAccessToken()`: a refresh in flight, an expiring token, a tab still joining.
   */
  tokenNow(): string | null | undefined {
    if (this._flight) return undefined;
    const session = this._store.session();
    if (!session) return this._tabs.joining() ? undefined : null;
    return this._isExpiring(session) && this._canRefresh(session) ? undefined : session.accessToken;
  }

  /** See `TokenService.validAccessToken()`. */
  validAccessToken(): Observable<string | null> {
    const now = this.tokenNow();
    if (now !== undefined) return of(now);
    const joining = !this._flight && !this._store.session() && this._tabs.joining();
    if (joining) return from(joining).pipe(switchMap(() => this.validAccessToken()));
    return this.refresh().pipe(
      catchError((error: unknown) => {
        const current = this._store.session();
        if (error instanceof SessionExpiredError || !current || current.rejected) throw error;
        if (hasExpired(current.expiresAt)) throw error;
        return of(current.accessToken);
      }),
    );
  }

  /** See `TokenService.refresh()`. */
  refresh(): Observable<string> {
    return (this._flight ?? this._startRefresh()).result.asObservable();
  }

  /**
   * After the server rejected `rejected` (`null`: the request went without a token): the token
   * to retry with once, or `null` when there is nothing to retry with. A stale 401 (another
   * refresh already replaced the token) retries with the current token without refreshing.
   */
  retryToken(rejected: string | null): Observable<string> | null {
    if (rejected === null && !this._config.refreshTokenInCookie) return null;
    const session = this._store.session();
    if (!this._flight && !session && rejected !== null) {
      // The token's session has ended (logout or expiry) since the request left: never revive it.
      const reason = this._store.status() === 'expired' ? 'refresh-rejected' : 'logout';
      return throwError(() => new SessionExpiredError(reason));
    }
    if (!this._flight && session && session.accessToken !== rejected && !session.rejected) {
      return this.validAccessToken().pipe(map((token) => token ?? session.accessToken));
    }
    this._store.reject(rejected);
    return this.refresh();
  }

  /**
   * After the retry with `fresh` was rejected too: the error for the caller. The session ends
   * when the server rejected the token it just issued, unless the session moved on meanwhile or
   * the token expired by our own clock on the way (then only this request fails).
   */
  retryRejected(fresh: string, error: unknown): unknown {
    const session = this._store.session();
    const over = session?.accessToken === fresh && !hasExpired(session.expiresAt);
    return over ? this._end(new SessionExpiredError('retry-rejected', { cause: error })) : error;
  }

  /** Whether there is a session to let a navigation through, refreshing first when needed. */
  hasSession(): Observable<boolean> {
    const none = !this._store.session() && !this._flight && this._config.refreshTokenInCookie;
    return (none ? this.refresh() : this.validAccessToken()).pipe(
      map((token) => token !== null && !hasExpired(this._store.session()?.expiresAt ?? null)),
      catchError(() => of(false)),
    );
  }

  /** Starts a session (login), abandoning a refresh in flight in favour of these tokens. */
  start(tokens: TokenPair): void {
    this._keep(tokens, null);
    this._settle((flight) => flight.result.next(tokens.accessToken));
  }

  /** Ends the session (logout) and returns the tokens it forgot. */
  end(): TokenPair | null {
    const session = this._store.session();
    this._forget('anonymous', 'logout');
    if (session) this._events.next({ type: 'session-ended', reason: 'logout' });
    this._settle((flight) => flight.result.error(new SessionExpiredError('logout')));
    return session && { accessToken: session.accessToken, refreshToken: session.refreshToken };
  }

  /** Reports what happened, for `TokenService.events`. */
  report(event: TokenRefreshEvent): void {
    this._events.next(event);
  }

  private _startRefresh(): RefreshFlight {
    const flight: RefreshFlight = { result: new AsyncSubject<string>(), subscription: null };
    if (!this._canRefresh(this._store.session())) {
      flight.result.error(this._end(new SessionExpiredError('no-refresh-token')));
      return flight;
    }
    this._flight = flight;
    this._isRefreshing.set(true);
    const call = () => {
      const refreshToken = this._store.session()?.refreshToken ?? null;
      return callRefresh(this._config, this._injector, refreshToken);
    };
    const subscription = this._tabs.locked(call, 2 * this._config.refreshTimeoutMs).subscribe({
      next: (tokens) => {
        if (this._flight !== flight) return;
        const expiresAt = this._keep(tokens, this._store.session()?.refreshToken ?? null);
        this._events.next({ type: 'refreshed', expiresAt });
        this._settle(() => flight.result.next(tokens.accessToken));
      },
      error: (error: unknown) => {
        if (this._flight !== flight) return;
        if (isDefinitiveRefreshFailure(error)) {
          this._end(new SessionExpiredError('refresh-rejected', { cause: error }));
          return;
        }
        const status = error instanceof HttpErrorResponse ? error.status : null;
        this._events.next({ type: 'refresh-failed', status });
        this._settle(() => flight.result.error(error));
      },
    });
    // A synchronous refresh has already settled; otherwise keep the handle to cancel on logout.
    if (this._flight === flight) flight.subscription = subscription;
    return flight;
  }

  /** Stores and announces new tokens; `previousRefreshToken` stays when none was rotated. */
  private _keep(tokens: TokenPair, previousRefreshToken: string | null): number | null {
    const times = readTokenTimes(tokens.accessToken, tokens.expiresIn);
    const refreshToken = tokens.refreshToken ?? previousRefreshToken;
    const stored = { accessToken: tokens.accessToken, refreshToken, expiresAt: times.expiresAt };
    this._store.adopt(stored, times);
    this._tabs.announce({ type: 'tokens', tokens: stored });
    return times.expiresAt;
  }

  private _end(error: SessionExpiredError): SessionExpiredError {
    const hadSession = this._store.session() !== null || this._config.refreshTokenInCookie;
    this._forget(hadSession ? 'expired' : this._store.status(), 'expired');
    if (hadSession) this._events.next({ type: 'session-ended', reason: error.reason });
    this._settle((flight) => flight.result.error(error));
    return error;
  }

  private _forget(status: SessionStatus, news: 'logout' | 'expired'): void {
    this._store.forget(status);
    this._tabs.announce({ type: news });
  }

  /** Applies what another tab announced. */
  private _apply(news: TabNews): void {
    if (news.type === 'tokens') {
      this._store.adopt(news.tokens);
      this._settle((flight) => flight.result.next(news.tokens.accessToken));
      return;
    }
    const ended = this._store.session() !== null || this._flight !== null;
    this._store.forget(ended ? 'expired' : this._store.status());
    const reason = news.type === 'logout' ? 'logout' : 'refresh-rejected';
    if (ended) this._events.next({ type: 'session-ended', reason });
    this._settle((flight) => flight.result.error(new SessionExpiredError(reason)));
  }

  /** Ends the flight in flight, if any: `settle` completes or fails its waiters. */
  private _settle(settle: (flight: RefreshFlight) => void): void {
    const flight = this._flight;
    if (!flight) return;
    this._flight = null;
    this._isRefreshing.set(false);
    flight.subscription?.unsubscribe();
    settle(flight);
    flight.result.complete();
  }

  /** The rule for "may this session refresh": it has a refresh token, or a cookie holds it. */
  private _canRefresh(session: Session | null): boolean {
    return (session?.refreshToken ?? null) !== null || this._config.refreshTokenInCookie;
  }

  private _isExpiring(session: Session): boolean {
    return session.refreshAt !== null && session.refreshAt <= Date.now();
  }
}

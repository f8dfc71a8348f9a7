import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, EnvironmentInjector, Injectable, Signal, inject, signal } from '@angular/core';
import { Observable, catchError, from, map, of, switchMap, throwError } from 'rxjs';
import { callRefresh } from './call-refresh';
import { DPOP_TRANSPORT } from './dpop-transport';
import { isDefinitiveRefreshFailure } from './refresh-failure';
import { RefreshFlight } from './refresh-flight';
import { Session, canRefresh, isExpiring, tokenAfterFailedRefresh, usableToken } from './session';
import { SessionExpiredError } from './session-expired-error';
import { SessionStore } from './session-store';
import { TAB_SYNC, TabNews } from './tab-sync';
import { TOKEN_REFRESH_CONFIG } from './token-refresh-config';
import { TokenRefreshEvent } from './token-refresh-event';
import { hasExpired } from './token-expiry';
import { TokenPair } from './token-pair';

/**
 * Owns the refresh (one flight at a time, across tabs through `TAB_SYNC`), the token each request
 * goes out with, and both retry decisions. Internal: the interceptor and the guard ask it.
 */
@Injectable()
export class Refresher {
  /** The options; the interceptor reads them here, so a request costs one `inject`. */
  readonly config = inject(TOKEN_REFRESH_CONFIG);
  private readonly _injector = inject(EnvironmentInjector);
  private readonly _store = inject(SessionStore);
  private readonly _tabs = inject(TAB_SYNC);
  /** The DPoP transport when `withDpop()` is on; the interceptor sends through it. */
  readonly dpop = inject(DPOP_TRANSPORT, { optional: true });
  private readonly _isRefreshing = signal(false);
  private _flight: RefreshFlight | null = null;
  private _cookie = this.config.refreshTokenInCookie; // off from a logout to the next login
  readonly isRefreshing: Signal<boolean> = this._isRefreshing.asReadonly();
  /** Reports what happened, for `TokenService.events`. */
  readonly report = (event: TokenRefreshEvent): void => this._store.events.next(event);

  constructor() {
    this._tabs.listen((news) => this._apply(news));
    inject(DestroyRef).onDestroy(() => this._flight?.cancel()); // the app is gone
  }

  /**
   * The token to send now (`null`: no session), or `undefined` when the request must wait for
   * `validAccessToken()` (a refresh in flight, an expiring token, a tab still joining), unless it
   * `cannotWait` (keepalive: it would be lost with the page) and the token is `usableToken`.
   */
  tokenNow(cannotWait = false): string | null | undefined {
    const session = this._store.session();
    if (!session) return this._flight || this._tabs.joining() ? undefined : null;
    const waits = this._flight || (isExpiring(session) && canRefresh(session, this._cookie));
    return !waits ? session.accessToken : cannotWait ? usableToken(session) : undefined;
  }

  /** See `TokenService.validAccessToken()`; `orCookie`: with no session, try the cookie refresh. */
  validAccessToken(orCookie = false): Observable<string | null> {
    const now = this.tokenNow();
    if (now !== undefined && !(now === null && orCookie && this._cookie)) return of(now);
    const joining = !this._flight && !this._store.session() && this._tabs.joining();
    if (joining) return from(joining).pipe(switchMap(() => this.validAccessToken(orCookie)));
    return this.refresh().pipe(
      catchError((error: unknown) => of(tokenAfterFailedRefresh(this._store.session(), error))),
    );
  }

  refresh(): Observable<string> {
    return (this._flight ?? this._startRefresh()).result;
  }

  /**
   * After the server rejected `rejected` (`null`: the request went without a token): the token
   * to retry with once, or `null` when there is nothing to retry with. A stale 401 (another
   * refresh already replaced the token) retries with the current token without refreshing.
   */
  retryToken(rejected: string | null): Observable<string> | null {
    if (rejected === null && !this._cookie) return null;
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
   * the token expired by our own clock on the way (then only this request fails). A 403 refuses
   * the request, not the token (RFC 9110 §15.5.4), so it never ends the session.
   */
  retryRejected(fresh: string, error: HttpErrorResponse): unknown {
    const session = error.status !== 403 && this._store.session();
    const over = session && session.accessToken === fresh && !hasExpired(session.expiresAt);
    return over ? this._end(new SessionExpiredError('retry-rejected', { cause: error })) : error;
  }

  /** Whether there is a session to let a navigation through, refreshing first when needed. */
  hasSession(): Observable<boolean> {
    return this.validAccessToken(true).pipe(
      map((token) => token !== null && !hasExpired(this._store.session()?.expiresAt ?? null)),
      catchError(() => of(false)),
    );
  }

  /** Starts a session (login); a refresh in flight is abandoned, its waiters get these tokens. */
  start(tokens: TokenPair): void {
    this._keep(tokens, null);
    this._settle({ token: tokens.accessToken });
  }

  /** Ends the session (logout) and returns the tokens it forgot. */
  end(): TokenPair | null {
    this._cookie = false; // a logout is not undone by the cookie, which only the server clears
    const session = this._store.forget('anonymous');
    this.dpop?.discardKey();
    this._tabs.announce({ type: 'logout' });
    if (session) this.report({ type: 'session-ended', reason: 'logout' });
    this._settle({ error: new SessionExpiredError('logout') });
    return session && { accessToken: session.accessToken, refreshToken: session.refreshToken };
  }

  private _startRefresh(): RefreshFlight {
    const flight = new RefreshFlight();
    if (!canRefresh(this._store.session(), this._cookie)) {
      flight.end({ error: this._end(new SessionExpiredError('no-refresh-token')) });
      return flight;
    }
    this._flight = flight;
    this._isRefreshing.set(true);
    const call = () =>
      callRefresh(this.config, this._injector, this._store.session()?.refreshToken ?? null);
    const subscription = this._tabs.locked(call, 2 * this.config.refreshTimeoutMs).subscribe({
      next: (tokens) => {
        if (this._flight !== flight) return;
        const expiresAt = this._keep(tokens, this._store.session(), flight.startedAt);
        this.report({ type: 'refreshed', expiresAt });
        this._settle({ token: tokens.accessToken });
      },
      error: (error: unknown) => {
        if (this._flight !== flight) return;
        if (isDefinitiveRefreshFailure(error)) {
          this._end(new SessionExpiredError('refresh-rejected', { cause: error }));
          return;
        }
        const status = error instanceof HttpErrorResponse ? error.status : null;
        this.report({ type: 'refresh-failed', status });
        this._settle({ error });
      },
    });
    if (this._flight === flight) flight.subscription = subscription; // unless it settled at once
    return flight;
  }

  /** Keeps tokens (`sentAt`: a refresh's, else a sign-in's), tells other tabs; returns expiry. */
  private _keep(tokens: TokenPair, previous: Session | null, sentAt?: number): number | null {
    this._cookie = this.config.refreshTokenInCookie;
    const stored = this._store.keep(tokens, previous, sentAt);
    this._tabs.announce({ type: 'tokens', tokens: stored, signIn: sentAt === undefined });
    return stored.expiresAt;
  }

  private _end(error: SessionExpiredError): SessionExpiredError {
    const hadSession = this._store.session() !== null || this._cookie;
    this._store.forget(hadSession ? 'expired' : this._store.status());
    this._tabs.announce({ type: 'expired' });
    if (hadSession) this.report({ type: 'session-ended', reason: error.reason });
    this._settle({ error });
    return error;
  }

  /** Applies what another tab announced. */
  private _apply(news: TabNews): void {
    this.dpop?.forgetKey(); // the other tab may have replaced it (logout, then login)
    if (news.type === 'logout') this._cookie = false;
    if (news.type === 'tokens') {
      this._cookie = this.config.refreshTokenInCookie;
      this._store.adopt(news.tokens);
      this._settle({ token: news.tokens.accessToken });
      return;
    }
    const ended = this._store.session() !== null || this._flight !== null;
    this._store.forget(ended ? 'expired' : this._store.status());
    const reason = news.type === 'logout' ? 'logout' : 'refresh-rejected';
    if (ended) this.report({ type: 'session-ended', reason });
    this._settle({ error: new SessionExpiredError(reason) });
  }

  /** Ends the flight in flight, if any, with `outcome` for its waiters. */
  private _settle(outcome: Parameters<RefreshFlight['end']>[0]): void {
    const flight = this._flight;
    this._flight = null;
    this._isRefreshing.set(false);
    flight?.end(outcome);
  }
}

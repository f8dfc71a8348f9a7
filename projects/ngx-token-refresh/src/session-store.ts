import { Injectable, Signal, inject, signal } from '@angular/core';
import { Subject } from 'rxjs';
import { Session, toSession } from './session';
import { TokenRefreshEvent } from './token-refresh-event';
import { StoredTokens } from './stored-tokens';
import { TOKEN_REFRESH_CONFIG } from './token-refresh-config';
import { TokenTimes, readTokenTimes } from './token-expiry';
import { TokenPair } from './token-pair';
import { TOKEN_STORAGE } from './token-storage';

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

/**
 * The session in memory and in its storage: read from storage once, at start, and written only
 * when it changes. Internal; apps see it through `TokenService`.
 */
@Injectable()
export class SessionStore {
  private readonly _leewayMs = inject(TOKEN_REFRESH_CONFIG).leewayMs;
  private readonly _storage = inject(TOKEN_STORAGE);
  private readonly _session = signal<Session | null>(this._rehydrate());
  private readonly _status = signal<SessionStatus>(this._session() ? 'authenticated' : 'anonymous');

  /** The session, or `null` without one. */
  readonly session: Signal<Session | null> = this._session.asReadonly();
  readonly status: Signal<SessionStatus> = this._status.asReadonly();
  /** What happens to the session, as `TokenService.events` reports it. */
  readonly events = new Subject<TokenRefreshEvent>();

  /**
   * Makes new tokens (a login or a refresh) the session and returns them as stored; the
   * `previous` session's refresh token and token type stay when `tokens` brings none (no
   * rotation). `sentAt`: the tokens answer a refresh sent then, so a new access token's expiry
   * is read on this page's clock (`readTokenTimes`).
   */
  keep(tokens: TokenPair, previous: StoredTokens | null, sentAt?: number): StoredTokens {
    const issued = tokens.accessToken === previous?.accessToken ? undefined : sentAt;
    const times = readTokenTimes(tokens.accessToken, tokens.expiresIn, Date.now(), issued);
    const refreshToken = tokens.refreshToken || previous?.refreshToken || null; // '' is none
    const tokenType = tokens.tokenType || previous?.tokenType;
    const stored: StoredTokens = {
      accessToken: tokens.accessToken,
      refreshToken,
      expiresAt: times.expiresAt,
      ...(tokenType ? { tokenType } : {}),
    };
    this.adopt(stored, times);
    return stored;
  }

  /** Makes `stored` the session (decoding its token unless `times` are known) and stores it. */
  adopt(stored: StoredTokens, times?: TokenTimes): void {
    this._session.set(toSession(stored, this._leewayMs, times));
    this._status.set('authenticated');
    this._storage.write(stored);
  }

  /** Forgets the session, in memory and storage, leaving `status`; returns what it forgot. */
  forget(status: SessionStatus): Session | null {
    const forgotten = this._session();
    this._session.set(null);
    this._status.set(status);
    this._storage.remove();
    return forgotten;
  }

  /** Marks the access token `token` as rejected by the server, if it is still the current one. */
  reject(token: string | null): void {
    const session = this._session();
    if (session && session.accessToken === token && !session.rejected) {
      this._session.set({ ...session, rejected: true });
    }
  }

  private _rehydrate(): Session | null {
    const stored = this._storage.read();
    return stored ? toSession(stored, this._leewayMs) : null;
  }
}

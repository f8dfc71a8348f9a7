import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, ReplaySubject, of, throwError } from 'rxjs';
import { TokenPair, TokenService } from 'ngx-token-refresh';
import { createTestJwt } from './create-test-jwt';

/** How a refresh ends: new tokens, or an error (`'rejected'` ends the session). */
type RefreshOutcome = Partial<TokenPair> | 'rejected' | 'network-error' | Error;

/**
 * A refresh the spec holds open, to assert what happens while it is in flight.
 *
 * @usageNotes
 * ```ts
 * import { HeldRefresh, TokenRefreshTestingController } from 'ngx-token-refresh/testing';
 *
 * const held: HeldRefresh = TestBed.inject(TokenRefreshTestingController).holdNextRefresh();
 * // ... assert the waiting state, then:
 * held.succeed({ accessToken: 'next' });
 * ```
 */
export interface HeldRefresh {
  /** Answers the held refresh with new tokens (a fresh test JWT by default). */
  succeed(tokens?: Partial<TokenPair>): void;
  /**
   * Fails the held refresh: `'rejected'` (the default) ends the session, `'network-error'` or an
   * error of your own is transient.
   */
  fail(error?: 'rejected' | 'network-error' | Error): void;
}

/**
 * Drives `ngx-token-refresh` in an app's TestBed specs: signs in with test tokens, decides how
 * each refresh ends, and counts refreshes. Provided by `provideTokenRefreshTesting()`; refreshes
 * never reach the network. Without instructions, every refresh succeeds with a fresh test JWT
 * and a rotated refresh token.
 *
 * @usageNotes
 * ```ts
 * import { TokenRefreshTestingController } from 'ngx-token-refresh/testing';
 *
 * const auth = TestBed.inject(TokenRefreshTestingController);
 * auth.signIn({ expiresIn: -1 });
 * auth.failNextRefresh('rejected');
 * expect(auth.refreshCount).toBe(1);
 * ```
 */
@Injectable()
export class TokenRefreshTestingController {
  private readonly _tokens = inject(TokenService);
  private readonly _planned: (RefreshOutcome | ReplaySubject<TokenPair>)[] = [];
  private readonly _refreshTokensSent: (string | null)[] = [];

  /** How many refreshes the library started. */
  get refreshCount(): number {
    return this._refreshTokensSent.length;
  }

  /** The refresh token each refresh was sent with, in order (a copy: later ones leave it be). */
  get refreshTokensSent(): readonly (string | null)[] {
    return [...this._refreshTokensSent];
  }

  /**
   * Starts a session with a test JWT expiring in `expiresIn` seconds (default 3600) and the
   * refresh token `'test-refresh-1'`, or with the tokens given.
   */
  signIn(options: { expiresIn?: number } & Partial<TokenPair> = {}): void {
    const { expiresIn, ...tokens } = options;
    this._tokens.setTokens({
      accessToken: createTestJwt({ expiresIn }),
      refreshToken: 'test-refresh-1',
      ...tokens,
    });
  }

  /** Makes the next refresh succeed with these tokens (a fresh test JWT by default). */
  succeedNextRefresh(tokens: Partial<TokenPair> = {}): void {
    this._planned.push(tokens);
  }

  /**
   * Makes the next refresh fail: `'rejected'` (the default; 400 invalid_grant: the session
   * ends), `'network-error'` (status 0: transient), or the given error.
   */
  failNextRefresh(error: 'rejected' | 'network-error' | Error = 'rejected'): void {
    this._planned.push(error);
  }

  /**
   * Holds the next refresh open until the spec answers it. An answer given before that refresh
   * starts waits for it.
   */
  holdNextRefresh(): HeldRefresh {
    const held = new ReplaySubject<TokenPair>(1);
    this._planned.push(held);
    return {
      succeed: (tokens = {}) => {
        held.next(this._tokensFor(tokens));
        held.complete();
      },
      fail: (error = 'rejected') => held.error(toError(error)),
    };
  }

  /** @internal The `refresh` option behind `provideTokenRefreshTesting`. */
  handleRefresh(refreshToken: string | null): Observable<TokenPair> {
    this._refreshTokensSent.push(refreshToken);
    const planned = this._planned.shift() ?? {};
    if (planned instanceof ReplaySubject) return planned;
    if (planned === 'rejected' || planned === 'network-error' || planned instanceof Error) {
      return throwError(() => toError(planned));
    }
    return of(this._tokensFor(planned));
  }

  private _tokensFor(tokens: Partial<TokenPair>): TokenPair {
    return {
      accessToken: createTestJwt(),
      refreshToken: `test-refresh-${this.refreshCount + 1}`,
      ...tokens,
    };
  }
}

function toError(error: 'rejected' | 'network-error' | Error): unknown {
  if (error === 'rejected') {
    return new HttpErrorResponse({ status: 400, error: { error: 'invalid_grant' } });
  }
  if (error === 'network-error')
    return new HttpErrorResponse({ status: 0, statusText: 'Unknown Error' });
  return error;
}

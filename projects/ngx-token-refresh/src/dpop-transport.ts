import { HttpEvent, HttpHandlerFn, HttpRequest } from '@angular/common/http';
import { InjectionToken } from '@angular/core';
import { Observable } from 'rxjs';

/**
 * How requests go out when `withDpop()` is on: signed with a DPoP proof, repeated once when the
 * server asks for a nonce. Without the feature nothing provides it, and its code stays out of
 * the bundle. Internal.
 */
export interface DpopTransport {
  /**
   * Sends `req` with a proof (and `token`, if any, under the scheme its server issued); a nonce
   * challenge gets one repeat with the server's nonce.
   */
  send(
    req: HttpRequest<unknown>,
    token: string | null,
    next: HttpHandlerFn,
  ): Observable<HttpEvent<unknown>>;
  /**
   * Whether `error` refuses the request's proof, not its token (a nonce challenge, or a 401
   * `invalid_dpop_proof`): a new token cannot cure it, so no refresh and no logout.
   */
  isProofRefusal(error: unknown): boolean;
  /** Logout: the key that signed for the old tokens must never sign again. */
  discardKey(): void;
  /** Another tab changed the session: it may have replaced the key, so read it again. */
  forgetKey(): void;
}

export const DPOP_TRANSPORT = new InjectionToken<DpopTransport>(
  typeof ngDevMode !== 'undefined' && ngDevMode ? 'DPOP_TRANSPORT' : '',
);

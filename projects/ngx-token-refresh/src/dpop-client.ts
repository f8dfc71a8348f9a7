import {
  HttpErrorResponse,
  HttpEvent,
  HttpHandlerFn,
  HttpHeaders,
  HttpRequest,
} from '@angular/common/http';
import { DOCUMENT, Injectable, inject } from '@angular/core';
import { Observable, catchError, defer, from, switchMap, tap } from 'rxjs';
import { DpopKeyStore } from './dpop-key-store';
import { createDpopProof } from './dpop-proof';
import { DpopTransport } from './dpop-transport';
import { oauthErrorCode } from './refresh-failure';
import { SessionStore } from './session-store';
import { TOKEN_REFRESH_CONFIG } from './token-refresh-config';

/** Where the document cannot tell the page's URL (no DOM): relative URLs resolve here. */
const FALLBACK_BASE = 'http://localhost/';

/**
 * The `withDpop()` transport (RFC 9449): every request it sends carries a fresh proof signed
 * with the key of `storageKey` (`DpopKeyStore`), with `ath` when it carries a token, which goes
 * as `DPoP <token>` when the server issued a `DPoP` token type. It keeps the newest `DPoP-Nonce`
 * of each origin and answers a nonce challenge (400 `use_dpop_nonce` from a token endpoint, 401
 * `WWW-Authenticate: DPoP error="use_dpop_nonce"` from a resource) with one repeat. A refused
 * proof (`invalid_dpop_proof`) reaches the caller as it is. Internal.
 */
@Injectable()
export class DpopClient implements DpopTransport {
  private readonly _config = inject(TOKEN_REFRESH_CONFIG);
  private readonly _store = inject(SessionStore);
  private readonly _document = inject(DOCUMENT, { optional: true });
  private readonly _keys = new DpopKeyStore(this._config.storageKey);
  /** The newest nonce each origin sent. */
  private readonly _nonces = new Map<string, string>();

  send(
    req: HttpRequest<unknown>,
    token: string | null,
    next: HttpHandlerFn,
  ): Observable<HttpEvent<unknown>> {
    // Once only: a server that keeps asking gets its error passed on, never a loop.
    return this._signed(req, token, next).pipe(
      catchError((error: unknown) => {
        if (dpopErrorCode(error) !== 'use_dpop_nonce') throw error;
        return this._signed(req, token, next);
      }),
    );
  }

  isProofRefusal(error: unknown): boolean {
    const code = dpopErrorCode(error);
    return code === 'use_dpop_nonce' || code === 'invalid_dpop_proof';
  }

  discardKey(): void {
    this._keys.discard();
  }

  forgetKey(): void {
    this._keys.forget();
  }

  private _signed(
    req: HttpRequest<unknown>,
    token: string | null,
    next: HttpHandlerFn,
  ): Observable<HttpEvent<unknown>> {
    const url = new URL(req.url, this._base());
    const origin = url.origin;
    const noteNonce = (headers: HttpHeaders | undefined) => {
      const nonce = headers?.get('DPoP-Nonce');
      if (nonce) this._nonces.set(origin, nonce);
    };
    return defer(() => from(this._proof(req.method, url, token))).pipe(
      switchMap((proof) => next(req.clone({ setHeaders: this._headers(proof, token) }))),
      tap({
        next: (event) => noteNonce((event as { headers?: HttpHeaders }).headers),
        error: (error: unknown) => {
          if (error instanceof HttpErrorResponse) noteNonce(error.headers);
        },
      }),
    );
  }

  private async _proof(method: string, url: URL, token: string | null): Promise<string> {
    const key = await this._keys.load();
    const nonce = this._nonces.get(url.origin);
    return createDpopProof(key, {
      method,
      url: url.href,
      base: url.href,
      ...(token !== null ? { accessToken: token } : {}),
      ...(nonce !== undefined ? { nonce } : {}),
    });
  }

  private _headers(proof: string, token: string | null): Record<string, string> {
    if (token === null) return { DPoP: proof };
    const type = this._store.session()?.tokenType;
    const scheme = type?.toLowerCase() === 'dpop' ? 'DPoP ' : this._config.authScheme;
    return { DPoP: proof, [this._config.headerName]: scheme + token };
  }

  /** The URL relative request URLs resolve against, read per request (navigation moves it). */
  private _base(): string {
    // A server DOM may not implement `baseURI` and throw: relative URLs resolve to the fallback.
    try {
      return this._document?.baseURI || FALLBACK_BASE;
    } catch {
      return FALLBACK_BASE;
    }
  }
}

/**
 * The DPoP error code of `error`: a token endpoint's 400 `{"error": code}`, or a resource's 401
 * `WWW-Authenticate: DPoP error="<code>"` (RFC 9449, sections 7.1 and 8).
 */
function dpopErrorCode(error: unknown): unknown {
  if (!(error instanceof HttpErrorResponse)) return undefined;
  if (error.status === 400) return oauthErrorCode(error.error);
  const challenge = error.status === 401 ? error.headers.get('WWW-Authenticate') : null;
  return challenge ? /\berror="?([\w-]+)/.exec(challenge)?.[1] : undefined;
}

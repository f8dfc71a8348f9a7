import { DOCUMENT } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ParamMap } from '@angular/router';
import { TokenService, dpopProof } from 'ngx-token-refresh';
import { Observable, defer, map } from 'rxjs';
import { authorizationUrl, codeExchangeForm } from './authorization-request';
import { OIDC_SETTINGS, OidcSettings } from './oidc-settings';
import { pkceChallenge, randomUrlSafe } from './pkce';
import { tokenPairFrom } from './token-response';

/** The sign-in in flight between leaving for the provider and coming back to /callback. */
interface PendingSignIn {
  readonly state: string;
  readonly codeVerifier: string;
  readonly returnUrl: string | null;
}

/** Kept in sessionStorage: this tab's own sign-in, gone when the tab closes. */
const PENDING_KEY = 'ngx-token-refresh-demo.oidc-sign-in';

/**
 * Sign-in at the OpenID provider (the demo's provider mode): the authorization code flow with
 * PKCE as a public client. The code exchange runs in this page with `dpopProof()`, so the
 * library signs it with the page's DPoP key and the provider binds the tokens to that key.
 */
@Injectable({ providedIn: 'root' })
export class OidcLogin {
  private readonly _settings = inject(OIDC_SETTINGS);
  private readonly _http = inject(HttpClient);
  private readonly _tokens = inject(TokenService);
  private readonly _document = inject(DOCUMENT);

  /** Leaves for the provider's authorization endpoint; `returnUrl` is where to land after. */
  async start(returnUrl: string | null): Promise<void> {
    const settings = this._requireSettings();
    const pending: PendingSignIn = {
      state: randomUrlSafe(16),
      codeVerifier: randomUrlSafe(32),
      returnUrl,
    };
    sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    const url = authorizationUrl(settings, {
      redirectUri: this._redirectUri(),
      state: pending.state,
      codeChallenge: await pkceChallenge(pending.codeVerifier),
    });
    this._document.location.assign(url);
  }

  /**
   * Completes the sign-in with the provider's answer (the /callback query): checks `state`,
   * exchanges the code and hands the tokens to the library. Emits the `returnUrl` of `start`.
   */
  complete(query: ParamMap): Observable<string | null> {
    return defer(() => {
      const settings = this._requireSettings();
      const pending = takePending();
      const error = query.get('error');
      if (error)
        throw new Error(`The provider refused: ${query.get('error_description') ?? error}.`);
      if (!pending || query.get('state') !== pending.state) {
        throw new Error('This sign-in was not started in this tab (state mismatch).');
      }
      const code = query.get('code');
      if (!code) throw new Error('The provider sent no authorization code.');
      const form = codeExchangeForm(settings, {
        code,
        redirectUri: this._redirectUri(),
        codeVerifier: pending.codeVerifier,
      });
      return this._http
        .post(settings.tokenEndpoint, form, {
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          context: dpopProof(),
        })
        .pipe(
          map((body) => {
            this._tokens.setTokens(tokenPairFrom(body));
            return pending.returnUrl;
          }),
        );
    });
  }

  private _redirectUri(): string {
    return `${this._document.location.origin}/callback`;
  }

  private _requireSettings(): OidcSettings {
    if (!this._settings) throw new Error('The OpenID provider mode is off.');
    return this._settings;
  }
}

/** Reads and forgets the pending sign-in: a code is exchanged at most once. */
function takePending(): PendingSignIn | null {
  const text = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  try {
    const value = JSON.parse(text ?? 'null') as Partial<PendingSignIn> | null;
    return typeof value?.state === 'string' && typeof value.codeVerifier === 'string'
      ? { state: value.state, codeVerifier: value.codeVerifier, returnUrl: value.returnUrl ?? null }
      : null;
  } catch {
    // Not JSON: no usable pending sign-in.
    return null;
  }
}

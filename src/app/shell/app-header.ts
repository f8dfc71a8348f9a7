import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink, RouterLinkActive } from '@angular/router';
import { TokenService } from 'ngx-token-refresh';
import { of } from 'rxjs';
import { AuthApi } from '../core/auth-api';
import { decodeJwtClaims } from '../core/jwt-claims';
import { OIDC_SETTINGS } from '../core/oidc-settings';

/** Product name, navigation, the signed-in user and the logout button. */
@Component({
  selector: 'app-header',
  imports: [RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app-header.html',
  styleUrl: './app-header.css',
})
export class AppHeader {
  private readonly _tokens = inject(TokenService);
  private readonly _authApi = inject(AuthApi);
  private readonly _router = inject(Router);

  /** The `sub` of a JWT access token; an opaque one (provider mode) shows as "you". */
  protected readonly user = computed(() => {
    const token = this._tokens.accessToken();
    return token === null ? null : (decodeJwtClaims(token)?.sub ?? 'you');
  });
  protected readonly signingOut = signal(false);
  /** Whether the demo signs in at an OpenID provider, whose tokens the demo server refuses. */
  protected readonly providerMode = inject(OIDC_SETTINGS) !== null;

  protected logout(): void {
    this.signingOut.set(true);
    // clear() ends the session in the app at once and hands back the refresh token to revoke.
    const ended = this._tokens.clear();
    // The provider's tokens are not the demo server's to revoke: provider mode only forgets them.
    const revoked = this.providerMode ? of(undefined) : this._authApi.logout(ended?.refreshToken);
    revoked.subscribe(() => {
      this.signingOut.set(false);
      void this._router.navigateByUrl('/login');
    });
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink, RouterLinkActive } from '@angular/router';
import { TokenService } from 'ngx-token-refresh';
import { AuthApi } from '../core/auth-api';
import { decodeJwtClaims } from '../core/jwt-claims';

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

  protected readonly user = computed(
    () => decodeJwtClaims(this._tokens.accessToken())?.sub ?? null,
  );
  protected readonly signingOut = signal(false);

  protected logout(): void {
    this.signingOut.set(true);
    // clear() ends the session in the app at once and hands back the refresh token to revoke.
    const ended = this._tokens.clear();
    this._authApi.logout(ended?.refreshToken).subscribe(() => {
      this.signingOut.set(false);
      void this._router.navigateByUrl('/login');
    });
  }
}

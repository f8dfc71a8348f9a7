import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { TokenService } from 'ngx-token-refresh';
import { AuthApi } from '../core/auth-api';
import { DPOP_ENABLED, writeDpopPreference } from '../core/dpop-preference';
import { OIDC_SETTINGS } from '../core/oidc-settings';
import { OidcLogin } from '../core/oidc-login';
import { readStoragePreference, writeStoragePreference } from '../core/storage-preference';
import { tokenPairFrom } from '../core/token-response';
import { safeReturnUrl } from './safe-return-url';

/**
 * Sign-in form; also where the token storage and DPoP of the demo are chosen. In the provider
 * mode it offers sign-in at the OpenID provider instead.
 */
@Component({
  selector: 'app-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
  styleUrl: './login-page.css',
})
export class LoginPage {
  private readonly _authApi = inject(AuthApi);
  private readonly _tokens = inject(TokenService);
  private readonly _router = inject(Router);
  private readonly _route = inject(ActivatedRoute);
  private readonly _oidcLogin = inject(OidcLogin);

  protected readonly username = signal('demo');
  protected readonly password = signal('demo');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly sessionEnded = computed(() => this._tokens.status() === 'expired');
  protected readonly keepSignedIn = readStoragePreference() === 'session';
  protected readonly dpop = inject(DPOP_ENABLED);
  protected readonly oidc = inject(OIDC_SETTINGS);

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this._authApi.login(this.username().trim(), this.password()).subscribe({
      next: (response) => {
        this._tokens.setTokens(tokenPairFrom(response));
        const returnUrl = this._route.snapshot.queryParamMap.get('returnUrl');
        void this._router.navigateByUrl(safeReturnUrl(returnUrl));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(describeLoginError(error));
      },
    });
  }

  /** Leaves for the OpenID provider's sign-in page (provider mode). */
  protected signInAtProvider(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this._oidcLogin.start(this._route.snapshot.queryParamMap.get('returnUrl')).catch(() => {
      this.busy.set(false);
      this.error.set('The sign-in at the provider could not start.');
    });
  }

  /** Switching DPoP ends the session (its tokens are bound, or not) and reloads to apply it. */
  protected changeDpop(event: Event): void {
    const on = (event.target as HTMLInputElement).checked;
    this._tokens.clear();
    writeDpopPreference(on);
    location.reload();
  }

  /** Switching storage ends any session in the old storage and reloads to apply the new one. */
  protected changeStorage(event: Event): void {
    const keep = (event.target as HTMLInputElement).checked;
    this._tokens.clear();
    writeStoragePreference(keep ? 'session' : 'memory');
    location.reload();
  }
}

function describeLoginError(error: unknown): string {
  if (error instanceof HttpErrorResponse && error.status === 401) {
    return 'Wrong username or password.';
  }
  if (error instanceof HttpErrorResponse && error.status === 0) {
    return 'The server could not be reached. Check that it is running and try again.';
  }
  const status = error instanceof HttpErrorResponse ? ` (HTTP ${error.status})` : '';
  return `Sign-in failed${status}. Please try again.`;
}

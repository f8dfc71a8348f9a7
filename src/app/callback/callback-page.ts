import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { OidcLogin } from '../core/oidc-login';
import { safeReturnUrl } from '../login/safe-return-url';

/** The provider's redirect target: exchanges the authorization code, then goes on. */
@Component({
  selector: 'app-callback-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="login" data-testid="callback-page">
      <div class="card login__card">
        @if (error(); as message) {
          <p class="alert alert--error" role="alert" data-testid="callback-error">{{ message }}</p>
          <a routerLink="/login" class="btn btn--secondary">Back to sign-in</a>
        } @else {
          <p class="muted">Signing in…</p>
        }
      </div>
    </section>
  `,
  styleUrl: '../login/login-page.css',
})
export class CallbackPage {
  private readonly _router = inject(Router);

  protected readonly error = signal<string | null>(null);

  constructor() {
    const query = inject(ActivatedRoute).snapshot.queryParamMap;
    inject(OidcLogin)
      .complete(query)
      .subscribe({
        next: (returnUrl) => void this._router.navigateByUrl(safeReturnUrl(returnUrl)),
        error: (error: unknown) => this.error.set(describeCallbackError(error)),
      });
  }
}

function describeCallbackError(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as { error?: unknown; error_description?: unknown } | null;
    const reason = typeof body?.error_description === 'string' ? `: ${body.error_description}` : '';
    return `The code exchange failed (HTTP ${error.status}${reason}).`;
  }
  return error instanceof Error ? error.message : 'Sign-in failed.';
}

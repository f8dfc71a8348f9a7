import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { TokenService } from 'ngx-token-refresh';
import { filter, map } from 'rxjs';

/**
 * Shown on a page whose session another tab ended (signed out there, or its refresh was
 * rejected): this tab stays where it is, with a link to sign in again and come back. The login
 * page has its own notice.
 */
@Component({
  selector: 'app-session-ended-banner',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (visible()) {
      <div class="alert alert--warning banner" role="status" data-testid="session-ended-elsewhere">
        <span>
          <strong>Session ended</strong> — you signed out, or the session expired, in another tab.
        </span>
        <a
          class="btn btn--primary btn--small"
          routerLink="/login"
          [queryParams]="{ returnUrl: url() }"
          data-testid="sign-in-again"
        >
          Sign in again
        </a>
      </div>
    }
  `,
})
export class SessionEndedBanner {
  private readonly _tokens = inject(TokenService);
  private readonly _router = inject(Router);

  protected readonly url = toSignal(
    this._router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this._router.url },
  );
  protected readonly visible = computed(
    () => this._tokens.status() === 'expired' && !this.url().startsWith('/login'),
  );
}

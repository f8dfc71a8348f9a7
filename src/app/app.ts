import { ChangeDetectionStrategy, Component, effect, inject, untracked } from '@angular/core';
import { Router, RouterOutlet } from '@angular/router';
import { TokenService } from 'ngx-token-refresh';
import { AppHeader } from './shell/app-header';

/** The shell: header plus the routed page. */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, AppHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-header />
    <main class="page">
      <router-outlet />
    </main>
  `,
})
export class App {
  private readonly _tokens = inject(TokenService);
  private readonly _router = inject(Router);

  constructor() {
    // When the library ends the session (refresh rejected), go to the login page right away.
    // During a navigation the session guard already redirects, with the attempted URL.
    effect(() => {
      if (this._tokens.status() !== 'expired' || this._router.currentNavigation()) return;
      const returnUrl = untracked(() => this._router.url);
      if (returnUrl.startsWith('/login')) return;
      void this._router.navigate(['/login'], { queryParams: { returnUrl } });
    });
  }
}

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { AppHeader } from './shell/app-header';
import { SessionEndedBanner } from './shell/session-ended-banner';

/**
 * The shell: header plus the routed page. When an action in this tab finds the session ended,
 * `sessionEndInterceptor` (or the session guard) goes to the login page; when another tab ended
 * it, the page stays and the banner offers to sign in again.
 */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, AppHeader, SessionEndedBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-header />
    <main class="page">
      <app-session-ended-banner />
      <router-outlet />
    </main>
  `,
})
export class App {}

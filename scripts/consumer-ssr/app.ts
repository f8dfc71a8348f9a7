import { ApplicationRef, Component, PLATFORM_ID, inject } from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import { RouterLink, RouterOutlet } from '@angular/router';

@Component({
  selector: 'app-root',
  imports: [RouterLink, RouterOutlet],
  template: `
    <nav>
      <a routerLink="/data">data</a> | <a routerLink="/server-session">server-session</a> |
      <a routerLink="/prerendered">prerendered</a> | <a routerLink="/items">items</a>
    </nav>
    <router-outlet />
  `,
})
export class App {
  constructor() {
    // Lets the test know when the browser app is stable (hydrated, requests done).
    if (isPlatformBrowser(inject(PLATFORM_ID))) {
      inject(ApplicationRef)
        .whenStable()
        .then(() => ((window as { appStable?: boolean }).appStable = true));
    }
  }
}

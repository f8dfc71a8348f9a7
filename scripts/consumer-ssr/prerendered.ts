import { Component, inject } from '@angular/core';
import { TokenService } from 'ngx-token-refresh';
import { load, otherOriginUrl } from './two-requests';

/** Prerendered at build time: the other origin's answer is baked into the HTML. */
@Component({
  selector: 'app-prerendered',
  template: `
    <p id="other">other origin: {{ other() }}</p>
    <p id="session">session: {{ status() }}</p>
  `,
})
export class Prerendered {
  protected readonly other = load(otherOriginUrl());
  // Starts the TokenService (and its storage) at build time too.
  protected readonly status = inject(TokenService).status;
}

import { isPlatformServer } from '@angular/common';
import { Component, PLATFORM_ID, Signal, inject } from '@angular/core';
import { TokenService } from 'ngx-token-refresh';
import { load, otherOriginUrl, relativeUrl } from './two-requests';

/** A session that exists only while the server renders this page (e.g. from a cookie). */
@Component({
  selector: 'app-server-session',
  template: `
    <p id="other">other origin: {{ other() }}</p>
    <p id="relative">relative: {{ relative() }}</p>
  `,
})
export class ServerSession {
  protected readonly other: Signal<string>;
  protected readonly relative: Signal<string>;

  constructor() {
    if (isPlatformServer(inject(PLATFORM_ID))) {
      inject(TokenService).setTokens({ accessToken: 'server-render-token' });
    }
    this.other = load(otherOriginUrl());
    this.relative = load(relativeUrl);
  }
}

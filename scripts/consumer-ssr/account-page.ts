import { httpResource } from '@angular/common/http';
import { Component } from '@angular/core';
import { Account } from './account';

/** The same resource without `transferCache: false`: what the README's setting is for. */
@Component({
  selector: 'app-cached-account',
  template: `<p>cached account: {{ account.value()?.name }}</p>`,
})
export class CachedAccount {
  protected readonly account = httpResource<{ name: string }>(() => '/api/account');
}

/** Rendered on the server: the README's `Account` (pasted) beside `CachedAccount`. */
@Component({
  selector: 'app-account-page',
  imports: [Account, CachedAccount],
  template: `<app-account /><app-cached-account />`,
})
export class AccountPage {}

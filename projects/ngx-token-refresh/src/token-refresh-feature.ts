import { Provider } from '@angular/core';

/**
 * An optional feature of `provideTokenRefresh`, such as `withDpop()`: its code reaches the
 * bundle only when an app passes it.
 *
 * @usageNotes
 * ```ts
 * import { provideTokenRefresh, withDpop } from 'ngx-token-refresh';
 *
 * provideTokenRefresh({ refreshUrl: '/api/auth/refresh' }, withDpop());
 * ```
 */
export interface TokenRefreshFeature {
  /** What the feature is, for the dev-mode check of features passed twice. */
  readonly ɵkind: string;
  readonly ɵproviders: Provider[];
}

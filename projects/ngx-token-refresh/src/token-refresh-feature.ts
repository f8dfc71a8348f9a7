import { Provider } from '@angular/core';

/**
 * An optional feature of `provideTokenRefresh`, such as `withDpop()`: its code reaches the
 * bundle only when an app passes it.
 *
 * @usageNotes
 * ```ts
 * import { TokenRefreshFeature, provideTokenRefresh, withDpop } from 'ngx-token-refresh';
 *
 * provideTokenRefresh({ refreshUrl: '/api/auth/refresh' }, withDpop());
 *
 * // Features are values: an app can choose them at start-up.
 * const features: TokenRefreshFeature[] = environment.dpop ? [withDpop()] : [];
 * provideTokenRefresh({ refreshUrl: '/api/auth/refresh' }, ...features);
 * ```
 */
export interface TokenRefreshFeature {
  /** What the feature is, for the dev-mode check of features passed twice. */
  readonly ɵkind: string;
  readonly ɵproviders: Provider[];
}

import { EnvironmentProviders, inject, makeEnvironmentProviders } from '@angular/core';
import { TokenRefreshOptions, provideTokenRefresh, ɵprovideSingleTabSync } from 'ngx-token-refresh';
import { TokenRefreshTestingController } from './token-refresh-testing-controller';

/**
 * Sets up `ngx-token-refresh` for an app's TestBed specs: the real `TokenService` and guard
 * behaviour, in memory and in one tab, with refreshes answered by
 * `TokenRefreshTestingController` instead of the network. Pair it with
 * `provideHttpClient(withInterceptors([tokenRefreshInterceptor]))` and
 * `provideHttpClientTesting()` to assert the requests your code sends. It takes your app's
 * options as they are: their way to refresh (`refreshUrl`, `tokenEndpoint` or `refresh`) and
 * their `storage` give way to the controller and to memory.
 *
 * @usageNotes
 * ```ts
 * import { provideTokenRefreshTesting } from 'ngx-token-refresh/testing';
 *
 * TestBed.configureTestingModule({
 *   providers: [
 *     provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
 *     provideHttpClientTesting(),
 *     provideTokenRefreshTesting({ loginUrl: '/sign-in' }),
 *   ],
 * });
 * ```
 */
export function provideTokenRefreshTesting(
  options: Omit<TokenRefreshOptions, 'refresh' | 'refreshUrl' | 'tokenEndpoint' | 'storage'> = {},
): EnvironmentProviders {
  // An app's own options object may carry them (it type-checks here): they would clash.
  const { refresh, refreshUrl, tokenEndpoint, storage, ...kept } = options as TokenRefreshOptions;
  return makeEnvironmentProviders([
    provideTokenRefresh({
      ...kept,
      storage: 'memory',
      refresh: (refreshToken) => inject(TokenRefreshTestingController).handleRefresh(refreshToken),
    }),
    // One tab, whose refreshes settle synchronously: no Web Lock, no channel between specs.
    ɵprovideSingleTabSync(),
    TokenRefreshTestingController,
  ]);
}

import { EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';
import { TOKEN_REFRESH_CONFIG, resolveTokenRefreshConfig } from './token-refresh-config';
import { TokenRefreshFeature } from './token-refresh-feature';
import { TokenRefreshOptions } from './token-refresh-options';
import { TokenService } from './token-service';
import { createTokenStorage } from './fallback-token-storage';
import { Refresher } from './refresher';
import { SessionStore } from './session-store';
import { TAB_SYNC, createTabSync } from './tab-sync';
import { TOKEN_STORAGE } from './token-storage';
import { validateFeatures } from './validate-options';

/**
 * Sets up token refresh: validates the options (throwing `TokenRefreshConfigError` that names
 * the offending option) and provides `TokenService`, with the optional `features` (`withDpop()`).
 * Pair it with `provideHttpClient(withInterceptors([tokenRefreshInterceptor]))`.
 *
 * @usageNotes
 * ```ts
 * import { ApplicationConfig } from '@angular/core';
 * import { provideHttpClient, withInterceptors } from '@angular/common/http';
 * import { provideTokenRefresh, tokenRefreshInterceptor } from 'ngx-token-refresh';
 *
 * export const appConfig: ApplicationConfig = {
 *   providers: [
 *     provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
 *     provideTokenRefresh({ refreshUrl: '/api/auth/refresh', storage: 'session' }),
 *   ],
 * };
 * ```
 */
export function provideTokenRefresh(
  options: TokenRefreshOptions,
  ...features: TokenRefreshFeature[]
): EnvironmentProviders {
  if (typeof ngDevMode === 'undefined' || ngDevMode) validateFeatures(features);
  return makeEnvironmentProviders([
    features.map((feature) => feature.ɵproviders),
    { provide: TOKEN_REFRESH_CONFIG, useValue: resolveTokenRefreshConfig(options) },
    { provide: TOKEN_STORAGE, useFactory: createTokenStorage },
    { provide: TAB_SYNC, useFactory: createTabSync },
    SessionStore,
    Refresher,
    TokenService,
  ]);
}

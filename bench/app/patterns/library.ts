import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  TokenRefreshFeature,
  TokenRefreshOptions,
  provideTokenRefresh,
  tokenRefreshInterceptor,
} from 'ngx-token-refresh';
import { REFRESH_URL } from '../api-urls';

// Functions, never top-level calls: a bundle app keeps only the setup it calls (a `withDpop()`
// evaluated here would put DPoP into every bundle app that imports this file).

/** ngx-token-refresh as its README sets it up (defaults: memory storage, cross-tab on). */
export const libraryProviders = (
  options: Partial<TokenRefreshOptions> = {},
  ...features: TokenRefreshFeature[]
) => [
  provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
  provideTokenRefresh({ refreshUrl: REFRESH_URL, ...options }, ...features),
];

/** The README's quick start (the bundle measure): session storage, one API origin besides. */
export const quickStartLibraryProviders = (...features: TokenRefreshFeature[]) =>
  libraryProviders(
    { allowedOrigins: ['https://api.example.com'], storage: 'session' },
    ...features,
  );

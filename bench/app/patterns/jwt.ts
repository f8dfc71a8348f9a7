import { provideHttpClient, withInterceptorsFromDi } from '@angular/common/http';
import { importProvidersFrom } from '@angular/core';
import { JWT_OPTIONS, JwtConfig, JwtModule } from '@auth0/angular-jwt';
import { REFRESH_URL } from '../api-urls';
import { TokenStore } from '../shared';

/**
 * @auth0/angular-jwt's `JwtInterceptor` as its README sets it up for standalone apps
 * (`importProvidersFrom(JwtModule.forRoot(...))` + `withInterceptorsFromDi()`): a token getter
 * (reading the app's token store through `jwtOptionsProvider`), allowed domains and one
 * disallowed route. It attaches the token and never refreshes. `skipWhenExpired: true` makes it
 * decode the JWT on every request.
 */
export function jwtProviders(skipWhenExpired = false) {
  const jwtOptionsProvider = {
    provide: JWT_OPTIONS,
    useFactory: (store: TokenStore): JwtConfig => ({
      tokenGetter: () => store.accessToken,
      allowedDomains: [globalThis.location?.host ?? 'localhost'],
      disallowedRoutes: [REFRESH_URL],
      skipWhenExpired,
    }),
    deps: [TokenStore],
  };
  return [
    provideHttpClient(withInterceptorsFromDi()),
    importProvidersFrom(JwtModule.forRoot({ jwtOptionsProvider })),
  ];
}

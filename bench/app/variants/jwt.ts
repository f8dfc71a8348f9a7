import { provideHttpClient, withInterceptorsFromDi } from '@angular/common/http';
import { importProvidersFrom } from '@angular/core';
import { JWT_OPTIONS, JwtModule } from '@auth0/angular-jwt';
import { jwtOptions } from '../patterns/jwt-options';
import { TokenStore } from '../token-store';

/**
 * @auth0/angular-jwt's `JwtInterceptor` as its README sets it up for standalone apps
 * (`importProvidersFrom(JwtModule.forRoot(...))` + `withInterceptorsFromDi()`). It attaches the
 * token and never refreshes. `skipWhenExpired: true` makes it decode the JWT on every request.
 */
export function jwtProviders(skipWhenExpired = false) {
  const jwtOptionsProvider = {
    provide: JWT_OPTIONS,
    useFactory: (store: TokenStore) => jwtOptions(store, skipWhenExpired),
    deps: [TokenStore],
  };
  return [
    provideHttpClient(withInterceptorsFromDi()),
    importProvidersFrom(JwtModule.forRoot({ jwtOptionsProvider })),
  ];
}

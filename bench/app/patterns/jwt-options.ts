import { JwtConfig } from '@auth0/angular-jwt';
import { REFRESH_URL } from '../api-urls';
import { TokenStore } from '../token-store';

/**
 * `JwtModule.forRoot` options as its README shows them (token getter, allowed domains, one
 * disallowed route), with the getter reading the app's token store through `jwtOptionsProvider`.
 */
export function jwtOptions(store: TokenStore, skipWhenExpired: boolean): JwtConfig {
  return {
    tokenGetter: () => store.accessToken,
    allowedDomains: [globalThis.location?.host ?? 'localhost'],
    disallowedRoutes: [REFRESH_URL],
    skipWhenExpired,
  };
}

import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter } from '@angular/router';
import {
  TokenRefreshOptions,
  provideTokenRefresh,
  tokenRefreshInterceptor,
  withDpop,
} from 'ngx-token-refresh';
import { routes } from './app.routes';
import { API } from './core/api-urls';
import { DPOP_ENABLED, readDpopPreference } from './core/dpop-preference';
import { OIDC_SETTINGS, readOidcSettings } from './core/oidc-settings';
import { requestLogInterceptor } from './core/request-log-interceptor';
import { sessionEndInterceptor } from './core/session-end-interceptor';
import { readStoragePreference } from './core/storage-preference';

/**
 * Read once, at bootstrap: the provider mode (a localStorage entry, see oidc-settings.ts), else
 * the login page's "Keep me signed in" and "Bind tokens to this browser (DPoP)" switches.
 */
const oidc = readOidcSettings();
const dpop = oidc !== null || readDpopPreference();

const options: TokenRefreshOptions = oidc
  ? {
      // The provider's own refresh_token grant; userinfo (on its origin) takes the token.
      tokenEndpoint: { url: oidc.tokenEndpoint, clientId: oidc.clientId },
      allowedOrigins: [new URL(oidc.userinfoEndpoint).origin],
      storage: 'session',
    }
  : { refreshUrl: API.refresh, storage: readStoragePreference() };

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // Around the library's interceptor: the session-end redirect, which sees its errors; after
    // it: the request log, which sees the final request.
    provideHttpClient(
      withInterceptors([sessionEndInterceptor, tokenRefreshInterceptor, requestLogInterceptor]),
    ),
    dpop ? provideTokenRefresh(options, withDpop()) : provideTokenRefresh(options),
    { provide: DPOP_ENABLED, useValue: dpop },
    { provide: OIDC_SETTINGS, useValue: oidc },
    provideRouter(routes),
  ],
};

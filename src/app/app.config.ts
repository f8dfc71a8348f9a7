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
import { requestLogInterceptor } from './core/request-log-interceptor';
import { sessionEndInterceptor } from './core/session-end-interceptor';
import { readStoragePreference } from './core/storage-preference';

/**
 * Read once, at bootstrap: the login page's "Keep me signed in" and "Bind tokens to this browser
 * (DPoP)" switches.
 */
const dpop = readDpopPreference();
const options: TokenRefreshOptions = { refreshUrl: API.refresh, storage: readStoragePreference() };

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
    provideRouter(routes),
  ],
};

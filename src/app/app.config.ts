import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter } from '@angular/router';
import { provideTokenRefresh, tokenRefreshInterceptor } from 'ngx-token-refresh';
import { routes } from './app.routes';
import { API } from './core/api-urls';
import { requestLogInterceptor } from './core/request-log-interceptor';
import { sessionEndInterceptor } from './core/session-end-interceptor';
import { readStoragePreference } from './core/storage-preference';

/** Chosen on the login page ("Keep me signed in"); read once, at bootstrap. */
const storage = readStoragePreference();

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // Around the library's interceptor: the session-end redirect, which sees its errors; after
    // it: the request log, which sees the final request.
    provideHttpClient(
      withInterceptors([sessionEndInterceptor, tokenRefreshInterceptor, requestLogInterceptor]),
    ),
    provideTokenRefresh({ refreshUrl: API.refresh, storage }),
    provideRouter(routes),
  ],
};

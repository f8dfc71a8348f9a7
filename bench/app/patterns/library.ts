import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideTokenRefresh, tokenRefreshInterceptor } from 'ngx-token-refresh';
import { REFRESH_URL } from '../api-urls';

/** ngx-token-refresh as its README sets it up (defaults: memory storage, cross-tab on). */
export const libraryProviders = [
  provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
  provideTokenRefresh({ refreshUrl: REFRESH_URL }),
];

/** The same with `crossTab: false` (no Web Lock, no BroadcastChannel): shows what they cost. */
export const singleTabLibraryProviders = [
  provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
  provideTokenRefresh({ refreshUrl: REFRESH_URL, crossTab: false }),
];

/** The README's quick start (the bundle measure): session storage, one API origin besides. */
export const quickStartLibraryProviders = [
  provideHttpClient(withInterceptors([tokenRefreshInterceptor])),
  provideTokenRefresh({
    refreshUrl: REFRESH_URL,
    allowedOrigins: ['https://api.example.com'],
    storage: 'session',
  }),
];

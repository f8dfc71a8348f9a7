/** What `ng add` leaves to the user, in which file, and why. */
export interface ManualSetup {
  readonly filePath: string;
  readonly problem: string;
  /** The `provideTokenRefresh(...)` call to add, or `null` when the app already has one. */
  readonly tokenRefreshCall: string | null;
  /** Whether the HttpClient needs `withFetch()` too (the app renders on the server). */
  readonly fetch: boolean;
}

/** The message, with the exact lines to add, printed when `ng add` changes no source file. */
export function manualSetupMessage({ filePath, problem, tokenRefreshCall, fetch }: ManualSetup) {
  const withFetch = fetch ? 'withFetch, ' : '';
  return [
    `ngx-token-refresh: ${filePath} was left unchanged: ${problem}.`,
    'Add these lines to it yourself:',
    '',
    `  import { provideHttpClient, ${withFetch}withInterceptors } from '@angular/common/http';`,
    `  import { ${tokenRefreshCall ? 'provideTokenRefresh, ' : ''}tokenRefreshInterceptor } from 'ngx-token-refresh';`,
    '',
    '  // in the root providers:',
    `  provideHttpClient(${fetch ? 'withFetch(), ' : ''}withInterceptors([tokenRefreshInterceptor])),`,
    ...(tokenRefreshCall ? [`  ${tokenRefreshCall},`] : []),
    '',
    'If the app already calls provideHttpClient(...), give that call',
    'withInterceptors([tokenRefreshInterceptor]) (or add tokenRefreshInterceptor to its',
    'withInterceptors list) instead of calling provideHttpClient a second time.',
  ].join('\n');
}

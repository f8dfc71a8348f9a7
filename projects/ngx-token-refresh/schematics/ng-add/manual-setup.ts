/** What `ng add` could not edit itself and leaves to the user. */
export interface ManualSetup {
  /** The file it would have edited. */
  readonly filePath: string;
  /** Why it did not. */
  readonly reason: string;
  /** The `provideTokenRefresh(...)` call to add, or `null` when the app already has one. */
  readonly tokenRefreshCall: string | null;
  /** Whether the HttpClient needs `withFetch()` too (the app renders on the server). */
  readonly fetch: boolean;
}

/**
 * The message, with the exact lines to add, printed when `ng add` changes no source file. It is
 * only printed while the HttpClient still lacks the interceptor.
 */
export function manualSetupMessage(setup: ManualSetup): string {
  const names = setup.tokenRefreshCall
    ? 'provideTokenRefresh, tokenRefreshInterceptor'
    : 'tokenRefreshInterceptor';
  const http = setup.fetch ? 'withFetch, withInterceptors' : 'withInterceptors';
  const features = `${setup.fetch ? 'withFetch(), ' : ''}withInterceptors([tokenRefreshInterceptor])`;
  const providers = [`provideHttpClient(${features}),`];
  if (setup.tokenRefreshCall) providers.push(`${setup.tokenRefreshCall},`);
  return [
    `ngx-token-refresh: ${setup.filePath} was left unchanged: ${setup.reason}.`,
    'Add these lines to it yourself:',
    '',
    `  import { provideHttpClient, ${http} } from '@angular/common/http';`,
    `  import { ${names} } from 'ngx-token-refresh';`,
    '',
    '  // in the root providers:',
    ...providers.map((line) => `  ${line}`),
    '',
    'If the app already calls provideHttpClient(...), give that call',
    'withInterceptors([tokenRefreshInterceptor]) (or add tokenRefreshInterceptor to its',
    'withInterceptors list) instead of calling provideHttpClient a second time.',
  ].join('\n');
}

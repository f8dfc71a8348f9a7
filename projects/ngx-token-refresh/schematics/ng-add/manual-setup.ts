import { Problem } from './root-providers';

/**
 * The message, with the exact lines to add, printed when `ng add` changes no source file:
 * `tokenRefreshCall` is `null` when the app has one already, `fetch` whether it needs `withFetch()`.
 */
export function manualSetupMessage(at: Problem, tokenRefreshCall: string | null, fetch: boolean) {
  return [
    `ngx-token-refresh: ${at.filePath} was left unchanged: ${at.problem}.`,
    'Add these lines to it yourself:',
    '',
    `  import { provideHttpClient, ${fetch ? 'withFetch, ' : ''}withInterceptors } from '@angular/common/http';`,
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

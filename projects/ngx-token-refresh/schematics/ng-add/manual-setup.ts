import { Problem } from './root-providers';

/**
 * The message, with the exact lines to add, printed when `ng add` changes no source file: `options`
 * goes into provideTokenRefresh(...) (`null` when the app has it), `fetch` adds `withFetch()`.
 */
export function manualSetupMessage(at: Problem, options: string | null, fetch: boolean) {
  return [
    `ngx-token-refresh: ${at.filePath} was left unchanged: ${at.problem}.`,
    'Add these lines to it yourself:',
    '',
    `  import { provideHttpClient, ${fetch ? 'withFetch, ' : ''}withInterceptors } from '@angular/common/http';`,
    `  import { ${options ? 'provideTokenRefresh, ' : ''}tokenRefreshInterceptor } from 'ngx-token-refresh';`,
    '',
    '  // in the root providers:',
    `  provideHttpClient(${fetch ? 'withFetch(), ' : ''}withInterceptors([tokenRefreshInterceptor])),`,
    ...(options ? [`  provideTokenRefresh(${options}),`] : []),
    '',
    'If the app already calls provideHttpClient(...), give that call',
    'withInterceptors([tokenRefreshInterceptor]) (or add tokenRefreshInterceptor to its',
    'withInterceptors list) instead of calling provideHttpClient a second time.',
  ].join('\n');
}

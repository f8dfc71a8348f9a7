import { Problem } from './root-providers';

/** The lines to add by hand; `options` for provideTokenRefresh (`null`: it is there already). */
export function manualSetupMessage(at: Problem, options: string | null, fetch: boolean) {
  return [
    `ngx-token-refresh: ${at.filePath} was left unchanged: ${at.problem}.`,
    'Add these imports and root providers to it yourself:',
    '',
    `  import { provideHttpClient, ${fetch ? 'withFetch, ' : ''}withInterceptors } from '@angular/common/http';`,
    `  import { ${options ? 'provideTokenRefresh, ' : ''}tokenRefreshInterceptor } from 'ngx-token-refresh';`,
    '',
    `  provideHttpClient(${fetch ? 'withFetch(), ' : ''}withInterceptors([tokenRefreshInterceptor])),`,
    ...(options ? [`  provideTokenRefresh(${options}),`] : []),
    '',
    'If it calls provideHttpClient(...) already, give that call the interceptor instead: last',
    'in its withInterceptors([...]), or in a new withInterceptors([tokenRefreshInterceptor]).',
  ].join('\n');
}

import { EnvironmentInjector, runInInjectionContext } from '@angular/core';
import { Observable, defer, from, map, take, throwIfEmpty, timeout } from 'rxjs';
import { InvalidRefreshResponseError } from './invalid-refresh-response-error';
import { readRefreshResponse } from './refresh-response';
import { TokenRefreshConfig } from './token-refresh-config';
import { TokenPair } from './token-pair';

/**
 * Runs the configured `refresh` once, in an injection context, bounded by `refreshTimeoutMs`,
 * and reads its result with `readRefreshResponse`. Whatever goes wrong arrives as an error:
 * a synchronous throw, a rejected promise, an empty observable, an unusable response.
 */
export function callRefresh(
  config: TokenRefreshConfig,
  injector: EnvironmentInjector,
  refreshToken: string | null,
): Observable<TokenPair> {
  return defer(() => {
    const result = runInInjectionContext(injector, () => config.refresh(refreshToken));
    if (!(result instanceof Observable) && !(result instanceof Promise)) {
      throw new InvalidRefreshResponseError('`refresh` must return an Observable or a Promise');
    }
    return from(result);
  }).pipe(
    take(1),
    throwIfEmpty(() => new InvalidRefreshResponseError('`refresh` completed without a value')),
    timeout(config.refreshTimeoutMs),
    map(readRefreshResponse),
  );
}

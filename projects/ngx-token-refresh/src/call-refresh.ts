import { EnvironmentInjector, runInInjectionContext } from '@angular/core';
import { Observable, Subscribable, TimeoutError } from 'rxjs';
import { InvalidRefreshResponseError } from './invalid-refresh-response-error';
import { readRefreshResponse } from './refresh-response';
import { TokenRefreshConfig } from './token-refresh-config';
import { TokenPair } from './token-pair';

/**
 * Runs the configured `refresh` once, in an injection context, bounded by `refreshTimeoutMs`
 * (rxjs's `TimeoutError`), and reads its first value with `readRefreshResponse`. Whatever goes
 * wrong arrives as an error: a synchronous throw, a rejected promise, an empty observable, an
 * unusable response. Written with a plain timer rather than rxjs's `timeout`, which would bring
 * rxjs's async scheduler into every app's bundle.
 */
export function callRefresh(
  config: TokenRefreshConfig,
  injector: EnvironmentInjector,
  refreshToken: string | null,
): Observable<TokenPair> {
  return new Observable<TokenPair>((subscriber) => {
    const timer = setTimeout(() => subscriber.error(new TimeoutError()), config.refreshTimeoutMs);
    subscriber.add(() => clearTimeout(timer));
    const settle = (body: unknown) => {
      if (subscriber.closed) return; // only the first value counts
      // An unusable body is the caller's error, like any other failure of the refresh.
      try {
        subscriber.next(readRefreshResponse(body));
        subscriber.complete();
      } catch (error) {
        subscriber.error(error);
      }
    };
    // Told by shape, as rxjs's `from()` does: a native Promise is no `instanceof Promise` where
    // zone.js replaced the global one, nor is an Observable of another rxjs copy.
    const result: Partial<PromiseLike<unknown> & Subscribable<unknown>> | null | undefined =
      runInInjectionContext(injector, () => config.refresh(refreshToken));
    if (typeof result?.then === 'function') {
      result.then(settle, (error: unknown) => subscriber.error(error));
    } else if (typeof result?.subscribe === 'function') {
      // Added to the subscriber, the call is cancelled with it (after the first value, too).
      subscriber.add(
        result.subscribe({
          next: settle,
          error: (error: unknown) => subscriber.error(error),
          complete: () =>
            subscriber.error(
              new InvalidRefreshResponseError(
                typeof ngDevMode === 'undefined' || ngDevMode
                  ? '`refresh` completed without a value'
                  : 'empty',
              ),
            ),
        }),
      );
    } else {
      throw new InvalidRefreshResponseError(
        typeof ngDevMode === 'undefined' || ngDevMode
          ? '`refresh` must return an Observable or a Promise'
          : 'refresh',
      );
    }
  });
}

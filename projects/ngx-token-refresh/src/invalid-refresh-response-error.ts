/**
 * What waiting requests receive when the refresh endpoint (or the `refresh` option) answered
 * without a usable access token: an empty body, HTML, JSON without `accessToken`, and the like.
 * It counts as a transient failure: the session and its tokens are kept.
 *
 * @usageNotes
 * ```ts
 * import { InvalidRefreshResponseError } from 'ngx-token-refresh';
 *
 * tokens.refresh().subscribe({
 *   error: (e) => e instanceof InvalidRefreshResponseError && notice.set('Please try again.'),
 * });
 * ```
 */
export class InvalidRefreshResponseError extends Error {
  /** Always `'InvalidRefreshResponseError'`: unlike the class name, it survives minification. */
  override readonly name = 'InvalidRefreshResponseError';

  constructor(problem: string) {
    super(
      typeof ngDevMode === 'undefined' || ngDevMode
        ? `ngx-token-refresh: the refresh response is unusable: ${problem}.`
        : `ngx-token-refresh: ${problem}`,
    );
  }
}

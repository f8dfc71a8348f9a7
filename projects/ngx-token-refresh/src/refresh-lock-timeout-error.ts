/**
 * What waiting requests receive when another tab held the refresh lock for longer than
 * `refreshTimeoutMs` (cross-tab mode). Transient: the session is kept and the next request may
 * try again.
 *
 * @usageNotes
 * ```ts
 * import { RefreshLockTimeoutError } from 'ngx-token-refresh';
 *
 * tokens.refresh().subscribe({ error: (e) => e instanceof RefreshLockTimeoutError && retryLater() });
 * ```
 */
export class RefreshLockTimeoutError extends Error {
  /** Always `'RefreshLockTimeoutError'`: unlike the class name, it survives minification. */
  override readonly name = 'RefreshLockTimeoutError';

  constructor(timeoutMs: number) {
    super(
      typeof ngDevMode === 'undefined' || ngDevMode
        ? `ngx-token-refresh: another tab held the refresh lock for over ${timeoutMs} ms.`
        : 'ngx-token-refresh: lock',
    );
  }
}

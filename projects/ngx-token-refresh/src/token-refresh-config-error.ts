/**
 * Thrown at start-up (by `provideTokenRefresh`) when the options are missing, malformed or
 * contradict each other, when the interceptor runs without `provideTokenRefresh`, and (in
 * development builds) when `sessionGuard` is put in `canMatch`. The message names the option and
 * says what to write instead.
 *
 * @usageNotes
 * ```ts
 * import { TokenRefreshConfigError, provideTokenRefresh } from 'ngx-token-refresh';
 *
 * // In a spec (dev mode): provideTokenRefresh checks the options when it is called.
 * expect(() => provideTokenRefresh({ refreshUrl: '/api/auth/refresh', leewaySeconds: -1 }))
 *   .toThrowError(TokenRefreshConfigError, /`leewaySeconds` must be a finite number >= 0/);
 * ```
 */
export class TokenRefreshConfigError extends Error {
  /** Always `'TokenRefreshConfigError'`: unlike the class name, it survives minification. */
  override readonly name = 'TokenRefreshConfigError';

  constructor(message: string) {
    super(`ngx-token-refresh: ${message}`);
  }
}

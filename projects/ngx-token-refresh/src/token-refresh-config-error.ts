/**
 * Thrown at start-up (by `provideTokenRefresh`) when the options are missing, malformed or
 * contradict each other, and when the interceptor runs without `provideTokenRefresh`. The message
 * names the option and says what to write instead.
 *
 * @usageNotes
 * ```ts
 * import { provideTokenRefresh } from 'ngx-token-refresh';
 *
 * provideTokenRefresh({ refreshUrl: '/api/auth/refresh', leewaySeconds: -1 });
 * // throws TokenRefreshConfigError: ngx-token-refresh: `leewaySeconds` must be ...
 * ```
 */
export class TokenRefreshConfigError extends Error {
  override readonly name = 'TokenRefreshConfigError';

  constructor(message: string) {
    super(`ngx-token-refresh: ${message}`);
  }
}

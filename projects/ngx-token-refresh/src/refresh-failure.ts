import { HttpErrorResponse } from '@angular/common/http';
import { SessionExpiredError } from './session-expired-error';

/**
 * Whether a refresh failure is definitive, so the session must end: the refresh endpoint answered
 * 401, or 400 with the OAuth 2 error `invalid_grant`, or the `refresh` option threw
 * `SessionExpiredError`. Everything else (network errors, 5xx, timeouts, bad responses) is
 * transient: the session and its tokens are kept.
 */
export function isDefinitiveRefreshFailure(error: unknown): boolean {
  if (error instanceof SessionExpiredError) return true;
  if (!(error instanceof HttpErrorResponse)) return false;
  if (error.status === 401) return true;
  return error.status === 400 && oauthErrorCode(error.error) === 'invalid_grant';
}

/** The OAuth 2 `error` code of an error answer's body (an object, or JSON text), if any. */
export function oauthErrorCode(body: unknown): unknown {
  if (typeof body === 'string') {
    // A text response may still hold the JSON error object.
    try {
      body = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  return typeof body === 'object' && body !== null
    ? (body as Record<string, unknown>)['error']
    : undefined;
}

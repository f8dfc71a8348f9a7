import { HttpErrorResponse } from '@angular/common/http';
import { TimeoutError } from 'rxjs';
import { InvalidRefreshResponseError } from './invalid-refresh-response-error';
import { RefreshLockTimeoutError } from './refresh-lock-timeout-error';
import { isDefinitiveRefreshFailure } from './refresh-failure';
import { SessionExpiredError } from './session-expired-error';

describe('isDefinitiveRefreshFailure', () => {
  it('isDefinitiveRefreshFailure() holds for a 401 from the refresh endpoint, whatever its body', () => {
    for (const body of [null, '', 'Unauthorized', { error: 'invalid_token' }]) {
      expect(isDefinitiveRefreshFailure(httpError(401, body)))
        .withContext(JSON.stringify(body))
        .toBeTrue();
    }
  });

  it('isDefinitiveRefreshFailure() holds for a 400 invalid_grant in a JSON object body', () => {
    const body = { error: 'invalid_grant', error_description: 'refresh token revoked' };
    expect(isDefinitiveRefreshFailure(httpError(400, body))).toBeTrue();
  });

  it('isDefinitiveRefreshFailure() holds for a 400 invalid_grant in a JSON text body', () => {
    expect(isDefinitiveRefreshFailure(httpError(400, '{"error":"invalid_grant"}'))).toBeTrue();
    expect(isDefinitiveRefreshFailure(httpError(400, ' {\n "error": "invalid_grant" }\n')))
      .withContext('with whitespace')
      .toBeTrue();
  });

  it('isDefinitiveRefreshFailure() is transient for a 400 with another or no OAuth error', () => {
    const bodies: unknown[] = [
      { error: 'invalid_request' },
      { error: 'INVALID_GRANT' },
      { error: ['invalid_grant'] },
      { error_description: 'invalid_grant' },
      { code: 'invalid_grant' },
      '{"error":"invalid_client"}',
      'invalid_grant',
      '"invalid_grant"',
      '["invalid_grant"]',
      '{"error":"invalid_grant"', // truncated JSON
      '',
      null,
      undefined,
      42,
    ];
    for (const body of bodies) {
      expect(isDefinitiveRefreshFailure(httpError(400, body)))
        .withContext(JSON.stringify(body) ?? String(body))
        .toBeFalse();
    }
  });

  it('isDefinitiveRefreshFailure() is transient for other statuses, even with invalid_grant', () => {
    for (const status of [0, 403, 404, 408, 429, 500, 502, 503, 504]) {
      expect(isDefinitiveRefreshFailure(httpError(status, { error: 'invalid_grant' })))
        .withContext(`status ${status}`)
        .toBeFalse();
    }
  });

  it('isDefinitiveRefreshFailure() holds for a SessionExpiredError from the refresh option', () => {
    expect(isDefinitiveRefreshFailure(new SessionExpiredError('refresh-rejected'))).toBeTrue();
    expect(isDefinitiveRefreshFailure(new SessionExpiredError('no-refresh-token'))).toBeTrue();
  });

  it('isDefinitiveRefreshFailure() is transient for every other error', () => {
    const errors: Record<string, unknown> = {
      'a plain Error': new Error('refresh failed'),
      'an rxjs TimeoutError': new TimeoutError(),
      'an InvalidRefreshResponseError': new InvalidRefreshResponseError('body'),
      'a RefreshLockTimeoutError': new RefreshLockTimeoutError(30_000),
      'an object shaped like a 401': { status: 401, error: { error: 'invalid_grant' } },
      'a string': 'invalid_grant',
      undefined: undefined,
      null: null,
    };
    for (const [name, error] of Object.entries(errors)) {
      expect(isDefinitiveRefreshFailure(error)).withContext(name).toBeFalse();
    }
  });
});

function httpError(status: number, error: unknown): HttpErrorResponse {
  return new HttpErrorResponse({ status, statusText: 'Error', url: '/auth/refresh', error });
}

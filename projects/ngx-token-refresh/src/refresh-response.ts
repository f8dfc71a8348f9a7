import { InvalidRefreshResponseError } from './invalid-refresh-response-error';
import { isText } from './is-text';
import { TokenPair } from './token-pair';

/**
 * Reads what a refresh produced, from the refresh endpoint's JSON or the `refresh` option: the
 * access token from `accessToken` or `access_token`, a rotated refresh token from `refreshToken`
 * or `refresh_token` (absent: the previous one stays), `expiresIn` or `expires_in` (seconds, a
 * number or numeric text; ignored unless positive) and `tokenType` or `token_type`. Throws
 * `InvalidRefreshResponseError` without a usable access token; the message never contains a
 * token.
 */
export function readRefreshResponse(body: unknown): TokenPair {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidRefreshResponseError(
      typeof ngDevMode === 'undefined' || ngDevMode
        ? `expected a JSON object, got ${describe(body)}`
        : 'body',
    );
  }
  const fields = body as Record<string, unknown>;
  // The camelCase field wins, unless it is empty or not text and the snake_case one is usable.
  const pick = (camel: string, snake: string) =>
    isText(fields[camel]) || !isText(fields[snake])
      ? (fields[camel] ?? fields[snake])
      : fields[snake];
  const accessToken = pick('accessToken', 'access_token');
  if (!isText(accessToken)) {
    throw new InvalidRefreshResponseError(
      typeof ngDevMode === 'undefined' || ngDevMode
        ? `"accessToken" (or "access_token") must be a non-empty string, got ${describe(accessToken)}`
        : 'accessToken',
    );
  }
  const refreshToken = pick('refreshToken', 'refresh_token');
  const tokenType = pick('tokenType', 'token_type');
  const rawExpiresIn = fields['expiresIn'] ?? fields['expires_in'];
  const expiresIn = typeof rawExpiresIn === 'string' ? Number(rawExpiresIn) : rawExpiresIn;
  return {
    accessToken,
    refreshToken: typeof refreshToken === 'string' && refreshToken !== '' ? refreshToken : null,
    ...(typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0
      ? { expiresIn }
      : {}),
    ...(isText(tokenType) ? { tokenType } : {}),
  };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  return typeof value === 'object' ? 'an object' : `${typeof value}`;
}

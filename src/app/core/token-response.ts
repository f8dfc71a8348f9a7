import { TokenPair } from 'ngx-token-refresh';

/**
 * The tokens of a login answer for `TokenService.setTokens`: the demo server's
 * (`accessToken`, `refreshToken`, `expiresIn`, `tokenType`) or an OAuth token endpoint's
 * (`access_token`, `refresh_token`, `expires_in`, `token_type`). Throws without an access token.
 */
export function tokenPairFrom(body: unknown): TokenPair {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const pick = (camel: string, snake: string) => fields[camel] ?? fields[snake];
  const accessToken = pick('accessToken', 'access_token');
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw new Error('The sign-in answer has no access token.');
  }
  const refreshToken = pick('refreshToken', 'refresh_token');
  const expiresIn = pick('expiresIn', 'expires_in');
  const tokenType = pick('tokenType', 'token_type');
  return {
    accessToken,
    refreshToken: typeof refreshToken === 'string' ? refreshToken : null,
    ...(typeof expiresIn === 'number' ? { expiresIn } : {}),
    ...(typeof tokenType === 'string' ? { tokenType } : {}),
  };
}

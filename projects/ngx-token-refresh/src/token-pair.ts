/**
 * The tokens a login or a refresh hands to the library.
 *
 * @usageNotes
 * ```ts
 * import { TokenPair, TokenService } from 'ngx-token-refresh';
 *
 * const tokens: TokenPair = { accessToken: response.accessToken, refreshToken: response.refreshToken };
 * inject(TokenService).setTokens(tokens);
 * ```
 */
export interface TokenPair {
  /** The access token sent as `Authorization: Bearer <accessToken>`. A JWT or an opaque string. */
  accessToken: string;
  /**
   * The refresh token. `null` or absent at login: there is none, and a 401 ends the session.
   * Absent in a refresh result: the server did not rotate it and the previous one is kept.
   */
  refreshToken?: string | null;
  /**
   * Seconds until the access token expires. Only needed for opaque (non-JWT) access tokens; a
   * JWT's own `exp` claim wins when both are present.
   */
  expiresIn?: number;
}

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
  /**
   * The access token sent as `Authorization: Bearer <accessToken>` (`DPoP <accessToken>` for a
   * DPoP token with `withDpop()`). A JWT or an opaque string.
   */
  accessToken: string;
  /**
   * The refresh token. `null`, `''` or absent at login: there is none, and a 401 ends the
   * session. Absent in a refresh result: the server did not rotate it and the previous one is
   * kept.
   */
  refreshToken?: string | null;
  /**
   * Seconds until the access token expires. Only needed for opaque (non-JWT) access tokens; a
   * JWT's own `exp` claim wins when both are present.
   */
  expiresIn?: number;
  /**
   * The token type the server issued (`token_type`). With `withDpop()`, `'DPoP'` sends the
   * token as `Authorization: DPoP <token>`; otherwise it is kept but not used. Absent in a
   * refresh result: the previous one is kept.
   */
  tokenType?: string;
}

/**
 * The session as a `TokenStorage` keeps it. `expiresAt` is the access token's expiry in
 * milliseconds since the epoch, or `null` when it is unknown (an opaque token).
 *
 * @usageNotes
 * ```ts
 * import { StoredTokens, TokenStorage } from 'ngx-token-refresh';
 *
 * const storage: TokenStorage = {
 *   read: () => JSON.parse(vault.get('session') ?? 'null') as StoredTokens | null,
 *   write: (tokens: StoredTokens) => vault.set('session', JSON.stringify(tokens)),
 *   remove: () => vault.delete('session'),
 * };
 * ```
 */
export interface StoredTokens {
  /** The access token, never empty. */
  accessToken: string;
  /** The refresh token, or `null` when the session has none (or it lives in a cookie). */
  refreshToken: string | null;
  /** When the access token expires, in milliseconds since the epoch; `null` when unknown. */
  expiresAt: number | null;
  /** The token type the server issued (`'DPoP'`, `'Bearer'`), when it said. */
  tokenType?: string;
}

/** Returns the value as `StoredTokens` when it has that shape, otherwise `null`. */
export function asStoredTokens(value: unknown): StoredTokens | null {
  if (typeof value !== 'object' || value === null) return null;
  const { accessToken, refreshToken, expiresAt, tokenType } = value as Record<string, unknown>;
  if (typeof accessToken !== 'string' || accessToken === '') return null;
  if (refreshToken !== null && typeof refreshToken !== 'string') return null;
  if (expiresAt !== null && !Number.isFinite(expiresAt)) return null;
  if (tokenType !== undefined && typeof tokenType !== 'string') return null;
  return {
    accessToken,
    refreshToken,
    expiresAt: expiresAt as number | null,
    ...(tokenType ? { tokenType } : {}),
  };
}

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
  accessToken: string;
  refreshToken: string | null;
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

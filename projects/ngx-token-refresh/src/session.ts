import { SessionExpiredError } from './session-expired-error';
import { StoredTokens } from './stored-tokens';
import { TokenTimes, hasExpired, readTokenTimes, refreshTime } from './token-expiry';

/** The session as `TokenService` holds it in memory. */
export interface Session extends StoredTokens {
  /** Whether the server has rejected this access token (a 401 that started a refresh). */
  readonly rejected: boolean;
  /** When to refresh proactively (ms since the epoch), or `null` for opaque tokens. */
  readonly refreshAt: number | null;
}

/**
 * Makes a session of stored tokens, decoding the access token once to know when to refresh it
 * (unless its `times` are known already).
 */
export function toSession(stored: StoredTokens, leewayMs: number, times?: TokenTimes): Session {
  const { lifetimeMs } = times ?? readTokenTimes(stored.accessToken);
  const refreshAt = refreshTime({ expiresAt: stored.expiresAt, lifetimeMs }, leewayMs);
  return { ...stored, rejected: false, refreshAt };
}

/**
 * The session as storage and other tabs see it. Fields picked by name: an object rest would
 * bring a helper function into every app (the CLI downlevels object rest and spread).
 */
export function toStored({
  accessToken,
  refreshToken,
  expiresAt,
  tokenType,
}: Session): StoredTokens {
  return tokenType
    ? { accessToken, refreshToken, expiresAt, tokenType }
    : { accessToken, refreshToken, expiresAt };
}

/** Whether the session's access token is due for its proactive refresh by the clock. */
export function isExpiring(session: Session, now: number = Date.now()): boolean {
  return session.refreshAt !== null && session.refreshAt <= now;
}

/**
 * The rule for "may this session refresh": it has a refresh token, or `cookie`, a cookie may hold
 * one (`refreshTokenInCookie`, and no logout since the last login).
 */
export function canRefresh(session: Session | null, cookie: boolean): boolean {
  return (session?.refreshToken ?? null) !== null || cookie;
}

/**
 * The session's access token while it may still be sent: the server has not rejected it and it
 * has not expired by the clock (a request that cannot wait for a refresh, or one whose refresh
 * failed transiently, goes out with it).
 */
export function usableToken(session: Session | null): string | undefined {
  return session && !session.rejected && !hasExpired(session.expiresAt)
    ? session.accessToken
    : undefined;
}

/**
 * After a refresh failed with `error`: the access token a waiting request still goes out with
 * (the failure was transient, and the token is `usableToken`); otherwise it throws `error`.
 */
export function tokenAfterFailedRefresh(session: Session | null, error: unknown): string {
  const token = error instanceof SessionExpiredError ? undefined : usableToken(session);
  if (token === undefined) throw error;
  return token;
}

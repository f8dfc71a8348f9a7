import { JwtHelperService } from '@auth0/angular-jwt';

const jwtHelper = new JwtHelperService();

/** When an access token expires and how long it was issued for, as far as they are known. */
export interface TokenTimes {
  /** Expiry in milliseconds since the epoch, or `null` (an opaque token without `expiresIn`). */
  readonly expiresAt: number | null;
  /** The lifetime it was issued with (`exp - iat`, or `expiresIn`), or `null` when unknown. */
  readonly lifetimeMs: number | null;
}

/**
 * Reads when the access token expires. A JWT's numeric `exp` claim wins; otherwise
 * `expiresInSeconds` (from the login or refresh response) counts from `now`. A token that is not
 * a JWT, cannot be decoded, or has no usable `exp` (not a positive number of seconds; an `exp` in
 * milliseconds is unreadable) is opaque: `null`, never an exception. It
 * decodes the token (with `JwtHelperService`): call it once per token, not per request.
 */
export function readTokenTimes(
  token: string,
  expiresInSeconds: unknown = undefined,
  now: number = Date.now(),
): TokenTimes {
  const claims = readClaims(token);
  if (claims.exp !== null) {
    const lifetime =
      claims.iat !== null && claims.iat < claims.exp ? claims.exp - claims.iat : null;
    return { expiresAt: claims.exp * 1000, lifetimeMs: lifetime === null ? null : lifetime * 1000 };
  }
  if (typeof expiresInSeconds === 'number' && Number.isFinite(expiresInSeconds)) {
    return expiresInSeconds > 0
      ? { expiresAt: now + expiresInSeconds * 1000, lifetimeMs: expiresInSeconds * 1000 }
      : { expiresAt: null, lifetimeMs: null };
  }
  return { expiresAt: null, lifetimeMs: null };
}

/**
 * When to refresh proactively: `leewayMs` before expiry, but never earlier than half-way through
 * the token's lifetime, so tokens that live shorter than twice the leeway are still used.
 */
export function refreshTime(
  { expiresAt, lifetimeMs }: TokenTimes,
  leewayMs: number,
): number | null {
  if (expiresAt === null) return null;
  return expiresAt - (lifetimeMs === null ? leewayMs : Math.min(leewayMs, lifetimeMs / 2));
}

/** Whether a known expiry has passed by this page's clock; `null` (unknown) never has. */
export function hasExpired(expiresAt: number | null, now: number = Date.now()): boolean {
  return expiresAt !== null && expiresAt <= now;
}

function readClaims(token: string): { exp: number | null; iat: number | null } {
  let payload: unknown;
  // JwtHelperService throws for anything that is not a decodable JWT: those tokens are opaque.
  try {
    payload = jwtHelper.decodeToken(token);
  } catch {
    return { exp: null, iat: null };
  }
  if (typeof payload !== 'object' || payload === null) return { exp: null, iat: null };
  const { exp, iat } = payload as Record<string, unknown>;
  return { exp: seconds(exp), iat: seconds(iat) };
}

/** Beyond this a NumericDate is surely milliseconds (year 5138 in seconds): unreadable. */
const MAX_SECONDS = 1e11;

function seconds(value: unknown): number | null {
  const number = positive(value);
  return number !== null && number < MAX_SECONDS ? number : null;
}

function positive(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

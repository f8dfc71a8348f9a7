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
 * milliseconds is unreadable) is opaque: `null`, never an exception. With `sentAt`, the token
 * answers a call sent then and answered `now`: `exp` moves by `clockOffset()` of its `iat`, onto
 * this page's clock. It decodes the token (with `JwtHelperService`): call it once per token, not
 * per request.
 */
export function readTokenTimes(
  token: string,
  expiresInSeconds: unknown = undefined,
  now: number = Date.now(),
  sentAt?: number,
): TokenTimes {
  const claims = readClaims(token);
  const exp = seconds(claims?.['exp']);
  if (exp !== null) {
    const iat = seconds(claims?.['iat']);
    const issued = iat !== null && iat < exp;
    const offset = issued && sentAt !== undefined ? clockOffset(iat * 1000, sentAt, now) : 0;
    return {
      expiresAt: exp * 1000 + offset,
      lifetimeMs: issued ? (exp - iat) * 1000 : null,
    };
  }
  return typeof expiresInSeconds === 'number' &&
    Number.isFinite(expiresInSeconds) &&
    expiresInSeconds > 0
    ? { expiresAt: now + expiresInSeconds * 1000, lifetimeMs: expiresInSeconds * 1000 }
    : { expiresAt: null, lifetimeMs: null };
}

/**
 * How far this page's clock runs ahead of the token issuer's (ms; negative: behind), judged by
 * a token issued at `issuedAt` (its `iat` in ms, whole seconds) in answer to a call this page sent
 * at `sentAt` and had answered at `now`: 0 when the issue fits in that window, else the offset
 * that puts it at the window's start, the token's oldest possible age (so it is refreshed early
 * rather than late).
 */
export function clockOffset(issuedAt: number, sentAt: number, now: number): number {
  const least = sentAt - (issuedAt + 1000); // `iat` is rounded down to the second
  return least > 0 || now < issuedAt ? least : 0;
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

/** The token's claims, or `null` when it is not a JWT with an object payload. */
function readClaims(token: string): Record<string, unknown> | null {
  // JwtHelperService throws for anything that is not a decodable JWT: those tokens are opaque.
  try {
    const payload: unknown = jwtHelper.decodeToken(token);
    return typeof payload === 'object' ? (payload as Record<string, unknown> | null) : null;
  } catch {
    return null;
  }
}

/** Beyond this a NumericDate is surely milliseconds (year 5138 in seconds): unreadable. */
const MAX_SECONDS = 1e11;

/** A NumericDate in seconds: a positive number below `MAX_SECONDS` (so finite), else `null`. */
function seconds(value: unknown): number | null {
  return typeof value === 'number' && value > 0 && value < MAX_SECONDS ? value : null;
}

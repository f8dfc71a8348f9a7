import { JwtHelperService } from '@auth0/angular-jwt';

const jwtHelper = new JwtHelperService();

/**
 * Returns when the access token expires, in milliseconds since the epoch, or `null` when that is
 * unknown. A JWT's numeric `exp` claim wins; otherwise `expiresInSeconds` (from the login or
 * refresh response) counts from `now`. A token that is not a JWT, cannot be decoded, or has no
 * usable `exp` is opaque: `null`, never an exception. Call it once per token, not per request.
 */
export function readTokenExpiry(
  token: string,
  expiresInSeconds: unknown = undefined,
  now: number = Date.now(),
): number | null {
  const exp = readExpClaim(token);
  if (exp !== null) return exp * 1000;
  if (typeof expiresInSeconds === 'number' && Number.isFinite(expiresInSeconds)) {
    return expiresInSeconds > 0 ? now + expiresInSeconds * 1000 : null;
  }
  return null;
}

function readExpClaim(token: string): number | null {
  let payload: unknown;
  // JwtHelperService throws for anything that is not a decodable JWT: those tokens are opaque.
  try {
    payload = jwtHelper.decodeToken(token);
  } catch {
    return null;
  }
  if (typeof payload !== 'object' || payload === null) return null;
  const exp = (payload as Record<string, unknown>)['exp'];
  return typeof exp === 'number' && Number.isFinite(exp) && exp > 0 ? exp : null;
}

// Signs and verifies HS256 access tokens (JWT) with jose and a random per-process secret.
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';

/** Thrown by verify() when the token is expired, malformed or has a bad signature. */
export class InvalidTokenError extends Error {}

/**
 * `iat` and `exp` are NumericDates with millisecond precision (they may be fractional, which
 * RFC 7519 allows) so that sub-second ACCESS_TTL values are exact; expiry is enforced to the ms.
 * @param {{ ttlMs: number }} options
 */
export function createAccessTokens({ ttlMs }) {
  const secret = randomBytes(32);

  /** @param {{ sub: string, sid: string, gen: number }} claims */
  async function sign({ sub, sid, gen }) {
    const nowMs = Date.now();
    const token = await new SignJWT({ sid, gen })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(sub)
      .setJti(randomUUID())
      .setIssuedAt(nowMs / 1000)
      .setExpirationTime((nowMs + ttlMs) / 1000)
      .sign(secret);
    return { token, expiresIn: ttlMs / 1000 };
  }

  /** @returns {Promise<{ sub: string, jti: string, sid: string, gen: number, exp: number }>} */
  async function verify(token) {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], clockTolerance: 0 }));
    } catch (error) {
      if (error instanceof errors.JOSEError) throw new InvalidTokenError(error.message);
      throw error;
    }
    // jose compares whole seconds; enforce the exact (millisecond) expiry on top of it.
    if (typeof payload.exp !== 'number' || Date.now() >= Math.round(payload.exp * 1000)) {
      throw new InvalidTokenError('token expired');
    }
    const { sub, jti, sid, gen, exp } = payload;
    return { sub, jti, sid, gen, exp };
  }

  return { sign, verify, ttlMs };
}

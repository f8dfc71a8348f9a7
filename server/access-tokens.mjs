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

  /**
   * @param {{ sub: string, sid: string, gen: number, jkt?: string | null }} claims `jkt`: the
   *   thumbprint of the DPoP key the token is bound to (`cnf.jkt`, RFC 9449), if any
   */
  async function sign({ sub, sid, gen, jkt = null }) {
    const nowMs = Date.now();
    const token = await new SignJWT({ sid, gen, ...(jkt ? { cnf: { jkt } } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(sub)
      .setJti(randomUUID())
      .setIssuedAt(nowMs / 1000)
      .setExpirationTime((nowMs + ttlMs) / 1000)
      .sign(secret);
    return { token, expiresIn: ttlMs / 1000 };
  }

  /**
   * @returns {Promise<{ sub: string, jti: string, sid: string, gen: number, exp: number,
   *   jkt: string | null }>} `jkt`: the DPoP key thumbprint it is bound to, or null (a bearer token)
   */
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
    const { sub, jti, sid, gen, exp, cnf } = payload;
    return { sub, jti, sid, gen, exp, jkt: typeof cnf?.jkt === 'string' ? cnf.jkt : null };
  }

  return { sign, verify, ttlMs };
}

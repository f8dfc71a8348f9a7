// Refresh-token store: one family per login, rotation on every use, reuse (theft) detection.
import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Each login starts a family. Every successful refresh rotates: the presented token becomes
 * "rotated" and a new current token is issued (family generation + 1). Presenting a rotated
 * token again is treated as theft (RFC 9700 section 4.14.2) and revokes the whole family.
 * A refresh token expires `refreshTtlMs` after it was issued (sliding window: every rotation
 * issues a token with a fresh lifetime).
 *
 * A reuse grace period (`reuseGraceMs`, 0 = none, as Okta and Auth0 offer) forgives one case:
 * the token that was rotated last, presented again within the grace period, because the client
 * never received the answer (a browser tab closed mid-refresh). The answer is repeated: the same
 * successor refresh token, still valid (nothing is invalidated, so a late duplicate cannot undo
 * the rotation other tabs already hold), and it counts as `grace: true` instead of theft.
 *
 * rotate() results: { ok: true, family, refreshToken, grace } or { ok: false, reason } with
 * reason 'unknown' | 'revoked' | 'expired' | 'reuse' | 'key'.
 *
 * @param {{ refreshTtlMs: number, reuseGraceMs?: number }} options
 */
export function createTokenFamilies({ refreshTtlMs, reuseGraceMs = 0 }) {
  /** @type {Map<string, { id: string, sub: string, gen: number, revoked: boolean, current: string }>} */
  const families = new Map();
  /** @type {Map<string, { familyId: string, rotated: boolean, expiresAt: number, rotatedAt?: number, successor?: string }>} */
  const tokens = new Map();

  function issue(family) {
    const refreshToken = randomBytes(32).toString('base64url');
    tokens.set(refreshToken, {
      familyId: family.id,
      rotated: false,
      expiresAt: Date.now() + refreshTtlMs,
    });
    family.current = refreshToken;
    return refreshToken;
  }

  /** Starts a new family (login); `jkt` binds its refresh tokens to a DPoP key. */
  function start(sub, jkt = null) {
    const family = { id: randomUUID(), sub, gen: 1, revoked: false, current: '', jkt };
    families.set(family.id, family);
    return { family, refreshToken: issue(family) };
  }

  /**
   * Uses a refresh token: rotates it or reports why it cannot be used. A family bound to a DPoP
   * key only accepts a refresh proven with that key (`jkt`); anything else leaves the token as
   * it was (reason 'key').
   */
  function rotate(refreshToken, jkt = null) {
    const entry = tokens.get(refreshToken);
    if (!entry) return { ok: false, reason: 'unknown' };
    const family = families.get(entry.familyId);
    if (family.jkt && family.jkt !== jkt) return { ok: false, reason: 'key', family };
    const grace =
      entry.rotated &&
      !family.revoked &&
      entry.successor === family.current &&
      Date.now() - entry.rotatedAt < reuseGraceMs;
    if (entry.rotated && !grace) {
      family.revoked = true;
      return { ok: false, reason: 'reuse', family };
    }
    if (family.revoked) return { ok: false, reason: 'revoked', family };
    if (grace) return { ok: true, family, refreshToken: entry.successor, grace };
    if (Date.now() >= entry.expiresAt) return { ok: false, reason: 'expired', family };
    entry.rotated = true;
    entry.rotatedAt = Date.now();
    family.gen += 1;
    const successor = issue(family);
    entry.successor = successor;
    return { ok: true, family, refreshToken: successor, grace: false };
  }

  /** Revokes the family the token belongs to (logout). Returns false for unknown tokens. */
  function revoke(refreshToken) {
    const entry = tokens.get(refreshToken);
    if (!entry) return false;
    families.get(entry.familyId).revoked = true;
    return true;
  }

  /** Revokes every family; returns how many were still active. */
  function revokeAll() {
    let count = 0;
    for (const family of families.values()) {
      if (!family.revoked) count += 1;
      family.revoked = true;
    }
    return count;
  }

  /** Makes one refresh token (or, without argument, every current one) expire now. */
  function expire(refreshToken) {
    const targets = refreshToken
      ? [tokens.get(refreshToken)].filter(Boolean)
      : [...families.values()].map((family) => tokens.get(family.current));
    for (const entry of targets) entry.expiresAt = Date.now();
    return targets.length;
  }

  return { start, rotate, revoke, revokeAll, expire, refreshTtlMs };
}

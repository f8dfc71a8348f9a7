/**
 * What `createTestJwt` puts into the token.
 *
 * @usageNotes
 * ```ts
 * import { TestJwtOptions, createTestJwt } from 'ngx-token-refresh/testing';
 *
 * const options: TestJwtOptions = { expiresIn: 5, claims: { sub: 'bob' } };
 * const token = createTestJwt(options);
 * ```
 */
export interface TestJwtOptions {
  /** Seconds from now until `exp`; negative for an already expired token. @default 3600 */
  expiresIn?: number;
  /** More claims (`sub`, roles, ...); they win over the defaults. */
  claims?: Record<string, unknown>;
}

/**
 * Mints an unsigned-looking test JWT (`alg: none`-style signature, never valid on a server) whose
 * `exp` lies `expiresIn` seconds from now, for specs that need a token about to expire or
 * already expired.
 *
 * @usageNotes
 * ```ts
 * import { createTestJwt } from 'ngx-token-refresh/testing';
 *
 * const expired = createTestJwt({ expiresIn: -60 });
 * const fresh = createTestJwt({ expiresIn: 3600, claims: { sub: 'alice' } });
 * ```
 */
export function createTestJwt(options: TestJwtOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: 'test-user', iat: now, exp: now + (options.expiresIn ?? 3600) };
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ ...claims, ...options.claims })}.test`;
}

function encode(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  const binary = Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
  return btoa(binary).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

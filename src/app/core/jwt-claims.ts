/** The claims of the demo server's access tokens that the UI displays. */
export interface JwtClaims {
  readonly sub?: string;
  readonly gen?: number;
  readonly iat?: number;
  readonly exp?: number;
  /** The key a DPoP-bound token is bound to (RFC 9449 section 6.1): its JWK SHA-256 thumbprint. */
  readonly cnf?: { readonly jkt?: string };
}

/**
 * Decodes a JWT's payload for display only (no signature check: the server verifies tokens).
 * Returns `null` for anything that is not a decodable JWT.
 */
export function decodeJwtClaims(token: string | null | undefined): JwtClaims | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(
      Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) =>
        c.charCodeAt(0),
      ),
    );
    const claims: unknown = JSON.parse(json);
    return typeof claims === 'object' && claims !== null ? (claims as JwtClaims) : null;
  } catch {
    return null;
  }
}

/** The scheme of an `Authorization` header (`Bearer`, `DPoP`, ...), `null` without one. */
export function authScheme(authorization: string | null): string | null {
  return /^([A-Za-z][\w.~+/-]*)\s+\S/.exec(authorization ?? '')?.[1] ?? null;
}

/** The token generation (`gen` claim) carried by an `Authorization: Bearer|DPoP <jwt>` header. */
export function generationFromHeader(authorization: string | null): number | null {
  const match = /^(?:Bearer|DPoP)\s+(\S+)$/i.exec(authorization ?? '');
  const gen = decodeJwtClaims(match?.[1])?.gen;
  return typeof gen === 'number' ? gen : null;
}

// Verifies DPoP proofs (RFC 9449) with jose: the signature by the public key in the proof's
// header, `typ`, `htm`, `htu`, the `iat` window, `jti` replay, `ath` (the hash of the access
// token a resource request carries) and, when the server demands them, nonces.
import { createHash, randomBytes } from 'node:crypto';
import { calculateJwkThumbprint, decodeProtectedHeader, errors, importJWK, jwtVerify } from 'jose';

/** A proof that cannot be accepted; `code` is the OAuth error to answer with. */
export class DpopError extends Error {
  /** @param {'invalid_dpop_proof' | 'use_dpop_nonce'} code */
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/** How far a proof's `iat` may lie from the server's clock, in seconds. */
const IAT_WINDOW_S = 60;
const ALGORITHMS = ['ES256', 'ES384', 'ES512', 'PS256', 'RS256', 'EdDSA'];

/** The request URL as `htu` names it: no query, no fragment. */
export function htuOf(req) {
  return stripUrl(`${req.protocol}://${req.get('host')}${req.originalUrl}`);
}

/** `ath`: the base64url SHA-256 of an access token. */
export function athOf(accessToken) {
  return createHash('sha256').update(accessToken).digest('base64url');
}

/**
 * @param {{ requireNonce?: boolean, nonceTtlMs?: number }} [options] `requireNonce` may be
 *   changed later on the returned object.
 */
export function createDpopProofs({ requireNonce = false, nonceTtlMs = 300_000 } = {}) {
  /** jti -> when it may be forgotten (ms); a proof older than the window is refused anyway. */
  const seen = new Map();
  let nonce = randomBytes(16).toString('base64url');
  let previousNonce = null;
  let nonceSince = Date.now();

  /** The nonce clients must use now (rotated every `nonceTtlMs`; the previous one still counts). */
  function currentNonce() {
    if (Date.now() - nonceSince >= nonceTtlMs) {
      previousNonce = nonce;
      nonce = randomBytes(16).toString('base64url');
      nonceSince = Date.now();
    }
    return nonce;
  }

  /**
   * Verifies `proof` for a request; resolves with the thumbprint (`jkt`) of its key.
   * @param {string | undefined} proof the `DPoP` header
   * @param {{ htm: string, htu: string, accessToken?: string }} request
   */
  async function verify(proof, { htm, htu, accessToken }) {
    const invalid = (why) => new DpopError('invalid_dpop_proof', `DPoP proof: ${why}`);
    if (typeof proof !== 'string' || proof === '') throw invalid('missing');
    let header;
    try {
      header = decodeProtectedHeader(proof);
    } catch {
      throw invalid('malformed');
    }
    if (header.typ !== 'dpop+jwt') throw invalid('typ must be dpop+jwt');
    if (!ALGORITHMS.includes(header.alg)) throw invalid(`alg ${header.alg} not accepted`);
    if (typeof header.jwk !== 'object' || header.jwk === null || 'd' in header.jwk) {
      throw invalid('jwk must be a public key');
    }
    let payload;
    try {
      const key = await importJWK(header.jwk, header.alg);
      ({ payload } = await jwtVerify(proof, key, { typ: 'dpop+jwt', algorithms: ALGORITHMS }));
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof TypeError) {
        throw invalid(`signature (${error.message})`);
      }
      throw error;
    }
    if (payload.htm !== htm) throw invalid('htm does not match the request method');
    if (typeof payload.htu !== 'string' || stripUrl(payload.htu) !== htu) {
      throw invalid('htu does not match the request URL');
    }
    const now = Date.now();
    if (typeof payload.iat !== 'number' || Math.abs(now / 1000 - payload.iat) > IAT_WINDOW_S) {
      throw invalid('iat outside the accepted window');
    }
    if (typeof payload.jti !== 'string' || payload.jti === '') throw invalid('jti missing');
    if (accessToken !== undefined && payload.ath !== athOf(accessToken)) {
      throw invalid('ath does not match the access token');
    }
    if (
      api.requireNonce &&
      (payload.nonce === undefined || ![currentNonce(), previousNonce].includes(payload.nonce))
    ) {
      throw new DpopError('use_dpop_nonce', 'DPoP proof: a fresh nonce is required');
    }
    for (const [jti, until] of seen) if (until <= now) seen.delete(jti);
    if (seen.has(payload.jti)) throw invalid('jti replayed');
    seen.set(payload.jti, now + 2 * IAT_WINDOW_S * 1000);
    return { jkt: await calculateJwkThumbprint(header.jwk, 'sha256') };
  }

  /** A new nonce at once, the previous one no longer accepted (tests: every client is stale). */
  function rotateNonce() {
    nonce = randomBytes(16).toString('base64url');
    previousNonce = null;
    nonceSince = Date.now();
  }

  const api = { requireNonce, verify, currentNonce, rotateNonce };
  return api;
}

/** A URL without query and fragment, normalized as `htu` compares it. */
function stripUrl(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return null;
  }
}

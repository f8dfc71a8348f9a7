import { KeyPair, generateProof } from 'dpop';

/** What a DPoP proof is made for: the request, and the access token it carries, if any. */
export interface DpopProofRequest {
  readonly method: string;
  /** The request URL, absolute or relative to `base`. */
  readonly url: string;
  readonly base: string;
  /** The access token sent with the request (resource requests): the proof's `ath`. */
  readonly accessToken?: string;
  /** The nonce the server asked for (`DPoP-Nonce`), if any. */
  readonly nonce?: string;
}

/**
 * A DPoP proof JWT (RFC 9449) for one request, signed with `key` by panva's `dpop`: `typ`
 * `dpop+jwt`, the public `jwk`, a fresh `jti`, `htm`, `htu` (the absolute URL without query and
 * fragment), `iat`, and `ath` and `nonce` when given. Internal.
 */
export function createDpopProof(key: KeyPair, request: DpopProofRequest): Promise<string> {
  const url = new URL(request.url, request.base);
  const htu = `${url.origin}${url.pathname}`;
  const method = request.method.toUpperCase();
  return generateProof(key, htu, method, request.nonce, request.accessToken);
}

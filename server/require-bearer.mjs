// Express middleware guarding protected resources: verifies `Authorization: Bearer <jwt>`, or
// `Authorization: DPoP <jwt>` with its `DPoP` proof for tokens bound to a key (RFC 9449).
import { InvalidTokenError } from './access-tokens.mjs';
import { DpopError, htuOf } from './dpop-proofs.mjs';

/**
 * Missing token: 401 + `WWW-Authenticate: Bearer realm="api"`.
 * Expired/invalid token: 401 + `WWW-Authenticate: Bearer error="invalid_token"` (`DPoP ...` for
 * the DPoP scheme). A token bound to a DPoP key must come as `DPoP <token>` with a proof of that
 * key whose `ath` is the token's hash; without the nonce the server wants: 401 +
 * `WWW-Authenticate: DPoP error="use_dpop_nonce"` and a `DPoP-Nonce` header.
 * On success the verified claims are in `req.claims`. Also maintains the request counters.
 */
export function requireBearer({ accessTokens, stats, dpop }) {
  return async (req, res, next) => {
    stats.increment('apiRequests');
    const match = /^(Bearer|DPoP) +(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    const reject = (scheme, error, extra = '') => {
      stats.increment('unauthorized');
      res.set(
        'WWW-Authenticate',
        `${scheme} ${error ? `error="${error}"` : 'realm="api"'}${extra}`,
      );
      return res.status(401).json({ error: error ?? 'unauthorized' });
    };
    if (!match) return reject('Bearer', null);
    const scheme = /^dpop$/i.test(match[1]) ? 'DPoP' : 'Bearer';
    try {
      req.claims = await accessTokens.verify(match[2]);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      return reject(scheme, 'invalid_token');
    }
    if ((scheme === 'DPoP') !== (req.claims.jkt !== null)) return reject(scheme, 'invalid_token');
    if (scheme === 'DPoP') {
      const request = { htm: req.method, htu: htuOf(req), accessToken: match[2] };
      try {
        const { jkt } = await dpop.verify(req.get('DPoP'), request);
        stats.increment('dpopProofs');
        if (jkt !== req.claims.jkt)
          return reject(scheme, 'invalid_token', ', error_description="key"');
      } catch (error) {
        if (!(error instanceof DpopError)) throw error;
        if (error.code === 'use_dpop_nonce') {
          stats.increment('dpopNonceChallenges');
          res.set('DPoP-Nonce', dpop.currentNonce());
        }
        return reject(scheme, error.code);
      }
      if (dpop.requireNonce) res.set('DPoP-Nonce', dpop.currentNonce());
    }
    stats.countToken(req.claims);
    res.on('finish', () => {
      if (res.statusCode >= 200 && res.statusCode < 300) stats.increment('apiSuccesses');
    });
    next();
  };
}

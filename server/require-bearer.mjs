// Express middleware guarding protected resources: verifies `Authorization: Bearer <jwt>`.
import { InvalidTokenError } from './access-tokens.mjs';

/**
 * Missing token: 401 + `WWW-Authenticate: Bearer realm="api"`.
 * Expired/invalid token: 401 + `WWW-Authenticate: Bearer error="invalid_token"`.
 * On success the verified claims are in `req.claims`. Also maintains the request counters.
 */
export function requireBearer({ accessTokens, stats }) {
  return async (req, res, next) => {
    stats.increment('apiRequests');
    const match = /^Bearer +(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match) {
      stats.increment('unauthorized');
      res.set('WWW-Authenticate', 'Bearer realm="api"');
      return res.status(401).json({ error: 'unauthorized' });
    }
    try {
      req.claims = await accessTokens.verify(match[1]);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      stats.increment('unauthorized');
      res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
      return res.status(401).json({ error: 'invalid_token' });
    }
    stats.countToken(req.claims);
    res.on('finish', () => {
      if (res.statusCode >= 200 && res.statusCode < 300) stats.increment('apiSuccesses');
    });
    next();
  };
}

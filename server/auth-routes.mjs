// POST /api/auth/login, /api/auth/refresh (rotation + reuse detection) and /api/auth/logout.
import { Router } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie.mjs';

const DEMO_USERS = new Map([['demo', 'demo']]);

/** Refresh token from the body (`refreshToken` or `refresh_token`), else from the `rt` cookie. */
function readRefreshToken(req) {
  const body = req.body ?? {};
  const fromBody = body.refreshToken ?? body.refresh_token;
  if (typeof fromBody === 'string' && fromBody !== '')
    return { token: fromBody, fromCookie: false };
  const fromCookie = readRefreshCookie(req);
  return { token: fromCookie || undefined, fromCookie: Boolean(fromCookie) };
}

/**
 * @param {{ accessTokens: any, families: any, stats: any, faults: any }} deps
 */
export function createAuthRouter({ accessTokens, families, stats, faults }) {
  const router = Router();

  async function sendTokens(res, family, refreshToken) {
    const { token, expiresIn } = await accessTokens.sign({
      sub: family.sub,
      sid: family.id,
      gen: family.gen,
    });
    setRefreshCookie(res, refreshToken, families.refreshTtlMs);
    res.json({ accessToken: token, refreshToken, expiresIn, tokenType: 'Bearer' });
  }

  router.post('/login', async (req, res) => {
    const { username, password } = req.body ?? {};
    if (typeof username !== 'string' || DEMO_USERS.get(username) !== password) {
      return res.status(401).json({ error: 'invalid_credentials' });
    }
    stats.increment('logins');
    const { family, refreshToken } = families.start(username);
    await sendTokens(res, family, refreshToken);
  });

  router.post('/refresh', async (req, res) => {
    stats.increment('refreshCalls');
    const fail = (status, error) => {
      stats.increment('refreshFailures');
      return res.status(status).json({ error });
    };
    if (faults.refreshLatencyMs > 0) await sleep(faults.refreshLatencyMs);
    if (faults.refreshUnavailable) return fail(503, 'temporarily_unavailable');
    const failMode = faults.takeRefreshFailure();
    if (failMode === 'drop') {
      stats.increment('refreshFailures');
      return req.socket.destroy();
    }
    if (failMode === '500') return fail(500, 'server_error');

    const { token, fromCookie } = readRefreshToken(req);
    if (!token) return fail(400, 'invalid_request');
    const result = families.rotate(token);
    if (!result.ok) {
      if (result.reason === 'reuse') stats.increment('reuseDetections');
      if (fromCookie) clearRefreshCookie(res);
      return fail(400, 'invalid_grant');
    }
    stats.increment('refreshSuccesses');
    if (result.grace) stats.increment('graceReuses');
    await sendTokens(res, result.family, result.refreshToken);
  });

  router.post('/logout', (req, res) => {
    const { token } = readRefreshToken(req);
    if (token) families.revoke(token);
    clearRefreshCookie(res);
    res.status(204).end();
  });

  return router;
}

// POST /api/auth/login, /api/auth/refresh (rotation + reuse detection) and /api/auth/logout.
import { Router } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import { DpopError, htuOf } from './dpop-proofs.mjs';
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
 * The thumbprint of the DPoP key that proves this request (`DPoP` header), or null without a
 * proof. An unusable proof is answered here (400, with a fresh `DPoP-Nonce` when the server wants
 * one) and resolves `undefined`: the route stops.
 */
async function proofKey(req, res, { dpop, stats }) {
  if (req.get('DPoP') === undefined) return null;
  try {
    const { jkt } = await dpop.verify(req.get('DPoP'), { htm: req.method, htu: htuOf(req) });
    stats.increment('dpopProofs');
    return jkt;
  } catch (error) {
    if (!(error instanceof DpopError)) throw error;
    if (error.code === 'use_dpop_nonce') {
      stats.increment('dpopNonceChallenges');
      res.set('DPoP-Nonce', dpop.currentNonce());
    }
    res.status(400).json({ error: error.code, error_description: error.message });
    return undefined;
  }
}

/**
 * Login and refresh bind their tokens to the DPoP key of the request's proof, if it has one
 * (token type `DPoP`, access token `cnf.jkt`, the refresh token family bound to the key).
 * @param {{ accessTokens: any, families: any, stats: any, faults: any, dpop: any }} deps
 */
export function createAuthRouter({ accessTokens, families, stats, faults, dpop }) {
  const router = Router();

  async function sendTokens(res, family, refreshToken) {
    const { token, expiresIn } = await accessTokens.sign({
      sub: family.sub,
      sid: family.id,
      gen: family.gen,
      jkt: family.jkt,
    });
    setRefreshCookie(res, refreshToken, families.refreshTtlMs);
    if (dpop.requireNonce) res.set('DPoP-Nonce', dpop.currentNonce());
    const tokenType = family.jkt ? 'DPoP' : 'Bearer';
    res.json({ accessToken: token, refreshToken, expiresIn, tokenType });
  }

  router.post('/login', async (req, res) => {
    const { username, password } = req.body ?? {};
    if (typeof username !== 'string' || DEMO_USERS.get(username) !== password) {
      return res.status(401).json({ error: 'invalid_credentials' });
    }
    const jkt = await proofKey(req, res, { dpop, stats });
    if (jkt === undefined) return;
    stats.increment('logins');
    const { family, refreshToken } = families.start(username, jkt);
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
    const jkt = await proofKey(req, res, { dpop, stats });
    if (jkt === undefined) return stats.increment('refreshFailures');
    const result = families.rotate(token, jkt);
    // A token bound to a DPoP key, refreshed without a proof: the proof is what is missing.
    if (result.reason === 'key' && jkt === null) return fail(400, 'invalid_dpop_proof');
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

// Builds the demo/test auth server (express app) and its inspectable state.
import express from 'express';
import path from 'node:path';
import { createAccessTokens } from './access-tokens.mjs';
import { createDpopProofs } from './dpop-proofs.mjs';
import { createAuthRouter } from './auth-routes.mjs';
import { createFaults, faultMiddleware } from './faults.mjs';
import { createResourceRouter } from './resource-routes.mjs';
import { createStats } from './stats.mjs';
import { createControlRouter } from './control-routes.mjs';
import { createTokenFamilies } from './token-families.mjs';

/**
 * @param {{ accessTtlMs?: number, refreshTtlMs?: number, reuseGraceMs?: number, testMode?: boolean,
 *   latencyMs?: number, staticDir?: string, dpopNonce?: boolean }} [config] `dpopNonce`: DPoP
 *   proofs must carry the server's nonce (RFC 9449 section 8)
 * @returns {{ app: import('express').Express, state: object }}
 */
export function createAuthServer(config = {}) {
  const {
    accessTtlMs = 10_000,
    refreshTtlMs = 3_600_000,
    reuseGraceMs = 0,
    testMode = false,
    latencyMs = 0,
    staticDir,
    dpopNonce = false,
  } = config;
  const state = {
    accessTokens: createAccessTokens({ ttlMs: accessTtlMs }),
    families: createTokenFamilies({ refreshTtlMs, reuseGraceMs }),
    stats: createStats(),
    faults: createFaults({ latencyMs }),
    dpop: createDpopProofs({ requireNonce: dpopNonce }),
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // no 304s for API responses: every request is really answered

  const api = express.Router();
  api.use((req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.use(faultMiddleware(state.faults));
  api.use(express.json(), express.urlencoded({ extended: false }));
  api.use('/auth', createAuthRouter(state));
  api.use(createResourceRouter(state));
  api.use(createControlRouter({ ...state, testMode }));
  api.use((req, res) => res.status(404).json({ error: 'not_found' }));
  app.use('/api', api);

  if (staticDir) {
    const root = path.resolve(staticDir);
    app.use(express.static(root));
    // Single-page app fallback: unknown GET paths outside /api get index.html.
    app.use((req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      res.sendFile(path.join(root, 'index.html'), (error) => error && next(error));
    });
  }

  app.use((req, res) => res.status(404).json({ error: 'not_found' }));
  app.use((error, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? error.statusCode ?? 500;
    if (status >= 500) console.error(error);
    res.status(status).json({ error: status < 500 ? 'invalid_request' : 'server_error' });
  });

  return { app, state };
}

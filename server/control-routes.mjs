// Counters (/api/_stats, always on) and TEST_MODE-only control endpoints (/api/_reset, ...).
import { Router } from 'express';
import { FaultSettingsError } from './faults.mjs';

export function createControlRouter({ stats, faults, families, dpop, testMode }) {
  const router = Router();
  const nonceAtStart = dpop.requireNonce;

  router.get('/_stats', (req, res) => res.json(stats.snapshot()));
  if (!testMode) return router;

  router.post('/_reset', (req, res) => {
    stats.reset();
    faults.reset();
    dpop.requireNonce = nonceAtStart;
    res.json({ stats: stats.snapshot(), faults: faults.get() });
  });

  router.get('/_faults', (req, res) => res.json(faults.get()));

  router.post('/_faults', (req, res) => {
    try {
      res.json(faults.merge(req.body ?? {}));
    } catch (error) {
      if (!(error instanceof FaultSettingsError)) throw error;
      res.status(400).json({ error: 'invalid_request', message: error.message });
    }
  });

  router.post('/_dpop', (req, res) => {
    const { requireNonce, rotateNonce } = req.body ?? {};
    const valid =
      (requireNonce === undefined || typeof requireNonce === 'boolean') &&
      (rotateNonce === undefined || rotateNonce === true) &&
      (requireNonce !== undefined || rotateNonce !== undefined);
    if (!valid) {
      const message = 'requireNonce: boolean and/or rotateNonce: true';
      return res.status(400).json({ error: 'invalid_request', message });
    }
    if (requireNonce !== undefined) dpop.requireNonce = requireNonce;
    if (rotateNonce) dpop.rotateNonce();
    res.json({ requireNonce: dpop.requireNonce });
  });

  router.post('/_revoke-all', (req, res) => res.json({ revoked: families.revokeAll() }));

  router.post('/_expire-refresh', (req, res) => {
    const token = req.body?.refreshToken;
    res.json({ expired: families.expire(typeof token === 'string' ? token : undefined) });
  });

  return router;
}

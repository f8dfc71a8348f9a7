// Protected demo resources: /api/profile, /api/items, /api/items/:id, /api/slow, /api/whoami.
import { Router } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import { requireBearer } from './require-bearer.mjs';

const ITEMS = [
  { id: 1, name: 'Alpha', description: 'The first item' },
  { id: 2, name: 'Bravo', description: 'The second item' },
  { id: 3, name: 'Charlie', description: 'The third item' },
];
const MAX_SLOW_MS = 10_000;

export function createResourceRouter({ accessTokens, stats, dpop }) {
  const router = Router();
  const auth = requireBearer({ accessTokens, stats, dpop });

  router.get('/profile', auth, (req, res) => {
    const { sub, gen, sid } = req.claims;
    res.json({ sub, gen, sid });
  });

  router.get('/items', auth, (req, res) => res.json(ITEMS));

  router.get('/items/:id', auth, (req, res) => {
    const item = ITEMS.find((candidate) => String(candidate.id) === req.params.id);
    if (!item) return res.status(404).json({ error: 'not_found' });
    res.json(item);
  });

  router.get('/slow', auth, async (req, res) => {
    const requested = req.query.ms === undefined ? 800 : Number(req.query.ms);
    const ms = Number.isFinite(requested) ? Math.min(Math.max(requested, 0), MAX_SLOW_MS) : 800;
    await sleep(ms);
    res.json({ waitedMs: ms, sub: req.claims.sub, gen: req.claims.gen });
  });

  router.get('/whoami', auth, (req, res) => {
    const { jkt, ...claims } = req.claims;
    res.json(jkt ? { ...claims, jkt } : claims);
  });

  return router;
}

// A tiny "other origin" server that records the headers it receives (to prove no token leaks).
import express from 'express';

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  // `*` does not cover Authorization in the Fetch spec, hence the explicit names as well.
  'Access-Control-Allow-Headers': '*, authorization, content-type',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
};

/**
 * Any method on any path except /_records is recorded as `{ method, path, headers }` (header
 * names lower-case) and answered 200 `{ ok: true }`, or 204 for OPTIONS preflights.
 * GET /_records returns the records, DELETE /_records clears them.
 * @returns {{ app: import('express').Express, records: object[] }}
 */
export function createHeaderRecorder() {
  const records = [];
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use((req, res, next) => {
    res.set(CORS_HEADERS);
    res.set('Cache-Control', 'no-store');
    next();
  });

  app.get('/_records', (req, res) => res.json(records));
  app.delete('/_records', (req, res) => {
    records.length = 0;
    res.status(204).end();
  });

  app.use((req, res) => {
    if (req.path === '/_records') {
      if (req.method === 'OPTIONS') return res.status(204).end();
      return res.status(405).json({ error: 'method_not_allowed' });
    }
    records.push({ method: req.method, path: req.path, headers: { ...req.headers } });
    if (req.method === 'OPTIONS') return res.status(204).end();
    res.json({ ok: true });
  });

  return { app, records };
}

/** The demo server's endpoints, relative to the page (same origin, or proxied by `ng serve`). */
export const API = {
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
  items: '/api/items',
  stats: '/api/_stats',
  faults: '/api/_faults',
} as const;

/** The "partner" API on another origin (the header recorder started by `npm start`). */
export const DEFAULT_PARTNER_URL = 'http://127.0.0.1:3001';

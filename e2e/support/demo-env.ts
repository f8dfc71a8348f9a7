// The auth server's settings in the e2e tests and the built app it serves. Shared by the webServer
// of playwright.config.ts and the fixture that starts a server of its own; imports no `.mjs`, so
// that the config can load it.
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The production build of the demo app, served by the auth server on the same origin as /api. */
export const DIST_DIR = path.join(ROOT, 'dist/ngx-token-refresh-workspace/browser');

/** Access-token lifetime for the e2e server; the app refreshes 5 s (its leeway) before expiry. */
export const ACCESS_TTL_MS = 8000;

/**
 * The auth server's environment in the e2e tests. Every server variable is set, so that none
 * leaks in from the caller's environment (an empty value means the default).
 */
export const DEMO_SERVER_ENV = {
  SERVER: 'auth',
  TEST_MODE: '1',
  ACCESS_TTL: `${ACCESS_TTL_MS}ms`,
  STATIC_DIR: DIST_DIR,
  REFRESH_TTL: '',
  REUSE_GRACE: '',
  LATENCY_MS: '',
  DPOP_NONCE: '',
};

/** Throws a readable error when the demo app has not been built. */
export function requireBuild(): void {
  if (!existsSync(path.join(DIST_DIR, 'index.html'))) {
    throw new Error(
      `The demo app is not built (no ${path.join(DIST_DIR, 'index.html')}).\n` +
        'Run `npm run build:lib && npx ng build` before the e2e tests.',
    );
  }
}

// End-to-end tests (e2e/*.spec.ts): the built demo app served by the real auth server, in
// Debian's Chromium. Build first: `npm run build:lib && npx ng build`. See e2e/README.md.
import { defineConfig } from '@playwright/test';
import CHROMIUM_FLAGS from './scripts/chromium-flags.cjs';
import { DEMO_SERVER_ENV } from './e2e/support/demo-env';

/**
 * The servers listen on free loopback ports (PORT=0, or from E2E_AUTH_PORT / E2E_RECORDER_PORT)
 * and print `{"event":"listening",...,"url":"http://127.0.0.1:PORT",...}`; the URL captured from
 * that line lands in process.env (E2E_AUTH_URL_<worker>, E2E_RECORDER_URL) for e2e/fixtures.ts.
 */
const listening = (name: string, variable: string) =>
  new RegExp(
    `"event":"listening","name":"${name}","url":"(?<${variable}>http://127\\.0\\.0\\.1:\\d+)"`,
  );

/** Workers, each with an auth server of its own: a scenario reads and resets its counters. */
const WORKERS = Number(process.env['E2E_WORKERS']) || 2;
const authPort = (worker: number) =>
  process.env['E2E_AUTH_PORT'] ? String(Number(process.env['E2E_AUTH_PORT']) + worker) : '0';

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  outputDir: './test-results/e2e',
  globalSetup: './e2e/support/global-setup.ts',
  // The server helpers shared with server/ and bench/ are plain ES modules: load them as they are.
  build: { external: ['**/e2e/support/*.mjs'] },
  // A file's tests run one after another in one worker, on that worker's auth server; most of
  // the time goes into waiting for tokens to expire, so 2 workers finish in about half the time.
  workers: WORKERS,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  // Several scenarios wait for an 8-second access token to expire, some more than once.
  timeout: 90_000,
  reporter: [
    ['list'],
    ['junit', { outputFile: process.env['JUNIT_REPORT'] || 'tmp/test-reports/e2e.xml' }],
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env['CHROME_BIN'] || '/usr/bin/chromium',
      args: CHROMIUM_FLAGS,
    },
    viewport: { width: 1280, height: 900 },
    actionTimeout: 10_000,
    navigationTimeout: 10_000,
    // Traces with DOM snapshots but no screencast: five tabs filming themselves slow the timing
    // checks on a busy machine. A failed test also keeps a screenshot of each of its pages.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
  },
  webServer: [
    ...Array.from({ length: WORKERS }, (_, worker) => ({
      name: `auth-${worker}`,
      command: 'node server/main.mjs',
      env: { ...DEMO_SERVER_ENV, PORT: authPort(worker) },
      wait: { stdout: listening('auth', `e2e_auth_url_${worker}`) },
      gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 3000 },
      timeout: 30_000,
    })),
    {
      name: 'recorder',
      command: 'node server/main.mjs',
      env: { SERVER: 'recorder', PORT: process.env['E2E_RECORDER_PORT'] || '0' },
      wait: { stdout: listening('recorder', 'e2e_recorder_url') },
      gracefulShutdown: { signal: 'SIGTERM', timeout: 3000 },
      timeout: 30_000,
    },
  ],
});

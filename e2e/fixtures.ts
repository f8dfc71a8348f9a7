// Fixtures of the e2e tests: the demo auth server (the one playwright.config.ts starts for each
// worker, or one the worker starts itself for a scenario that needs other server settings), the
// header recorder, and the page's uncaught errors.
import { test as base } from '@playwright/test';
import { watchErrors } from './support/demo-app';
import { DEMO_SERVER_ENV } from './support/demo-env';
import { DemoServer, Recorder } from './support/demo-server';
import { startServer } from './support/start-server.mjs';

/** A URL the webServer of playwright.config.ts announced (captured from its stdout). */
function announced(variable: string): string {
  const url = process.env[variable];
  if (!url)
    throw new Error(`${variable} is not set: run the e2e tests with \`npx playwright test\``);
  return url;
}

type WorkerFixtures = {
  /**
   * Extra auth-server settings (REUSE_GRACE, ...). When set, the worker starts a server of its
   * own with them (`test.use({ serverEnv: { ... } })`) instead of the one from the config.
   */
  serverEnv: Record<string, string> | null;
  /**
   * The auth server of this worker (the one playwright.config.ts started for it), serving the
   * built demo app on the same origin.
   */
  demoServer: DemoServer;
  /** The "other origin" header recorder. */
  recorder: Recorder;
};

type TestFixtures = {
  /** `demoServer` with its counters and faults reset before the test. */
  server: DemoServer;
  /** The uncaught errors of `page`. */
  pageErrors: string[];
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  serverEnv: [null, { scope: 'worker', option: true }],

  demoServer: [
    async ({ serverEnv }, use, { parallelIndex }) => {
      if (!serverEnv) return use(new DemoServer(announced(`E2E_AUTH_URL_${parallelIndex}`)));
      const own = await startServer({ env: { ...DEMO_SERVER_ENV, ...serverEnv } });
      try {
        await use(new DemoServer(own.url));
      } finally {
        await own.stop();
      }
    },
    { scope: 'worker' },
  ],

  recorder: [
    async ({}, use) => use(new Recorder(announced('E2E_RECORDER_URL'))),
    { scope: 'worker' },
  ],

  baseURL: async ({ demoServer }, use) => use(demoServer.url),

  server: async ({ demoServer }, use) => {
    await demoServer.reset();
    await use(demoServer);
  },

  pageErrors: async ({ page }, use) => use(watchErrors(page)),
});

export { expect } from '@playwright/test';

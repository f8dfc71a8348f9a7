// The measures that need the auth server and Chromium, in the order that lets the pre-issued
// access tokens of the burst measure expire while the in-process measures run. The server and
// the browser are stopped when they end, also on failure.
import { join } from 'node:path';
import { startBenchServer } from './bench-server.mjs';
import { launchBrowser } from './browser.mjs';
import { outputOf } from './build.mjs';
import { describeMachine } from './machine.mjs';
import { measureAmplification, sessionsNeeded } from './measures/amplification.mjs';
import { measureMemory } from './measures/memory.mjs';
import { measureShortTtl } from './measures/short-ttl.mjs';
import { measureStartup } from './measures/startup.mjs';
import { measureSteadyState } from './measures/steady-state.mjs';
import { issueSessions } from './sessions.mjs';

/**
 * @param {{ options: object, wanted: string[], time: (name: string, work: () => Promise<any>)
 *   => Promise<any>, log: (message: string) => void }} run
 * @returns {Promise<{ machine: object, measures: object }>}
 */
export async function runRuntimeMeasures({ options, wanted, time, log }) {
  const measures = {};
  const server = await startBenchServer({
    staticDir: join(outputOf('runtime'), 'browser'),
    accessTtl: `${options.accessTtlMs}ms`,
  });
  let browser;
  try {
    browser = await launchBrowser();
    const machine = describeMachine(browser.version());
    const settings = options;
    const baseUrl = server.url;
    const sessions = wanted.includes('amplification')
      ? await issueSessions(server, sessionsNeeded(options), options.accessTtlMs)
      : null;
    if (wanted.includes('steady')) {
      measures.steady = await time('steady state', () =>
        measureSteadyState({ browser, baseUrl, settings, log }),
      );
    }
    if (wanted.includes('memory')) {
      measures.memory = await time('memory', () =>
        measureMemory({ browser, baseUrl, settings, log }),
      );
    }
    if (wanted.includes('startup')) {
      measures.startup = await time('start-up delay', () =>
        measureStartup({ browser, server, settings, log }),
      );
    }
    if (sessions) {
      measures.amplification = await time('amplification and latency', () =>
        measureAmplification({ browser, server, sessions, settings, log }),
      );
    }
    if (wanted.includes('short-ttl')) {
      const { ttlMs, n, variants } = options.shortTtl;
      measures.shortTtl = await time('short-lived token, long browser queue', async () => {
        const results = [];
        for (const variant of variants) {
          results.push(await measureShortTtl({ browser, ttlMs, n, variant }));
        }
        return { results };
      });
    }
    return { machine, measures };
  } finally {
    await browser?.close();
    await server.stop();
  }
}

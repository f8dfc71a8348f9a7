// An edge case, not one of the five measures: a burst right after expiry when the access token
// lives shorter than the burst takes (Chromium queues it: 6 connections per origin), so the token
// from the refresh expires before the queued requests reach the server. Its own server process
// (a short ACCESS_TTL); also used by bench/repro/short-ttl-burst.mjs.
import { join } from 'node:path';
import { startBenchServer } from '../bench-server.mjs';
import { openBenchPage } from '../browser.mjs';
import { outputOf } from '../build.mjs';

export async function measureShortTtl({ browser, ttlMs, n, variant }) {
  const server = await startBenchServer({
    staticDir: join(outputOf('runtime'), 'browser'),
    accessTtl: `${ttlMs}ms`,
  });
  const page = await openBenchPage(browser, server.url);
  try {
    const session = await server.login();
    await new Promise((resolve) => setTimeout(resolve, ttlMs + 100));
    await page.load(variant);
    await page.call('setSession', session);
    await server.reset();
    const burst = await page.call('fire', n, 30_000);
    const stats = await server.stats();
    return {
      variant,
      accessTtlMs: ttlMs,
      n,
      ok: burst.ok,
      failed: burst.failed,
      hung: burst.hung,
      failures: burst.failures,
      durationMs: burst.durationMs,
      refreshCalls: stats.refreshCalls,
      reuseDetections: stats.reuseDetections,
      unauthorized: stats.unauthorized,
      sessionStatus: await page.call('sessionStatus'),
      pageErrors: page.errors,
    };
  } finally {
    await page.close();
    await server.stop();
  }
}

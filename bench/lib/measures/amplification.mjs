// Measures 1 and 3 on the real server: N concurrent requests right after the access token
// expired (refresh calls, 401s served, failures, time until all completed, per-request latency),
// and the latency floor (one refresh round trip, then the N requests, with a bare HttpClient).
import { openBenchPage } from '../browser.mjs';
import { waitUntil } from '../sessions.mjs';
import { quantile } from '../summary.mjs';
import { REFRESHING } from '../variants.mjs';

const COUNTERS = [
  'refreshCalls',
  'refreshSuccesses',
  'refreshFailures',
  'reuseDetections',
  'unauthorized',
  'apiRequests',
  'apiSuccesses',
];

/** How many sessions `measureAmplification` takes. */
export const sessionsNeeded = ({ ns, reps }) =>
  ns.reduce((sum, n) => sum + reps[n], 0) * (REFRESHING.length + 1);

/** How long a burst may show no progress before its open requests count as hung. */
const idleMsFor = (n) => 5000 + 15 * n;

/**
 * Runs every (repetition, N, option) once, options interleaved so that a disturbance on the
 * shared machine hits all of them alike. Each run: a fresh app instance, a session whose access
 * token has expired, counters reset, the burst, the server's counters.
 */
export async function measureAmplification({ browser, server, sessions, settings, log }) {
  await waitUntil(sessions.expiredAt + 250);
  const pages = {};
  for (const id of ['floor', ...REFRESHING]) pages[id] = await openBenchPage(browser, server.url);
  const runs = [];
  try {
    const maxReps = Math.max(...settings.ns.map((n) => settings.reps[n]));
    for (let rep = 0; rep < maxReps; rep++) {
      for (const n of settings.ns.filter((size) => rep < settings.reps[size])) {
        // Rotated per repetition and N, so that no option always runs first (after a big burst).
        const ids = ['floor', ...REFRESHING];
        const shift = rep + settings.ns.indexOf(n);
        for (const id of ids.map((_, i) => ids[(i + shift) % ids.length])) {
          const run = await runOnce(pages[id], id, n, sessions.take(), server, idleMsFor(n));
          runs.push({ rep, ...run });
          log(
            `  ${id} N=${n} rep ${rep + 1}: refresh ${run.stats.refreshCalls}, ` +
              `401 ${run.stats.unauthorized}, failed ${run.failed}, hung ${run.hung}, ` +
              `${run.durationMs.toFixed(0)} ms`,
          );
        }
      }
    }
  } finally {
    for (const page of Object.values(pages)) await page.close();
  }
  const pageErrors = Object.entries(pages).flatMap(([id, page]) =>
    page.errors.map((message) => `${id}: ${message}`),
  );
  return { runs, pageErrors };
}

async function runOnce(page, id, n, session, server, idleMs) {
  await page.load(id === 'floor' ? 'bare' : id);
  if (id !== 'floor') await page.call('setSession', session);
  await server.reset();
  const burst =
    id === 'floor'
      ? await page.call('floor', n, session.refreshToken, idleMs)
      : await page.call('fire', n, idleMs);
  const after = await server.stats();
  const stats = Object.fromEntries(COUNTERS.map((key) => [key, after[key]]));
  return {
    variant: id,
    n,
    ok: burst.ok,
    failed: burst.failed,
    hung: burst.hung,
    failures: burst.failures,
    durationMs: burst.durationMs,
    p50: quantile(burst.latencies, 0.5),
    p99: quantile(burst.latencies, 0.99),
    ...(burst.refreshMs === undefined ? {} : { refreshMs: burst.refreshMs }),
    stats,
  };
}

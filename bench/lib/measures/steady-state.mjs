// Measure 2: the cost per request when no refresh is needed, against the in-process backend
// (answers synchronously: no network, no event loop), in the production build in Chromium.
import { openBenchPage } from '../browser.mjs';
import { STEADY } from '../variants.mjs';

/**
 * Every option in its own page; a warm-up, then `rounds` rounds of `count` requests, the
 * options interleaved (and rotated) within each round. Resolves per option the ns per request
 * of each round and the in-process server's counters (did the token go along?).
 */
export async function measureSteadyState({ browser, baseUrl, settings, log }) {
  const { count, axiosCount, warmup, rounds, batch } = settings.steady;
  const countFor = (id) => (id.startsWith('axios') ? axiosCount : count);
  const pages = {};
  const results = {};
  try {
    for (const id of STEADY) {
      pages[id] = await openBenchPage(browser, baseUrl);
      await pages[id].load(id, 'sync');
      await pages[id].call('login');
      await pages[id].call('steady', Math.min(warmup, countFor(id)), batch);
      results[id] = { nsPerRequest: [], failed: 0 };
    }
    for (let round = 0; round < rounds; round++) {
      const order = STEADY.map((_, i) => STEADY[(i + round) % STEADY.length]);
      for (const id of order) {
        const { ms, failed } = await pages[id].call('steady', countFor(id), batch);
        results[id].nsPerRequest.push((ms * 1e6) / countFor(id));
        results[id].failed += failed;
      }
      log(
        `  round ${round + 1}: ` +
          STEADY.map((id) => `${id} ${results[id].nsPerRequest.at(-1).toFixed(0)} ns`).join(', '),
      );
    }
    for (const id of STEADY) results[id].counters = await pages[id].call('counters');
  } finally {
    for (const page of Object.values(pages)) await page.close();
  }
  const pageErrors = Object.entries(pages).flatMap(([id, page]) =>
    page.errors.map((message) => `${id}: ${message}`),
  );
  return { count, axiosCount, rounds, results, pageErrors };
}

// Measure 5: heap in use (after a full GC, via CDP) after a warm-up, half-way and after all
// refresh cycles against the in-process server (401, refresh, retry: one cycle per request).
import { openBenchPage } from '../browser.mjs';
import { REFRESHING } from '../variants.mjs';

export async function measureMemory({ browser, baseUrl, settings, log }) {
  const { cycles, warmup, reps } = settings.memory;
  const results = Object.fromEntries(REFRESHING.map((id) => [id, []]));
  const page = await openBenchPage(browser, baseUrl);
  try {
    for (let rep = 0; rep < reps; rep++) {
      for (const id of REFRESHING) {
        await page.load(id, 'async');
        await page.call('login');
        const warm = await page.call('cycles', warmup);
        const heapWarm = await page.heapAfterGc();
        const started = performance.now();
        const first = await page.call('cycles', cycles / 2);
        const heapHalf = await page.heapAfterGc();
        const second = await page.call('cycles', cycles / 2);
        const elapsed = performance.now() - started;
        const heapEnd = await page.heapAfterGc();
        const counters = await page.call('counters');
        const run = {
          heapWarm,
          heapHalf,
          heapEnd,
          ok: warm.ok + first.ok + second.ok,
          failed: warm.failed + first.failed + second.failed,
          msPerCycle: elapsed / cycles,
          counters,
        };
        results[id].push(run);
        log(
          `  ${id} rep ${rep + 1}: heap ${kb(heapWarm)} -> ${kb(heapHalf)} -> ${kb(heapEnd)} KB, ` +
            `${run.failed} failed, ${(run.msPerCycle * 1000).toFixed(0)} µs/cycle`,
        );
      }
    }
  } finally {
    await page.close();
  }
  return { cycles, warmup, results, pageErrors: page.errors };
}

const kb = (bytes) => (bytes / 1024).toFixed(0);

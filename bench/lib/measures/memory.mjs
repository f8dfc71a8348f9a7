// Measure 5: heap in use (after a full GC, via CDP) after a warm-up, half-way and after all
// refresh cycles against the in-process server (401, refresh, retry: one cycle per request),
// and the wall and main-thread CPU time per cycle.
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
        // Wall and CPU time over the cycles only, not the garbage collection half-way.
        let started = performance.now();
        let cpuStarted = await page.cpuMs();
        const first = await page.call('cycles', cycles / 2);
        let elapsed = performance.now() - started;
        let cpu = (await page.cpuMs()) - cpuStarted;
        const heapHalf = await page.heapAfterGc();
        started = performance.now();
        cpuStarted = await page.cpuMs();
        const second = await page.call('cycles', cycles / 2);
        elapsed += performance.now() - started;
        cpu += (await page.cpuMs()) - cpuStarted;
        const heapEnd = await page.heapAfterGc();
        const counters = await page.call('counters');
        const run = {
          heapWarm,
          heapHalf,
          heapEnd,
          ok: warm.ok + first.ok + second.ok,
          failed: warm.failed + first.failed + second.failed,
          msPerCycle: elapsed / cycles,
          cpuMsPerCycle: cpu / cycles,
          counters,
        };
        results[id].push(run);
        log(
          `  ${id} rep ${rep + 1}: heap ${kb(heapWarm)} -> ${kb(heapHalf)} -> ${kb(heapEnd)} KB, ` +
            `${run.failed} failed, ${(run.msPerCycle * 1000).toFixed(0)} µs/cycle, ` +
            `${(run.cpuMsPerCycle * 1000).toFixed(0)} µs CPU/cycle`,
        );
      }
    }
  } finally {
    await page.close();
  }
  return { cycles, warmup, results, pageErrors: page.errors };
}

const kb = (bytes) => (bytes / 1024).toFixed(0);

/** How a burst of requests ended (times in ms from the start of the burst). */
export interface BurstResult {
  ok: number;
  failed: number;
  /** Requests that had not settled when nothing had settled for `idleMs`. */
  hung: number;
  /** Until the last request settled. */
  durationMs: number;
  /** Completion time of each successful request. */
  latencies: number[];
  /** Failed requests by HTTP status (0: network error, -1: not an HTTP error). */
  failures: Record<string, number>;
}

/**
 * Starts `n` requests at once (`start(done)` sends one) and resolves when all have settled, or
 * when none has settled for `idleMs` (the rest count as hung). `t0` lets a caller count time
 * spent before the burst (the refresh of the latency floor).
 */
export function runBurst(
  n: number,
  start: (done: (ok: boolean, status: number) => void) => void,
  idleMs: number,
  t0 = performance.now(),
): Promise<BurstResult> {
  return new Promise((resolve) => {
    const result: BurstResult = {
      ok: 0,
      failed: 0,
      hung: 0,
      durationMs: 0,
      latencies: [],
      failures: {},
    };
    let settled = 0;
    let lastSettled = performance.now();
    const finish = () => {
      clearInterval(watchdog);
      result.hung = n - settled;
      resolve(result);
    };
    const watchdog = setInterval(() => {
      if (performance.now() - lastSettled > idleMs) finish();
    }, 50);
    const done = (ok: boolean, status: number) => {
      lastSettled = performance.now();
      const elapsed = lastSettled - t0;
      result.durationMs = Math.max(result.durationMs, elapsed);
      if (ok) {
        result.ok++;
        result.latencies.push(elapsed);
      } else {
        result.failed++;
        result.failures[status] = (result.failures[status] ?? 0) + 1;
      }
      if (++settled === n) finish();
    };
    for (let i = 0; i < n; i++) start(done);
  });
}

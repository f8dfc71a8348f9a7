// Turns the raw runs into the numbers the report shows: medians over repetitions.
import { max, median, min } from '../summary.mjs';
import { REFRESHING, STARTUP, STEADY, STEADY_BASE } from '../variants.mjs';

/** Per option and N: medians (and ranges) of the burst runs, latency against the floor. */
export function aggregateBursts(amplification) {
  const ns = [...new Set(amplification.runs.map((run) => run.n))].sort((a, b) => a - b);
  const rows = {};
  for (const id of ['floor', ...REFRESHING]) {
    rows[id] = {};
    for (const n of ns) {
      const runs = amplification.runs.filter((run) => run.variant === id && run.n === n);
      if (runs.length === 0) continue;
      const pick = (read) => runs.map(read);
      const refreshCalls = pick((run) => run.stats.refreshCalls);
      rows[id][n] = {
        runs: runs.length,
        refreshCalls: median(refreshCalls),
        refreshRange: [min(refreshCalls), max(refreshCalls)],
        unauthorized: median(pick((run) => run.stats.unauthorized)),
        failed: median(pick((run) => run.failed + run.hung)),
        failedRange: [
          min(pick((run) => run.failed + run.hung)),
          max(pick((run) => run.failed + run.hung)),
        ],
        hung: median(pick((run) => run.hung)),
        revokedRuns: runs.filter((run) => run.stats.reuseDetections > 0).length,
        durationMs: median(pick((run) => run.durationMs)),
        p50: median(pick((run) => run.p50).filter(Number.isFinite)),
        p50Range: [
          min(pick((run) => run.p50).filter(Number.isFinite)),
          max(pick((run) => run.p50).filter(Number.isFinite)),
        ],
        p99: median(pick((run) => run.p99).filter(Number.isFinite)),
        refreshMs: median(pick((run) => run.refreshMs ?? NaN).filter(Number.isFinite)),
      };
    }
  }
  return { ns, rows };
}

/**
 * Per option: median ns per request, and its ratio to its reference, to the floor (the minimal
 * bearer interceptor) and to JwtInterceptor.
 */
export function aggregateSteady(steady) {
  const medians = Object.fromEntries(
    STEADY.map((id) => [id, median(steady.results[id].nsPerRequest)]),
  );
  const rows = {};
  for (const id of STEADY) {
    const base = STEADY_BASE[id] ?? 'bare';
    const result = steady.results[id];
    rows[id] = {
      ns: medians[id],
      best: min(result.nsPerRequest),
      base,
      overheadNs: medians[id] - medians[base],
      ratio: medians[id] / medians[base],
      ratioToFloor: id.startsWith('axios') ? NaN : medians[id] / medians['floor-bearer'],
      ratioToJwt: id.startsWith('axios') ? NaN : medians[id] / medians.jwt,
      tokenShare: result.counters.requests
        ? result.counters.authorized / result.counters.requests
        : 0,
    };
  }
  return rows;
}

/** Per option: median heap (bytes) after the warm-up, half-way and at the end. */
export function aggregateMemory(memory) {
  const rows = {};
  for (const id of REFRESHING) {
    const runs = memory.results[id];
    const pick = (read) => median(runs.map(read));
    rows[id] = {
      heapWarm: pick((run) => run.heapWarm),
      heapEnd: pick((run) => run.heapEnd),
      growth: pick((run) => run.heapEnd - run.heapWarm),
      firstHalf: pick((run) => run.heapHalf - run.heapWarm),
      secondHalf: pick((run) => run.heapEnd - run.heapHalf),
      secondHalfPerCycle: pick((run) => (run.heapEnd - run.heapHalf) / (memory.cycles / 2)),
      failed: pick((run) => run.failed),
      usPerCycle: pick((run) => run.msPerCycle * 1000),
      cpuUsPerCycle: pick((run) => run.cpuMsPerCycle * 1000),
    };
  }
  return rows;
}

/** Per bundle app: bytes, and bytes added to the baseline. */
export function aggregateBundle(bundle) {
  const base = bundle.results.baseline;
  return Object.fromEntries(
    Object.entries(bundle.results).map(([id, result]) => [
      id,
      {
        label: result.label,
        minified: result.minified,
        gzipped: result.gzipped,
        addedMinified: result.minified - base.minified,
        addedGzipped: result.gzipped - base.gzipped,
      },
    ]),
  );
}

/**
 * Per situation and start-up case: per option the medians of the time held (from the app's call
 * to the request leaving, or to the navigation's end) and of that moment since navigation start,
 * and what the library added to the bare app's figures.
 */
export function aggregateStartup(startup) {
  const rows = {};
  for (const situation of new Set(startup.runs.map((run) => run.situation))) {
    rows[situation] = {};
    for (const start of ['request', 'guard']) {
      const row = {};
      for (const variant of STARTUP) {
        const runs = startup.runs.filter(
          (run) => run.situation === situation && run.start === start && run.variant === variant,
        );
        row[variant] = {
          runs: runs.length,
          heldMs: median(runs.map((run) => run.heldMs)),
          heldRange: [min(runs.map((run) => run.heldMs)), max(runs.map((run) => run.heldMs))],
          doneAt: median(runs.map((run) => run.doneAt)),
          outcomes: [...new Set(runs.map((run) => run.outcome))],
        };
      }
      row.addedMs = row.library.heldMs - row.bare.heldMs;
      row.addedSinceStartMs = row.library.doneAt - row.bare.doneAt;
      rows[situation][start] = row;
    }
  }
  return rows;
}

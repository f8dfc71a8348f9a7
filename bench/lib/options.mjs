// Command-line options of bench/run.mjs and the settings of a full and a smoke run.

const FULL = {
  smoke: false,
  ns: [1, 10, 100, 1000],
  /** Repetitions per N (the slow N=1000 bursts get fewer). */
  reps: { 1: 5, 10: 5, 100: 5, 1000: 3 },
  accessTtlMs: 60_000,
  steady: { count: 100_000, axiosCount: 20_000, warmup: 20_000, rounds: 5, batch: 1000 },
  memory: { cycles: 10_000, warmup: 500, reps: 2 },
  startup: { reps: 9 },
  bundle: true,
  shortTtl: { ttlMs: 2000, n: 1000, variants: ['library'] },
};

const SMOKE = {
  smoke: true,
  ns: [10],
  reps: { 10: 2 },
  accessTtlMs: 5_000,
  steady: { count: 10_000, axiosCount: 2_000, warmup: 2_000, rounds: 2, batch: 1000 },
  memory: { cycles: 300, warmup: 50, reps: 1 },
  startup: { reps: 1 },
  bundle: false,
  shortTtl: null,
};

export const USAGE = `Usage: node bench/run.mjs [--smoke] [--json=FILE] [--rebuild] [--only=LIST]
       node bench/run.mjs --report=FILE

  --smoke      one N, few iterations, no bundle builds; never writes docs/benchmarks.md
  --json=FILE  write the raw results there (default: tmp/bench-results/<mode>.json,
               mode: full, smoke or partial)
  --rebuild    rebuild the bench apps even when their inputs did not change
  --only=LIST  comma-separated subset of:
               amplification,steady,memory,startup,bundle,short-ttl
               (no doc written)
  --report=FILE  measure nothing: rewrite the doc and the chart from a full run's results`;

export const MEASURES = ['amplification', 'steady', 'memory', 'startup', 'bundle', 'short-ttl'];

/** Parses argv; throws with the usage text on anything unknown. */
export function parseOptions(argv) {
  let settings = FULL;
  let json = null;
  let rebuild = false;
  let only = null;
  let report = null;
  for (const arg of argv) {
    if (arg === '--smoke') settings = SMOKE;
    else if (arg === '--rebuild') rebuild = true;
    else if (arg.startsWith('--json=')) json = arg.slice('--json='.length);
    else if (arg.startsWith('--only=')) only = arg.slice('--only='.length).split(',');
    else if (arg.startsWith('--report=')) report = arg.slice('--report='.length);
    else throw new Error(`unknown argument "${arg}"\n${USAGE}`);
  }
  for (const name of only ?? []) {
    if (!MEASURES.includes(name)) throw new Error(`unknown measure "${name}"\n${USAGE}`);
  }
  const measures = (only ?? MEASURES).filter(
    (name) => (name !== 'bundle' || settings.bundle) && (name !== 'short-ttl' || settings.shortTtl),
  );
  return {
    ...settings,
    json,
    rebuild,
    measures,
    report,
    writeDoc: !settings.smoke && only === null,
  };
}

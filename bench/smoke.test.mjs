// `node --test bench/smoke.test.mjs`: runs `node bench/run.mjs --smoke` once (real server,
// Chromium) and asserts ngx-token-refresh's behaviour in it, one test per measure: one refresh per
// burst, no 401, nothing failed, no reuse detection, the token on every steady-state request, with
// `withDpop()` a proof on every request and refresh call; and that the start-up measure ran. Never
// a timing (docs/benchmarks.md reports those), and it never rewrites the doc or the chart. The
// run's log goes to tmp/bench-results/smoke-test.log as it runs, and its last lines into any
// failure. Needs `npm run build:lib`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { ROOT } from './lib/workspace.mjs';

// The run takes 2 to 4 minutes beside the other background suites of `npm test` on 2 cores; the
// limit only guards against a hang (the harness gives up on a stuck request itself).
const RUN_LIMIT_MS = 900_000;
const LOG = `${ROOT}tmp/bench-results/smoke-test.log`;
const json = `${ROOT}tmp/bench-results/smoke-test-${process.pid}.json`;
const docs = () =>
  ['md', 'svg'].map((ext) => readFileSync(`${ROOT}docs/benchmarks.${ext}`, 'utf8'));

let docsBefore;
let run; // { code, log, docsAfter, measures }
let child = null; // the bench run, while it runs

before(
  async () => {
    docsBefore = docs();
    const { code, log } = await runBench(['bench/run.mjs', '--smoke', `--json=${json}`]);
    const measures = code === 0 ? JSON.parse(readFileSync(json, 'utf8')).measures : null;
    run = { code, log, docsAfter: docs(), measures };
  },
  { timeout: RUN_LIMIT_MS },
);
after(() => {
  child?.kill(); // the run outlived RUN_LIMIT_MS
  rmSync(json, { force: true });
});

/** The measure `name` of a run that finished; else fails with the end of the run's log. */
function measure(name) {
  const tail = run.log.split('\n').slice(-40).join('\n');
  assert.ok(
    run.code === 0,
    `bench/run.mjs --smoke failed (exit ${run.code}), log ${LOG}:\n${tail}`,
  );
  return run.measures[name];
}

test('bench smoke run: finishes and leaves docs/benchmarks.md and its chart alone', () => {
  measure('amplification');
  assert.deepEqual(run.docsAfter, docsBefore, 'the smoke run rewrote docs/benchmarks.md or .svg');
});

test('bench smoke bursts: the library refreshes exactly once and loses nothing', () => {
  const { runs } = measure('amplification');
  for (const id of ['library', 'library-dpop']) {
    const bursts = runs.filter((burst) => burst.variant === id);
    assert.ok(bursts.length > 0, `the smoke run measured ${id}`);
    for (const { n, rep, ok, failed, hung, stats } of bursts) {
      // One refresh call, no 401 served, no refresh-token reuse, every request succeeded (with
      // DPoP the server accepted the refresh call's proof: it refuses an invalid one).
      const { refreshCalls, unauthorized, reuseDetections } = stats;
      const seen = { refreshCalls, unauthorized, reuseDetections, failed, hung, ok };
      const want = {
        refreshCalls: 1,
        unauthorized: 0,
        reuseDetections: 0,
        failed: 0,
        hung: 0,
        ok: n,
      };
      assert.deepEqual(seen, want, `${id}, burst of ${n}, repetition ${rep + 1}`);
    }
  }
});

test('bench smoke refresh cycles: nothing fails, with withDpop() a proof on every call', () => {
  const { results } = measure('memory');
  for (const id of ['library', 'library-dpop']) {
    for (const { failed, counters } of results[id]) {
      assert.equal(failed, 0, `refresh cycles, ${id}`);
      const proofs = id === 'library-dpop' ? counters.requests + counters.refreshCalls : 0;
      assert.equal(counters.proofs, proofs, `refresh cycles, ${id}: DPoP proofs`);
    }
  }
});

test('bench smoke steady state: nothing fails and every request carries the token', () => {
  const { results } = measure('steady');
  for (const id of ['library', 'library-dpop', 'floor-bearer']) {
    const { failed, counters } = results[id];
    assert.equal(failed, 0, `steady state, ${id}: no failed request`);
    assert.equal(counters.authorized, counters.requests, `steady state, ${id}: token attached`);
    const proofs = id === 'library-dpop' ? counters.requests : 0;
    assert.equal(counters.proofs, proofs, `steady state, ${id}: DPoP proofs`);
  }
});

test('bench smoke start-up: measured alone and beside a signed-out or signed-in tab', () => {
  const { runs } = measure('startup');
  // Its figures are reported in docs/benchmarks.md, never asserted here.
  for (const situation of ['alone', 'other-signed-out', 'other-signed-in']) {
    for (const start of ['request', 'guard']) {
      const held = runs
        .filter((run) => run.variant === 'library' && run.situation === situation)
        .filter((run) => run.start === start)
        .map((run) => run.heldMs);
      assert.ok(held.length > 0 && held.every(Number.isFinite), `start-up: ${situation}, ${start}`);
    }
  }
});

/**
 * Runs node with `args` in the workspace, its output (both streams) written to `LOG` as it comes
 * (a run killed at the limit leaves what it printed); resolves its exit code and that output.
 */
function runBench(args) {
  mkdirSync(`${ROOT}tmp/bench-results`, { recursive: true });
  writeFileSync(LOG, '');
  return new Promise((resolve) => {
    child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    const collect = (chunk) => {
      chunks.push(chunk);
      appendFileSync(LOG, chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('close', (code) => {
      child = null;
      resolve({ code, log: Buffer.concat(chunks).toString() });
    });
  });
}

// `node --test bench/smoke.test.mjs`: runs `node bench/run.mjs --smoke` (real server, Chromium)
// and asserts ngx-token-refresh's behaviour in it: one refresh per burst, no 401, nothing failed,
// no reuse detection, the token on every steady-state request, with `withDpop()` a proof on every
// request and refresh call; and that the floor and the start-up measure ran. Never a timing
// (docs/benchmarks.md reports those), and it never rewrites the doc or the chart. Needs
// `npm run build:lib`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { ROOT } from './lib/workspace.mjs';

const docs = () =>
  ['md', 'svg'].map((ext) => readFileSync(`${ROOT}docs/benchmarks.${ext}`, 'utf8'));
const title = 'bench smoke run: the library refreshes exactly once and loses nothing';

test(title, { timeout: 300_000 }, async (t) => {
  const json = `${ROOT}tmp/bench-results/smoke-test-${process.pid}.json`;
  t.after(() => rmSync(json, { force: true }));
  const before = docs();
  const run = ['bench/run.mjs', '--smoke', `--json=${json}`];
  await promisify(execFile)(process.execPath, run, { cwd: ROOT, maxBuffer: 2 ** 26 }).catch((e) =>
    assert.fail(`bench/run.mjs --smoke failed (${e.code}):\n${e.stdout}${e.stderr}`),
  );
  assert.deepEqual(docs(), before, 'the smoke run must not rewrite docs/benchmarks.md or .svg');

  const { measures } = JSON.parse(readFileSync(json, 'utf8'));
  for (const id of ['library', 'library-dpop']) {
    const bursts = measures.amplification.runs.filter((run) => run.variant === id);
    assert.ok(bursts.length > 0, `the smoke run measured ${id}`);
    for (const { n, rep, ok, failed, hung, stats } of bursts) {
      // One refresh call, no 401 served, no refresh-token reuse, every request succeeded (with
      // DPoP the server accepted the refresh call's proof: it refuses an invalid one).
      const { refreshCalls, unauthorized, reuseDetections } = stats;
      const seen = [refreshCalls, unauthorized, reuseDetections, failed, hung, ok];
      assert.deepEqual(seen, [1, 0, 0, 0, 0, n], `${id}, burst of ${n}, repetition ${rep + 1}`);
    }
    for (const { failed, counters } of measures.memory.results[id]) {
      assert.equal(failed, 0, `refresh cycles, ${id}`);
      const proofs = id === 'library-dpop' ? counters.requests + counters.refreshCalls : 0;
      assert.equal(counters.proofs, proofs, `refresh cycles, ${id}: DPoP proofs`);
    }
  }
  // Steady state: nothing failed and the token went along (the proof with `withDpop()` only).
  for (const id of ['library', 'library-dpop', 'floor-bearer']) {
    const { failed, counters } = measures.steady.results[id];
    assert.equal(failed, 0, `steady state, ${id}: no failed request`);
    assert.equal(counters.authorized, counters.requests, `steady state, ${id}: token attached`);
    const proofs = id === 'library-dpop' ? counters.requests : 0;
    assert.equal(counters.proofs, proofs, `steady state, ${id}: DPoP proofs`);
  }
  // The start-up measure ran in every situation (its figures are reported, never asserted here).
  for (const situation of ['alone', 'other-signed-out', 'other-signed-in']) {
    for (const start of ['request', 'guard']) {
      const held = measures.startup.runs
        .filter((run) => run.variant === 'library' && run.situation === situation)
        .filter((run) => run.start === start)
        .map((run) => run.heldMs);
      assert.ok(held.length > 0 && held.every(Number.isFinite), `start-up: ${situation}, ${start}`);
    }
  }
});

// `node --test bench/smoke.test.mjs`: runs `node bench/run.mjs --smoke` (real server, Chromium)
// and asserts ngx-token-refresh's behaviour on it: one refresh per burst, no 401, nothing failed,
// no reuse detection; and that the floor and the start-up measure ran. Never a timing: the price
// targets are reported in docs/benchmarks.md. It never rewrites docs/benchmarks.md. Needs
// `ng build ngx-token-refresh`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DOC_FILE, RESULTS_DIR, ROOT } from './lib/paths.mjs';

const digest = (file) =>
  existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null;

function runSmoke(jsonFile) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bench', 'run.mjs'), '--smoke', `--json=${jsonFile}`],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

test(
  'bench smoke run: the library refreshes exactly once and loses nothing',
  { timeout: 300_000 },
  async (t) => {
    const jsonFile = join(RESULTS_DIR, `smoke-test-${process.pid}.json`);
    t.after(() => rmSync(jsonFile, { force: true }));
    const docBefore = digest(DOC_FILE);

    const { code, output } = await runSmoke(jsonFile);
    assert.equal(code, 0, `bench/run.mjs --smoke failed:\n${output}`);
    assert.equal(digest(DOC_FILE), docBefore, 'the smoke run must not rewrite docs/benchmarks.md');

    const results = JSON.parse(readFileSync(jsonFile, 'utf8'));
    const runs = results.measures.amplification.runs.filter((run) => run.variant === 'library');
    assert.ok(runs.length > 0, 'the smoke run measured the library');
    for (const run of runs) {
      const where = `N=${run.n}, repetition ${run.rep + 1}`;
      assert.equal(run.stats.refreshCalls, 1, `exactly one refresh call (${where})`);
      assert.equal(run.stats.unauthorized, 0, `no 401 served (${where})`);
      assert.equal(run.stats.reuseDetections, 0, `no refresh-token reuse (${where})`);
      assert.equal(run.failed, 0, `no failed request (${where})`);
      assert.equal(run.hung, 0, `no request left hanging (${where})`);
      assert.equal(run.ok, run.n, `every request succeeded (${where})`);
    }
    const steady = results.measures.steady.results.library;
    assert.equal(steady.failed, 0, 'steady state: no failed request');
    assert.equal(
      steady.counters.authorized,
      steady.counters.requests,
      'steady state: token attached',
    );
    for (const run of results.measures.memory.results.library) {
      assert.equal(run.failed, 0, 'refresh cycles: no failed request');
    }
    // The floor and the start-up measure run (their figures are reported, never asserted here).
    const floor = results.measures.steady.results['floor-bearer'];
    assert.equal(floor.failed, 0, 'steady state: the floor lost no request');
    assert.equal(
      floor.counters.authorized,
      floor.counters.requests,
      'the floor attached the token',
    );
    const startup = results.measures.startup.runs;
    for (const situation of ['alone', 'other-signed-out', 'other-signed-in']) {
      for (const start of ['request', 'guard']) {
        const runs = startup.filter(
          (run) => run.variant === 'library' && run.situation === situation && run.start === start,
        );
        assert.ok(runs.length > 0, `start-up measured: ${situation}, ${start}`);
        for (const run of runs) {
          assert.ok(Number.isFinite(run.heldMs), `start-up: a number (${situation}, ${start})`);
        }
      }
    }
  },
);

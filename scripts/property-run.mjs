#!/usr/bin/env node
// The large property-based run: `node scripts/property-run.mjs [--runs 20000] [--seed N]`
// runs only token-refresh.property.spec.ts in headless Chromium, through Karma with
// karma.property.conf.js, which hands the options to the browser. Without --seed a fresh random
// seed is drawn and printed. A failure replays with the same --runs and --seed; add
// `--path P --replay-path R` (the `path` and `replayPath` fast-check printed) to go straight to
// the shrunk counterexample.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20000' },
    seed: { type: 'string' },
    path: { type: 'string' },
    'replay-path': { type: 'string' },
  },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(runs) || runs <= 0 || !Number.isInteger(seed)) {
  console.error(
    'usage: node scripts/property-run.mjs [--runs 20000] [--seed N] [--path P --replay-path R]',
  );
  process.exit(2);
}

const cmd = [
  'npx ng test ngx-token-refresh --watch=false --browsers=ChromeHeadlessCI',
  '--karma-config=karma.property.conf.js',
  "--include='**/token-refresh.property.spec.ts'",
].join(' ');
console.log(`[property-run] runs=${runs} seed=${seed}${values.path ? ` path=${values.path}` : ''}`);
console.log(`[property-run] $ ${cmd}`);
const started = Date.now();
const child = spawn(cmd, {
  shell: true,
  stdio: 'inherit',
  env: {
    ...process.env,
    PROPERTY_RUNS: String(runs),
    PROPERTY_SEED: String(seed),
    ...(values.path ? { PROPERTY_PATH: values.path } : {}),
    ...(values['replay-path'] ? { PROPERTY_REPLAY_PATH: values['replay-path'] } : {}),
  },
});
child.on('close', (code) => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`[property-run] ${runs} runs, seed ${seed}: exit ${code} after ${seconds} s`);
  process.exit(code ?? 1);
});

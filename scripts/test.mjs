#!/usr/bin/env node
// The whole test command (`npm test`): builds the library and the demo app, then runs every
// suite (library specs in Karma, node:test suites, end-to-end tests in Playwright) and ends with
// one line `N passed, N failed` summed over all of them. Exits non-zero when anything failed.
// `npm test -- unit server` runs only the named suites (build steps they need included).
//
// The counts come from each runner's JUnit XML report in tmp/test-reports/<suite>.xml (Karma's
// karma-junit-reporter, node's junit reporter, Playwright's junit reporter), not from the console.
// A suite whose process exits non-zero, whose report is missing, or which counts no test at all
// counts as failed (scripts/suite-counts.mjs).
//
// Steps run in the order listed. One marked `background` starts when its turn comes and runs
// beside the steps after it, its output printed as one block when it ends: the consumer checks,
// each in its own tmp/ folder, which spend much of their time in npm installs, and the bench
// smoke run, which asserts no timing. They start after the library's Karma specs, some of which
// time real locks. A `quiet` step (e2e, whose scenarios time tabs against each other) waits
// until every background step has ended.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { suiteCounts } from './suite-counts.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPORT_DIR = path.join(ROOT, 'tmp/test-reports');
const CHROMIUM_FLAGS = '--browsers=ChromeHeadlessCI';
const LIBRARY_USERS = [
  'app',
  'api',
  'package',
  'release',
  'ng-add',
  'ng-add-cli',
  'angular22',
  'angular21',
  'ssr',
  'bench',
  'e2e',
];

/** `node --test` with a spec reporter on the console and a JUnit report to `report`. */
const nodeTest = (files) => (report) =>
  'node --test --test-reporter=spec --test-reporter-destination=stdout ' +
  `--test-reporter=junit --test-reporter-destination=${JSON.stringify(report)} ${files}`;

const [background, quiet] = [true, true];

// `cmd` is a string, or for a suite a function of its report file. Karma (karma.conf.js) and
// Playwright (playwright.config.ts) write their JUnit report to $JUNIT_REPORT.
const steps = [
  { name: 'build', kind: 'build', cmd: 'npm run build:lib', for: LIBRARY_USERS },
  {
    name: 'unit',
    kind: 'karma',
    cmd: `npx ng test ngx-token-refresh --watch=false ${CHROMIUM_FLAGS}`,
  },
  { name: 'ng-add-cli', kind: 'node', cmd: nodeTest('scripts/ng-add-cli.test.mjs'), background },
  { name: 'angular22', kind: 'node', cmd: nodeTest('scripts/angular22.test.mjs'), background },
  { name: 'angular21', kind: 'node', cmd: nodeTest('scripts/angular21.test.mjs'), background },
  { name: 'ssr', kind: 'node', cmd: nodeTest('scripts/ssr.test.mjs'), background },
  { name: 'bench', kind: 'node', cmd: nodeTest('bench/smoke.test.mjs'), background },
  { name: 'app', kind: 'karma', cmd: 'npx ng test ngx-token-refresh-workspace --watch=false' },
  { name: 'server', kind: 'node', cmd: nodeTest('server/') },
  { name: 'shape', kind: 'node', cmd: nodeTest('scripts/source-size.test.mjs') },
  { name: 'counts', kind: 'node', cmd: nodeTest('scripts/suite-counts.test.mjs') },
  { name: 'figures', kind: 'node', cmd: nodeTest('scripts/readme-figures.test.mjs') },
  { name: 'api', kind: 'node', cmd: nodeTest('scripts/api-report.test.mjs') },
  { name: 'api-docs', kind: 'node', cmd: nodeTest('scripts/api-docs.test.mjs') },
  { name: 'package', kind: 'node', cmd: nodeTest('scripts/package-install.test.mjs') },
  {
    name: 'release',
    kind: 'node',
    cmd: nodeTest('scripts/release.test.mjs scripts/changesets.test.mjs'),
  },
  { name: 'ng-add', kind: 'node', cmd: nodeTest('scripts/ng-add.test.mjs') },
  { name: 'build-app', kind: 'build', cmd: 'npx ng build', for: ['e2e'] },
  // Playwright only strips the specs' types: without this, type errors in them go unnoticed.
  { name: 'typecheck-e2e', kind: 'build', cmd: 'npx tsc -p e2e/tsconfig.json', for: ['e2e'] },
  { name: 'e2e', kind: 'playwright', cmd: 'npx playwright test', quiet },
  // Last: `npm start` rebuilds the library into dist/, which the suites before it read.
  { name: 'start', kind: 'node', cmd: nodeTest('scripts/start.test.mjs'), quiet },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !steps.some((step) => step.name === name));
if (unknown.length) {
  console.error(`[test] unknown suite(s): ${unknown.join(', ')}`);
  console.error(
    `[test] suites: ${steps
      .filter((s) => s.kind !== 'build')
      .map((s) => s.name)
      .join(' ')}`,
  );
  process.exit(2);
}
const selected = steps.filter(
  (step) =>
    !wanted.length || wanted.includes(step.name) || step.for?.some((s) => wanted.includes(s)),
);

const totals = { passed: 0, failed: 0 };
const started = Date.now();
const running = [];
for (const step of selected) {
  if (step.quiet) await Promise.all(running);
  if (step.background) running.push(runStep(step, true));
  else await runStep(step, false);
}
await Promise.all(running);
console.log(`[test] total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);

/** Runs a build or a suite and prints its result line; `buffered`: its output as one block. */
async function runStep(step, buffered) {
  const t0 = Date.now();
  const output = buffered ? [] : null;
  const counts = step.kind === 'build' ? await build(step, output) : await suite(step, output);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
  const note = counts.note ? ` [${counts.note}]` : '';
  if (output) process.stdout.write(output.join(''));
  console.log(
    `\n[test] ${step.name}: ${counts.passed} passed, ${counts.failed} failed${skipped} (${seconds} s)${note}\n`,
  );
}

/** A build counts no tests; a failed build counts as one failure. */
async function build(step, output) {
  const code = await run(step.cmd, {}, output);
  return code === 0 ? { passed: 0, failed: 0 } : { passed: 0, failed: 1, note: `exit ${code}` };
}

/** Runs a suite and reads its JUnit report (deleted first, so that no old report is read). */
async function suite(step, output) {
  const report = path.join(REPORT_DIR, `${step.name}.xml`);
  rmSync(report, { force: true });
  mkdirSync(REPORT_DIR, { recursive: true });
  const cmd = typeof step.cmd === 'function' ? step.cmd(report) : step.cmd;
  const code = await run(cmd, { JUNIT_REPORT: report }, output);
  return suiteCounts(code, report);
}

/**
 * Runs a shell command with extra environment variables; resolves its exit code. Its output goes
 * to the console, or into `output` (an array of chunks) when one is given.
 */
function run(cmd, env = {}, output = null) {
  const line = `[test] $ ${cmd}\n`;
  if (output) output.push(line);
  else process.stdout.write(line);
  return new Promise((resolve) => {
    const child = spawn(cmd, {
      shell: true,
      stdio: ['ignore', output ? 'pipe' : 'inherit', output ? 'pipe' : 'inherit'],
      env: { ...process.env, ...env },
    });
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8').on('data', (chunk) => output.push(chunk));
    }
    child.on('close', (code) => resolve(code ?? 1));
  });
}

#!/usr/bin/env node
// The whole test command (`npm test`): builds the library and the demo app, then runs every
// suite (library specs in Karma, auth-server tests, end-to-end tests in Chromium) and ends with
// one line `N passed, N failed` summed over all of them. Exits non-zero when anything failed.
// `npm test -- unit server` runs only the named suites (build steps they need included).
import { spawn } from 'node:child_process';

const CHROMIUM_FLAGS = '--browsers=ChromeHeadlessCI';
const LIBRARY_USERS = [
  'unit',
  'app',
  'api',
  'package',
  'ng-add',
  'ng-add-cli',
  'angular22',
  'ssr',
  'bench',
  'e2e',
];

const steps = [
  {
    name: 'build',
    kind: 'build',
    cmd: 'npm run build:lib',
    for: LIBRARY_USERS,
  },
  {
    name: 'unit',
    kind: 'karma',
    cmd: `npx ng test ngx-token-refresh --watch=false ${CHROMIUM_FLAGS}`,
  },
  { name: 'app', kind: 'karma', cmd: 'npx ng test ngx-token-refresh-workspace --watch=false' },
  { name: 'server', kind: 'node', cmd: 'node --test server/' },
  { name: 'api', kind: 'node', cmd: 'node --test scripts/api-report.test.mjs' },
  { name: 'package', kind: 'node', cmd: 'node --test scripts/package-install.test.mjs' },
  { name: 'ng-add', kind: 'node', cmd: 'node --test scripts/ng-add.test.mjs' },
  { name: 'ng-add-cli', kind: 'node', cmd: 'node --test scripts/ng-add-cli.test.mjs' },
  { name: 'angular22', kind: 'node', cmd: 'node --test scripts/angular22.test.mjs' },
  { name: 'ssr', kind: 'node', cmd: 'node --test scripts/ssr.test.mjs' },
  { name: 'bench', kind: 'node', cmd: 'node --test bench/smoke.test.mjs' },
  { name: 'build-app', kind: 'build', cmd: 'npx ng build', for: ['e2e'] },
  { name: 'e2e', kind: 'playwright', cmd: 'npx playwright test' },
];

const wanted = process.argv.slice(2);
const selected = steps.filter(
  (step) =>
    !wanted.length || wanted.includes(step.name) || step.for?.some((s) => wanted.includes(s)),
);

const totals = { passed: 0, failed: 0 };
const started = Date.now();
for (const step of selected) {
  const t0 = Date.now();
  const { code, output } = await run(step.cmd);
  const counts = count(step.kind, output);
  if (code !== 0 && counts.failed === 0) counts.failed = 1; // a crash or a failed build counts
  if (step.kind !== 'build' && counts.passed + counts.failed === 0) counts.failed = 1; // ran nothing
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(
    `\n[test] ${step.name}: ${counts.passed} passed, ${counts.failed} failed (${seconds} s)\n`,
  );
}
console.log(`[test] total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);

/** Runs a shell command, echoing its output, and resolves with its exit code and output. */
function run(cmd) {
  console.log(`[test] $ ${cmd}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const forward = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', forward(process.stdout));
    child.stderr.on('data', forward(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Reads the pass/fail counts a runner printed; builds count as no tests. */
function count(kind, rawOutput) {
  const output = rawOutput.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  if (kind === 'karma') {
    const total = output.match(/TOTAL: (?:(\d+) FAILED, )?(\d+) SUCCESS/);
    const allFailed = output.match(/TOTAL: (\d+) FAILED\s*$/m);
    if (total) return { passed: Number(total[2]), failed: Number(total[1] ?? 0) };
    return { passed: 0, failed: allFailed ? Number(allFailed[1]) : 0 };
  }
  if (kind === 'node') {
    const last = (label) =>
      Number([...output.matchAll(new RegExp(`^# ${label} (\\d+)`, 'gm'))].at(-1)?.[1] ?? 0);
    return { passed: last('pass'), failed: last('fail') };
  }
  if (kind === 'playwright') {
    const last = (label) =>
      Number(output.match(new RegExp(`^\\s*(\\d+) ${label}\\b`, 'm'))?.[1] ?? 0);
    return { passed: last('passed'), failed: last('failed') };
  }
  return { passed: 0, failed: 0 };
}

#!/usr/bin/env node
// The benchmark harness (issue 6): ngx-token-refresh against the hand-written interceptor
// patterns, ngx-auth, @auth0/angular-jwt's JwtInterceptor and axios-auth-refresh, on the demo
// auth server (loopback) and in headless Chromium. `node bench/run.mjs` rewrites
// docs/benchmarks.md and docs/benchmarks.svg; `--smoke` is the quick CI check. See --help.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { buildApp } from './lib/build.mjs';
import { describeMachine } from './lib/machine.mjs';
import { measureBundleSize } from './lib/measures/bundle-size.mjs';
import { USAGE, parseOptions } from './lib/options.mjs';
import { RESULTS_DIR } from './lib/paths.mjs';
import { runRuntimeMeasures } from './lib/runtime-measures.mjs';
import { writeReport } from './lib/report/write-report.mjs';
import { findHarnessProblems } from './lib/validate.mjs';
import { writeWorkspace } from './lib/workspace.mjs';

const log = (message) => console.log(message);

async function main(argv) {
  if (argv.includes('--help')) return void console.log(USAGE);
  const options = parseOptions(argv);
  if (options.report) {
    return void log(await writeReport(JSON.parse(readFileSync(options.report, 'utf8'))));
  }
  const started = performance.now();
  const timings = {};
  const time = async (name, work) => {
    const t0 = performance.now();
    log(`\n== ${name}`);
    const result = await work();
    timings[name] = (performance.now() - t0) / 1000;
    return result;
  };

  await writeWorkspace();
  const runtime = await time('build runtime app', () =>
    buildApp('runtime', { force: options.rebuild }),
  );
  const runtimeMeasures = options.measures.filter((name) => name !== 'bundle');
  const { machine = describeMachine('not started'), measures = {} } =
    runtimeMeasures.length > 0
      ? await runRuntimeMeasures({ options, wanted: runtimeMeasures, time, log })
      : {};
  if (options.measures.includes('bundle')) {
    measures.bundle = await time('bundle size', () =>
      measureBundleSize({ rebuild: options.rebuild, log }),
    );
  }
  machine.loadAverageEnd = os.loadavg();
  const results = {
    date: new Date().toISOString(),
    mode: options.smoke ? 'smoke' : options.writeDoc ? 'full' : 'partial',
    settings: options,
    machine,
    builds: { runtime },
    timings: { ...timings, total: (performance.now() - started) / 1000 },
    measures,
  };
  const jsonFile = options.json ?? join(RESULTS_DIR, `${results.mode}.json`);
  mkdirSync(dirname(jsonFile), { recursive: true });
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nresults: ${jsonFile}`);
  if (options.writeDoc) log(await writeReport(results));
  log(`total ${results.timings.total.toFixed(0)} s`);

  const problems = findHarnessProblems(results);
  if (problems.length > 0) {
    console.error(`\nThe harness is broken:\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error?.stack ?? error);
  process.exitCode = 1;
});

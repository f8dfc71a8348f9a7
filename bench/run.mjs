#!/usr/bin/env node
// The benchmark harness: ngx-token-refresh against the hand-written interceptor patterns,
// ngx-auth, @auth0/angular-jwt's JwtInterceptor and axios-auth-refresh, on the demo auth server
// (loopback) in headless Chromium. Writes its results as JSON; a full run (or --report) renders
// docs/benchmarks.md and docs/benchmarks.svg from them. See bench/README.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureBundleSize, runRuntimeMeasures } from './lib/measures.mjs';
import { writeReport } from './lib/report.mjs';
import { REFRESHING, STARTUP, STEADY } from './lib/variants.mjs';
import { LIBRARY_SNAPSHOT, ROOT, buildApp, writeWorkspace } from './lib/workspace.mjs';

const FULL = {
  ns: [1, 10, 100, 1000],
  reps: { 1: 5, 10: 5, 100: 5, 1000: 3 }, // repetitions per N
  accessTtlMs: 60_000,
  steady: { count: 100_000, axiosCount: 20_000, dpopCount: 5_000, warmup: 20_000, rounds: 9 },
  memory: { cycles: 10_000, warmup: 500, reps: 4 },
  startup: { reps: 9 },
  shortTtl: { ttlMs: 2000, n: 1000, variants: ['library'] },
};
const SMOKE = {
  ...{ ns: [10], reps: { 10: 1 }, accessTtlMs: 5_000, startup: { reps: 1 } },
  steady: { count: 2_000, axiosCount: 500, dpopCount: 200, warmup: 500, rounds: 2 },
  memory: { cycles: 100, warmup: 20, reps: 1 },
};
const MEASURES = ['amplification', 'steady', 'memory', 'startup', 'bundle', 'short-ttl'];
const USAGE = `Usage: node bench/run.mjs [--smoke] [--only=${MEASURES}] [--json=FILE] [--rebuild]
       node bench/run.mjs --report=FILE   (render the doc and its chart from results; see bench/README.md)`;

const log = (message) => console.log(message);
const [flag, value] = [{ type: 'boolean' }, { type: 'string' }];
const options = { smoke: flag, rebuild: flag, help: flag, json: value, only: value, report: value };

async function main() {
  const { values: args } = parseArgs({ options });
  const only = args.only?.split(',');
  const unknown = only?.find((name) => !MEASURES.includes(name));
  if (unknown) throw new Error(`unknown measure "${unknown}"\n${USAGE}`);
  if (args.help) return log(USAGE);
  if (args.report) return log(await writeReport(JSON.parse(readFileSync(args.report, 'utf8'))));
  const settings = args.smoke ? SMOKE : FULL;
  const skip = args.smoke ? ['bundle', 'short-ttl'] : [];
  const wanted = (only ?? MEASURES).filter((name) => !skip.includes(name));
  const mode = args.smoke ? 'smoke' : only ? 'partial' : 'full';
  const [started, timings, loadAverage] = [performance.now(), {}, os.loadavg()];
  const seconds = (since) => (performance.now() - since) / 1000;
  const time = async (name, work, t0 = performance.now()) => {
    log(`\n== ${name}`);
    const result = await work();
    timings[name] = seconds(t0);
    return result;
  };
  await writeWorkspace();
  const runtime = await time('build runtime app', () => buildApp('runtime', args.rebuild));
  const { chromium = 'not started', measures = {} } = wanted.some((name) => name !== 'bundle')
    ? await runRuntimeMeasures(settings, wanted, time, log)
    : {};
  if (wanted.includes('bundle')) {
    measures.bundle = await time('bundle', () => measureBundleSize(args.rebuild, log));
  }
  timings.total = seconds(started);
  const machine = describeMachine(chromium, loadAverage);
  const results = { date: new Date().toISOString(), mode, settings, wanted, machine };
  Object.assign(results, { builds: { runtime }, timings, measures });
  const file = args.json ?? join(ROOT, 'tmp', 'bench-results', `${mode}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nresults: ${file}`);
  if (mode === 'full') log(await writeReport(results));
  const problems = harnessProblems(measures);
  if (problems.length) console.error(`\nThe harness is broken:\n- ${problems.join('\n- ')}`);
  process.exitCode = problems.length ? 1 : 0;
}

/** The machine, the versions and the code that the results were measured on. */
function describeMachine(chromium, loadAverage) {
  const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  const read = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const packages = ['@angular/core', '@angular/build', 'rxjs', '@auth0/angular-jwt', 'express'];
  packages.push(...Object.keys(read(`${ROOT}bench`).dependencies));
  const version = (name) => [name, read(`${ROOT}node_modules/${name}`).version];
  const cores = os.cpus().length;
  const changes = git('status', '--porcelain', '--', 'projects/').split('\n').filter(Boolean);
  const commit = git('rev-parse', '--short', 'HEAD');
  return {
    ...{ cpu: os.cpus()[0]?.model, cores, memoryGb: Math.round(os.totalmem() / 2 ** 30) },
    ...{ os: `${os.type()} ${os.release()} (${os.arch()})`, node: process.version, chromium },
    ...{ loadAverage, loadAverageEnd: os.loadavg() },
    packages: Object.fromEntries(packages.map(version)),
    library: { version: read(LIBRARY_SNAPSHOT).version, commit },
    uncommittedChanges: changes.length,
  };
}

/** Whether the harness worked (not whether an option did well): no page crashed, numbers came. */
function harnessProblems({ amplification: bursts, steady, memory, startup, bundle, shortTtl }) {
  const pageErrors = [bursts, steady, memory, startup, ...(shortTtl?.results ?? [])]
    .flatMap((measure) => measure?.pageErrors ?? [])
    .map((error) => `page error: ${error}`);
  const broken = (measure, ids, works) => (measure ? ids.filter((id) => !works(id)) : []);
  const ran = (id) => bursts.runs.some((run) => run.variant === id);
  const floorOk = bursts?.runs.every((run) => run.variant !== 'floor' || run.ok === run.n);
  const steadyOk = (id) => {
    const { nsPerRequest, failed, counters } = steady.results[id];
    const tokens = id === 'bare' || counters.authorized === counters.requests;
    return nsPerRequest.length === steady.rounds && failed === 0 && tokens;
  };
  const heap = (id) => memory.results[id].every((run) => run.heapEnd > 0);
  const held = (id) => startup.runs.some((run) => run.variant === id && run.heldMs >= 0);
  return [
    ...pageErrors,
    ...broken(bursts, REFRESHING, ran).map((id) => `bursts: no runs of ${id}`),
    ...(floorOk === false ? ['bursts: the physical floor lost requests'] : []),
    ...broken(steady, STEADY, steadyOk).map((id) => `steady state: failed or no token, ${id}`),
    ...broken(memory, REFRESHING, heap).map((id) => `refresh cycles: no heap figures, ${id}`),
    ...broken(startup, STARTUP, held).map((id) => `start-up: no figures, ${id}`),
    ...(bundle && !(bundle.results.baseline.gzipped > 0) ? ['bundle: no baseline size'] : []),
  ];
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  process.exitCode = 1;
});

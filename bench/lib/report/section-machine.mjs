// "Machine and versions" and "Reproduce".
import { table } from './format.mjs';

export function machineSection({ results }) {
  const { machine, timings, settings } = results;
  const load = (values) => values.map((value) => value.toFixed(1)).join(' / ');
  const library = machine.library;
  const dirty = library.uncommittedChanges
    ? `, plus ${library.uncommittedChanges} uncommitted change(s) under projects/ngx-token-refresh/src`
    : '';
  const bundleBuilds = Object.values(results.measures.bundle?.results ?? {}).map((r) => r.build);
  const reused = bundleBuilds.filter((build) => build.cached).length;
  const reusedNote = reused
    ? ` (${reused} of ${bundleBuilds.length} apps reused from an earlier build of the same inputs;` +
      ' a run that builds them all takes about a minute and a half longer)'
    : '';
  const packages = Object.entries(machine.packages)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  return `## Reproduce

\`\`\`sh
npx ng build ngx-token-refresh        # the harness uses dist/ngx-token-refresh
node bench/run.mjs                    # full run: rewrites docs/benchmarks.md and docs/benchmarks.svg
node bench/run.mjs --smoke            # quick check (one N, few iterations, no bundle builds, no doc)
node --test bench/smoke.test.mjs      # the smoke run as a test: asserts behaviour, not timings
\`\`\`

The full run took ${Math.round(timings.total)} s here (steady state ${Math.round(timings['steady state'] ?? 0)} s,
memory ${Math.round(timings.memory ?? 0)} s, start-up ${Math.round(timings['start-up delay'] ?? 0)} s, bursts ${Math.round(timings['amplification and latency'] ?? 0)} s,
bundle builds ${Math.round(timings['bundle size'] ?? 0)} s${reusedNote}; the runtime app took
${Math.round(results.timings['build runtime app'] ?? 0)} s to build; the bench apps are rebuilt only when their inputs change).
Raw numbers of every run: \`tmp/bench-results/full.json\`. The harness is in \`bench/\` (see
\`bench/README.md\`); the bench apps are built with the Angular CLI under \`tmp/bench-apps/\`.

## Machine and versions

${table(
  ['', ''],
  [
    ['CPU', `${machine.cores} × ${machine.cpu}, ${machine.memoryGb} GB RAM`],
    ['OS', machine.os],
    ['Node', machine.node],
    ['Browser', `Chromium ${machine.chromium} (headless, playwright-core)`],
    [
      'Library',
      `ngx-token-refresh ${library.version} (commit ${library.commit}${dirty}), from dist/`,
    ],
    ['Packages', packages],
    [
      'Load average (1/5/15 min)',
      `${load(machine.loadAverage)} at the start, ${load(machine.loadAverageEnd)} at the end`,
    ],
    ['Date', results.date],
  ],
)}

The machine is shared: other jobs may run on the same ${machine.cores} cores while the harness measures
(the load averages above include the harness's own browser and server). Every number is therefore
a **median of several runs** (${describeReps(settings)}), the options are interleaved within each
repetition (and their order rotated) so that a disturbance hits all of them alike, and the
comparisons are given as ratios against a reference measured in the same run.`;
}

function describeReps(settings) {
  const bursts = settings.ns.map((n) => `${settings.reps[n]} at N=${n}`).join(', ');
  return `bursts: ${bursts}; steady state: ${settings.steady.rounds} rounds; memory: ${settings.memory.reps} runs; start-up: ${settings.startup?.reps ?? 0} runs`;
}

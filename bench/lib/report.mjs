// docs/benchmarks.md and its chart, rendered from a results JSON: `summarize` takes the medians of
// the raw runs, the tables fill the {{slots}} of benchmarks.template.md. The library's price
// targets and where it loses are reported next to the figures, never asserted.
import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { chartSvg } from './chart.mjs';
import { quantile } from './measures.mjs';
import { REFRESHING, SHOWN, STARTUP, STEADY, label, steadyBase } from './variants.mjs';
import { ROOT } from './workspace.mjs';

const SITUATIONS = ['alone', 'other-signed-out', 'other-signed-in'];
const median = (values) => quantile(values.filter(Number.isFinite), 0.5);
const each = (keys, read) => Object.fromEntries(keys.map((key) => [key, read(key)]));
const int = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–');
const ms = (value) => (Math.abs(value) < 10 ? value.toFixed(1) : int(value));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const plusKb = (bytes) => `+${kb(bytes)}`;
const times = (value) => (Number.isFinite(value) ? `${value.toFixed(value < 1 ? 3 : 2)}×` : '–');
const [msUnit, nsUnit, usUnit] = [' ms', ' ns', ' µs'].map((unit) => (v) => `${ms(v)}${unit}`);
const rows = (cells) => cells.map((row) => `| ${row.join(' | ')} |`).join('\n');

/** The medians the report shows (undefined for a measure that did not run). */
export function summarize({ measures }) {
  const { amplification: bursts, steady, memory, bundle, startup } = measures;
  const ns = [...new Set(bursts?.runs.map((run) => run.n))].sort((a, b) => a - b);
  const burst = (id, n) => {
    const runs = bursts.runs.filter((run) => run.variant === id && run.n === n);
    const of = (read) => median(runs.map(read));
    return {
      refreshCalls: of((run) => run.stats.refreshCalls),
      unauthorized: of((run) => run.stats.unauthorized),
      failed: of((run) => run.failed + run.hung),
      revoked: runs.some((run) => run.stats.reuseDetections > 0),
      p50: of((run) => run.p50),
      p50Max: Math.max(...runs.map((run) => run.p50)),
    };
  };
  const nsOf = (id) => median(steady.results[id].nsPerRequest);
  // Paired by round (each round runs every option once, each first in turn): a round the machine
  // ran slow for all options moves no ratio, where a ratio of medians takes each from other rounds.
  const ratioOf = (id, base) => {
    const baseNs = steady.results[base].nsPerRequest;
    return median(steady.results[id].nsPerRequest.map((ns, round) => ns / baseNs[round]));
  };
  const cycle = (runs) => ({
    us: median(runs.map((run) => run.msPerCycle * 1000)),
    cpuUs: median(runs.map((run) => run.cpuMsPerCycle * 1000)),
    heap: median(runs.map((run) => (run.heapEnd - run.heapHalf) / (memory.cycles / 2))),
  });
  const held = (where, start) =>
    STARTUP.map((id) => {
      const runs = startup.runs.filter((r) => r.situation === where && r.start === start);
      return median(runs.filter((run) => run.variant === id).map((run) => run.heldMs));
    });
  const added = (id) => bundle.results[id].gzipped - bundle.results.baseline.gzipped;
  return {
    ns,
    big: ns.at(-1),
    mid: ns.includes(100) ? 100 : ns.at(-1), // the latency column's burst size
    bursts: bursts && each(['floor', ...REFRESHING], (id) => each(ns, (n) => burst(id, n))),
    steady: steady && each(STEADY, (id) => ({ ns: nsOf(id), ratio: ratioOf(id, steadyBase(id)) })),
    // The library against the floor and JwtInterceptor, for the price targets.
    steadyRatios: steady && {
      floor: ratioOf('library', 'floor-bearer'),
      jwt: ratioOf('library', 'jwt'),
    },
    cycles: memory && each(REFRESHING, (id) => cycle(memory.results[id])),
    bundle: bundle && each(Object.keys(bundle.results), added),
    startup:
      startup &&
      each(SITUATIONS, (where) => each(['request', 'guard'], (start) => held(where, start))),
  };
}

/** The library's price targets whose measures ran: what, figures, value, limit, how shown. */
export function priceTargets({ steady: s, steadyRatios: r, cycles: c, bundle: b }) {
  const targets = [];
  const add = (what, figures, value, limit, show = times) =>
    targets.push({ what, figures, value, limit, show, met: value <= limit });
  const vs = (a, b, unit) => `${int(a)} ${unit} against ${int(b)} ${unit}`;
  const [lib, floor, jwt] = [s?.library.ns, s?.['floor-bearer'].ns, s?.jwt.ns];
  if (s) add('Steady state, against the floor', vs(lib, floor, 'ns'), r.floor, 1.25);
  if (s) add('Steady state, against JwtInterceptor', vs(lib, jwt, 'ns'), r.jwt, 0.25);
  const sizes =
    b && `+${int(b.library)} B; floor +${int(b['floor-bearer'])} B, jwt +${int(b.jwt)} B`;
  if (b) add('Bundle added (gzip), README quick start', sizes, b.library, 4096, kb);
  const [cross, single] = [c?.library, c?.['library-single-tab']];
  const cpu = c && `${vs(cross.cpuUs, single.cpuUs, 'µs')} (wall ${vs(cross.us, single.us, 'µs')})`;
  if (c)
    add('CPU per refresh cycle, cross-tab against single-tab', cpu, cross.cpuUs / single.cpuUs, 2);
  return targets;
}

/** Every measure on which an alternative did better, or the library missed its own target. */
export function findLosses(summary, { measures }) {
  const { ns, bursts: b, steady: s, cycles: c, bundle } = summary;
  const others = REFRESHING.filter((id) => !id.startsWith('library'));
  const better = (what, ids, value, show, margin = 1) => {
    const winners = ids.filter((id) => value(id) < value('library') * margin);
    const shown = winners.map((id) => `${label(id)} (${show(value(id))})`).join(', ');
    return winners.length > 0 && `${what}: ${show(value('library'))}, against ${shown}.`;
  };
  const p50 = (n) => (id) => (b[id][n].failed ? NaN : b[id][n].p50);
  const perBurst = (n, lib = b.library[n], floor = b.floor[n]) => [
    (lib.refreshCalls !== 1 || lib.unauthorized || lib.failed) &&
      `Bursts of ${n}: ${int(lib.refreshCalls)} refresh calls, ${int(lib.unauthorized)} 401s, ${int(lib.failed)} failed (target: 1, 0, 0).`,
    better(`Latency, bursts of ${n}`, others, p50(n), msUnit, 0.9),
    !lib.failed &&
      lib.p50 > floor.p50Max * 1.05 &&
      `Latency, bursts of ${n}: ${ms(lib.p50)} ms, ${times(lib.p50 / floor.p50)} the floor (at most ${ms(floor.p50Max)} ms in its runs).`,
  ];
  const heap = c && Math.max(...others.map((id) => c[id].heap));
  const short = measures.shortTtl?.results.find(
    (run) =>
      run.variant === 'library' && run.sessionStatus === 'expired' && !run.stats.reuseDetections,
  );
  const missed = priceTargets(summary).filter((t) => !t.met);
  return [
    ...missed.map(
      (t) => `Misses its target "${t.what}": ${t.show(t.value)}, limit ${t.show(t.limit)}.`,
    ),
    ...(b ? ns.flatMap((n) => perBurst(n)) : []),
    s && better('Steady state', ['naive', 'queued', 'ngx-auth', 'jwt'], (id) => s[id].ns, nsUnit),
    c && better('Refresh cycle without network', others, (id) => c[id].us, usUnit, 0.8),
    c?.library.heap > Math.max(10, 2 * heap) &&
      `Heap keeps growing: +${c.library.heap.toFixed(1)} B per refresh cycle, the alternatives at most ${heap.toFixed(1)} B.`,
    short &&
      `A short-lived token (${short.accessTtlMs / 1000} s) expired in the browser's queue during a burst of ${int(short.n)}: ${int(short.failed + short.hung)} requests failed and the session ended, although the refresh token was still valid.`,
    bundle && better('Bundle added (gzip)', [...others, 'jwt'], (id) => bundle[id], plusKb),
  ].filter(Boolean);
}

/** What `withDpop()` adds to the library: per request, per refresh cycle, to the bundle. */
function dpopRows({ steady, cycles, bundle }) {
  const row = (what, table, read, show = usUnit) => {
    if (!table?.['library-dpop']) return null; // results from before the option
    const [without, dpop] = ['library', 'library-dpop'].map((id) => read(table[id]));
    return [what, show(without), show(dpop), `**+${show(dpop - without)}**`, times(dpop / without)];
  };
  return [
    row('Per request (steady state)', steady, (r) => r.ns / 1000),
    row('Per refresh cycle, main-thread CPU', cycles, (r) => r.cpuUs),
    row('Per refresh cycle, wall time', cycles, (r) => r.us),
    row('Bundle added (gzip), README quick start', bundle, Number, (v) => `${int(v)} B`),
  ].filter(Boolean);
}

/** The rows of the results table: one per option ('–' where a measure does not apply). */
function resultRows({ ns, big, mid, bursts, steady, cycles, bundle }) {
  return SHOWN.map((id) => {
    const burst = id !== 'floor' && bursts?.[id];
    const [at, floor] = [bursts?.[id]?.[mid], bursts?.floor[mid]];
    const revokedAt = burst && ns.find((n) => burst[n].revoked);
    const latency = at?.failed ? `n/a (${int(at.failed)} failed)` : at && `${ms(at.p50)} ms`;
    const ratio = at && !at.failed && id !== 'floor' ? ` (${times(at.p50 / floor.p50)})` : '';
    const base = steadyBase(id) === 'bare' ? 'bare' : 'axios';
    return [
      id === 'library' ? `**${label(id)}**` : label(id),
      burst && ns.map((n) => int(burst[n].refreshCalls)).join(' / '),
      burst && int(burst[big].unauthorized),
      burst && `${int(burst[big].failed)} of ${int(big)}`,
      burst && (revokedAt ? `yes (N ≥ ${revokedAt})` : 'no'),
      latency && latency + ratio,
      steady?.[id] && `${int(steady[id].ns)} (${times(steady[id].ratio)} ${base})`,
      bundle?.[id] && plusKb(bundle[id]),
      cycles?.[id] && `${int(cycles[id].us)} / ${int(cycles[id].cpuUs)}`,
      cycles?.[id] && `${cycles[id].heap.toFixed(1)} B`,
    ].map((cell) => cell || '–');
  });
}

/** Writes docs/benchmarks.md (formatted with the repository's Prettier settings) and the chart. */
export async function writeReport(results) {
  const { date, machine: m, settings: s, timings, measures } = results;
  const summary = summarize(results);
  const { ns, big, mid } = summary;
  const startup = Object.entries(summary.startup ?? {}).flatMap(([where, cases]) =>
    Object.entries(cases).map(([start, [bare, lib]]) => [
      { alone: 'none', 'other-signed-out': 'one, signed out' }[where] ?? 'one, signed in',
      start === 'guard' ? 'guarded navigation' : 'anonymous request',
      ...[bare, lib].map(ms),
      `**${lib < bare ? '−' : '+'}${ms(Math.abs(lib - bare))} ms**`,
    ]),
  );
  const targets = priceTargets(summary).map((t) => {
    const value = `**${t.show(t.value)}**`;
    return [t.what, t.figures, value, `≤ ${t.show(t.limit)}`, t.met ? 'yes' : '**no**'];
  });
  const load = (values) => values.map((value) => value.toFixed(1)).join(' / ');
  const changes = m.uncommittedChanges;
  const losses = findLosses(summary, results).map((loss) => `- ${loss}`);
  const slots = {
    ...{ date, ns: ns.join('/'), big, mid },
    results: rows(resultRows(summary)),
    repetitions: `bursts: ${s.ns.map((n) => `${s.reps[n]} runs at N = ${n}`).join(', ')}; steady state:
      ${s.steady.rounds} rounds; refresh cycles: ${s.memory.reps} runs; start-up: ${s.startup.reps} runs`,
    cycles: int(measures.memory?.cycles),
    ...{ targets: rows(targets), startup: rows(startup), losses: losses.join('\n') || '- None.' },
    ...{ dpop: rows(dpopRows(summary)), dpopCount: int(measures.steady?.dpopCount) },
    cpu: `${m.cores} × ${m.cpu}, ${m.memoryGb} GB RAM, shared with other jobs`,
    ...{ os: `${m.os}, Node ${m.node}`, chromium: m.chromium, seconds: Math.round(timings.total) },
    library: `${m.library.version} (commit ${m.library.commit}${changes ? `, ${changes} uncommitted changes` : ''})`,
    packages: Object.entries(m.packages)
      .map((entry) => entry.join(' '))
      .join(', '),
    load: `${load(m.loadAverage)} at the start, ${load(m.loadAverageEnd)} at the end`,
  };
  const template = readFileSync(new URL('benchmarks.template.md', import.meta.url), 'utf8');
  const [doc, chart] = [`${ROOT}docs/benchmarks.md`, `${ROOT}docs/benchmarks.svg`];
  const config = { ...(await prettier.resolveConfig(doc)), proseWrap: 'always', filepath: doc };
  const markdown = template.replace(/\{\{(\w+)\}\}/g, (_, slot) => slots[slot]);
  writeFileSync(doc, await prettier.format(markdown, config));
  writeFileSync(chart, await chartSvg(summary, results));
  return `wrote ${doc} and ${chart}\n${slots.losses}`;
}

// Measure 3: the latency a refresh adds to the requests waiting on it.
import { LABELS, REFRESHING } from '../variants.mjs';
import { int, ms, table, times } from './format.mjs';

export function latencySection({ bursts }) {
  const header = ['Option', ...bursts.ns.map((n) => `N = ${n}: p50 / p99 (ms)`)];
  const cell = (row, floor) => {
    if (row.failed > 0) return `n/a (${int(row.failed)} failed)`;
    const ratio = floor ? ` (${times(row.p50 / floor.p50)})` : '';
    return `${ms(row.p50)} / ${ms(row.p99)}${ratio}`;
  };
  const rows = [
    [`${LABELS.floor}: refresh + requests`, ...bursts.ns.map((n) => cell(bursts.rows.floor[n]))],
    ...REFRESHING.map((id) => [
      id === 'library' ? `**${LABELS[id]}**` : LABELS[id],
      ...bursts.ns.map((n) => cell(bursts.rows[id][n], bursts.rows.floor[n])),
    ]),
  ];
  const refreshRtt = bursts.ns
    .map((n) => `${ms(bursts.rows.floor[n].refreshMs)} ms (N = ${n})`)
    .join(', ');
  return `## 3. Latency added by a refresh

The same bursts as above: for each request, the time from the start of the burst until it
completed; p50 and p99 over the requests of a run, then the median over the runs. The physical
floor is what any client must pay: one refresh round trip, then the N requests with the new token,
sent by a bare \`HttpClient\` with nothing in between (for N = 1: one refresh round trip plus one
request round trip). In parentheses: the p50 against the floor's p50. A reactive option cannot
reach the floor: its requests first travel with the expired token and come back with a 401.
Options whose requests mostly failed have no meaningful latency ("n/a"). The refresh round trip
alone took (median) ${refreshRtt}.

${table(header, rows, `l${'r'.repeat(bursts.ns.length)}`)}

Large bursts are dominated by Chromium's queue (6 connections per origin) and by this machine's
throughput, not by the refresh; the small bursts show the refresh itself.`;
}

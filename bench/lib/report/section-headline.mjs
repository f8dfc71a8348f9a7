// The headline table: one row per option, one column per measure.
import { LABELS, REFRESHING } from '../variants.mjs';
import { int, kb, ms, ns, table, times } from './format.mjs';

const ROWS = [...REFRESHING, 'jwt', 'jwt-skip-expired'];
const BUNDLE_ID = {
  library: 'library',
  naive: 'naive',
  queued: 'queued',
  'ngx-auth': 'ngx-auth',
  jwt: 'jwt',
  'axios-auth-refresh': 'axios-auth-refresh',
};

export function headlineSection({ results, bursts, steady, memory, bundle }) {
  const cycles = int(results.measures.memory?.cycles);
  const big = bursts?.ns.at(-1);
  const mid = bursts?.ns.includes(100) ? 100 : big;
  const header = [
    'Option',
    `Refresh calls (N = ${bursts?.ns.join('/') ?? '–'})`,
    `401s (N = ${big})`,
    `Failed (N = ${big})`,
    'Session revoked',
    `p50 latency (N = ${mid})`,
    'Steady state, ns/request',
    'Bundle (gzip)',
    'Heap growth',
  ];
  const rows = ROWS.map((id) => {
    const burst = bursts?.rows[id];
    const refreshes = burst
      ? bursts.ns.map((n) => int(burst[n].refreshCalls)).join(' / ')
      : 'no refresh';
    const revoked = burst
      ? bursts.ns.some((n) => burst[n].revokedRuns > 0)
        ? `yes (N ≥ ${bursts.ns.find((n) => burst[n].revokedRuns > 0)})`
        : 'no'
      : '–';
    const latency = burst ? latencyCell(burst[mid], bursts.rows.floor[mid]) : '–';
    const steadyCell = steady?.[id]
      ? `${ns(steady[id].ns)} (${times(steady[id].ratio)} ${steady[id].base === 'bare' ? 'bare' : 'axios'})`
      : '–';
    const bundleRow = bundle?.[BUNDLE_ID[id]];
    const bundleCell = bundleRow
      ? `+${kb(bundleRow.addedGzipped)}${id === 'axios-auth-refresh' ? ' (with axios)' : ''}`
      : '–';
    const heap = memory?.[id] ? `${memory[id].secondHalfPerCycle.toFixed(1)} B/cycle` : '–';
    return [
      id === 'library' ? `**${LABELS[id]}**` : LABELS[id],
      refreshes,
      burst ? int(burst[big].unauthorized) : '–',
      burst ? `${int(burst[big].failed)} of ${int(big)}` : '–',
      revoked,
      latency,
      steadyCell,
      bundleCell,
      heap,
    ];
  });
  return `## Headline

${table(header, rows, 'lrrrlrrrr')}

Medians over the runs. "Failed" counts requests that errored or never completed; "session
revoked": the server saw a rotated refresh token again and revoked the whole token family (the
user is logged out). Latency: the median per-request completion time of a burst fired right after
the access token expired, and in parentheses against the physical floor (one refresh round trip,
then the requests, sent by a bare HttpClient); "n/a" where most requests failed. Steady state:
requests with a valid token against an in-process backend, in parentheses against HttpClient
without any interceptor (axios-auth-refresh: against plain axios with the README's token
interceptor). Bundle: gzipped bytes added to a minimal app. Heap growth: bytes per refresh cycle
over the second half of ${cycles} cycles. ${LABELS['library-single-tab']} is not an
alternative: it shows what the library's cross-tab lock costs.

![Benchmark chart](benchmarks.svg)`;
}

function latencyCell(row, floor) {
  if (!row) return '–';
  if (row.failed > 0) return `n/a (${int(row.failed)} failed)`;
  return `${ms(row.p50)} ms (${times(row.p50 / floor.p50)})`;
}

// docs/benchmarks.svg: the report's figures as one Vega-Lite chart, rendered to SVG in Node by
// vega's headless view (no browser, no canvas).
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { OPTIONS, REFRESHING, SHOWN, label } from './variants.mjs';

/** One color per option, shared by every panel (a single legend). */
const color = {
  field: 'option',
  title: null,
  scale: { domain: SHOWN.map(label), range: SHOWN.map((id) => OPTIONS[id][1]) },
};

/** Horizontal bars, one per option of `rows` (`{ id: row }`), `read(row)` printed at the end. */
const bars = (title, rows, read, format = ',.0f') => ({
  title,
  data: {
    values: Object.entries(rows)
      .filter(([id, row]) => id !== 'baseline' && row)
      .map(([id, row]) => ({ option: label(id), value: read(row) })),
  },
  encoding: {
    y: { field: 'option', type: 'nominal', title: null, sort: null },
    x: { field: 'value', type: 'quantitative', title: null },
  },
  layer: [
    { mark: 'bar', encoding: { color } },
    {
      mark: { type: 'text', align: 'left', dx: 3 },
      encoding: { text: { field: 'value', format } },
    },
  ],
});

/** The SVG: the bursts per N (symlog scales, so that 0 shows), then a panel per figure. */
export async function chartSvg({ ns, mid: n, bursts, steady, cycles, bundle }, { date, machine }) {
  const measures = { 'refresh calls': 'refreshCalls', '401s served': 'unauthorized' };
  measures['failed or hung requests'] = 'failed';
  const values = Object.entries(measures).flatMap(([measure, key]) =>
    REFRESHING.flatMap((id) =>
      ns.map((N) => ({ measure, N, option: label(id), value: bursts?.[id][N][key] })),
    ),
  );
  const perBurst = {
    data: { values },
    facet: { column: { field: 'measure', title: 'Per burst', sort: Object.keys(measures) } },
    spec: {
      width: 200,
      mark: 'bar',
      encoding: {
        x: { field: 'N', type: 'ordinal', axis: { labelAngle: 0 } },
        xOffset: { field: 'option', sort: null },
        y: { field: 'value', type: 'quantitative', title: null, scale: { type: 'symlog' } },
        color,
      },
    },
    resolve: { scale: { y: 'independent' } },
  };
  const ok = ['floor', ...REFRESHING].filter((id) => bursts && !bursts[id][n].failed);
  const latency = Object.fromEntries(ok.map((id) => [id, bursts[id][n]]));
  const panels = [
    bursts &&
      bars(`p50 latency, bursts of ${n} (ms; options that lost none)`, latency, (r) => r.p50),
    // A DPoP proof costs many times an interceptor: its bar would flatten the others.
    steady &&
      bars(
        'Steady state (ns per request; withDpop(): see the DPoP table)',
        { ...steady, 'library-dpop': null },
        (row) => row.ns,
      ),
    cycles && bars('Refresh cycle without network, wall time (µs)', cycles, (row) => row.us),
    cycles && bars('Refresh cycle, main-thread CPU (µs)', cycles, (row) => row.cpuUs),
    bundle && bars('Bundle added, gzip (KB)', bundle, (bytes) => bytes / 1024, '.1f'),
  ];
  const spec = {
    title: {
      text: 'ngx-token-refresh and its alternatives (medians; demo auth server, headless Chromium)',
      subtitle: `${date.slice(0, 10)} · ${machine.cores} × ${machine.cpu} · Chromium ${machine.chromium}`,
    },
    vconcat: [...(bursts ? [perBurst] : []), { columns: 2, concat: panels.filter(Boolean) }],
    config: {
      view: { continuousWidth: 300 },
      axis: { labelLimit: 0 },
      legend: { labelLimit: 0, orient: 'top', columns: 4 },
    },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  return `${await view.toSVG()}\n`;
}

// docs/benchmarks.svg: six panels drawn from the aggregated results (hand-written SVG).
import { REFRESHING, STEADY } from '../variants.mjs';
import { COLORS } from './colors.mjs';
import { groupedLogBars } from './grouped-log-bars.mjs';
import { horizontalBars } from './horizontal-bars.mjs';
import { rect, text } from './svg.mjs';

const WIDTH = 1000;
/** Labels short enough for the chart. */
const SHORT = {
  library: 'ngx-token-refresh',
  'library-single-tab': 'ngx-token-refresh, crossTab: false',
  naive: '(a) no lock',
  queued: '(b) flag + BehaviorSubject',
  'ngx-auth': 'ngx-auth',
  'axios-auth-refresh': 'axios-auth-refresh',
  jwt: 'JwtInterceptor',
  'jwt-skip-expired': 'JwtInterceptor, skipWhenExpired',
  bare: 'bare HttpClient',
  'floor-bearer': 'bearer interceptor (floor)',
  axios: 'axios + token interceptor',
  floor: 'physical floor',
};
const PANEL = { width: 480, height: 270 };
const STYLE = `<style>
  text { font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; fill: #222; }
  .title { font-size: 14px; font-weight: 600; }
  .tick { font-size: 10px; fill: #555; }
  .label { font-size: 11px; }
  .legend { font-size: 12px; }
  .note { font-size: 11px; fill: #666; }
</style>`;

/** @param {{ bursts, steady, bundle, machine, date }} data aggregated results (any may be null) */
export function chartSvg({ bursts, steady, bundle, date, machine }) {
  const panels = [];
  const { svg: legendSvg, bottom } = legend();
  const top = bottom + 12;
  const at = (column, row) => ({ x: 10 + column * 505, y: top + row * (PANEL.height + 20) });
  if (bursts) {
    const groupsOf = (read) =>
      bursts.ns.map((n) => ({
        label: `N = ${n}`,
        bars: REFRESHING.map((id) => ({
          value: read(bursts.rows[id][n]),
          color: COLORS[id],
          title: `${SHORT[id]}, N=${n}: ${read(bursts.rows[id][n])}`,
        })),
      }));
    panels.push(
      groupedLogBars({
        ...at(0, 0),
        ...PANEL,
        title: 'Refresh calls per burst (median)',
        groups: groupsOf((row) => row.refreshCalls),
      }),
      groupedLogBars({
        ...at(1, 0),
        ...PANEL,
        title: '401s served per burst (median)',
        groups: groupsOf((row) => row.unauthorized),
      }),
      groupedLogBars({
        ...at(0, 1),
        ...PANEL,
        title: 'Failed (or hung) requests per burst (median)',
        groups: groupsOf((row) => row.failed),
      }),
    );
    const n = bursts.ns.includes(100) ? 100 : bursts.ns.at(-1);
    panels.push(
      horizontalBars({
        ...at(1, 1),
        ...PANEL,
        title: `Median per-request latency, burst of ${n} after expiry (ms)`,
        bars: ['floor', ...REFRESHING].map((id) => {
          const row = bursts.rows[id][n];
          return row.failed > 0
            ? {
                label: SHORT[id],
                value: 0,
                display: `n/a: ${row.failed} of ${n} failed`,
                color: COLORS[id],
              }
            : { label: SHORT[id], value: row.p50, display: row.p50.toFixed(0), color: COLORS[id] };
        }),
      }),
    );
  }
  if (steady) {
    panels.push(
      horizontalBars({
        ...at(0, 2),
        ...PANEL,
        title: 'Steady state: cost per request, no refresh (ns, median)',
        bars: STEADY.map((id) => ({
          label: SHORT[id],
          value: steady[id].ns,
          display: steady[id].ns.toFixed(0),
          color: COLORS[id],
        })),
      }),
    );
  }
  if (bundle) {
    panels.push(
      horizontalBars({
        ...at(1, 2),
        ...PANEL,
        title: 'Bundle: bytes added to a minimal app (gzip)',
        bars: Object.entries(bundle)
          .filter(([id]) => id !== 'baseline')
          .map(([id, row]) => ({
            label:
              {
                ...SHORT,
                naive: '(a) no lock',
                queued: '(b) flag + BehaviorSubject',
                axios: 'axios + token interceptor',
                'axios-auth-refresh': 'axios + axios-auth-refresh',
              }[id] ?? row.label,
            value: row.addedGzipped,
            display: `${(row.addedGzipped / 1024).toFixed(1)} KB`,
            color: COLORS[id] ?? '#999',
          })),
      }),
    );
  }
  const height = top + 3 * (PANEL.height + 20) + 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
    STYLE,
    rect(0, 0, WIDTH, height, '#ffffff'),
    text(
      10,
      22,
      'ngx-token-refresh and its alternatives: real auth server on loopback, headless Chromium',
      'class="title"',
    ),
    text(
      10,
      40,
      `${date.slice(0, 10)} · ${machine.cores} × ${machine.cpu} · Chromium ${machine.chromium} · medians of several runs; log scales on the three burst panels`,
      'class="note"',
    ),
    legendSvg,
    ...panels,
    '</svg>',
    '',
  ].join('\n');
}

/** One swatch per refreshing option, wrapped onto as many rows as the width needs. */
function legend() {
  let x = 10;
  let y = 50;
  const items = REFRESHING.map((id) => {
    const width = 28 + SHORT[id].length * 6.6;
    if (x + width > WIDTH - 10) {
      x = 10;
      y += 18;
    }
    const item = rect(x, y, 12, 12, COLORS[id]) + text(x + 16, y + 10, SHORT[id], 'class="legend"');
    x += width;
    return item;
  });
  return { svg: items.join('\n'), bottom: y + 12 };
}

// Measure 2: the steady-state cost per request.
import { LABELS, STEADY } from '../variants.mjs';
import { int, ns, table, times } from './format.mjs';

const WHO = {
  'document.location.origin':
    'JwtInterceptor (twice, plus once per disallowed route); ngx-token-refresh once per document',
  'new URL(url, base).origin':
    'JwtInterceptor (twice, plus once per disallowed route); ngx-token-refresh only for URLs ' +
    'that are not a plain path (`/api/...` is one)',
  'JwtHelperService.decodeToken': 'nobody per request; ngx-token-refresh once per new token',
  'JwtHelperService.isTokenExpired':
    'JwtInterceptor with `skipWhenExpired: true`, on every request',
  'document.baseURI': 'ngx-token-refresh, once per document (base of relative URLs)',
};

export function steadySection({ steady, results }) {
  const { count, axiosCount, rounds, primitives } = results.measures.steady;
  const rows = STEADY.map((id) => {
    const row = steady[id];
    return [
      id === 'library' ? `**${LABELS[id]}**` : LABELS[id],
      ns(row.ns),
      ns(row.best),
      row.overheadNs === 0 ? 'reference' : `${row.overheadNs > 0 ? '+' : ''}${ns(row.overheadNs)}`,
      times(row.ratio),
      times(row.ratioToFloor),
      times(row.ratioToJwt),
      row.tokenShare === 1
        ? 'yes'
        : row.tokenShare === 0
          ? 'no'
          : `${(row.tokenShare * 100).toFixed(0)} %`,
    ];
  });
  const primitiveRows = Object.entries(primitives ?? {}).map(([name, value]) => [
    `\`${name}\``,
    ns(value),
    WHO[name] ?? '',
  ]);
  return `## 2. Steady-state overhead

The cost of a request when no refresh is needed: ${int(count)} \`GET\`s per round (axios: ${int(axiosCount)}), in
batches of 1,000, against an in-process \`HttpBackend\` that answers synchronously (axios: an
in-process adapter), so there is no network and no event loop in the measure, only the
interceptors' CPU time. It runs in the production build in Chromium, ${rounds} rounds after a warm-up,
the options interleaved; the table shows the median and the best round, in ns per request. The
reference is \`HttpClient\` without any interceptor (for axios-auth-refresh: plain axios with the
README's token interceptor). "× floor" compares with ${LABELS['floor-bearer']}: a functional
interceptor that reads the token from memory and does one \`req.clone({ setHeaders })\`, the least
any token interceptor does. "Token" checks that every request reached the backend with the current
token.

${table(['Option', 'ns/request', 'best round', 'overhead (ns)', '× reference', '× floor', '× JwtInterceptor', 'token'], rows, 'lrrrrrrl')}

What the per-request work costs in the same browser (median ns per call):

${table(['Operation', 'ns', 'Done per request by'], primitiveRows, 'lrl')}

No option here decodes the JWT on every request except \`JwtInterceptor\` with
\`skipWhenExpired: true\`, and the cost shows. ngx-token-refresh decodes a token once, when it
arrives, and keeps its expiry in memory.`;
}

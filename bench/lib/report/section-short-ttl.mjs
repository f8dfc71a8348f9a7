// The edge case: a token that expires in the browser's queue.
import { LABELS } from '../variants.mjs';
import { int, ms, table } from './format.mjs';

export function shortTtlSection({ results }) {
  const runs = results.measures.shortTtl.results;
  const rows = runs.map((run) => [
    LABELS[run.variant],
    `${run.accessTtlMs / 1000} s`,
    int(run.n),
    int(run.refreshCalls),
    int(run.unauthorized),
    `${int(run.failed + run.hung)}`,
    ms(run.durationMs),
    `\`${run.sessionStatus}\``,
  ]);
  return `## 6. Edge case: the new token expires in the browser's queue

Not one of the five measures, but found while measuring: a burst of ${int(runs[0].n)} requests right after
expiry, with an access token that lives only ${runs[0].accessTtlMs / 1000} s (a separate server process). Chromium
needs longer than that to send the burst (6 connections per origin), so the token from the
refresh expires while most requests still wait in the browser; the server rejects them, and so it
does their retries. One run (reproduce: \`node bench/repro/short-ttl-burst.mjs\`):

${table(['Option', 'ACCESS_TTL', 'N', 'Refresh calls', '401s served', 'Failed', 'All done (ms)', 'Session status after'], rows, 'lrrrrrrl')}

A retry rejected with the token the refresh just returned is taken as "the session is over"
(\`SessionExpiredError\`, status \`expired\`, tokens forgotten), although here the token had only
expired on its way and the refresh token was still valid. No client can serve requests that
outlive their token, but ending the session is more than this failure calls for.`;
}

// Measure 1: refresh amplification on the real server.
import { LABELS, REFRESHING } from '../variants.mjs';
import { int, ms, range, table } from './format.mjs';

export function amplificationSection({ bursts, results }) {
  const ttl = results.settings.accessTtlMs / 1000;
  const blocks = bursts.ns.map((n) => {
    const rows = REFRESHING.map((id) => {
      const row = bursts.rows[id][n];
      return [
        id === 'library' ? `**${LABELS[id]}**` : LABELS[id],
        `${int(row.refreshCalls)}${row.refreshRange[0] !== row.refreshRange[1] ? ` (${range(row.refreshRange)})` : ''}`,
        int(row.unauthorized),
        `${int(row.failed)}${row.hung > 0 ? ` (${int(row.hung)} hung)` : ''}`,
        `${row.revokedRuns} of ${row.runs}`,
        ms(row.durationMs),
      ];
    });
    return `### N = ${n}

${table(['Option', 'Refresh calls', '401s served', 'Failed', 'Family revoked', 'All done (ms)'], rows, 'lrrrrr')}`;
  });
  return `## 1. Refresh amplification

N concurrent \`GET /api/items/1\` at the moment the access token has expired, on the real demo
server (\`server/\`, loopback, \`ACCESS_TTL=${ttl}s\`, \`TEST_MODE=1\`) in headless Chromium. Each run
loads a fresh instance of the option's production build (served by the auth server, same origin
as \`/api\`), hands it a session from a login whose access token has just expired (the logins are
made ahead and used after their \`exp\`, so that the harness waits for one expiry, not one per run),
resets the server's counters (\`POST /api/_reset\`), starts the N requests in one tick and waits
until all of them completed. Refresh calls, 401s and revocations are the server's
\`/api/_stats\` counters; "failed" counts the requests that errored in the page, "hung" those that
never completed. "Family revoked": the server saw an already rotated refresh token again (reuse
detection) and revoked the whole family, so the session is gone. Target for ngx-token-refresh:
exactly 1 refresh call and no 401 for every N (it refreshes before sending, because the token's
\`exp\` has passed), 0 failed. Chromium sends at most 6 requests at a time to one origin
(HTTP/1.1), so large bursts queue in the browser: "All done" includes that queue.

${blocks.join('\n\n')}

What happens with each option:

- **${LABELS.naive}**: every 401 starts its own refresh with the same refresh token. The first
  one rotates it; the next one presents the rotated token, the server detects the reuse and
  revokes the family, and every later refresh fails (\`400 invalid_grant\`): all but one request
  fail and the user is logged out.
- **${LABELS.queued}**: only one refresh at a time, but the flag is cleared as soon as a refresh
  completes, and a 401 that arrives after that (its request had left with the old token) starts
  another refresh: the pattern never checks whether the token that was rejected has already been
  replaced. Nothing fails here (the refreshes are sequential, so rotation works), but every
  request pays a 401 and a retry, and the refreshes pile up with N.
- **${LABELS['ngx-auth']}**: the same shape (a \`refreshInProgress\` flag and a \`Subject\`), with
  the same effect; its retries go through the whole \`HttpClient\` chain again.
- **${LABELS['axios-auth-refresh']}**: one refresh, but with the default
  \`deduplicateRefresh: true\` a 401 that arrives while that refresh is running is not intercepted
  (the instance is on its skip list), so the request fails with the 401; only requests *started*
  during the refresh are held back. Turning the option off makes every 401 refresh on its own,
  which is pattern (a) with its reuse detection.
- **${LABELS.library}**: the expired token is never sent; one refresh (under the cross-tab lock)
  serves all N requests.`;
}

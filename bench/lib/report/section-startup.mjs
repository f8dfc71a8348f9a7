// Measure 7: how long the library holds back what an app does at start.
import { LABELS } from '../variants.mjs';
import { int, ms, table } from './format.mjs';

const SITUATION = {
  alone: 'none',
  'other-signed-out': 'one, signed out',
  'other-signed-in': 'one, signed in',
};
const CASE = { request: 'anonymous request', guard: 'guarded navigation' };

/** "+12.3 ms" for an added delay. */
export const added = (value) => `${value >= 0 ? '+' : '−'}${ms(Math.abs(value))} ms`;

export function startupSection({ startup, results }) {
  const rows = Object.entries(startup).flatMap(([situation, cases]) =>
    Object.keys(CASE)
      .map((start) => [start, cases[start]])
      .filter(([, row]) => row)
      .map(([start, row]) => [
        SITUATION[situation] ?? situation,
        CASE[start] ?? start,
        `${ms(row.bare.heldMs)} (${ms(row.bare.doneAt)})`,
        `${ms(row.library.heldMs)} (${ms(row.library.doneAt)})`,
        `${ms(row.library.heldRange[0])}–${ms(row.library.heldRange[1])}`,
        `**${added(row.addedMs)}**`,
        added(row.addedSinceStartMs),
        row.library.outcomes.map((outcome) => `\`${outcome}\``).join(', '),
      ]),
  );
  return `## 7. Start-up delay

What the library holds back when an app starts without a session of its own: a first navigation to
a route behind \`sessionGuard\` (loginUrl \`/login\`) and an anonymous \`GET\`, both started as soon
as the app exists (the navigation first, the request right after it), in a fresh page load of the
production build on the real server, in headless Chromium. Times are from the app's call
(\`Router.navigateByUrl\`, \`HttpClient.get\`) until
the request reached the network backend (past every interceptor; \`HttpXhrBackend\`) or the
navigation ended (\`NavigationEnd\`); in parentheses the same moment in ms since navigation start.
The reference is the bare app: no interceptor, and a synchronous guard on its in-memory token store
(\`/login\` when it is empty); the Router exists before the clock starts, as it does after
bootstrap. The library is set up as in the other measures (memory storage, \`crossTab: true\`). A
new tab asks Web Locks whether another tab of the origin holds the shared "open" lock; only then does
it say \`hello\` and wait for an answer (at most 150 ms) before it decides that it has no session.
Three situations, each in a fresh browser context: no other tab of the origin; another tab open
(the same option, loaded and idle) that is signed out, or signed in (then the new tab joins its
session, so its request carries the token and the guard lets the navigation through). Medians of
${int(results.measures.startup.reps)} runs per cell, the options alternating.

${table(['Other tab of the origin', 'At start', 'bare app (ms)', `${LABELS.library} (ms)`, 'its range', 'added', 'added since navigation start', 'outcome (ngx-token-refresh)'], rows, 'llrrrrrl')}

"Added" is the difference of the medians. The column after it compares the same moments since
navigation start, so page-load noise is in it too (the bench app and its bundle are the same for
both). With no other tab open the library's new tab says no \`hello\` and waits for no answer;
what it waits for is Web Locks' reply to which locks are held, asked while the page is still
loading. Outcome: the request's HTTP status (401 without a token), or where the navigation ended. The
bare app's request always goes without a token and its guard always ends at \`/login\`: it knows
nothing of other tabs.`;
}

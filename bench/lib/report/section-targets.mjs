// The price targets of the library, next to this run's figures.
import { added } from './section-startup.mjs';
import { table } from './format.mjs';
import { priceTargets } from './targets.mjs';

export function targetsSection(data) {
  const rows = priceTargets(data).map((target) => [
    target.what,
    target.figures,
    `**${target.show(target.value)}**`,
    `≤ ${target.show(target.limit)}`,
    target.met ? 'yes' : '**no**',
  ]);
  const { startup } = data;
  const delays = startup
    ? Object.entries({
        'no other tab of the origin open': startup.alone,
        'another tab open, signed out': startup['other-signed-out'],
        'another tab open, signed in': startup['other-signed-in'],
      })
        .filter(([, cases]) => cases)
        .map(
          ([label, cases]) =>
            `- ${label}: anonymous request ${added(cases.request.addedMs)}, guarded navigation ` +
            `${added(cases.guard.addedMs)}`,
        )
        .join('\n')
    : '';
  return `## Price targets

What ngx-token-refresh may cost, and what it cost in this run: every figure below comes from this
one run, the library measured side by side with the floor (a hand-written functional interceptor
that reads the token from memory and does one \`req.clone({ setHeaders })\`, nothing else) and with
JwtInterceptor. Steady state: medians of section 2; bundle: section 4 (KB = 1,024 B); CPU per
refresh cycle: section 5. The targets are reported here, not asserted by tests.

${table(['Target', 'Figures', 'This run', 'Limit', 'Met'], rows, 'llrrl')}
${
  delays
    ? `
Start-up delay (section 7; no limit set, reported): what the library adds to the bare app's
time from the app's call until its first request leaves, or its guarded first navigation ends.

${delays}`
    : ''
}`;
}

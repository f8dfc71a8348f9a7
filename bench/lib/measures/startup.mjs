// Start-up delay: how late the first navigation to a guarded route ends and an anonymous request
// made as soon as the app exists leaves the page, with the library and with the bare app (a
// synchronous guard on its in-memory store), on the real server in Chromium. Three situations:
// no other tab of the origin open, another tab open and signed out, another tab open and signed
// in (the library's new tab then joins that session).
import { openBenchPage, openSecondTab } from '../browser.mjs';
import { STARTUP } from '../variants.mjs';

export const SITUATIONS = ['alone', 'other-signed-out', 'other-signed-in'];

/**
 * Every (repetition, situation, option) in a fresh browser context, the options' order
 * alternating per repetition. Each page load gives two runs (`start`: guard, request): `heldMs`
 * from the app's call until the navigation ended or the request left, `doneAt` that moment in ms
 * since navigation start, `outcome` where the navigation ended or the HTTP status.
 */
export async function measureStartup({ browser, server, settings, log }) {
  const { reps } = settings.startup;
  const runs = [];
  const pageErrors = [];
  for (let rep = 0; rep < reps; rep++) {
    const order = rep % 2 === 0 ? STARTUP : [...STARTUP].reverse();
    const line = [];
    for (const situation of SITUATIONS) {
      for (const variant of order) {
        const { cases, errors } = await startOnce(browser, server, variant, situation);
        pageErrors.push(...errors.map((error) => `start-up ${variant} ${situation}: ${error}`));
        for (const [start, { startedAt, doneAt, outcome }] of Object.entries(cases)) {
          runs.push({
            rep,
            situation,
            variant,
            start,
            heldMs: doneAt - startedAt,
            doneAt,
            outcome,
          });
        }
        const held = (start) => (cases[start].doneAt - cases[start].startedAt).toFixed(1);
        line.push(`${variant} ${situation} ${held('guard')}/${held('request')}`);
      }
    }
    log(`  rep ${rep + 1} (ms held, guard/request): ${line.join(', ')}`);
  }
  return { reps, runs, pageErrors };
}

async function startOnce(browser, server, variant, situation) {
  const first = await openBenchPage(browser, server.url);
  try {
    let tab = first;
    if (situation !== 'alone') {
      // The other tab is up and has made a request (signed out) or started a session.
      await first.load(variant);
      if (situation === 'other-signed-in') await first.call('setSession', await server.login());
      else await first.call('fire', 1, 5000);
      tab = await openSecondTab(first);
    }
    const cases = await tab.start(variant);
    return { cases, errors: tab === first ? first.errors : [...first.errors, ...tab.errors] };
  } finally {
    await first.close();
  }
}

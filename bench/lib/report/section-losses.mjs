// "Where ngx-token-refresh loses": every measure on which an alternative does better, or the
// library misses its own target, found in the numbers of this run.
import { LABELS, REFRESHING } from '../variants.mjs';
import { int, kb, ms, ns, times } from './format.mjs';
import { priceTargets } from './targets.mjs';

const ANGULAR_ALTERNATIVES = ['naive', 'queued', 'ngx-auth', 'jwt'];
const BUNDLE_ALTERNATIVES = ['naive', 'queued', 'ngx-auth', 'jwt', 'axios-auth-refresh'];

/** The findings as Markdown bullets (empty when the library wins everywhere). */
export function findLosses(data) {
  const { results, bursts, steady, memory, bundle } = data;
  const losses = priceTargets(data)
    .filter((target) => !target.met)
    .map(
      (target) =>
        `**Misses its price target, ${target.name}**: ${target.show(target.value)}, limit ` +
        `${target.show(target.limit)} (${target.figures}; see "Price targets").`,
    );
  if (bursts) {
    for (const n of bursts.ns) {
      const row = bursts.rows.library[n];
      if (row.refreshCalls !== 1 || row.unauthorized !== 0 || row.failed !== 0) {
        losses.push(
          `**Misses its amplification target at N = ${n}**: ${int(row.refreshCalls)} refresh calls, ` +
            `${int(row.unauthorized)} 401s, ${int(row.failed)} failed (target: 1, 0, 0).`,
        );
      }
    }
    for (const n of bursts.ns) {
      const library = bursts.rows.library[n];
      const floor = bursts.rows.floor[n];
      const faster = REFRESHING.filter(
        (id) => id !== 'library' && id !== 'library-single-tab',
      ).filter(
        (id) => bursts.rows[id][n].failed === 0 && bursts.rows[id][n].p50 < library.p50 * 0.9,
      );
      for (const id of faster) {
        losses.push(
          `**Latency at N = ${n}**: ${LABELS[id]} completed its requests faster (p50 ` +
            `${ms(bursts.rows[id][n].p50)} ms against ${ms(library.p50)} ms).`,
        );
      }
      // Slower than the floor only counts outside the floor's own run-to-run spread.
      if (library.failed === 0 && library.p50 > floor.p50Range[1] * 1.05) {
        losses.push(
          `**Latency at N = ${n}**: p50 ${ms(library.p50)} ms, ${times(library.p50 / floor.p50)} the ` +
            `floor (${ms(floor.p50)} ms, at most ${ms(floor.p50Range[1])} ms in its runs); without ` +
            `the cross-tab lock: ${ms(bursts.rows['library-single-tab'][n].p50)} ms.`,
        );
      }
    }
  }
  if (steady) {
    const cheaper = ANGULAR_ALTERNATIVES.filter((id) => steady[id].ns < steady.library.ns);
    if (cheaper.length > 0) {
      losses.push(
        `**Steady-state cost per request**: ${ns(steady.library.ns)} ns (${times(steady.library.ratio)} ` +
          `a bare HttpClient, +${ns(steady.library.overheadNs)} ns), more than ${cheaper
            .map((id) => `${LABELS[id]} (${ns(steady[id].ns)} ns)`)
            .join(', ')}, which check no origin and send the token to every URL. Against the ` +
          `floor it is ${times(steady.library.ratioToFloor)}; against JwtInterceptor ` +
          `(which checks the origin too) it is ${times(steady.library.ratioToJwt)}.`,
      );
    }
  }
  if (memory) {
    const lighter = REFRESHING.filter(
      (id) => !id.startsWith('library') && memory[id].usPerCycle < memory.library.usPerCycle * 0.8,
    );
    if (lighter.length > 0) {
      losses.push(
        `**Time per refresh without network**: a refresh cycle (401, refresh, retry against the ` +
          `in-process server) takes ${int(memory.library.usPerCycle)} µs, ` +
          `against ${lighter.map((id) => `${int(memory[id].usPerCycle)} µs (${LABELS[id]})`).join(', ')}; ` +
          `with \`crossTab: false\` it is ${int(memory['library-single-tab'].usPerCycle)} µs, so most of it is the ` +
          'cross-tab machinery (Web Lock, BroadcastChannel, localStorage revision). A real network ' +
          'round trip hides it (section 3), but it is there.',
      );
    }
    // Heap growth only counts when it is clearly above the noise of the other options.
    const others = REFRESHING.filter((id) => !id.startsWith('library'));
    const worst = Math.max(...others.map((id) => memory[id].secondHalfPerCycle));
    if (memory.library.secondHalfPerCycle > Math.max(10, 2 * worst)) {
      losses.push(
        `**Heap keeps growing**: +${memory.library.secondHalfPerCycle.toFixed(1)} B per refresh cycle in ` +
          `the second half of the cycles, against at most ${worst.toFixed(1)} B for the alternatives.`,
      );
    }
  }
  for (const run of results.measures.shortTtl?.results ?? []) {
    if (run.variant === 'library' && run.sessionStatus === 'expired' && run.reuseDetections === 0) {
      losses.push(
        `**Session ended by a token that expired in the browser's queue** (section 6): with a ` +
          `${run.accessTtlMs / 1000} s access token and a burst of ${int(run.n)}, ` +
          `${int(run.failed + run.hung)} requests failed and the library ended the session ` +
          'although the refresh token was still valid.',
      );
    }
  }
  if (bundle) {
    const smaller = BUNDLE_ALTERNATIVES.filter(
      (id) => bundle[id].addedGzipped < bundle.library.addedGzipped,
    );
    if (smaller.length > 0) {
      losses.push(
        `**Bundle size**: +${kb(bundle.library.addedGzipped)} gzipped (+${int(bundle.library.addedMinified)} B ` +
          `minified), more than ${smaller.map((id) => `${bundle[id].label} (+${kb(bundle[id].addedGzipped)})`).join(', ')}.`,
      );
    }
  }
  return losses;
}

export function lossesSection(data) {
  const losses = findLosses(data);
  const list =
    losses.length > 0 ? losses.map((loss) => `- ${loss}`).join('\n') : '- Nowhere in this run.';
  return `## Where ngx-token-refresh loses

Found in this run's numbers (the harness lists every measure where an alternative did better, or
where the library missed its own target):

${list}`;
}

// The library's price targets, and where this run's numbers stand against them. Reported (in
// the doc and its "loses" list), never asserted by a test: a shared machine's timings vary.
import { int, kb, ns } from './format.mjs';

/** A ratio with enough digits to tell it from its limit (0.251× is not 0.25×). */
const times = (value) => (Number.isFinite(value) ? `${value.toFixed(value < 1 ? 3 : 2)}×` : '–');

/** One row per target whose measure ran: the figures, the value, its limit, whether it is met. */
export function priceTargets({ steady, memory, bundle }) {
  const targets = [];
  const add = (target) => targets.push({ ...target, met: target.value <= target.limit });
  if (steady) {
    const { library, jwt } = steady;
    const floor = steady['floor-bearer'];
    add({
      what: 'Steady state, against the floor (the minimal bearer interceptor)',
      name: 'steady state against the floor',
      figures: `${ns(library.ns)} ns against ${ns(floor.ns)} ns per request`,
      value: library.ns / floor.ns,
      limit: 1.25,
      show: times,
    });
    add({
      what: "Steady state, against @auth0/angular-jwt's JwtInterceptor",
      name: 'steady state against JwtInterceptor',
      figures: `${ns(library.ns)} ns against ${ns(jwt.ns)} ns per request`,
      value: library.ns / jwt.ns,
      limit: 0.25,
      show: times,
    });
  }
  if (bundle) {
    const floor = bundle['floor-bearer'];
    add({
      what: 'Bundle: gzipped bytes added to a minimal app set up as the README quick start',
      name: 'bundle size',
      figures:
        `+${int(bundle.library.addedGzipped)} B; the floor adds +${int(floor.addedGzipped)} B, ` +
        `JwtInterceptor +${int(bundle.jwt.addedGzipped)} B`,
      value: bundle.library.addedGzipped,
      limit: 4 * 1024,
      show: kb,
    });
  }
  if (memory) {
    const single = memory['library-single-tab'];
    add({
      what: 'CPU per refresh cycle, cross-tab against single-tab (`crossTab: false`)',
      name: 'CPU per refresh cycle, cross-tab against single-tab',
      figures:
        `${int(memory.library.cpuUsPerCycle)} µs against ${int(single.cpuUsPerCycle)} µs ` +
        `of main-thread CPU (wall time ${int(memory.library.usPerCycle)} against ${int(single.usPerCycle)} µs)`,
      value: memory.library.cpuUsPerCycle / single.cpuUsPerCycle,
      limit: 2,
      show: times,
    });
  }
  return targets;
}

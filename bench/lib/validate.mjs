// Checks that the harness itself worked (not whether an option did well): the reference
// requests succeeded, every measure produced numbers, no page crashed. Returns the problems.
import { REFRESHING, STARTUP, STEADY } from './variants.mjs';

export function findHarnessProblems(results) {
  const problems = [];
  const { amplification, steady, memory, startup, bundle, shortTtl } = results.measures;
  const pageErrors = [amplification, steady, memory, startup, ...(shortTtl?.results ?? [])].flatMap(
    (measure) => measure?.pageErrors ?? [],
  );
  for (const error of pageErrors) problems.push(`page error: ${error}`);
  if (amplification) {
    for (const run of amplification.runs) {
      if (!Number.isFinite(run.stats.refreshCalls))
        problems.push(`no server counters: ${run.variant}`);
      if (run.variant === 'floor' && (run.ok !== run.n || run.stats.refreshCalls !== 1)) {
        problems.push(`latency floor N=${run.n}: ${run.ok}/${run.n} ok, bare requests failed`);
      }
    }
    for (const id of REFRESHING) {
      if (!amplification.runs.some((run) => run.variant === id)) problems.push(`no runs: ${id}`);
    }
  }
  if (steady) {
    for (const id of STEADY) {
      const result = steady.results[id];
      if (!result || result.nsPerRequest.length !== steady.rounds) {
        problems.push(`steady state: missing rounds for ${id}`);
      } else if (result.failed > 0) {
        problems.push(`steady state: ${result.failed} requests failed for ${id}`);
      } else if (id !== 'bare' && result.counters.authorized !== result.counters.requests) {
        problems.push(`steady state: ${id} sent requests without the token`);
      }
    }
  }
  if (memory) {
    for (const id of REFRESHING) {
      if (!memory.results[id]?.every((run) => Number.isFinite(run.heapEnd))) {
        problems.push(`memory: no heap numbers for ${id}`);
      }
    }
  }
  if (startup) {
    for (const id of STARTUP) {
      const runs = startup.runs.filter((run) => run.variant === id);
      if (runs.length === 0 || !runs.every((run) => Number.isFinite(run.heldMs))) {
        problems.push(`start-up: no numbers for ${id}`);
      }
    }
  }
  if (bundle && !(bundle.results.baseline?.gzipped > 0)) problems.push('bundle: no baseline size');
  return problems;
}

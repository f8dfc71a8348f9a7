// Request counters exposed by GET /api/_stats and zeroed by POST /api/_reset.

function emptyCounters() {
  return {
    logins: 0,
    refreshCalls: 0,
    refreshSuccesses: 0,
    refreshFailures: 0,
    reuseDetections: 0,
    graceReuses: 0,
    unauthorized: 0,
    apiRequests: 0,
    apiSuccesses: 0,
    dpopProofs: 0,
    dpopNonceChallenges: 0,
    requestsByToken: {},
    requestsByGeneration: {},
  };
}

export function createStats() {
  let counters = emptyCounters();

  return {
    /** Increments a numeric counter, e.g. increment('logins'). */
    increment(name) {
      counters[name] += 1;
    },
    /** Counts an authenticated protected-resource request by token id and generation. */
    countToken({ jti, gen }) {
      counters.requestsByToken[jti] = (counters.requestsByToken[jti] ?? 0) + 1;
      counters.requestsByGeneration[gen] = (counters.requestsByGeneration[gen] ?? 0) + 1;
    },
    reset() {
      counters = emptyCounters();
    },
    snapshot() {
      return structuredClone(counters);
    },
  };
}

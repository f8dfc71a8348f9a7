// Logins made ahead of the amplification runs: every run starts from its own session whose
// access token has just expired (waiting once for all of them, instead of once per run).

/**
 * Logs in `count` times. Resolves `{ take(), expiredAt }`: `take()` hands out the next token
 * pair, `expiredAt` is when the last access token expires (ms since the epoch).
 */
export async function issueSessions(server, count, accessTtlMs) {
  const tokens = [];
  for (let i = 0; i < count; i++) tokens.push(await server.login());
  const expiredAt = Date.now() + accessTtlMs;
  return {
    expiredAt,
    take() {
      const next = tokens.shift();
      if (!next) throw new Error('ran out of pre-issued sessions');
      return next;
    },
  };
}

/** Waits until `time` (ms since the epoch) has passed. */
export async function waitUntil(time) {
  const wait = time - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

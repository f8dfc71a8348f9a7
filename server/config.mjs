// Reads the server configuration from environment variables (see README.md).
import { parseDuration } from './duration.mjs';

/**
 * @param {NodeJS.ProcessEnv} env
 */
export function readConfig(env) {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid PORT "${env.PORT}"`);
  }
  const latencyMs = env.LATENCY_MS ? Number(env.LATENCY_MS) : 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0) {
    throw new Error(`Invalid LATENCY_MS "${env.LATENCY_MS}"`);
  }
  const server = env.SERVER || 'auth';
  if (server !== 'auth' && server !== 'recorder') {
    throw new Error(`Invalid SERVER "${server}" (use auth or recorder)`);
  }
  return {
    server,
    port,
    accessTtlMs: parseDuration(env.ACCESS_TTL, 10_000),
    refreshTtlMs: parseDuration(env.REFRESH_TTL, 3_600_000),
    reuseGraceMs: parseDuration(env.REUSE_GRACE, 0),
    testMode: env.TEST_MODE === '1' || env.TEST_MODE === 'true',
    latencyMs,
    staticDir: env.STATIC_DIR || undefined,
    dpopNonce: env.DPOP_NONCE === '1' || env.DPOP_NONCE === 'true',
    exitOnStdinEnd: env.EXIT_ON_STDIN_END === '1',
  };
}

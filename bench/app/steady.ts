import { RESOURCE_URL } from './api-urls';
import { BenchClient } from './bench-client';

/** How long `count` requests took when no refresh was needed. */
export interface SteadyResult {
  ms: number;
  ok: number;
  failed: number;
}

/**
 * Sends `count` requests in batches of `batch` (all of a batch at once, the next batch when it
 * has settled) against the in-process backend, and times the whole.
 */
export async function measureSteady(
  client: BenchClient,
  count: number,
  batch: number,
): Promise<SteadyResult> {
  const result: SteadyResult = { ms: 0, ok: 0, failed: 0 };
  const t0 = performance.now();
  for (let sent = 0; sent < count; sent += batch) {
    const size = Math.min(batch, count - sent);
    await new Promise<void>((resolve) => {
      let left = size;
      const done = (ok: boolean) => {
        if (ok) result.ok++;
        else result.failed++;
        if (--left === 0) resolve();
      };
      for (let i = 0; i < size; i++) client.send(RESOURCE_URL, done);
    });
  }
  result.ms = performance.now() - t0;
  return result;
}

import { RESOURCE_URL } from './api-urls';
import { BenchClient } from './bench-client';
import { FakeAuthServer } from './in-process/fake-auth-server';

/**
 * Runs `count` refresh cycles against the in-process server: the server stops accepting the
 * current access token, then one request goes out (401, refresh, retry; or a proactive refresh).
 */
export async function runCycles(
  client: BenchClient,
  server: FakeAuthServer,
  count: number,
): Promise<{ ok: number; failed: number }> {
  let ok = 0;
  let failed = 0;
  for (let i = 0; i < count; i++) {
    server.expireAccess();
    const success = await new Promise<boolean>((resolve) =>
      client.send(RESOURCE_URL, (result) => resolve(result)),
    );
    if (success) ok++;
    else failed++;
  }
  return { ok, failed };
}

import { HttpClient } from '@angular/common/http';
import { firstValueFrom } from 'rxjs';
import { REFRESH_URL, RESOURCE_URL } from './api-urls';
import { FakeAuthServer } from './in-process';
import { TokenResponse } from './shared';
import { Done, Send, settle } from './variants';

/**
 * Starts `n` requests at once (`start(done)` sends one) and resolves how they ended, in ms from
 * `t0`, when all have settled or none has for `idleMs` (the rest count as `hung`).
 */
export function runBurst(n: number, start: (done: Done) => void, idleMs: number, t0?: number) {
  const result = { ok: 0, failed: 0, hung: 0, durationMs: 0, latencies: [] as number[] };
  const from = t0 ?? performance.now();
  let [settled, lastSettled] = [0, performance.now()];
  return new Promise<typeof result>((resolve) => {
    const finish = () => {
      clearInterval(watchdog);
      resolve({ ...result, hung: n - settled });
    };
    const watchdog = setInterval(() => performance.now() - lastSettled > idleMs && finish(), 50);
    const done = (ok: boolean) => {
      lastSettled = performance.now();
      result.durationMs = Math.max(result.durationMs, lastSettled - from);
      if (ok) result.latencies.push(lastSettled - from);
      result[ok ? 'ok' : 'failed']++;
      if (++settled === n) finish();
    };
    for (let i = 0; i < n; i++) start(done);
  });
}

/**
 * The physical floor of a refresh for `n` waiting requests: one refresh round trip, then the
 * requests with the new token, sent by a bare HttpClient; latencies count from before the refresh.
 */
export async function measureFloor(http: HttpClient, n: number, token: string, idleMs: number) {
  const t0 = performance.now();
  const body = { refreshToken: token };
  const tokens = await firstValueFrom(http.post<TokenResponse>(REFRESH_URL, body));
  const refreshMs = performance.now() - t0;
  const headers = { Authorization: `Bearer ${tokens.accessToken}` };
  const send = (done: Done) => http.get(RESOURCE_URL, { headers }).subscribe(settle(done));
  return { ...(await runBurst(n, send, idleMs, t0)), refreshMs };
}

/** Times `count` requests sent in batches of `batch` (the next batch when one has settled). */
export async function measureSteady(send: Send, count: number, batch: number) {
  const result = { ms: 0, ok: 0, failed: 0 };
  const t0 = performance.now();
  for (let sent = 0; sent < count; sent += batch) {
    const size = Math.min(batch, count - sent);
    await new Promise<void>((resolve) => {
      let left = size;
      const done = (ok: boolean) => {
        result[ok ? 'ok' : 'failed']++;
        if (--left === 0) resolve();
      };
      for (let i = 0; i < size; i++) send(RESOURCE_URL, done);
    });
  }
  result.ms = performance.now() - t0;
  return result;
}

/** `count` refresh cycles: the server rejects the access token, then one request goes out. */
export async function runCycles(send: Send, server: FakeAuthServer, count: number) {
  const result = { ok: 0, failed: 0 };
  for (let i = 0; i < count; i++) {
    server.expireAccess();
    const ok = await new Promise<boolean>((resolve) => send(RESOURCE_URL, resolve));
    result[ok ? 'ok' : 'failed']++;
  }
  return result;
}

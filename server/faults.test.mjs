// Fault injection: failing/dropped/unavailable refreshes, latency and full outages.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { bearer, login, refresh } from '../e2e/support/auth-api.mjs';
import { getJson, postJson, startServer } from '../e2e/support/start-server.mjs';

/** Resolves the elapsed ms of an async call. */
async function timed(fn) {
  const started = performance.now();
  const result = await fn();
  return { result, elapsed: performance.now() - started };
}

describe('auth server: fault injection', () => {
  let server;
  const setFaults = (faults) => postJson(`${server.url}/api/_faults`, faults);
  before(async () => {
    server = await startServer({ env: { TEST_MODE: '1' } });
  });
  beforeEach(() => postJson(`${server.url}/api/_reset`));
  after(() => server?.stop());

  test('GET/POST /api/_faults reads and merges settings', async () => {
    const initial = (await getJson(`${server.url}/api/_faults`)).body;
    assert.deepEqual(initial, {
      latencyMs: 0,
      refreshLatencyMs: 0,
      failNextRefreshes: 0,
      failMode: '500',
      refreshUnavailable: false,
      downForMs: 0,
    });
    const merged = await setFaults({ failNextRefreshes: 2 });
    assert.deepEqual(merged.body, { ...initial, failNextRefreshes: 2 });
    const invalid = await setFaults({ failMode: 'explode' });
    assert.equal(invalid.status, 400);
    assert.equal((await setFaults({ nope: 1 })).status, 400);
  });

  test('failNextRefreshes with failMode 500 fails that many refreshes, keeping the token', async () => {
    const { refreshToken } = await login(server.url);
    await setFaults({ failNextRefreshes: 2, failMode: '500' });
    for (let i = 0; i < 2; i++) {
      const failed = await refresh(server.url, refreshToken);
      assert.equal(failed.status, 500);
      assert.deepEqual(failed.body, { error: 'server_error' });
    }
    assert.equal((await refresh(server.url, refreshToken)).status, 200);
    const stats = (await getJson(`${server.url}/api/_stats`)).body;
    assert.deepEqual([stats.refreshCalls, stats.refreshFailures, stats.reuseDetections], [3, 2, 0]);
  });

  test('failMode drop destroys the socket without an answer', async () => {
    const { refreshToken } = await login(server.url);
    await setFaults({ failNextRefreshes: 1, failMode: 'drop' });
    await assert.rejects(refresh(server.url, refreshToken), TypeError);
    assert.equal((await refresh(server.url, refreshToken)).status, 200);
  });

  test('refreshUnavailable answers 503 until switched off', async () => {
    const { refreshToken } = await login(server.url);
    await setFaults({ refreshUnavailable: true });
    for (let i = 0; i < 2; i++) {
      const response = await refresh(server.url, refreshToken);
      assert.equal(response.status, 503);
      assert.deepEqual(response.body, { error: 'temporarily_unavailable' });
    }
    await setFaults({ refreshUnavailable: false });
    assert.equal((await refresh(server.url, refreshToken)).status, 200);
  });

  // Delays of 1 s against undelayed answers under 0.8 s: apart even on a machine busy with other
  // suites (a loopback answer under load has taken over 250 ms).
  test('latencyMs delays /api requests but not the control endpoints', async () => {
    const { accessToken } = await login(server.url);
    await setFaults({ latencyMs: 1000 });
    const slow = await timed(() => getJson(`${server.url}/api/profile`, bearer(accessToken)));
    assert.equal(slow.result.status, 200);
    assert.ok(slow.elapsed >= 990, `took ${slow.elapsed} ms`);
    const control = await timed(() => getJson(`${server.url}/api/_stats`));
    assert.ok(control.elapsed < 800, `took ${control.elapsed} ms`);
  });

  test('refreshLatencyMs delays only refreshes', async () => {
    const { accessToken, refreshToken } = await login(server.url);
    await setFaults({ refreshLatencyMs: 1000 });
    const slow = await timed(() => refresh(server.url, refreshToken));
    assert.equal(slow.result.status, 200);
    assert.ok(slow.elapsed >= 990, `took ${slow.elapsed} ms`);
    const fast = await timed(() => getJson(`${server.url}/api/profile`, bearer(accessToken)));
    assert.ok(fast.elapsed < 800, `took ${fast.elapsed} ms`);
  });

  test('downForMs drops every non-control /api request for that long', async () => {
    const { accessToken, refreshToken } = await login(server.url);
    // 2 s: the checks below must land inside the window on a machine busy with other suites.
    await setFaults({ downForMs: 2000 });
    const faults = (await getJson(`${server.url}/api/_faults`)).body;
    assert.ok(faults.downForMs > 0 && faults.downForMs <= 2000, `downForMs ${faults.downForMs}`);
    await assert.rejects(getJson(`${server.url}/api/profile`, bearer(accessToken)), TypeError);
    await assert.rejects(refresh(server.url, refreshToken), TypeError);
    await sleep(Math.max(0, faults.downForMs) + 50);
    assert.equal((await getJson(`${server.url}/api/profile`, bearer(accessToken))).status, 200);
    assert.equal((await refresh(server.url, refreshToken)).status, 200);
  });
});

test('LATENCY_MS sets the initial latency', async (t) => {
  const server = await startServer({ env: { TEST_MODE: '1', LATENCY_MS: '200' } });
  t.after(() => server.stop());
  assert.equal((await getJson(`${server.url}/api/_faults`)).body.latencyMs, 200);
  const { elapsed } = await timed(() => getJson(`${server.url}/api/items`));
  assert.ok(elapsed >= 190, `took ${elapsed} ms`);
});

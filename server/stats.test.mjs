// The /api/_stats counters, /api/_reset and the TEST_MODE gate.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeJwt } from 'jose';
import { bearer, login, refresh } from '../e2e/support/auth-api.mjs';
import { getJson, postJson, request, startServer } from '../e2e/support/start-server.mjs';

test('_stats counts logins, refreshes, 401s and requests per token', async (t) => {
  const server = await startServer({ env: { TEST_MODE: '1' } });
  t.after(() => server.stop());
  const api = (path, token) => getJson(`${server.url}/api${path}`, token ? bearer(token) : {});

  const first = await login(server.url);
  await api('/profile', first.accessToken);
  await api('/items', first.accessToken);
  const second = (await refresh(server.url, first.refreshToken)).body;
  await api('/profile', second.accessToken);
  await api('/profile');
  await api('/profile', 'bad.token.here');
  await refresh(server.url, 'unknown');

  const stats = (await api('/_stats')).body;
  assert.deepEqual(stats, {
    logins: 1,
    refreshCalls: 2,
    refreshSuccesses: 1,
    refreshFailures: 1,
    reuseDetections: 0,
    graceReuses: 0,
    unauthorized: 2,
    apiRequests: 5,
    apiSuccesses: 3,
    dpopProofs: 0,
    dpopNonceChallenges: 0,
    requestsByToken: {
      [decodeJwt(first.accessToken).jti]: 2,
      [decodeJwt(second.accessToken).jti]: 1,
    },
    requestsByGeneration: { 1: 2, 2: 1 },
  });

  await postJson(`${server.url}/api/_faults`, { latencyMs: 5 });
  const reset = await postJson(`${server.url}/api/_reset`);
  assert.equal(reset.status, 200);
  const zeroed = (await api('/_stats')).body;
  assert.equal(zeroed.logins, 0);
  assert.equal(zeroed.refreshCalls, 0);
  assert.equal(zeroed.unauthorized, 0);
  assert.deepEqual(zeroed.requestsByGeneration, {});
  assert.equal((await api('/_faults')).body.latencyMs, 0);
  // Families survive a reset: the current refresh token still works.
  assert.equal((await refresh(server.url, second.refreshToken)).status, 200);
});

test('test-only endpoints are 404 without TEST_MODE', async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  const api = `${server.url}/api`;
  assert.equal((await getJson(`${api}/_stats`)).status, 200);
  const attempts = [
    request(`${api}/_reset`, { method: 'POST' }),
    request(`${api}/_faults`),
    request(`${api}/_faults`, { method: 'POST', body: { failNextRefreshes: 1 } }),
    request(`${api}/_revoke-all`, { method: 'POST' }),
    request(`${api}/_expire-refresh`, { method: 'POST' }),
  ];
  for (const response of await Promise.all(attempts)) {
    assert.equal(response.status, 404);
    assert.deepEqual(response.body, { error: 'not_found' });
  }
  const { refreshToken } = await login(server.url);
  assert.equal((await refresh(server.url, refreshToken)).status, 200);
});

// Refresh-token rotation, reuse detection, expiry, cookies and logout against the real server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeJwt } from 'jose';
import { bearer, login, refresh, setCookieValue } from '../e2e/support/auth-api.mjs';
import { getJson, postJson, startServer } from '../e2e/support/start-server.mjs';

const INVALID_GRANT = { error: 'invalid_grant' };

describe('auth server: refresh tokens', () => {
  let server;
  const stats = async () => (await getJson(`${server.url}/api/_stats`)).body;
  before(async () => {
    server = await startServer({ env: { TEST_MODE: '1' } });
  });
  after(() => server?.stop());

  test('refresh rotates the refresh token and bumps the generation', async () => {
    const first = await login(server.url);
    const response = await refresh(server.url, first.refreshToken);
    assert.equal(response.status, 200);
    const second = response.body;
    assert.equal(second.tokenType, 'Bearer');
    assert.equal(second.expiresIn, 10);
    assert.notEqual(second.refreshToken, first.refreshToken);
    assert.equal(setCookieValue(response.headers, 'rt'), second.refreshToken);
    const [before, after] = [decodeJwt(first.accessToken), decodeJwt(second.accessToken)];
    assert.equal(after.sid, before.sid);
    assert.equal(after.gen, 2);
    assert.notEqual(after.jti, before.jti);

    const profile = await getJson(`${server.url}/api/profile`, bearer(second.accessToken));
    assert.deepEqual(profile.body, { sub: 'demo', gen: 2, sid: before.sid });
    const third = await refresh(server.url, second.refreshToken);
    assert.equal(decodeJwt(third.body.accessToken).gen, 3);
  });

  test('reusing a rotated token revokes the whole family', async () => {
    await postJson(`${server.url}/api/_reset`);
    const first = await login(server.url);
    const second = (await refresh(server.url, first.refreshToken)).body;

    const reuse = await refresh(server.url, first.refreshToken);
    assert.equal(reuse.status, 400);
    assert.deepEqual(reuse.body, INVALID_GRANT);
    const newest = await refresh(server.url, second.refreshToken);
    assert.equal(newest.status, 400);
    assert.deepEqual(newest.body, INVALID_GRANT);

    const counters = await stats();
    assert.equal(counters.reuseDetections, 1);
    assert.equal(counters.refreshCalls, 3);
    assert.equal(counters.refreshSuccesses, 1);
    assert.equal(counters.refreshFailures, 2);
  });

  test('unknown or missing refresh tokens are rejected', async () => {
    const unknown = await refresh(server.url, 'not-a-real-token');
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.body, INVALID_GRANT);
    const missing = await refresh(server.url, undefined);
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body, { error: 'invalid_request' });
  });

  test('accepts refresh_token in the body and the rt cookie', async () => {
    const first = await login(server.url);
    const snake = await postJson(`${server.url}/api/auth/refresh`, {
      refresh_token: first.refreshToken,
    });
    assert.equal(snake.status, 200);
    const cookie = `rt=${snake.body.refreshToken}`;
    const viaCookie = await postJson(`${server.url}/api/auth/refresh`, undefined, { cookie });
    assert.equal(viaCookie.status, 200);
    const rotated = setCookieValue(viaCookie.headers, 'rt');
    assert.equal(rotated, viaCookie.body.refreshToken);
    assert.notEqual(rotated, snake.body.refreshToken);
  });

  test('logout revokes the family and clears the cookie', async () => {
    const { refreshToken } = await login(server.url);
    const response = await postJson(`${server.url}/api/auth/logout`, { refreshToken });
    assert.equal(response.status, 204);
    assert.equal(setCookieValue(response.headers, 'rt'), '');
    const after = await refresh(server.url, refreshToken);
    assert.deepEqual([after.status, after.body], [400, INVALID_GRANT]);
  });

  test('_revoke-all and _expire-refresh invalidate refresh tokens', async () => {
    const a = await login(server.url);
    const revoked = await postJson(`${server.url}/api/_revoke-all`);
    assert.equal(revoked.status, 200);
    assert.ok(revoked.body.revoked >= 1);
    assert.equal((await refresh(server.url, a.refreshToken)).status, 400);

    const b = await login(server.url);
    const expired = await postJson(`${server.url}/api/_expire-refresh`, {
      refreshToken: b.refreshToken,
    });
    assert.deepEqual(expired.body, { expired: 1 });
    assert.equal((await refresh(server.url, b.refreshToken)).status, 400);
  });
});

test('an expired refresh token gets 400 invalid_grant (REFRESH_TTL=1s)', async (t) => {
  const server = await startServer({ env: { REFRESH_TTL: '1s' } });
  t.after(() => server.stop());
  const first = await login(server.url);
  const second = await refresh(server.url, first.refreshToken);
  assert.equal(second.status, 200);
  await sleep(1050);
  const expired = await refresh(server.url, second.body.refreshToken);
  assert.equal(expired.status, 400);
  assert.deepEqual(expired.body, INVALID_GRANT);
});

test('REUSE_GRACE repeats the answer a closed tab never received, and forgives nothing else', async (t) => {
  const server = await startServer({ env: { REUSE_GRACE: '2s', TEST_MODE: '1' } });
  t.after(() => server.stop());
  const first = await login(server.url);
  const lost = await refresh(server.url, first.refreshToken); // the answer a closed tab never saw
  assert.equal(lost.status, 200);
  const retried = await refresh(server.url, first.refreshToken);
  assert.equal(retried.status, 200);
  assert.equal(retried.body.refreshToken, lost.body.refreshToken, 'the same successor again');
  const next = await refresh(server.url, lost.body.refreshToken);
  assert.equal(next.status, 200, 'the successor is still valid');
  const twoBack = await refresh(server.url, first.refreshToken);
  assert.equal(twoBack.status, 400, 'a token two rotations back is theft, grace or not');
  const counters = (await getJson(`${server.url}/api/_stats`)).body;
  assert.equal(counters.graceReuses, 1);
  assert.equal(counters.reuseDetections, 1);
  assert.equal((await refresh(server.url, next.body.refreshToken)).status, 400, 'family revoked');
});

test('REUSE_GRACE: a late duplicate of a refresh cannot undo the rotation others hold', async (t) => {
  const server = await startServer({ env: { REUSE_GRACE: '5s', TEST_MODE: '1' } });
  t.after(() => server.stop());
  const first = await login(server.url);
  await postJson(`${server.url}/api/_faults`, { refreshLatencyMs: 600 });
  const late = refresh(server.url, first.refreshToken); // held on the server
  await sleep(100);
  await postJson(`${server.url}/api/_faults`, { refreshLatencyMs: 0 });
  const onTime = await refresh(server.url, first.refreshToken);
  assert.equal(onTime.status, 200);
  assert.equal((await late).status, 200);
  const next = await refresh(server.url, onTime.body.refreshToken);
  assert.equal(next.status, 200, 'the token the open tabs hold still works');
  assert.equal((await getJson(`${server.url}/api/_stats`)).body.reuseDetections, 0);
});

test('without REUSE_GRACE a second use of a rotated token is theft', async (t) => {
  const server = await startServer({ env: { TEST_MODE: '1' } });
  t.after(() => server.stop());
  const first = await login(server.url);
  assert.equal((await refresh(server.url, first.refreshToken)).status, 200);
  assert.equal((await refresh(server.url, first.refreshToken)).status, 400);
});
